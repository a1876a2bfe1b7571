#!/usr/bin/env python3
"""An independent re-implementation of the assessment method, for pinning
the sample missions' numbers in tests/it/samples.rs.

It reads the rulebook and the missions as TOML (the standard library's
`tomllib`, Python 3.11 or later) and follows the design (DESIGN.md,
sections "Scoring", "Placement on the spectrum", "Targets", "Verdicts") and the
rulebook's own comments. It shares no code with the crate and reads none of
its output: where the two disagree, the method decides which is right.

    python3 tests/independent/score.py                 # every sample, as a table
    python3 tests/independent/score.py --json          # the same, as JSON
    python3 tests/independent/score.py FILE.toml ...   # other missions

The method, in short:

* strength: none 0, low 0.25, partial 0.5, high 0.75, full 1. An enabler
  earns w*s, a barrier w*(1 - s). Not-applicable factors, and factors whose
  `applies-when` the context rules out (a key the mission gives with another
  value), leave both sums; a rating of a ruled-out factor is a warning. A
  factor without evidence is unknown. A key the mission leaves out rules
  nothing out: the factor applies.
* score(d) = 100 * (sum of earned + 0.5 * unknown weight) / (rated + unknown
  weight); range = [earned / total, (earned + unknown) / total] * 100;
  coverage = rated / total.
* level: staged. Level L is reached when the score meets L's threshold and
  every binding gate of L holds, and so for every level below. A gate binds
  unless its `when` is ruled out (a key left out: it binds); a gate on a
  not-applicable or ruled-out factor holds; an unknown factor fails it
  (point and pessimistic levels) or holds it (optimistic level). Point
  level: point score; pessimistic: lowest score; optimistic: highest score
  with unknown gates holding. Rating `not-applicable` a factor whose
  `applies-when` holds or reads a key the mission leaves out, or the
  factor of a `waivable = false` gate that binds, is an error.
* target: for a complete context, the highest `at-least` of the matching
  mission-wide rules (no `roles`) or the dimension's default, capped by the
  lowest matching `at-most`. A missing context key: every declared value is
  tried (a completion); the target is the highest, the range spans them all.
* verdict: undetermined when nothing applies, nothing is rated or coverage
  is below the rulebook's `min-coverage` (0.5 when left out), or when the
  verdict differs across the completions of the missing keys (each
  completion with its own verdict: its own score, coverage and level, since
  a gate's `when` or a factor's `applies-when` may read a missing key, and
  its own target and cap; a completion below the minimum coverage gives
  none). A factor the mission declares not-applicable (whatever its note),
  where the context does not rule it out, counts as unrated for that
  minimum: when the coverage with its weight added to the total falls
  under it (and coverage alone does not), the verdict is undetermined for
  a declared not-applicable, and what to rate first draws from those
  factors as well as the unknown ones.
  Otherwise above-target when the level is above a binding cap, ready at or
  above the target, stretch one level short, not-ready further.
* provisional: the pessimistic and optimistic levels differ.
* overall: dimension-weighted means of the scores over the dimensions where
  something applies; coverage over all applicable weight; verdict the worst
  of the dimensions (ready < above-target < stretch < not-ready), or
  undetermined when any is, or when overall coverage is below the minimum.
* entities: an entity holds one role or several. The rules limited to any
  of its roles apply to it, and the mission-wide rules too if any of its
  roles follows the mission (`follows-mission`, true when left out); the
  target per dimension is the highest floor (or the default) capped by the
  lowest cap, per completion, its level the highest over the completions.
  Over-integrated: the declared level is above the cap in every completion
  (a cap that binds whatever the missing keys are). Under-integrated: below
  the highest floor of a rule limited to one of its roles, whose `when` the
  given context matches, among the floors at most the lowest target (a
  floor a cap overrides asks nothing).
* themes: a theme pools its factors over every dimension (each factor with
  the sum of its weights); unknown at the middle; coverage the rated share.
* consistency rules: a warning where every condition holds on a rating.
"""

import itertools
import json
import pathlib
import sys
import tomllib

ROOT = pathlib.Path(__file__).resolve().parents[2]
RULEBOOK = ROOT / "src" / "rulebooks" / "oslo-2007.toml"
SAMPLES = sorted((ROOT / "examples" / "missions").glob("*.toml"))

