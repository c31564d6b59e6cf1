"""Plots of a run history:  python3 -m vecinos.plot FILE.h5 [-o DIR] [--indicator NAME ...]
                                                   [--format png,pdf,svg] [--dpi 300]

Writes DIR/indicators.png (the computed indicators over time, each titled by its description,
in readable units, categorical ones as their labelled states; calendar events marked),
DIR/events.png (the event timeline: one row per actor and action, so every point names its
action, coloured by Goldstein score) and DIR/network.png (the elite influence network at the
last snapshot).
"""
from __future__ import annotations

import argparse
import math
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from . import figures  # noqa: E402
from .run import open_run  # noqa: E402

_EDGE_COLOURS = {"advice": figures.PALETTE[2], "diplomatic": figures.PALETTE[0],
                 "lobbying": figures.PALETTE[1], "coercion": figures.PALETTE[3],
                 "kin": figures.PALETTE[4]}


def _title(run) -> str:
    m = run.meta
    return f"{run.path.name}: seed {m.get('seed')}, status {run.status}"


def _date_axis(ax):
    figures.date_axis(ax)


def _mark_calendar(ax, run, label: bool):
    if run.ticks == 0:
        return
    lo, hi = run.dates[0], run.dates[-1]
    for i, row in run.calendar.iterrows():
        if lo <= row["date"] <= hi:
            ax.axvline(row["date"], color=figures.colour(i), ls=":", lw=1,
                       label=row["name"].replace("_", " ") if label else None)


def _indicator_panel(ax, run, name, info):
    df = run.indicators
    units = info.loc[name, "units"] if name in info.index else ""
    description = info.loc[name, "description"] if name in info.index else ""
    values = df[name].to_numpy(dtype=float)
    if figures.is_categorical(units):
        labels = figures.state_labels(units, description)
        codes = sorted(set(labels) | set(np.unique(np.rint(values[np.isfinite(values)]))
                                           .astype(int)))
        ax.step(df.index, values, where="post", lw=1.4, color=figures.PALETTE[0])
        ax.set_yticks(codes)
        ax.set_yticklabels([figures.wrap(labels.get(c, f"code {c}"), 16) for c in codes],
                           fontsize=5)
        ax.set_ylim(min(codes) - 0.4, max(codes) + 0.4)
    else:
        scale = figures.scale_for(units, values)
        ax.plot(df.index, values * scale.factor, lw=1.3, color=figures.PALETTE[0])
        ax.set_ylabel(figures.wrap(scale.label, 20), fontsize=5.5)
        figures.plain_axis(ax)
    ax.set_title(figures.wrap(figures.title_of(name, description), 40), fontsize=6)


def plot_indicators(run, path: Path, indicators=None, formats=("png",),
                    dpi: int = figures.PRINT_DPI) -> Path:
    """Panels of the computed indicators (or of ``indicators``); returns the first file."""
    df = run.indicators
    info = run.indicator_info
    if indicators:
        unknown = [n for n in indicators if n not in df.columns]
        if unknown:
            raise KeyError(f"{unknown[0]!r} is not an indicator of {run.path.name}; "
                           f"indicators: {', '.join(df.columns)}")
        names = list(indicators)
    else:
        names = [c for c in df.columns if np.isfinite(df[c].to_numpy(dtype=float)).any()]
    nrows, ncols = figures.grid_shape(len(names), 3)
    with figures.style():
        fig, axes = plt.subplots(nrows, ncols, figsize=(2.6 * ncols, 1.75 * nrows + 0.7),
                                 sharex=True, squeeze=False)
        for k, ax in enumerate(axes.flat):
            if k >= len(names):
                ax.set_visible(False)
                continue
            _indicator_panel(ax, run, names[k], info)
            ax.tick_params(labelsize=5.5)
            _mark_calendar(ax, run, label=(k == 0))
        if run.ticks:  # the panels share their x axis: fixed ticks, computed once
            figures.date_axis(axes.flat[0], run.dates[0], run.dates[-1])
        if not names:
            axes.flat[0].set_visible(True)
            axes.flat[0].text(0.5, 0.5, "no indicator was computed", ha="center", va="center")
        fig.suptitle(f"Indicators: {_title(run)}", fontsize=9)
        handles, labels = axes.flat[0].get_legend_handles_labels()
        if handles:
            fig.legend(handles, labels, loc="lower center", fontsize=6, ncol=len(labels),
                       frameon=False)
        fig.tight_layout(rect=(0, 0.04 if handles else 0, 1, 0.96))
        return figures.save(fig, Path(path).with_suffix(""), formats, dpi, tight=False)[0]


def event_rows(events) -> list:
    """The (actor, action) rows of the event timeline, sorted by actor then action."""
    return (events.assign(actor=events["actor"].astype(str), action=events["action"].astype(str))
            .groupby(["actor", "action"], sort=True).size().index.tolist())


