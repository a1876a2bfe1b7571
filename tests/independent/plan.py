#!/usr/bin/env python3
"""An independent check of the planner: the least total effort of rating
changes that brings every dimension of a mission to its target (or, where
no change of the rated factors can, to the highest level they reach), found
by exact dynamic programming rather than the crate's branch and bound.

    python3 tests/independent/plan.py                  # every sample
    python3 tests/independent/plan.py FILE.toml ...    # other missions

The problem, from the planner's documentation and DESIGN.md: only rated
factors change (an enabler up, a barrier down, one step 0.25 of its weight
on every dimension, at the cost of its effort, the mission's override
first); unrated factors stay at the middle of the scale, and ruled-out or
not-applicable ones out of the sums. The aim per dimension is its target
(the highest the missing context keys allow), or the highest level the
rated factors reach at their best (unknown gates failing). Every gate of
the aimed-at level and below that binds is met by the steps it forces; the
thresholds leave a covering problem, one linear constraint per dimension
over integer steps. Its least cost is found by a dynamic programme over
cost, keeping per cost the Pareto front of (points gained per dimension,
each capped at what is still missing): exact, as slow as the front is
large. Nothing is shared with the crate.
"""

import json
import pathlib
import sys
from fractions import Fraction

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import score  # noqa: E402


def problem(book, mission):
    ctx = mission.get("context", {})
    ratings = score.ratings_of(book, mission)
    efforts = {f["id"]: mission.get("effort", {}).get(f["id"], f["effort"]) for f in book.factors}
    cost = {fid: Fraction(str(book.effort_cost[e])) for fid, e in efforts.items()}
    best = score.maxed(book, ratings)
    a = score.assess(book, mission)
    aims = {}
    for x, d in zip(a["dimensions"], book.dims):
        if not x["applicable"]:
            continue
        e, r, u = score.tally(book, best, d)
        reach = score.place(book, ctx, best, d, score.scores(e, r, u)[0], False)
        aims[d] = min(book.levels.index(x["target"]), reach)
    # Forced steps: every binding gate of the aimed-at levels and below.
    forced = {}
    for d, aim in aims.items():
        for l in range(1, aim + 1):
            for g in score.gates_of(book, l, d):
                if score.condition(g.get("when"), ctx) == "no":
                    continue
                fid = g["factor"]
                r = ratings[fid]
                if r not in score.STEP:
                    continue  # unknown: no plan meets it (reach says so)
                f = book.factor[fid]
                if "at-least" in g:
                    need = score.STEP[g["at-least"]] - score.STEP[r]
                else:
                    need = score.STEP[r] - score.STEP[g["at-most"]]
                # Moving toward the best: an enabler's gate at-least, a
                # barrier's at-most (the others never bind a plan).
                good = ("at-least" in g) == (f["polarity"] == "enabler")
                if need > 0 and good:
                    forced[fid] = max(forced.get(fid, 0), need)
    # Room per rated factor, toward its best.
    room = {}
    for f in book.factors:
        r = ratings[f["id"]]
        if r in score.STEP:
            s = score.STEP[r]
            room[f["id"]] = 4 - s if f["polarity"] == "enabler" else s
    # Deficits in sixteenths of weight (exact): 16 (threshold T / 100 - E).
    deficit = {}
    for d, aim in aims.items():
        e, r, u = score.tally(book, ratings, d)
        total = Fraction(str(r)) + Fraction(str(u))
        earned = Fraction(str(e)) + Fraction(str(u)) / 2
        for fid, k in forced.items():
            earned += Fraction(str(book.weight[fid][d])) * k / 4
        need = Fraction(str(book.threshold[(aim, d)])) / 100 * total - earned
        deficit[d] = max(0, -((-need * 16) // 1))  # ceiling
    return ratings, cost, room, forced, deficit, aims


def least_cost(book, cost, room, forced, deficit):
    dims = list(deficit)
    cap = tuple(deficit[d] for d in dims)
    items = []
    for fid, rm in room.items():
        k0 = forced.get(fid, 0)
        left = rm - k0
        gain = tuple(int(Fraction(str(book.weight[fid][d])) * 4) for d in dims)
        if left > 0 and any(gain) and cost[fid] > 0:
            items.append((fid, left, gain, cost[fid]))
    base = sum(cost[f] * k for f, k in forced.items())
    unit = Fraction(1)
    for _, _, _, c in items:
        while (c / unit).denominator != 1:
            unit /= 2
    # front[c]: the capped gain vectors reachable at cost c (in units of
    # the costs' common divisor) that no other vector at cost c beats and
    # that no lower cost reaches already.
    front = {0: {tuple(0 for _ in dims)}}

    def clip(v):
        return tuple(min(x, m) for x, m in zip(v, cap))

    def prune(points, seen):
        kept = []
        for p in sorted(points - seen, reverse=True):
            if not any(all(a >= b for a, b in zip(q, p)) for q in kept):
                kept.append(p)
        return set(kept)

    best = None
    for fid, left, gain, c in items:
        cu = int(c / unit)
        new = {k: set(v) for k, v in front.items()}
        for c0, pts in front.items():
            for k in range(1, left + 1):
                c1 = c0 + k * cu
                if best is not None and c1 > best:
                    break
                step = tuple(k * g for g in gain)
                new.setdefault(c1, set()).update(
                    clip(tuple(x + y for x, y in zip(p, step))) for p in pts
                )
        front, seen = {}, set()
        for k in sorted(new):
            if best is not None and k > best:
                break
            here = prune(new[k], seen)
            if here:
                front[k] = here
                seen |= here
                if cap in here:
                    best = k
                    break
    if best is None:
        return None
    return base + best * unit


def main(argv):
    paths = [pathlib.Path(a) for a in argv] or score.SAMPLES
    book = score.Book(score.load(score.RULEBOOK))
    for p in paths:
        mission = score.load(p)
        ratings, cost, room, forced, deficit, aims = problem(book, mission)
        total = least_cost(book, cost, room, forced, deficit)
        print(
            f"{p.name}: least effort {float(total) if total is not None else None}"
            f" (forced {', '.join(f'{f}+{k}' for f, k in forced.items()) or 'nothing'};"
            f" aims {', '.join(book.levels[a] for a in aims.values())};"
            f" deficits in sixteenths {json.dumps(deficit)})"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