STRENGTH = {"none": 0.0, "low": 0.25, "partial": 0.5, "high": 0.75, "full": 1.0}
STEP = {"none": 0, "low": 1, "partial": 2, "high": 3, "full": 4}
VERDICT_ORDER = ["ready", "above-target", "stretch", "not-ready", "undetermined"]
TOL = 1e-9
# What a factor that the context rules out is, beside the mission's words.
RULED_OUT = "ruled-out"


def load(path):
    with open(path, "rb") as f:
        return tomllib.load(f)


def as_list(v):
    return v if isinstance(v, list) else [v]


def condition(when, ctx):
    """'yes', 'no' or 'open' (some key left out, none contradicting)."""
    is_open = False
    for key, vals in (when or {}).items():
        if key not in ctx:
            is_open = True
        elif ctx[key] not in as_list(vals):
            return "no"
    return "open" if is_open else "yes"


class Book:
    def __init__(self, data):
        self.data = data
        self.levels = [l["id"] for l in data["level"]]
        self.dims = [d["id"] for d in data["dimension"]]
        self.dim_weight = {d["id"]: d.get("weight", 1.0) for d in data["dimension"]}
        self.default_target = {
            d["id"]: self.levels.index(d["default-target"]) for d in data["dimension"]
        }
        dw = data["rulebook"].get("default-weight", 1.0)
        self.min_coverage = data["rulebook"].get("min-coverage", 0.5)
        self.factors = data["factor"]
        self.factor = {f["id"]: f for f in self.factors}
        self.weight = {
            f["id"]: {d: f.get("weights", {}).get(d, dw) for d in self.dims}
            for f in self.factors
        }
        self.threshold = {}
        for i, l in enumerate(data["level"]):
            for d in self.dims:
                self.threshold[(i, d)] = l.get("threshold", {}).get(d, 0.0) if i else 0.0
        self.gates = data.get("gate", [])
        self.rules = data.get("rule", [])
        self.keys = {c["key"]: c["values"] for c in data.get("context", [])}
        self.follows = {r["id"]: r.get("follows-mission", True) for r in data.get("role", [])}
        self.consistency = data.get("consistency", [])
        self.themes = [t["id"] for t in data.get("theme", [])]
        self.effort_cost = {
            k: v for k, v in data.get("effort-cost", {}).items() if k != "reason"
        }


def ratings_of(book, mission, ctx=None):
    """factor id -> rating word ('unknown' without evidence; RULED_OUT where
    the context rules the factor out)."""
    if ctx is None:
        ctx = mission.get("context", {})
    ev = mission.get("evidence", {})
    out = {}
    for f in book.factors:
        r = ev.get(f["id"], {}).get("rating", "unknown")
        if condition(f.get("applies-when"), ctx) == "no":
            r = RULED_OUT
        out[f["id"]] = r
    return out


def problems(book, mission):
    """(errors, warnings) of the evidence against the context: not-applicable
    where the factor applies or a non-waivable gate binds is an error; a
    rating of a factor the context rules out, and ratings a consistency rule
    finds contradictory, are warnings (ids only)."""
    ctx = mission.get("context", {})
    ev = mission.get("evidence", {})
    errors, warnings = [], []
    for f in book.factors:
        r = ev.get(f["id"], {}).get("rating")
        applies = condition(f.get("applies-when"), ctx)
        if r not in (None, "not-applicable") and applies == "no":
            warnings.append(f"ruled-out:{f['id']}")
        if r == "not-applicable" and applies == "yes" and f.get("applies-when"):
            errors.append(f"applies:{f['id']}")
        if r == "not-applicable" and applies == "open":
            errors.append(f"applies-open:{f['id']}")
        if r == "not-applicable" and applies != "no":
            for g in book.gates:
                if g["factor"] == f["id"] and g.get("waivable", True) is False:
                    if condition(g.get("when"), ctx) != "no":
                        errors.append(f"non-waivable:{f['id']}")
                        break
    ratings = ratings_of(book, mission)
    for rule in book.consistency:
        hold = True
        for c in rule["all"]:
            r = ratings[c["factor"]]
            if r not in STEP:
                hold = False
            elif "at-least" in c and STEP[r] < STEP[c["at-least"]]:
                hold = False
            elif "at-most" in c and STEP[r] > STEP[c["at-most"]]:
                hold = False
        if hold:
            warnings.append(f"consistency:{rule['id']}")
    return errors, warnings


