#!/usr/bin/env python3
"""Compares score.py's results with the command's JSON, sample by sample,
and prints every difference. It is for finding disagreements, not for
deriving numbers: score.py never reads the engine's output.

    cargo build --all-features --bin integration-readiness
    python3 tests/independent/compare.py                      # the samples
    python3 tests/independent/compare.py tests/independent/cases/*.toml
    python3 tests/independent/compare.py --bin PATH [FILE.toml ...]
"""

import json
import pathlib
import subprocess
import sys

sys.path.insert(0, str(pathlib.Path(__file__).parent))
import score  # noqa: E402

ARGS = sys.argv[1:]
BIN = str(score.ROOT / "target/debug/integration-readiness")
if "--bin" in ARGS:
    i = ARGS.index("--bin")
    BIN = ARGS[i + 1]
    del ARGS[i : i + 2]
PATHS = [pathlib.Path(a) for a in ARGS] or score.SAMPLES


def close(a, b):
    return abs(a - b) < 1e-9


def main():
    book = score.Book(score.load(score.RULEBOOK))
    differences = 0
    for path in PATHS:
        ours = score.assess(book, score.load(path))
        out = subprocess.run(
            [BIN, "assess", str(path), "--format", "json"],
            check=False,
            capture_output=True,
            text=True,
        ).stdout
        theirs = json.loads(out)

        def diff(what, a, b):
            nonlocal differences
            same = close(a, b) if isinstance(a, float) else a == b
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
        o, p = ours["overall"], theirs["overall"]
        diff("overall score", o["score"], p["score"])
        diff("overall low", o["range"][0], p["score_range"][0])
        diff("overall high", o["range"][1], p["score_range"][1])
        diff("overall coverage", o["coverage"], p["coverage"])
        diff("overall verdict", o["verdict"], p["verdict"])
        diff("overall provisional", o["provisional"], p["provisional"])
    print(f"{differences} difference(s)")
    sys.exit(1 if differences else 0)


if __name__ == "__main__":
    main()
