"""The sample missions side by side: assess each, lay them out as a portfolio
and plot it with matplotlib.

    pip install ./python matplotlib pandas
    python examples/python/portfolio.py [OUT.png]     # from the repository's root

One row per mission, one marker per dimension: the point score with the range the
missing evidence leaves open, coloured by verdict.
"""

from __future__ import annotations

import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import integration_readiness as ir  # noqa: E402

COLOURS = {
    "ready": "#1a9850",
    "above-target": "#762a83",
    "stretch": "#fdae61",
    "not-ready": "#d73027",
    "undetermined": "#999999",
}


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "portfolio.png")
    files = sorted(Path("examples/missions").glob("*.toml"))
    missions = [ir.Mission.from_path(f) for f in files]
    for m in missions:
        a = ir.assess(m)
        print(f"{a.overall.score:5.1f}  {a.overall.verdict:<12}  {m.name}")

    df = ir.portfolio(missions, sort="score").to_pandas()
    dimensions = list(dict.fromkeys(df["dimension"]))
    labels = list(dict.fromkeys(df["file"]))

    fig, ax = plt.subplots(figsize=(10, 0.9 * len(labels) + 1.5))
    offset = {d: (i - (len(dimensions) - 1) / 2) * 0.22 for i, d in enumerate(dimensions)}
    markers = dict(zip(dimensions, "osD^v"))
    for y, file in enumerate(labels):
        for _, r in df[df["file"] == file].iterrows():
            yy = y + offset[r["dimension"]]
            ax.plot([r["score_low"], r["score_high"]], [yy, yy], color="#bbbbbb", lw=2, zorder=1)
            ax.scatter(
                r["score"], yy, color=COLOURS[r["verdict"]], marker=markers[r["dimension"]],
                s=50, zorder=2, edgecolors="black", linewidths=0.5,
            )
    names = [f"{df[df['file'] == f]['mission'].iloc[0]}\n({Path(f).name})" for f in labels]
    ax.set_yticks(range(len(labels)), names, fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("score (point, and the range the missing evidence leaves open)")
    ax.set_title("Integration readiness of the sample missions, highest overall score first")
    for handle in dimensions:
        ax.scatter([], [], marker=markers[handle], color="white", edgecolors="black", label=handle)
    for verdict, colour in COLOURS.items():
        ax.scatter([], [], marker="s", color=colour, label=verdict)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
    ax.grid(axis="x", color="#eeeeee")
    fig.tight_layout()
    fig.savefig(out, dpi=120)
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