def earns(f, r):
    s = STRENGTH[r]
    return s if f["polarity"] == "enabler" else 1.0 - s


def tally(book, ratings, d):
    earned = rated = unknown = 0.0
    for f in book.factors:
        w = book.weight[f["id"]][d]
        r = ratings[f["id"]]
        if r in STRENGTH:
            earned += w * earns(f, r)
            rated += w
        elif r == "unknown":
            unknown += w
    return earned, rated, unknown


def scores(earned, rated, unknown):
    total = rated + unknown
    if total <= 0:
        return 0.0, 0.0, 0.0, 0.0
    return (
        100 * (earned + 0.5 * unknown) / total,
        100 * earned / total,
        100 * (earned + unknown) / total,
        rated / total,
    )


def gate_holds(gate, r, optimistic):
    if r == "unknown":
        return optimistic
    if r in ("not-applicable", RULED_OUT):
        return True
    if "at-least" in gate:
        return STEP[r] >= STEP[gate["at-least"]]
    return STEP[r] <= STEP[gate["at-most"]]


def gates_of(book, l, d):
    lid = book.levels[l]
    return [
        g
        for g in book.gates
        if g["level"] == lid and d in g.get("dimensions", book.dims)
    ]


def failing(book, ctx, ratings, d, l, score, optimistic):
    """What stops level l: ['threshold'] and the failing gates' factors."""
    out = []
    if score + TOL < book.threshold[(l, d)]:
        out.append("threshold")
    for g in gates_of(book, l, d):
        if condition(g.get("when"), ctx) == "no":
            continue
        if not gate_holds(g, ratings[g["factor"]], optimistic):
            out.append(g["factor"])
    return out


def place(book, ctx, ratings, d, score, optimistic):
    for l in range(1, len(book.levels)):
        if failing(book, ctx, ratings, d, l, score, optimistic):
            return l - 1
    return len(book.levels) - 1


def bounds(book, ctx, d, roles=None):
    """(floor, cap or None) on d for a complete ctx: the mission's own when
    roles is None, else an entity's of those roles."""
    floor = book.default_target[d]
    cap = None
    follows = roles is None or any(book.follows.get(r, True) for r in roles)
    for rule in book.rules:
        if d not in rule["dimensions"] or condition(rule.get("when"), ctx) != "yes":
            continue
        limited = rule.get("roles")
        if limited:
            if roles is None or not set(limited) & set(roles):
                continue
        elif not follows:
            continue
        if "at-least" in rule:
            floor = max(floor, book.levels.index(rule["at-least"]))
        else:
            c = book.levels.index(rule["at-most"])
            cap = c if cap is None else min(cap, c)
    return floor, cap


def decide(book, ctx, d, roles=None):
    """(level, cap or None) of the target on d, ctx complete."""
    floor, cap = bounds(book, ctx, d, roles)
    level = floor if cap is None else min(floor, cap)
    return level, cap


def completions(book, ctx):
    missing = [k for k in book.keys if k not in ctx]
    for values in itertools.product(*(book.keys[k] for k in missing)):
        c = dict(ctx)
        c.update(zip(missing, values))
        yield c


def open_keys(book, ctx, d, roles=None):
    """The missing keys whose value changes the target on d or its cap:
    two completions that differ in that key alone set a different target
    or cap."""
    missing = [k for k in book.keys if k not in ctx]
    full = list(completions(book, ctx))
    target = {tuple(sorted(c.items(), key=str)): decide(book, c, d, roles) for c in full}
    out = []
    for k in missing:
        for c in full:
            for v in book.keys[k]:
                other = dict(c)
                other[k] = v
                if target[tuple(sorted(other.items(), key=str))] != decide(book, c, d, roles):
                    out.append(k)
                    break
            if out and out[-1] == k:
                break
    return out


def verdict_of(level, target, cap):
    if cap is not None and level > cap:
        return "above-target"
    short = target - level
    return "ready" if short <= 0 else "stretch" if short == 1 else "not-ready"


def maxed(book, ratings):
    out = {}
    for f in book.factors:
        r = ratings[f["id"]]
        if r in STRENGTH:
            r = "full" if f["polarity"] == "enabler" else "none"
        out[f["id"]] = r
    return out


