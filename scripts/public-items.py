#!/usr/bin/env python3
"""Counts the public items of the library, as an embedder can name them.

Reads the crate's rustdoc JSON (a nightly toolchain writes it):

    cargo +nightly rustdoc --lib --all-features -- -Z unstable-options --output-format json
    python3 scripts/public-items.py target/doc/integration_readiness.json [LIST.txt]

It walks the public modules from the crate root, following re-exports, and
prints two numbers: the paths an embedder can write (an item re-exported in
two places counts twice) and the distinct items behind them, with a count
by kind. With a second argument it writes every path, one per line.
"""

import json
import sys
from collections import Counter


def main() -> None:
    doc = json.load(open(sys.argv[1]))
    index = doc["index"]

    def get(item_id):
        return index.get(str(item_id))

    paths, items, seen = [], set(), set()

    def walk(module_id, prefix):
        for child in get(module_id)["inner"]["module"]["items"]:
            item = get(child)
            if item is None or item["visibility"] != "public":
                continue
            kind = next(iter(item["inner"]))
            name = item["name"]
            target = child
            if kind == "use":
                use = item["inner"]["use"]
                target, name = use.get("id"), use["name"]
                if target is None or get(target) is None:
                    continue
                kind = next(iter(get(target)["inner"]))
            paths.append((f"{prefix}::{name}", kind))
            items.add(target)
            if kind == "module" and target not in seen:
                seen.add(target)
                walk(target, f"{prefix}::{name}")

    walk(doc["root"], "crate")
    kinds = Counter(kind for _, kind in paths)
    print(f"paths {len(paths)}, items {len(items)}:", dict(sorted(kinds.items())))
    if len(sys.argv) > 2:
        with open(sys.argv[2], "w") as out:
            out.writelines(f"{p} ({k})\n" for p, k in sorted(paths))


if __name__ == "__main__":
    main()
