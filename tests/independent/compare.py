#!/usr/bin/env python3
"""Compares score.py's results with the command's JSON, sample by sample,
and prints every difference. It is for finding disagreements, not for
deriving numbers: score.py never reads the engine's output.

    cargo build --all-features --bin integration-readiness
    python3 tests/independent/compare.py                      # the samples
    python3 tests/independent/compare.py tests/independent/cases/*.toml
    python3 tests/independent/compare.py --bin PATH [FILE.toml ...]
    python3 tests/independent/compare.py --random 300 [--seed 1]

`--random N` writes N random missions (a random part of the context left
out, random ratings with unknowns and allowed not-applicables, entities of
one to three random roles at random current levels) to a temporary
directory and compares those: the samples and cases reach only so much.
"""

import json
import pathlib
import random
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import score  # noqa: E402

ARGS = sys.argv[1:]
BIN = str(score.ROOT / "target/debug/integration-readiness")
if "--bin" in ARGS:
    i = ARGS.index("--bin")
    BIN = ARGS[i + 1]
    del ARGS[i : i + 2]
RANDOM = 0
SEED = 1
for flag in ("--random", "--seed"):
    if flag in ARGS:
        i = ARGS.index(flag)
        if flag == "--random":
            RANDOM = int(ARGS[i + 1])
        else:
            SEED = int(ARGS[i + 1])
        del ARGS[i : i + 2]
PATHS = [pathlib.Path(a) for a in ARGS] or ([] if RANDOM else score.SAMPLES)