def entity_result(book, ctx, e):
    roles = as_list(e["role"])
    current = e.get("current", {})
    target, target_range, over, under, under_floors = {}, {}, [], [], []
    keys = {}
    full = list(completions(book, ctx))
    for d in book.dims:
        outcomes = [decide(book, c, d, roles) for c in full]
        ts = [t for t, _ in outcomes]
        target[d] = book.levels[max(ts)]
        target_range[d] = [book.levels[min(ts)], book.levels[max(ts)]]
        keys[d] = open_keys(book, ctx, d, roles)
        if d not in current:
            continue
        cur = book.levels.index(current[d])
        if all(cap is not None and cur > cap for _, cap in outcomes):
            over.append(d)
        floors = [
            book.levels.index(rule["at-least"])
            for rule in book.rules
            if "at-least" in rule
            and d in rule["dimensions"]
            and set(rule.get("roles") or []) & set(roles)
            and condition(rule.get("when"), ctx) == "yes"
        ]
        floors = [f for f in floors if f <= min(ts)]
        if floors and cur < max(floors):
            under.append(d)
            under_floors.append([d, book.levels[max(floors)]])
    return {
        "name": e["name"],
        "roles": roles,
        "target": [target[d] for d in book.dims],
        "target_range": [target_range[d] for d in book.dims],
        "open_keys": [keys[d] for d in book.dims],
        "over_integrated": over,
        "under_integrated": under,
        "under_floors": under_floors,
    }


def theme_results(book, ratings):
    out = []
    for t in book.themes:
        earned = rated = unknown = 0.0
        for f in book.factors:
            if f["theme"] != t:
                continue
            w = sum(book.weight[f["id"]][d] for d in book.dims)
            r = ratings[f["id"]]
            if r in STRENGTH:
                earned += w * earns(f, r)
                rated += w
            elif r == "unknown":
                unknown += w
        total = rated + unknown
        out.append(
            {
                "id": t,
                "score": 100 * (earned + 0.5 * unknown) / total if rated > 0 else None,
                "coverage": rated / total if total > 0 else 0.0,
                "earned": earned,
                "rated": rated,
                "unknown": unknown,
            }
        )
    return out


def declared(book, ratings):
    """Ids of the factors the mission declares not-applicable (a factor the
    context rules out is RULED_OUT in `ratings`, not a declaration)."""
    return [f["id"] for f in book.factors if ratings[f["id"]] == "not-applicable"]


def certain(rated, level_range, outcomes):
    """'stretch' or 'not-ready' when something is rated and both ends of the
    level range give that verdict against every (target, cap) outcome."""
    if rated <= 0:
        return None
    ends = {verdict_of(l, t, cap) for l in level_range for t, cap in outcomes}
    if len(ends) == 1 and ends <= {"stretch", "not-ready"}:
        return ends.pop()
    return None


def declared_rule(book, ctx, ratings, d, verdict, outcomes):
    """(verdict, whether the rule took it) after the rule on declared
    not-applicable: undetermined when the rated weight falls under the
    minimum with the declared factors counted as unrated, unless the verdict
    is a shortfall that holds with them unknown too."""
    claims = declared(book, ratings)
    claimed = sum(book.weight[fid][d] for fid in claims)
    earned, rated, unknown = tally(book, ratings, d)
    if claimed <= 0 or (rated > 0 and rated / (rated + unknown + claimed) + TOL >= book.min_coverage):
        return verdict, False
    opened = {k: ("unknown" if k in claims else v) for k, v in ratings.items()}
    e2, r2, u2 = tally(book, opened, d)
    _, low, high, _ = scores(e2, r2, u2)
    rng = (place(book, ctx, opened, d, low, False), place(book, ctx, opened, d, high, True))
    sure = certain(r2, rng, outcomes)
    if sure is not None and sure == verdict:
        return verdict, False
    return "undetermined", True


