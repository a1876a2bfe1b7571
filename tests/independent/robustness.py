#!/usr/bin/env python3
"""An independent estimate of the robustness analysis' Monte Carlo share:
the chance that a dimension's point level holds when every weight moves by
a uniform random amount within +-noise% and every factor without evidence
gets a rating drawn uniformly from the five words (which enters the score
and the gates). Plain sampling with Python's own generator, many more
samples than the engine draws, so that its standard error is small beside
the engine's; nothing is shared with the crate.

    python3 tests/independent/robustness.py MISSION.toml [NOISE] [SAMPLES]
    python3 tests/independent/robustness.py --blank [NOISE] [SAMPLES]

`--blank` is a mission with no evidence and no context (the template).
"""

import random
import sys

import score


def hold_share(book, mission, noise_percent=20.0, samples=100_000, seed=2007):
    ctx = mission.get("context", {})
    ratings = score.ratings_of(book, mission)
    point = score.assess(book, mission)["dimensions"]
    point_level = [book.levels.index(x["level"]) for x in point]
    words = list(score.STRENGTH)
    sigma = noise_percent / 100.0
    rng = random.Random(seed)
    held = [0] * len(book.dims)
    for _ in range(samples):
        drawn = {
            f: (rng.choice(words) if r == "unknown" else r) for f, r in ratings.items()
        }
        moves = {f["id"]: 1.0 + sigma * (2.0 * rng.random() - 1.0) for f in book.factors}
        for i, d in enumerate(book.dims):
            earned = total = 0.0
            for f in book.factors:
                r = drawn[f["id"]]
                if r not in score.STRENGTH:
                    continue
                w = book.weight[f["id"]][d] * moves[f["id"]]
                s = score.STRENGTH[r]
                earned += w * (s if f["polarity"] == "enabler" else 1.0 - s)
                total += w
            sc = 100.0 * earned / total if total > 0 else 0.0
            level = score.place(book, ctx, drawn, d, sc, False)
            held[i] += level == point_level[i]
    return [h / samples for h in held]


def main(argv):
    book = score.Book(score.load(score.RULEBOOK))
    if argv and argv[0] == "--blank":
        mission = {"mission": {"name": "Blank"}}
    else:
        mission = score.load(argv[0])
    noise = float(argv[1]) if len(argv) > 1 else 20.0
    samples = int(argv[2]) if len(argv) > 2 else 100_000
    for d, p in zip(book.dims, hold_share(book, mission, noise, samples)):
        se = (p * (1 - p) / samples) ** 0.5
        print(f"{d:<15} {p:.4f} (standard error {se:.4f})")


if __name__ == "__main__":
    main(sys.argv[1:])
