"""Plots of a run history:  python3 -m vecinos.plot FILE.h5 -o DIR

Writes DIR/indicators.png (every computed indicator over time, calendar events marked),
DIR/events.png (the event timeline by actor, coloured by Goldstein score) and
DIR/network.png (the elite influence network at the last snapshot).
"""
from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from .run import open_run  # noqa: E402

_CALENDAR_COLOURS = ["#7b3294", "#e66101", "#008837", "#0571b0", "#ca0020", "#525252"]
_EDGE_COLOURS = {"advice": "#1b9e77", "diplomatic": "#7570b3", "lobbying": "#d95f02",
                 "coercion": "#e7298a", "kin": "#66a61e"}


def _title(run) -> str:
    m = run.meta
    return f"{run.path.name}: seed {m.get('seed')}, status {run.status}"


def _date_axis(ax):
    locator = mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def _mark_calendar(ax, run, label: bool):
    if run.ticks == 0:
        return
    lo, hi = run.dates[0], run.dates[-1]
    for i, row in run.calendar.iterrows():
        if lo <= row["date"] <= hi:
            ax.axvline(row["date"], color=_CALENDAR_COLOURS[i % len(_CALENDAR_COLOURS)],
                       ls=":", lw=1, label=row["name"].replace("_", " ") if label else None)


def plot_indicators(run, path: Path) -> Path:
    df = run.indicators
    names = [c for c in df.columns if np.isfinite(df[c].to_numpy(dtype=float)).any()]
    units = df.attrs.get("units", {})
    ncols = 3
    nrows = max(1, math.ceil(len(names) / ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(13, 2.3 * nrows + 0.8), sharex=True,
                             squeeze=False)
    for k, ax in enumerate(axes.flat):
        if k >= len(names):
            ax.set_visible(False)
            continue
        name = names[k]
        ax.plot(df.index, df[name], lw=1.2, color="#333333")
        ax.set_title(f"{name} ({units.get(name, '')})", fontsize=9)
        ax.tick_params(labelsize=7)
        _date_axis(ax)
        _mark_calendar(ax, run, label=(k == 0))
    if not names:
        axes.flat[0].set_visible(True)
        axes.flat[0].text(0.5, 0.5, "no indicator was computed", ha="center", va="center")
    fig.suptitle(f"Indicators: {_title(run)}", fontsize=11)
    handles, labels = axes.flat[0].get_legend_handles_labels()
    if handles:
        fig.legend(handles, labels, loc="lower center", fontsize=8, ncol=len(labels), frameon=False)
    fig.tight_layout(rect=(0, 0.04 if handles else 0, 1, 0.96))
    fig.savefig(path, dpi=90)
    plt.close(fig)
    return path


def plot_events(run, path: Path) -> Path:
    ev = run.events
    fig, ax = plt.subplots(figsize=(12, 5))
    if ev is None or len(ev) == 0:
        ax.text(0.5, 0.5, "no events recorded", ha="center", va="center", transform=ax.transAxes)
        if run.ticks:
            ax.set_xlim(run.dates[0], run.dates[-1])
        ax.set_yticks([])
    else:
        actors = [a for a in ev["actor"].cat.categories if (ev["actor"] == a).any()]
        pos = {a: i for i, a in enumerate(actors)}
        y = ev["actor"].map(pos).astype(float)
        sc = ax.scatter(ev["date"], y, c=ev["goldstein"], cmap="RdYlGn", vmin=-10, vmax=10,
                        s=28, edgecolors="#444444", linewidths=0.3)
        ax.set_yticks(range(len(actors)))
        ax.set_yticklabels(actors, fontsize=8)
        ax.set_ylim(-0.7, len(actors) - 0.3)
        fig.colorbar(sc, ax=ax, label="Goldstein score (-10 conflict .. +10 cooperation)")
    _date_axis(ax)
    _mark_calendar(ax, run, label=True)
    if ax.get_legend_handles_labels()[0]:
        ax.legend(loc="upper left", fontsize=8, frameon=False)
    ax.set_title(f"Events by actor: {_title(run)}", fontsize=11)
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    plt.close(fig)
    return path


def _layout(run, vertices):
    """Vertices on a circle, grouped by country when the political table records it."""
    order = list(range(len(vertices)))
    country = None
    if "political" in run.agent_kinds:
        static = run.agents("political").static
        if "country" in static.columns and len(static) == len(vertices):
            country = list(static["country"])
            order.sort(key=lambda i: (country[i], i))
    xy = np.zeros((len(vertices), 2))
    for k, i in enumerate(order):
        angle = 2 * math.pi * k / max(len(vertices), 1) + math.pi / 2
        xy[i] = (math.cos(angle), math.sin(angle))
    return xy, country


def plot_network(run, path: Path) -> Path:
    net = run.network
    fig, ax = plt.subplots(figsize=(8, 8))
    ax.set_axis_off()
    if net is None or len(net.vertices) == 0:
        ax.text(0.5, 0.5, "no network recorded", ha="center", va="center", transform=ax.transAxes)
    else:
        vertices = net.vertices
        xy, country = _layout(run, vertices)
        edges = net.edges
        w = net.weights
        last = w.iloc[-1] if len(w) else None
        when = w.index[-1].date() if len(w) else "?"
        wmax = np.nanmax(last.to_numpy()) if last is not None and last.notna().any() else 1.0
        for e, row in edges.iterrows():
            weight = last.get(e, np.nan) if last is not None else np.nan
            if not np.isfinite(weight) or weight <= 0:
                continue
            ax.annotate("", xy=xy[row["target"]], xytext=xy[row["source"]],
                        arrowprops=dict(arrowstyle="-|>", color=_EDGE_COLOURS.get(str(row["type"]), "#999999"),
                                        lw=0.6 + 3.0 * weight / wmax, alpha=0.75, shrinkA=14, shrinkB=14,
                                        connectionstyle="arc3,rad=0.12"))
        palette = plt.get_cmap("tab10")
        groups = sorted(set(country)) if country else []
        colours = [palette(groups.index(c) % 10) if country else "#cccccc" for c in (country or vertices)]
        ax.scatter(xy[:, 0], xy[:, 1], s=500, c=colours, edgecolors="#333333", zorder=3)
        for i, name in enumerate(vertices):
            ax.text(xy[i, 0] * 1.17, xy[i, 1] * 1.17, name, ha="center", va="center", fontsize=8)
        for t in edges["type"].cat.categories:
            if (edges["type"] == t).any():
                ax.plot([], [], color=_EDGE_COLOURS.get(str(t), "#999999"), lw=2, label=f"{t} edge")
        for g in groups:
            ax.scatter([], [], s=80, color=palette(groups.index(g) % 10), label=f"country {g}")
        ax.legend(loc="lower left", fontsize=8, frameon=False)
        ax.set_xlim(-1.4, 1.4)
        ax.set_ylim(-1.4, 1.4)
        ax.set_title(f"Elite influence network on {when} (width: weight): {_title(run)}", fontsize=10)
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    plt.close(fig)
    return path


def plot_all(file, out_dir) -> list:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with open_run(file) as run:
        return [plot_indicators(run, out / "indicators.png"),
                plot_events(run, out / "events.png"),
                plot_network(run, out / "network.png")]


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python3 -m vecinos.plot", description=__doc__.split("\n\n")[0])
    p.add_argument("file", help="history file (.h5 or .h5.partial)")
    p.add_argument("-o", "--out", default=None, help="output directory (default: FILE-plots)")
    args = p.parse_args(argv)
    out = args.out or str(Path(args.file).with_suffix("")) + "-plots"
    for path in plot_all(args.file, out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
