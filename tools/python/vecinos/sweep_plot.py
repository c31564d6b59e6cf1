"""Plots of a sweep:  python3 -m vecinos.sweep_plot DIR [-o FIGURES] [--indicator NAME ...]
                                                   [--format png,pdf,svg] [--dpi 300]

Writes FIGURES/fan-<indicator>.png for each indicator (quantile bands across the runs; for
categorical indicators such as usmca_status, the share of runs in each state over time) and
FIGURES/pairs.png (every outcome against every parameter, one panel each). Reads DIR/sweep.h5
(vecinos sweep collect DIR).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import matplotlib
import matplotlib.ticker  # noqa: F401

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from . import figures  # noqa: E402
from .errors import AnalysisError  # noqa: E402
from .run import indicator_names  # noqa: E402
from .sweep import SweepIndexError, open_sweep, sweep_series  # noqa: E402

QUANTILES = (0.05, 0.25, 0.5, 0.75, 0.95)
MAX_RUNS = 400  # runs read for a fan chart (evenly spaced by task): quantiles need no more
STAT_WORDS = {"final": "at the end", "first": "at the start", "change": "change over the run",
              "mean": "mean over the run", "min": "minimum", "max": "maximum", "sum": "sum",
              "ever": "ever", "when": "first time", "at_end": "at the end", "count": "count"}


def _sweep(sweep) -> pd.DataFrame:
    return sweep if isinstance(sweep, pd.DataFrame) else open_sweep(sweep)


def indicator_meta(df: pd.DataFrame) -> pd.DataFrame:
    """name -> units, description of the runs' indicators (read from one complete run)."""
    cached = df.attrs.get("_indicator_meta")
    if isinstance(cached, pd.DataFrame):
        return cached
    import h5py

    rows = []
    with h5py.File(df.attrs["index"], "r") as f:
        for i in df.index[df["status"] == "complete"]:
            link = f"runs/task-{int(i):06d}"
            if link in f:
                g = f[link]
                for name in indicator_names(g):
                    a = g[name].attrs
                    rows.append(dict(name=name, units=str(a.get("units", "")),
                                     description=str(a.get("description", ""))))
                break
    meta = pd.DataFrame(rows, columns=["name", "units", "description"]).set_index("name")
    df.attrs["_indicator_meta"] = meta
    return meta


def _meta_of(df, indicator):
    meta = indicator_meta(df)
    if indicator in meta.index:
        return meta.loc[indicator, "units"], meta.loc[indicator, "description"]
    info = df.attrs.get("outcome_info", {})
    for o, a in info.items():
        if a.get("indicator") == indicator:
            return str(a.get("units", "")), str(a.get("description", ""))
    return "", ""


def outcome_label(df: pd.DataFrame, outcome: str, values=None, width: int = 38) -> str:
    """A readable axis label for an outcome column: what it measures and its scaled units."""
    info = df.attrs.get("outcome_info", {}).get(outcome, {})
    units = df.attrs.get("units", {}).get(outcome, "")
    stat = str(info.get("stat", outcome.rsplit(".", 1)[-1]))
    what = str(info.get("indicator", info.get("event", outcome.rsplit(".", 1)[0])))
    desc = ""
    if "event" not in info:
        desc = str(info.get("description", "")) or _meta_of(df, what)[1]
    base = figures.title_of(what, desc) if desc and len(desc) <= 48 else what
    extra = ""
    if "threshold" in info:
        extra = f" {info.get('relation', '>')} {info['threshold']:g}"
    label = f"{base}{extra}, {STAT_WORDS.get(stat, stat)}"
    if info.get("kind") in ("threshold", "event") or outcome not in (
            f"{what}.{stat}", f"{what}{extra.replace(' ', '')}.{stat}"):
        label = f"{outcome}: {label}"  # a named outcome: its name first
    scale = figures.scale_for(units, values)
    return figures.wrap(f"{label} ({scale.label})" if scale.label else label, width)


