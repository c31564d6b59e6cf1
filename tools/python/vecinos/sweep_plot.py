"""Plots of a sweep:  python3 -m vecinos.sweep_plot DIR -o FIGURES [--indicator NAME ...]

Writes FIGURES/fan-<indicator>.png (quantile bands of an indicator over time across the tasks,
by the sweep's first parameter when it has few values) and FIGURES/<outcome>-vs-<parameter>.png
for every outcome and parameter of the sweep. Reads DIR/sweep.h5 (vecinos sweep collect DIR).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from .sweep import open_sweep, sweep_series  # noqa: E402

QUANTILES = (0.05, 0.25, 0.5, 0.75, 0.95)
_COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2"]


def _sweep(sweep) -> pd.DataFrame:
    return sweep if isinstance(sweep, pd.DataFrame) else open_sweep(sweep)


def fan_chart(sweep, indicator: str, *, by: str | None = None, where=None,
              quantiles=QUANTILES, ax=None):
    """Quantile bands of `indicator` over time across the complete tasks.

    The outer quantiles give the light band, the inner ones the dark band, the middle one the
    line (default 5-95 %, 25-75 %, median). ``by``: a parameter; one fan per value (for grids).
    ``where``: a boolean mask over the rows, or a dict {parameter: value} selecting tasks.
    Returns the axes.
    """
    df = _sweep(sweep)
    mask = pd.Series(True, index=df.index)
    if isinstance(where, dict):
        for k, v in where.items():
            mask &= np.isclose(df[k], v) if np.issubdtype(df[k].dtype, np.number) else df[k] == v
    elif where is not None:
        mask &= np.asarray(where, dtype=bool)
    groups = [(None, mask)] if by is None else [
        (value, mask & (df[by] == value)) for value in sorted(df.loc[mask, by].unique())]
    if ax is None:
        _, ax = plt.subplots(figsize=(10, 5))
    qs = sorted(quantiles)
    units = ""
    for k, (value, m) in enumerate(groups):
        s = sweep_series(df, indicator, tasks=m.to_numpy())
        if s.empty:
            continue
        units = s.attrs.get("units", "")
        colour = _COLOURS[k % len(_COLOURS)]
        q = s.quantile(qs, axis=1).T  # [date x quantile]
        label = f"{by} = {value}" if by is not None else "all tasks"
        for lo, hi, alpha in ((qs[0], qs[-1], 0.18), (qs[1], qs[-2], 0.35)) if len(qs) >= 4 else ():
            ax.fill_between(q.index, q[lo], q[hi], color=colour, alpha=alpha, lw=0)
        ax.plot(q.index, q[qs[len(qs) // 2]], color=colour, lw=1.6,
                label=f"{label} (median of {s.shape[1]} runs)")
    ax.set_title(f"{indicator}: {int(100 * qs[0])}-{int(100 * qs[-1])} % and "
                 f"{int(100 * qs[1])}-{int(100 * qs[-2])} % bands across runs", fontsize=10)
    ax.set_ylabel(indicator + (f" ({units})" if units else ""))
    locator = mdates.AutoDateLocator()
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.legend(fontsize=8, frameon=False)
    return ax


def outcome_vs_parameter(sweep, outcome: str, parameter: str, *, hue: str | None = None, ax=None):
    """One dot per complete task (outcome against parameter), with the mean per parameter value
    (grids and lists) or per tenth of its range (sampled designs). ``hue``: colour by another
    parameter. Returns the axes."""
    df = _sweep(sweep)
    d = df[df["status"] == "complete"]
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 5))
    x = d[parameter].astype(float)
    y = d[outcome].astype(float)
    if hue is None:
        ax.scatter(x, y, s=14, alpha=0.6, color="#444444", label="runs")
    else:
        sc = ax.scatter(x, y, s=14, alpha=0.8, c=d[hue].astype(float), cmap="viridis")
        plt.colorbar(sc, ax=ax, label=hue)
    if x.nunique() <= 12:
        mean = y.groupby(x).mean()
    else:
        bins = pd.cut(x, 10)
        mean = y.groupby(bins, observed=True).mean()
        mean.index = [b.mid for b in mean.index]
    ax.plot(mean.index, mean.to_numpy(), color="#d62728", lw=2, marker="o", label="mean")
    units = df.attrs.get("units", {}).get(outcome, "")
    ax.set_xlabel(parameter)
    ax.set_ylabel(outcome + (f" ({units})" if units else ""))
    ax.set_title(f"{outcome} against {parameter} ({len(d)} runs)", fontsize=10)
    ax.legend(fontsize=8, frameon=False)
    return ax


def plot_sweep(directory, out_dir, indicators=None) -> list:
    """Every standard figure of a sweep; returns the files written."""
    df = open_sweep(directory)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    params = df.attrs["parameters"]
    outcomes = df.attrs["outcomes"]
    if not indicators:
        indicators = sorted({o.rsplit(".", 1)[0] for o in outcomes}) or ["relationship_tension"]
    by = params[0] if params and df[params[0]].nunique() <= 6 else None
    written = []
    for ind in indicators:
        fig, ax = plt.subplots(figsize=(10, 5))
        fan_chart(df, ind, by=by, ax=ax)
        fig.tight_layout()
        path = out / f"fan-{ind}.png"
        fig.savefig(path, dpi=90)
        plt.close(fig)
        written.append(path)
    for o in outcomes:
        for p in params:
            if not np.issubdtype(df[p].dtype, np.number):
                continue
            fig, ax = plt.subplots(figsize=(7, 5))
            others = [q for q in params if q != p and np.issubdtype(df[q].dtype, np.number)]
            outcome_vs_parameter(df, o, p, hue=others[0] if others else None, ax=ax)
            fig.tight_layout()
            path = out / f"{o}-vs-{p}.png"
            fig.savefig(path, dpi=90)
            plt.close(fig)
            written.append(path)
    return written


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python3 -m vecinos.sweep_plot",
                                 description=__doc__.split("\n\n")[0])
    ap.add_argument("directory", help="output directory of a collected sweep (holds sweep.h5)")
    ap.add_argument("-o", "--out", default=None, help="figures directory (default DIR/figures)")
    ap.add_argument("--indicator", action="append", default=None,
                    help="indicator of a fan chart (repeatable; default: the outcomes' indicators)")
    args = ap.parse_args(argv)
    out = args.out or str(Path(args.directory) / "figures")
    for path in plot_sweep(args.directory, out, args.indicator):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
