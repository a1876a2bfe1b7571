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

It also prints the exact radius, worked out in closed form rather than by
the engine's sort: the point score is sum w e / sum w over the applicable
factors (unrated ones earning one half); with every weight moved to
w (1 + d), |d| <= x, the score falls below a threshold T first where the
factors earning more than T lose weight and the others gain, that is at
x = sum w (e - T) / sum w |e - T|, and reaches the next threshold T' (when
that level's gates hold, unknown gates failing) at
x = sum w (T' - e) / sum w |e - T'|. The radius is the smaller, in percent,
none where it is 100% or more (a weight would turn negative first). The
first movers are the factors with the largest w |e - T| at that threshold,
the rulebook's order among equals. (The engine measures from the threshold
less its tolerance of 1e-9, so among exact equals it puts the factors
earning more than T first: another order of equals, not a disagreement.)
"""

import random
import sys
from fractions import Fraction

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


def radius(book, mission):
    """Per dimension: (radius percent or None, direction, first movers)."""
    ctx = mission.get("context", {})
    ratings = score.ratings_of(book, mission)
    out = []
    for x in score.assess(book, mission)["dimensions"]:
        d = x["id"]
        level = book.levels.index(x["level"])
        terms = []
        for f in book.factors:
            r = ratings[f["id"]]
            w = book.weight[f["id"]][d]
            if w <= 0:
                continue
            if r in score.STRENGTH:
                terms.append((f["id"], w, score.earns(f, r)))
            elif r == "unknown":
                terms.append((f["id"], w, 0.5))
        sides = []
        if level > 0:
            sides.append(("down", book.threshold[(level, d)] / 100))
        if level + 1 < len(book.levels):
            gates = [
                g
                for g in score.gates_of(book, level + 1, d)
                if score.condition(g.get("when"), ctx) != "no"
            ]
            if all(score.gate_holds(g, ratings[g["factor"]], False) for g in gates):
                sides.append(("up", book.threshold[(level + 1, d)] / 100))
        best = None
        for direction, t in sides:
            moved = sum(w * abs(e - t) for _, w, e in terms)
            if moved <= 0:
                continue
            gap = sum(w * (e - t) for _, w, e in terms)
            r = (gap if direction == "down" else -gap) / moved
            if r < 1 and (best is None or r < best[0] - 1e-12):
                # Exactly (weights and shares are fractions), so that equal
                # products tie and keep the rulebook's order.
                tf = Fraction(str(t))
                movers = sorted(
                    enumerate(terms),
                    key=lambda it: (-Fraction(str(it[1][1])) * abs(Fraction(str(it[1][2])) - tf), it[0]),
                )
                best = (r, direction, [fid for _, (fid, _, _) in movers[:5]])
            elif best is not None and abs(r - best[0]) <= 1e-12:
                best = (best[0], "both", best[2])
        out.append((d, None, None, []) if best is None else (d, 100 * best[0], best[1], best[2]))
    return out


def main(argv):
    book = score.Book(score.load(score.RULEBOOK))
    if argv and argv[0] == "--blank":
        mission = {"mission": {"name": "Blank"}}
    else:
        mission = score.load(argv[0])
    noise = float(argv[1]) if len(argv) > 1 else 20.0
    samples = int(argv[2]) if len(argv) > 2 else 100_000
    exact = radius(book, mission)
    for (d, x, direction, movers), p in zip(exact, hold_share(book, mission, noise, samples)):
        se = (p * (1 - p) / samples) ** 0.5
        where = "no radius" if x is None else f"radius {x:.4f}% {direction}"
        print(f"{d:<15} {p:.4f} (standard error {se:.4f}); {where}")
        if movers:
            print(f"{'':<15} first movers: {' '.join(movers)}")


if __name__ == "__main__":
    main(sys.argv[1:])