def toml_value(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    return json.dumps(v)


def random_mission(book, rng, n):
    """The text of a random mission that loads: not-applicable only where
    the factor may be waived whatever the context."""
    lines = ["[mission]", f'name = "random {n}"', "", "[context]"]
    p_key = rng.choice([0.9, 0.6, 0.2])
    for key, values in book.keys.items():
        if rng.random() < p_key:
            lines.append(f"{key} = {toml_value(rng.choice(values))}")
    lines.append("")
    fixed = {g["factor"] for g in book.gates if g.get("waivable", True) is False}
    gated = {g["factor"] for g in book.gates}
    words = list(score.STRENGTH)
    p_unknown = rng.choice([0.0, 0.05, 0.3, 0.7])
    # Now and then a mission padded with not-applicable, some of it with no
    # reason given (allowed only where no gate names the factor).
    p_na = rng.choice([0.04, 0.04, 0.5])
    for f in book.factors:
        x = rng.random()
        if x < p_unknown:
            continue
        note = 'note = "n"'
        if x < p_unknown + p_na and f["id"] not in fixed and not f.get("applies-when"):
            word = "not-applicable"
            if f["id"] not in gated and rng.random() < 0.5:
                note = None
        else:
            word = rng.choice(words)
        lines += [f"[evidence.{f['id']}]", f'rating = "{word}"'] + ([note] if note else []) + [""]
    roles = list(book.follows)
    for i in range(rng.randint(0, 4)):
        rs = rng.sample(roles, rng.randint(1, 3))
        role = toml_value(rs[0]) if len(rs) == 1 else "[" + ", ".join(map(toml_value, rs)) + "]"
        current = ", ".join(
            f"{d} = {toml_value(rng.choice(book.levels))}"
            for d in book.dims
            if rng.random() < 0.8
        )
        lines += ["[[entity]]", f'name = "e{i}"', f"role = {role}", f"current = {{ {current} }}", ""]
    return "\n".join(lines)


def close(a, b):
    if a is None or b is None:
        return a is b
    return abs(a - b) < 1e-9


def main():
    book = score.Book(score.load(score.RULEBOOK))
    differences = 0
    paths = list(PATHS)
    if RANDOM:
        rng = random.Random(SEED)
        tmp = pathlib.Path(tempfile.mkdtemp(prefix="independent-"))
        for n in range(RANDOM):
            p = tmp / f"random-{n}.toml"
            p.write_text(random_mission(book, rng, n))
            paths.append(p)
    for path in paths:
        ours = score.assess(book, score.load(path))
        run = subprocess.run(
            [BIN, "assess", str(path), "--format", "json"],
            check=False,
            capture_output=True,
            text=True,
        )
        if ours["errors"] or run.returncode != 0:
            # Both must refuse the file, or neither.
            if not (ours["errors"] and run.returncode != 0):
                differences += 1
                print(f"{path.name}: errors: script {ours['errors']}, engine {run.stderr.strip()!r}")
            continue
        theirs = json.loads(run.stdout)

        def diff(what, a, b):
            nonlocal differences
            same = close(a, b) if isinstance(a, float) or isinstance(b, float) else a == b
            if not same:
                differences += 1
                print(f"{path.name}: {what}: script {a!r}, engine {b!r}")

        for x, y in zip(ours["dimensions"], theirs["dimensions"]):
            d = x["id"]
            diff(f"{d} score", x["score"], y["score"])
            diff(f"{d} low", x["range"][0], y["score_range"][0])
            diff(f"{d} high", x["range"][1], y["score_range"][1])
            diff(f"{d} coverage", x["coverage"], y["coverage"])
            diff(f"{d} level", x["level"], y["level"])
            diff(f"{d} level range", x["level_range"], y["level_range"])
            diff(f"{d} target", x["target"], y["target"])
            diff(f"{d} target range", x["target_range"], y["target_detail"]["range"])
            diff(f"{d} verdict", x["verdict"], y["verdict"])
            diff(f"{d} open keys", x["open_keys"], y["target_detail"].get("open_keys", []))
            diff(
                f"{d} undetermined",
                x["undetermined"],
                (y.get("undetermined") or {}).get("kind"),
            )
            diff(f"{d} provisional", x["provisional"], y["provisional"])
            diff(f"{d} rate first", x["rate_first"], y.get("rate_first", []))
            oor = y.get("out_of_reach")
            diff(
                f"{d} out of reach",
                x["out_of_reach"],
                oor
                and {
                    "best": oor["best"],
                    "reasons": [
                        f"{r['level']}:{r['factor'] if r['kind'] == 'gate' else 'threshold'}"
                        for r in oor["reasons"]
                    ],
                },
            )
        for e, f in zip(ours["entities"], theirs["entities"]):
            n = e["name"]
            diff(f"{n} roles", e["roles"], f["roles"])
            diff(f"{n} target", e["target"], [f["target"][d] for d in book.dims])
            diff(
                f"{n} target range",
                e["target_range"],
                [f["target_detail"][d]["range"] for d in book.dims],
            )
            diff(
                f"{n} open keys",
                e["open_keys"],
                [f["target_detail"][d].get("open_keys", []) for d in book.dims],
            )
            diff(f"{n} over", e["over_integrated"], f["over_integrated"])
            diff(
                f"{n} under",
                e["under_floors"],
                [[u["dimension"], u["floor"]] for u in f["under_integrated"]],
            )
        diff("entities", len(ours["entities"]), len(theirs["entities"]))
        for t, u in zip(ours["themes"], theirs["themes"]):
            diff(f"theme {t['id']} score", t["score"], u["score"])
            diff(f"theme {t['id']} coverage", t["coverage"], u["coverage"])
        diff(
            "ruled out",
            ours["ruled_out"],
            [f["id"] for f in theirs["factors"] if not f["applies"]],
        )
        diff(
            "missing context",
            ours["missing_context"],
            [k["key"] for k in theirs["missing_context"]],
        )
        diff(
            "inconsistencies",
            [w.split(":", 1)[1] for w in ours["warnings"] if w.startswith("consistency:")],
            [i["rule"] for i in theirs["inconsistencies"]],
        )
        diff(
            "ruled-out ratings",
            [w.split(":", 1)[1] for w in ours["warnings"] if w.startswith("ruled-out:")],
            [
                w.split("`")[1]
                for w in theirs["warnings"]
                if "which the mission's context rules out" in w
            ],
        )
        o, p = ours["overall"], theirs["overall"]
        diff("overall score", o["score"], p["score"])
        diff("overall low", o["range"][0], p["score_range"][0])
        diff("overall high", o["range"][1], p["score_range"][1])
        diff("overall coverage", o["coverage"], p["coverage"])
        diff("overall verdict", o["verdict"], p["verdict"])
        diff("overall provisional", o["provisional"], p["provisional"])
    if RANDOM and differences:
        print(f"the random missions are in {tmp}")
    elif RANDOM:
        shutil.rmtree(tmp)
    print(f"{differences} difference(s)")
    sys.exit(1 if differences else 0)


if __name__ == "__main__":
    main()