def _mask(df, where):
    mask = pd.Series(True, index=df.index)
    if isinstance(where, dict):
        for k, v in where.items():
            if k not in df.columns:
                raise AnalysisError(f"where: {k!r} is not a parameter of the sweep")
            mask &= np.isclose(df[k], v) if np.issubdtype(df[k].dtype, np.number) else df[k] == v
    elif where is not None:
        mask &= np.asarray(where, dtype=bool)
    return mask & (df["status"] == "complete")


def _groups(df, mask, by, bins):
    if by is None:
        return [(None, mask)]
    if by not in df.columns:
        raise AnalysisError(f"by={by!r}: not a parameter of the sweep; parameters: "
                            f"{', '.join(df.attrs.get('parameters', []))}")
    values = df.loc[mask, by]
    if np.issubdtype(values.dtype, np.number) and values.nunique() > max(bins, 6):
        cut = pd.qcut(df[by].astype(float), bins, duplicates="drop")
        return [(f"{by} in [{iv.left:.3g}, {iv.right:.3g}]", mask & (cut == iv))
                for iv in cut.cat.categories]
    return [(f"{by} = {v}", mask & (df[by] == v)) for v in sorted(values.unique())]


def _subsample(m: pd.Series, max_runs: int):
    idx = m[m].index
    if len(idx) <= max_runs:
        return idx, len(idx)
    pick = np.unique(np.linspace(0, len(idx) - 1, max_runs).round().astype(int))
    return idx[pick], len(idx)


def _pooling(df, by, where) -> str:
    params = list(df.attrs.get("parameters", []))
    fixed = set((where or {}).keys()) if isinstance(where, dict) else set()
    pooled = [p for p in params if p != by and p not in fixed and df[p].nunique() > 1]
    reps = int(df["replicate"].max()) + 1 if len(df) else 0
    if pooled:
        return (f"pooled over {len(pooled)} varying parameter{'s' if len(pooled) > 1 else ''} "
                f"({', '.join(pooled[:3])}{', ...' if len(pooled) > 3 else ''}) and "
                f"{reps} replicate{'s' if reps > 1 else ''}")
    return f"over {reps} replicate{'s' if reps > 1 else ''} (no other parameter varies)"