def draw_events(run, ax):
    """The event timeline on ``ax``: one row per (actor, action), so every point names its
    action; colour: Goldstein score. Returns the scatter (None without events)."""
    ev = run.events
    if ev is None or len(ev) == 0:
        ax.text(0.5, 0.5, "no events recorded", ha="center", va="center", transform=ax.transAxes)
        if run.ticks:
            ax.set_xlim(run.dates[0], run.dates[-1])
        ax.set_yticks([])
        return None
    rows = event_rows(ev)
    pos = {r: i for i, r in enumerate(rows)}
    y = [pos[(a, b)] for a, b in zip(ev["actor"].astype(str), ev["action"].astype(str))]
    sc = ax.scatter(ev["date"], y, c=ev["goldstein"], cmap=figures.DIVERGING, vmin=-10, vmax=10,
                    s=22, edgecolors="#444444", linewidths=0.3, zorder=3)
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels([f"{a}: {b.replace('_', ' ')}" for a, b in rows], fontsize=7)
    ax.set_ylim(len(rows) - 0.3, -0.7)  # first row on top
    ax.grid(axis="y", color="#dddddd", lw=0.5)
    for k in range(1, len(rows)):
        if rows[k][0] != rows[k - 1][0]:
            ax.axhline(k - 0.5, color="#888888", lw=0.6)
    return sc


def plot_events(run, path: Path, formats=("png",), dpi: int = figures.PRINT_DPI) -> Path:
    """The event timeline (``draw_events``) in a figure of its own; returns the first file."""
    ev = run.events
    rows = len(event_rows(ev)) if ev is not None and len(ev) else 0
    with figures.style():
        fig, ax = plt.subplots(figsize=(11, 1.2 + 0.24 * rows) if rows else (10, 3))
        sc = draw_events(run, ax)
        if sc is not None:
            fig.colorbar(sc, ax=ax, label="Goldstein score (-10 conflict .. +10 cooperation)",
                         fraction=0.03)
        _date_axis(ax)
        _mark_calendar(ax, run, label=True)
        if ax.get_legend_handles_labels()[0]:
            ax.legend(loc="upper left", bbox_to_anchor=(0, -0.08), fontsize=7, frameon=False,
                      ncol=4)
        ax.set_title(f"Events by actor and action: {_title(run)}", fontsize=10)
        fig.tight_layout()
        return figures.save(fig, Path(path).with_suffix(""), formats, dpi)[0]


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


def plot_network(run, path: Path, formats=("png",), dpi: int = figures.PRINT_DPI) -> Path:
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
        groups = sorted(set(country)) if country else []
        colours = [figures.colour(groups.index(c)) if country else "#cccccc"
                   for c in (country or vertices)]
        ax.scatter(xy[:, 0], xy[:, 1], s=500, c=colours, edgecolors="#333333", zorder=3)
        for i, name in enumerate(vertices):
            ax.text(xy[i, 0] * 1.17, xy[i, 1] * 1.17, name, ha="center", va="center", fontsize=8)
        for t in edges["type"].cat.categories:
            if (edges["type"] == t).any():
                ax.plot([], [], color=_EDGE_COLOURS.get(str(t), "#999999"), lw=2, label=f"{t} edge")
        for g in groups:
            ax.scatter([], [], s=80, color=figures.colour(groups.index(g)), label=f"country {g}")
        ax.legend(loc="lower left", fontsize=8, frameon=False)
        ax.set_xlim(-1.4, 1.4)
        ax.set_ylim(-1.4, 1.4)
        ax.set_title(f"Elite influence network on {when} (width: weight): {_title(run)}", fontsize=10)
    fig.tight_layout()
    return figures.save(fig, Path(path).with_suffix(""), formats, dpi)[0]


def plot_all(file, out_dir, indicators=None, formats=("png",),
             dpi: int = figures.PRINT_DPI) -> list:
    """The three figures of a run (each in every format asked); returns the files written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with open_run(file) as run:
        for f in figures.parse_formats(formats):
            written += [plot_indicators(run, out / f"indicators.{f}", indicators, (f,), dpi),
                        plot_events(run, out / f"events.{f}", (f,), dpi),
                        plot_network(run, out / f"network.{f}", (f,), dpi)]
    return written


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python3 -m vecinos.plot", description=__doc__.split("\n\n")[0])
    p.add_argument("file", help="history file (.h5 or .h5.partial)")
    p.add_argument("-o", "--out", default=None, help="output directory (default: FILE-plots)")
    p.add_argument("--indicator", action="append", default=None,
                   help="an indicator to draw (repeatable; default: every computed one)")
    p.add_argument("--format", default="png", help="png, pdf, svg, or several: png,pdf")
    p.add_argument("--dpi", type=int, default=figures.PRINT_DPI, help="PNG resolution")
    args = p.parse_args(argv)
    out = args.out or str(Path(args.file).with_suffix("")) + "-plots"
    try:
        formats = figures.parse_formats(args.format)
        for path in plot_all(args.file, out, args.indicator, formats, args.dpi):
            print(path)
    except (KeyError, ValueError, FileNotFoundError) as e:
        print(f"error: {e.args[0] if isinstance(e, KeyError) else e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