def assess(book, mission):
    ctx = mission.get("context", {})
    ratings = ratings_of(book, mission)
    claims = declared(book, ratings)
    best_ratings = maxed(book, ratings)
    full = [(c, ratings_of(book, mission, c)) for c in completions(book, ctx)]
    dims = []
    for d in book.dims:
        earned, rated, unknown = tally(book, ratings, d)
        point, low, high, coverage = scores(earned, rated, unknown)
        applies = rated + unknown > 0
        level = place(book, ctx, ratings, d, point, False)
        lo = place(book, ctx, ratings, d, low, False)
        hi = place(book, ctx, ratings, d, high, True)
        outcomes = [decide(book, c, d) for c, _ in full]
        targets = [t for t, _ in outcomes]
        # Each completion with its own verdict: a missing key may rule a
        # factor out of the sums (moving the score and the coverage) or a
        # gate out of force, besides setting the target.
        levels, verdicts = [], set()
        for (c, r), (t, cap) in zip(full, outcomes):
            c_earned, c_rated, c_unknown = tally(book, r, d)
            c_point, c_low, c_high, c_coverage = scores(c_earned, c_rated, c_unknown)
            lc = place(book, c, r, d, c_point, False)
            levels.append(lc)
            c_range = (place(book, c, r, d, c_low, False), place(book, c, r, d, c_high, True))
            low_coverage = False
            if c_rated + c_unknown <= 0:
                v = "undetermined"
            elif c_rated <= 0 or c_coverage + TOL < book.min_coverage:
                v = certain(c_rated, c_range, [(t, cap)])
                low_coverage = v is None
                v = v or "undetermined"
            else:
                v = verdict_of(lc, t, cap)
            if not low_coverage:
                v = declared_rule(book, c, r, d, v, [(t, cap)])[0]
            verdicts.add(v)
        if not applies:
            verdict, why = "undetermined", "nothing-applies"
        elif (rated <= 0 or coverage + TOL < book.min_coverage) and not certain(
            rated, (lo, hi), outcomes
        ):
            verdict, why = "undetermined", "low-coverage"
        elif len(verdicts) > 1 or verdicts == {"undetermined"}:
            verdict, why = "undetermined", "missing-context"
        else:
            verdict, why = verdicts.pop(), None
        if why != "low-coverage":
            after, took = declared_rule(book, ctx, ratings, d, verdict, outcomes)
            if took:
                verdict, why = after, "declared-not-applicable"
        # What to rate first: the unrated factors (unknown, or declared
        # not-applicable) with the most weight here, until the coverage,
        # those counted as unrated, reaches the minimum.
        rate_first = []
        claimed_total = rated + unknown + sum(book.weight[fid][d] for fid in claims)
        if claimed_total > 0 and not (
            rated > 0 and rated / claimed_total + TOL >= book.min_coverage
        ):
            unrated = [
                (book.weight[f["id"]][d], i, f["id"])
                for i, f in enumerate(book.factors)
                if (ratings[f["id"]] == "unknown" or f["id"] in claims)
                and book.weight[f["id"]][d] > 0
            ]
            unrated.sort(key=lambda x: (-x[0], x[1]))
            r = rated
            for w, _, fid in unrated:
                if r > 0 and r / claimed_total + TOL >= book.min_coverage:
                    break
                r += w
                rate_first.append(fid)
        # Out of reach: every rated factor at its best, the unrated at the
        # middle of the scale, unknown gates failing.
        target = max(targets)
        b_earned, b_rated, b_unknown = tally(book, best_ratings, d)
        best_score = scores(b_earned, b_rated, b_unknown)[0]
        best = place(book, ctx, best_ratings, d, best_score, False)
        out_of_reach = None
        if best < target:
            reasons = []
            for l in range(best + 1, target + 1):
                for x in failing(book, ctx, ratings, d, l, best_score, False):
                    reasons.append(f"{book.levels[l]}:{x}")
            out_of_reach = {"best": book.levels[best], "reasons": reasons}
        dims.append(
            {
                "id": d,
                "score": point,
                "range": [low, high],
                "coverage": coverage,
                "applicable": applies,
                "level": book.levels[level],
                "level_range": [book.levels[lo], book.levels[hi]],
                "target": book.levels[target],
                "target_range": [book.levels[min(targets)], book.levels[max(targets)]],
                "caps": sorted({book.levels[c] for _, c in outcomes if c is not None}),
                "open_keys": open_keys(book, ctx, d),
                "completion_levels": sorted({book.levels[x] for x in levels}),
                "verdict": verdict,
                "undetermined": why,
                "provisional": applies and lo != hi,
                "rate_first": rate_first,
                "out_of_reach": out_of_reach,
                "earned": earned,
                "rated": rated,
                "unknown": unknown,
            }
        )
    counted = [x for x in dims if x["applicable"]]
    # A dimension left with nothing applicable by declarations alone
    # still counts toward the overall verdict (not the scores).
    judged = [
        x for x in dims if x["applicable"] or x["undetermined"] == "declared-not-applicable"
    ]
    wsum = sum(book.dim_weight[x["id"]] for x in counted)

    def mean(key):
        return sum(book.dim_weight[x["id"]] * key(x) for x in counted) / wsum if wsum else 0.0

    rated_all = sum(x["rated"] for x in dims)
    total_all = rated_all + sum(x["unknown"] for x in dims)
    coverage = rated_all / total_all if total_all else 0.0
    if not judged:
        verdict = "undetermined"
    elif any(x["verdict"] == "not-ready" for x in judged):
        # One dimension settles the worst verdict, whatever the others.
        verdict = "not-ready"
    elif rated_all <= 0 or coverage + TOL < book.min_coverage:
        verdict = "undetermined"
    else:
        verdict = max((x["verdict"] for x in judged), key=VERDICT_ORDER.index)
    overall = {
        "score": mean(lambda x: x["score"]),
        "range": [mean(lambda x: x["range"][0]), mean(lambda x: x["range"][1])],
        "coverage": coverage,
        "verdict": verdict,
        "provisional": any(x["provisional"] for x in counted),
    }
    errors, warnings = problems(book, mission)
    return {
        "dimensions": dims,
        "overall": overall,
        "entities": [entity_result(book, ctx, e) for e in mission.get("entity", [])],
        "themes": theme_results(book, ratings),
        "ruled_out": [f["id"] for f in book.factors if ratings[f["id"]] == RULED_OUT],
        "missing_context": [k for k in book.keys if k not in ctx],
        "errors": errors,
        "warnings": warnings,
    }