def fan_chart(sweep, indicator: str, *, by: str | None = None, where=None, bins: int = 3,
              quantiles=QUANTILES, max_runs: int = MAX_RUNS, ax=None):
    """Quantile bands of ``indicator`` over time across the complete runs.

    The outer quantiles give the light band, the inner ones the dark band, the middle one the
    line (default 5-95 %, 25-75 %, median). ``by``: a parameter; one fan per value, or per
    quantile bin of a sampled parameter (``bins``). ``where``: a boolean mask over the rows, or
    a dict {parameter: value}. The caption says what each fan pools over. At most
    ``max_runs`` runs per fan are read (evenly spaced by task). Categorical indicators are drawn
    by ``state_chart``. Returns the axes.
    """
    df = _sweep(sweep)
    units, description = _meta_of(df, indicator)
    if figures.is_categorical(units):
        return state_chart(df, indicator, where=where, ax=ax)
    mask = _mask(df, where)
    groups = _groups(df, mask, by, bins)
    if ax is None:
        _, ax = plt.subplots(figsize=(7.5, 4))
    qs = sorted(quantiles)
    series = []
    for label, m in groups:
        tasks, total = _subsample(m, max_runs)
        s = sweep_series(df, indicator, tasks=tasks)
        if not s.empty:
            series.append((label, s, total))
    peak = max((np.nanmax(np.abs(s.to_numpy())) for _, s, _ in series
                if np.isfinite(s.to_numpy()).any()), default=0.0)
    scale = figures.scale_for(units, [peak])
    for k, (label, s, total) in enumerate(series):
        c = figures.colour(k)
        q = s.quantile(qs, axis=1).T * scale.factor
        if len(qs) >= 4:
            ax.fill_between(q.index, q[qs[0]], q[qs[-1]], color=c, alpha=0.18, lw=0)
            ax.fill_between(q.index, q[qs[1]], q[qs[-2]], color=c, alpha=0.38, lw=0)
        read = f"{s.shape[1]} of {total}" if s.shape[1] < total else f"{s.shape[1]}"
        ax.plot(q.index, q[qs[len(qs) // 2]], color=c, lw=1.6,
                label=f"{label + ': ' if label else ''}median of {read} runs")
    ax.set_title(figures.wrap(figures.title_of(indicator, description), 70))
    ax.set_ylabel(figures.wrap(scale.label, 30))
    figures.plain_axis(ax)
    figures.date_axis(ax)
    lo, hi = int(100 * qs[0]), int(100 * qs[-1])
    band = (f"bands: {lo}-{hi} % and {int(100 * qs[1])}-{int(100 * qs[-2])} % of runs; "
            if len(qs) >= 4 else "")
    ax.text(0, -0.16, figures.wrap(band + _pooling(df, by, where), 110),
            transform=ax.transAxes, fontsize=7, va="top", color="#444444")
    if series:
        ax.legend(frameon=False, loc="best")
    else:
        ax.text(0.5, 0.5, "no complete run", ha="center", va="center", transform=ax.transAxes)
    return ax


def state_chart(sweep, indicator: str, *, where=None, max_runs: int = MAX_RUNS, ax=None):
    """A categorical indicator (usmca_status ...) as the share of runs in each of its states
    over time, stacked (never a mean of the codes). Returns the axes."""
    df = _sweep(sweep)
    units, description = _meta_of(df, indicator)
    labels = figures.state_labels(units, description)
    tasks, total = _subsample(_mask(df, where), max_runs)
    s = sweep_series(df, indicator, tasks=tasks)
    if ax is None:
        _, ax = plt.subplots(figsize=(7.5, 4))
    if s.empty:
        ax.text(0.5, 0.5, "no complete run", ha="center", va="center", transform=ax.transAxes)
        return ax
    shares = figures.state_shares(s, labels) * 100
    shares = shares.loc[:, (shares > 0).any(axis=0)]
    ax.stackplot(shares.index, shares.T.to_numpy(),
                 labels=list(shares.columns),
                 colors=[figures.colour(k) for k in range(shares.shape[1])], alpha=0.9, lw=0)
    ax.set_ylim(0, 100)
    ax.set_xlim(shares.index[0], shares.index[-1])
    ax.set_ylabel("share of runs (%)")
    ax.set_title(figures.wrap(f"{figures.title_of(indicator)}: share of runs in each state", 70))
    figures.date_axis(ax)
    read = f"{s.shape[1]} of {total}" if s.shape[1] < total else f"{s.shape[1]}"
    ax.text(0, -0.16, f"{read} runs, {_pooling(df, None, where)}", transform=ax.transAxes,
            fontsize=7, va="top", color="#444444")
    ax.legend(frameon=False, loc="center left", bbox_to_anchor=(1.0, 0.5), title="state")
    return ax


def _binned_mean(x: pd.Series, y: pd.Series):
    if x.nunique() <= 12:
        m = y.groupby(x).mean()
        return m.index.to_numpy(dtype=float), m.to_numpy()
    bins = pd.qcut(x, 10, duplicates="drop")
    m = y.groupby(bins, observed=True).mean()
    return np.array([b.mid for b in m.index]), m.to_numpy()


def outcome_vs_parameter(sweep, outcome: str, parameter: str, *, hue: str | None = None, ax=None):
    """One dot per complete task (outcome against parameter), with the mean per parameter value
    (grids and lists) or per tenth of the runs (sampled designs). ``hue``: colour by another
    parameter. Returns the axes."""
    df = _sweep(sweep)
    d = df[df["status"] == "complete"]
    if ax is None:
        _, ax = plt.subplots(figsize=(6, 4.5))
    x = d[parameter].astype(float)
    y = d[outcome].astype(float)
    scale = figures.scale_for(df.attrs.get("units", {}).get(outcome, ""), y)
    if hue is None:
        ax.scatter(x, y * scale.factor, s=10, alpha=0.5, color=figures.PALETTE[0], lw=0,
                   label="runs", rasterized=len(d) > 2000)
    else:
        sc = ax.scatter(x, y * scale.factor, s=10, alpha=0.8, c=d[hue].astype(float),
                        cmap=figures.SEQUENTIAL, lw=0, rasterized=len(d) > 2000)
        plt.colorbar(sc, ax=ax, label=hue)
    mx, my = _binned_mean(x, y)
    ax.plot(mx, my * scale.factor, color=figures.PALETTE[3], lw=2, marker="o", ms=3,
            label="mean")
    ax.set_xlabel(parameter)
    ax.set_ylabel(outcome_label(df, outcome, y))
    figures.plain_axis(ax)
    ax.set_title(f"{outcome} against {parameter} ({len(d)} runs)")
    ax.legend(frameon=False)
    return ax


def pairs_overview(sweep, outcomes=None, parameters=None, *, max_points: int = 4000):
    """Every outcome (rows) against every numeric parameter (columns) in one figure: dots for
    runs (at most ``max_points``, evenly spaced) and the binned mean. Returns the figure."""
    df = _sweep(sweep)
    d = df[df["status"] == "complete"]
    params = [p for p in (parameters or df.attrs["parameters"])
              if np.issubdtype(df[p].dtype, np.number)]
    outs = [o for o in (outcomes or df.attrs["outcomes"])
            if np.isfinite(d[o].astype(float)).any() and d[o].astype(float).nunique() > 1]
    if not params or not outs:
        fig, ax = plt.subplots(figsize=(5, 2))
        ax.set_axis_off()
        ax.text(0.5, 0.5, "no numeric parameter or varying outcome", ha="center")
        return fig
    show = d if len(d) <= max_points else d.iloc[np.linspace(0, len(d) - 1, max_points)
                                                 .round().astype(int)]
    width, height = 1.9 * len(params) + 1.8, 1.5 * len(outs) + 1.0
    fig, axes = plt.subplots(len(outs), len(params), figsize=(width, height), squeeze=False,
                             sharex="col", sharey="row")
    # Fixed margins (a tight layout of dozens of panels costs seconds), few ticks.
    fig.subplots_adjust(left=1.7 / width, right=1 - 0.45 / width, bottom=0.75 / height,
                        top=1 - 0.45 / height, wspace=0.08, hspace=0.12)
    size = 12 if len(show) < 300 else 5 if len(show) < 1500 else 2.5
    for i, o in enumerate(outs):
        y = d[o].astype(float)
        units = df.attrs.get("units", {}).get(o, "")
        scale = figures.scale_for(units, y)
        for j, p in enumerate(params):
            ax = axes[i, j]
            if units == "code":
                _state_bars(ax, d[p].astype(float), y, legend=(j == len(params) - 1))
            elif units == "0/1":  # the share of runs where it holds, per bin
                mx, my = _binned_mean(d[p].astype(float), y)
                ax.plot(mx, my, color=figures.PALETTE[3], lw=1.4, marker="o", ms=2)
                ax.set_ylim(-0.05, 1.05)
            else:
                ax.scatter(show[p].astype(float), show[o].astype(float) * scale.factor, s=size,
                           alpha=0.45, color=figures.PALETTE[0], lw=0, rasterized=True)
                mx, my = _binned_mean(d[p].astype(float), y)
                ax.plot(mx, my * scale.factor, color=figures.PALETTE[3], lw=1.4)
            ax.tick_params(labelsize=6)
            ax.xaxis.set_major_locator(matplotlib.ticker.MaxNLocator(3))
            ax.yaxis.set_major_locator(matplotlib.ticker.MaxNLocator(4))
            if i == len(outs) - 1:
                ax.set_xlabel(figures.wrap(p, 22), fontsize=7)
            if j == 0:
                ax.set_ylabel(outcome_label(df, o, y, width=24), fontsize=6.5)
                figures.plain_axis(ax)
    fig.suptitle(f"Outcomes against parameters ({len(d)} runs; line: mean per bin, for 0/1 "
                 "outcomes the share of runs; codes: share of runs in each state per bin)",
                 fontsize=9)
    fig.align_ylabels(axes[:, 0])
    return fig


def _state_bars(ax, x: pd.Series, y: pd.Series, legend: bool = True):
    """A categorical outcome against a parameter: stacked shares of its codes per bin."""
    bins = pd.qcut(x, min(8, max(1, x.nunique())), duplicates="drop")
    codes = np.rint(y).astype("Int64")
    table = pd.crosstab(bins, codes, normalize="index")
    mids = np.array([b.mid for b in table.index])
    width = np.diff([b.left for b in table.index] + [table.index[-1].right]) * 0.9
    bottom = np.zeros(len(table))
    for k, c in enumerate(table.columns):
        ax.bar(mids, table[c].to_numpy(), width=width, bottom=bottom, color=figures.colour(k),
               label=f"{c}", lw=0)
        bottom += table[c].to_numpy()
    ax.set_ylim(0, 1)
    if legend:
        ax.legend(fontsize=5, frameon=False, title="code", title_fontsize=5, loc="center left",
                  bbox_to_anchor=(1.0, 0.5))


def plot_sweep(directory, out_dir, indicators=None, formats=("png",),
               dpi: int = figures.PRINT_DPI) -> list:
    """The standard figures of a sweep; returns the files written."""
    df = open_sweep(directory)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if not indicators:
        info = df.attrs.get("outcome_info", {})
        indicators = []
        for o in df.attrs["outcomes"]:
            ind = str(info.get(o, {}).get("indicator", "")) or (
                o.rsplit(".", 1)[0] if "event" not in info.get(o, {}) else "")
            if ind and ind not in indicators:
                indicators.append(ind)
        indicators = indicators or ["relationship_tension"]
    meta = indicator_meta(df)
    unknown = [i for i in indicators if len(meta) and i not in meta.index]
    if unknown:
        raise AnalysisError(f"--indicator {unknown[0]}: not an indicator of the runs; "
                            f"indicators: {', '.join(meta.index)}")
    params = df.attrs["parameters"]
    by = params[0] if params and df[params[0]].nunique() <= 6 else None
    written = []
    with figures.style():
        for ind in indicators:
            fig, ax = plt.subplots(figsize=(7.5, 4))
            fan_chart(df, ind, by=by, ax=ax)
            written += figures.save(fig, out / f"fan-{ind}", formats, dpi)
        written += figures.save(pairs_overview(df), out / "pairs", formats, dpi)
    return written


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python3 -m vecinos.sweep_plot",
                                 description=__doc__.split("\n\n")[0])
    ap.add_argument("directory", help="output directory of a collected sweep (holds sweep.h5)")
    ap.add_argument("-o", "--out", default=None, help="figures directory (default DIR/figures)")
    ap.add_argument("--indicator", action="append", default=None,
                    help="indicator of a fan chart (repeatable; default: the outcomes' indicators)")
    ap.add_argument("--format", default="png", help="png, pdf, svg, or several: png,pdf")
    ap.add_argument("--dpi", type=int, default=figures.PRINT_DPI, help="PNG resolution")
    args = ap.parse_args(argv)
    out = args.out or str(Path(args.directory) / "figures")
    try:
        formats = figures.parse_formats(args.format)
        for path in plot_sweep(args.directory, out, args.indicator, formats, args.dpi):
            print(path)
    except (FileNotFoundError, SweepIndexError, AnalysisError, ValueError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
