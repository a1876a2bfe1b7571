"""Timing of the Python package: one assessment, and 100,000 scenarios through
``score_batch``, beside pymcdm's weighted sum (WSM) of the same matrix.

    python python/bench.py            # from the repository's root, after
                                      # maturin develop --release (or pip install ./python)

Each figure is the median of several runs, after a warm-up. The Rust figure to
compare ``score_batch`` with is criterion's ``assess/batch_1000`` (``cargo bench
--bench scoring -- assess/batch_1000``): 1,000 missions through the library's
batch scorer, divided by 1,000 for a figure per scenario.
"""

from __future__ import annotations

import platform
import statistics
import sys
import time
from typing import Callable, List

import numpy as np

import integration_readiness as ir

SAMPLE = "examples/missions/consolidation-after-ceasefire.toml"
N = 100_000


def median_seconds(f: Callable[[], object], runs: int) -> float:
    f()
    times: List[float] = []
    for _ in range(runs):
        t = time.perf_counter()
        f()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    m = ir.Mission.from_path(SAMPLE)
    rb = m.rulebook
    nf, nd = len(rb.factors), len(rb.dimensions)
    print(f"Python {platform.python_version()} on {platform.machine()}, numpy {np.__version__}")

    t_assess = median_seconds(lambda: ir.assess(m), 30)
    t_load_assess = median_seconds(lambda: ir.assess(ir.Mission.from_path(SAMPLE)), 30)
    t_one = median_seconds(lambda: ir.score_batch(m, np.array([m.rating_codes()], dtype=np.int8)), 2000)

    own = np.tile(np.array(m.rating_codes(), dtype=np.int8), (N, 1))
    rng = np.random.default_rng(2007)
    random = rng.integers(-1, 5, size=(N, nf), dtype=np.int8)
    t_own = median_seconds(lambda: ir.score_batch(m, own), 7)
    t_random = median_seconds(lambda: ir.score_batch(m, random), 7)

    rows = [
        ("assess (assessment, fix first and plan, as a result object)", t_assess, 1),
        ("Mission.from_path + assess", t_load_assess, 1),
        ("score_batch, 1 scenario (call overhead)", t_one, 1),
        (f"score_batch, {N:,} scenarios, the sample's ratings", t_own, N),
        (f"score_batch, {N:,} scenarios, random ratings", t_random, N),
    ]

    try:
        from pymcdm.methods import WSM
    except ImportError:
        print("pymcdm is not installed (pip install pymcdm): its row is left out", file=sys.stderr)
    else:
        # The same matrix as strengths (unknown at the middle of the scale), one
        # dimension's criteria (the factors that weigh on it), its weights summing
        # to 1, enablers as profits and barriers as costs; the normalization is the
        # library's own (a strength is already on 0..1; a cost earns 1 - s).
        strengths = np.where(random < 0, 0.5, random / 4.0)
        weights = np.array(rb.weights)
        types = np.array([1 if p == "enabler" else -1 for p in rb.polarities])
        wsm = WSM(normalization_function=lambda x, cost: 1.0 - x if cost else x)

        def one_dimension(d: int) -> object:
            cols = weights[:, d] > 0
            w = weights[cols, d] / weights[cols, d].sum()
            return wsm(strengths[:, cols], w, types[cols], validation=False)

        t_wsm1 = median_seconds(lambda: one_dimension(0), 7)
        t_wsm3 = median_seconds(lambda: [one_dimension(d) for d in range(nd)], 5)
        rows += [
            (f"pymcdm WSM, {N:,} alternatives, 1 dimension", t_wsm1, N),
            (f"pymcdm WSM, {N:,} alternatives, {nd} dimensions", t_wsm3, N),
        ]

    width = max(len(r[0]) for r in rows)
    print(f"{'':{width}}  {'total':>12}  {'per scenario':>14}")
    for name, t, n in rows:
        per = f"{t / n * 1e9:,.0f} ns" if n > 1 else ""
        print(f"{name:{width}}  {t * 1e3:>9.3f} ms  {per:>14}")


if __name__ == "__main__":
    main()