def main(argv):
    as_json = "--json" in argv
    paths = [pathlib.Path(a) for a in argv if a != "--json"] or SAMPLES
    book = Book(load(RULEBOOK))
    results = {p.name: assess(book, load(p)) for p in paths}
    if as_json:
        json.dump(results, sys.stdout, indent=1)
        print()
        return
    for name, a in results.items():
        o = a["overall"]
        print(
            f"{name}: overall {o['score']:.4f} [{o['range'][0]:.4f}, {o['range'][1]:.4f}]"
            f" coverage {o['coverage']:.4f} {o['verdict']}"
            f"{' provisional' if o['provisional'] else ''}"
        )
        for x in a["dimensions"]:
            lo, hi = x["range"]
            print(
                f"  {x['id']:<15} {x['score']:8.4f} [{lo:7.4f}, {hi:7.4f}]"
                f" cov {x['coverage']:.4f}  level {x['level']}"
                f" ({x['level_range'][0]}..{x['level_range'][1]})"
                f"  target {x['target']}"
                f" ({x['target_range'][0]}..{x['target_range'][1]})"
                f"  {x['verdict']}{'/' + x['undetermined'] if x['undetermined'] else ''}"
                f"{'  provisional' if x['provisional'] else ''}"
            )
            if x["rate_first"]:
                print(f"    rate first: {', '.join(x['rate_first'])}")
            if x["out_of_reach"]:
                r = x["out_of_reach"]
                print(f"    out of reach: best {r['best']}; {', '.join(r['reasons'])}")
        for e in a["entities"]:
            marks = []
            if e["over_integrated"]:
                marks.append("over " + ",".join(e["over_integrated"]))
            if e["under_integrated"]:
                marks.append("under " + ",".join(e["under_integrated"]))
            ranges = [
                t if lo == hi else f"{lo}..{hi}"
                for t, (lo, hi) in zip(e["target"], e["target_range"])
            ]
            print(
                f"  entity {e['name']} ({' and '.join(e['roles'])}):"
                f" target {', '.join(ranges)}{'; ' + '; '.join(marks) if marks else ''}"
            )
        if a["ruled_out"]:
            print(f"  ruled out: {', '.join(a['ruled_out'])}")
        if a["missing_context"]:
            print(f"  missing context: {', '.join(a['missing_context'])}")
        for w in a["warnings"]:
            print(f"  warning: {w}")
        for e in a["errors"]:
            print(f"  ERROR: {e}")


if __name__ == "__main__":
    main(sys.argv[1:])
