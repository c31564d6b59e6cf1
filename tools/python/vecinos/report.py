"""The report of a sweep:  python3 -m vecinos.report SWEEP_DIR [-o FILE.html] [options]

One self-contained HTML file (figures embedded as data URIs; no script, no network) answering
the seed's question for a collected sweep: which parameters matter (Sobol' indices or Morris
measures with intervals, feature scores for any design), under which conditions outcomes
degrade (PRIM boxes, a CART tree), how likely each path is (probabilities with intervals,
overall and across the most influential parameters; the most frequent event sequences), and
fan charts of the key indicators. Default output: SWEEP_DIR/report.html. Exit 2 on bad input.
"""
from __future__ import annotations

import argparse
import base64
import html
import io
import sys
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

from . import discovery, figures, paths as paths_module, sensitivity, sweep_plot  # noqa: E402
from .errors import AnalysisError  # noqa: E402
from .sweep import SweepIndexError, open_sweep  # noqa: E402

KEY_INDICATORS = ("trade_us_mx_usd", "security_cooperation", "relationship_tension",
                  "usmca_status", "tariff_us_on_mx")
REPORT_DPI = 110
MIN_CASES = 10  # PRIM needs at least this many cases of interest
MIN_ROWS = 16  # Sobol' base rows or Morris trajectories below which no index is shown

CSS = """
body{font-family:Georgia,'DejaVu Serif',serif;max-width:60rem;margin:2rem auto;padding:0 1rem;
color:#222;line-height:1.45}
h1{font-size:1.6rem}h2{font-size:1.3rem;border-bottom:1px solid #ccc;margin-top:2.2rem}
h3{font-size:1.05rem;margin-top:1.4rem}
table{border-collapse:collapse;font-size:.85rem;margin:.6rem 0}
th,td{border-bottom:1px solid #ddd;padding:.2rem .55rem;vertical-align:top}
.num{text-align:right}.txt{text-align:left}
figure{margin:1rem 0}figure img{max-width:100%;height:auto}
figcaption{font-size:.85rem;color:#444}
.note{background:#f5f5f0;border-left:3px solid #E69F00;padding:.4rem .8rem;font-size:.9rem}
.small{font-size:.85rem;color:#555}code{font-size:.85rem}
"""


class Report:
    """Collects sections of HTML and embedded figures."""

    def __init__(self, dpi=REPORT_DPI):
        self.parts: list = []
        self.figures = 0
        self.dpi = dpi
        self.timings: list = []

    def h(self, level: int, text: str):
        self.parts.append(f"<h{level}>{html.escape(text)}</h{level}>")

    def p(self, text: str, cls: str | None = None, raw: bool = False):
        body = text if raw else html.escape(text)
        self.parts.append(f"<p class='{cls}'>{body}</p>" if cls else f"<p>{body}</p>")

    def note(self, text: str):
        self.p(text, "note")

    def table(self, df: pd.DataFrame, floatfmt="{:.3g}", index=True):
        """A table: numbers right-aligned (floats to 3 significant digits), text left."""
        if index:
            df = df.reset_index()
        numeric = [pd.api.types.is_numeric_dtype(df[c]) and not pd.api.types.is_bool_dtype(df[c])
                   for c in df.columns]

        def cell(v, num):
            if v is None or (isinstance(v, float) and np.isnan(v)):
                text = ""
            elif isinstance(v, (float, np.floating)):
                text = floatfmt.format(v)
            else:
                text = str(v)
            return f"<td class='{'num' if num else 'txt'}'>{html.escape(text)}</td>"

        head = "".join(f"<th class='{'num' if n else 'txt'}'>{html.escape(str(c))}</th>"
                       for c, n in zip(df.columns, numeric))
        body = "".join("<tr>" + "".join(cell(v, n) for v, n in zip(row, numeric)) + "</tr>"
                       for row in df.itertuples(index=False, name=None))
        self.parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")

    def figure(self, fig, caption: str, alt: str):
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=self.dpi, bbox_inches="tight",
                    metadata={"Software": None})
        plt.close(fig)
        data = base64.b64encode(buf.getvalue()).decode("ascii")
        self.figures += 1
        self.parts.append(
            f"<figure><img src='data:image/png;base64,{data}' alt='{html.escape(alt, True)}'>"
            f"<figcaption>Figure {self.figures}. {html.escape(caption)}</figcaption></figure>")

    def html(self, title: str) -> str:
        return ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
                "<meta name='viewport' content='width=device-width, initial-scale=1'>"
                f"<title>{html.escape(title)}</title><style>{CSS}</style></head><body>"
                + "\n".join(self.parts) + "</body></html>\n")


def _pct(x):
    return "" if not np.isfinite(x) else f"{100 * x:.1f} %"


# -- sections ----------------------------------------------------------------------------------


def _overview(rep: Report, df: pd.DataFrame):
    sweep = df.attrs.get("sweep") or {}
    n = len(df)
    complete = int((df["status"] == "complete").sum())
    design = sweep.get("design", "?")
    reps = sweep.get("replicates", 1)
    crn = bool(sweep.get("common_random_numbers", False))
    rep.p(f"Sweep {df.attrs['directory']}: design {design}, "
          f"{int(df['point'].max()) + 1 if n else 0} points x {reps} replicates = {n} runs, "
          f"{complete} complete. Base config: {sweep.get('base', '?')}. Replicate seeds: "
          + ("common random numbers (replicate r of every point has the same seed)." if crn
             else "independent at every point."))
    if complete < n:
        rep.note(f"{n - complete} runs are not complete (statuses: "
                 + ", ".join(f"{k} {v}" for k, v in df["status"].value_counts().items()
                             if k != "complete")
                 + "); every figure uses the complete runs only.")
    rows = []
    for p in df.attrs["parameters"]:
        spec = (sweep.get("parameters") or {}).get(p)
        if isinstance(spec, dict):
            rng = f"{spec.get('min')} .. {spec.get('max')}"
        else:
            rng = ", ".join(map(str, spec)) if isinstance(spec, list) else str(spec)
        rows.append({"parameter": p, "values": rng})
    if rows:
        rep.table(pd.DataFrame(rows), index=False)


def _sensitivity(rep: Report, df, outcomes, bootstrap, seed, scores):
    sweep = df.attrs.get("sweep") or {}
    design = sweep.get("design", "")
    rep.h(2, "1. Which parameters matter")
    if design in ("saltelli", "morris"):
        t0 = time.perf_counter()
        results = {}
        for o in outcomes:
            try:
                r = sensitivity.sweep_indices(df, o, bootstrap=bootstrap, seed=seed)
            except AnalysisError as e:
                rep.note(f"{o}: {e}")
                continue
            used = getattr(r, "rows", getattr(r, "trajectories", 0))
            if used < MIN_ROWS:
                rep.note(f"{o}: only {used} complete {'base rows' if design == 'saltelli' else 'trajectories'} "
                         f"(the outcome is NaN at a point of the others, as the date of an event "
                         f"that did not happen is); at least {MIN_ROWS} are needed, so no indices")
                continue
            results[o] = r
        rep.timings.append(("indices", time.perf_counter() - t0))
        if results and design == "saltelli":
            _sobol_figure(rep, df, results, bootstrap)
        elif results:
            _morris_figure(rep, df, results, bootstrap)
        hints = [r.noise["hint"] for r in results.values() if r.noise and r.noise.get("hint")]
        noise_rows = [{"outcome": o, "replicates": r.noise["replicates"],
                       "noise share of runs": r.noise["runs"],
                       "noise share of point means": r.noise["means"]}
                      for o, r in results.items()]
        if noise_rows:
            rep.h(3, "Replicate noise")
            rep.p("The share of each outcome's variance that comes from the seed rather than "
                  "the parameters: within-point variance over the variance of single runs, and "
                  "over the variance of the point means the indices are computed from.")
            rep.table(pd.DataFrame(noise_rows), index=False)
        for o, r in results.items():
            dropped = getattr(r, "dropped_rows", getattr(r, "dropped_trajectories", 0))
            if dropped:
                unit = "base rows" if r.kind == "sobol" else "trajectories"
                rep.note(f"{o}: {dropped} {unit} left out, the outcome being missing (NaN) at "
                         f"one of their points (an event that never happened has no date); the "
                         f"indices describe the rest.")
        for h in hints:
            rep.note(h)
        for r in list(results.values())[:1]:
            for n in r.notes:
                rep.p(n, "small")
    else:
        rep.p(f"The sweep's design ({design}) supports no variance decomposition; Sobol' "
              "indices need design: saltelli and Morris measures design: morris. The feature "
              "scores below rank the parameters for any design.")
    if scores is not None and len(scores):
        scores = scores.T  # rows: outcomes (and the path); columns: parameters
        fig, ax = plt.subplots(figsize=(1.05 * scores.shape[1] + 3.4, 0.42 * len(scores) + 1.8))
        im = ax.imshow(scores.to_numpy(), cmap=figures.SEQUENTIAL, vmin=0,
                       vmax=max(float(np.nanmax(scores.to_numpy())), 1e-9), aspect="auto")
        ax.set_xticks(range(scores.shape[1]))
        ax.set_xticklabels([figures.wrap(c, 18) for c in scores.columns], rotation=30,
                           ha="right", fontsize=7)
        ax.set_yticks(range(len(scores)))
        ax.set_yticklabels(scores.index, fontsize=7)
        for i in range(scores.shape[0]):
            for j in range(scores.shape[1]):
                v = scores.iat[i, j]
                if np.isfinite(v):
                    ax.text(j, i, f"{v:.2f}", ha="center", va="center", fontsize=6.5,
                            color="white" if v < 0.6 * np.nanmax(scores.to_numpy()) else "black")
        fig.colorbar(im, ax=ax, label="importance (sums to 1 per row)", fraction=0.04)
        ax.set_title("Feature scores: extra-trees importance of each parameter")
        rep.figure(fig, "Extremely randomised trees (Geurts et al. 2006) fitted to each outcome "
                   "(regression) and to the path each run follows (classification); impurity "
                   "importances, each row summing to 1. Unlike Sobol' indices, they need no "
                   "special design but give no variance share.",
                   "heat map of feature scores")


def _sobol_figure(rep, df, results, bootstrap):
    outs = list(results)
    nrows, ncols = figures.grid_shape(len(outs), 2)
    params = list(df.attrs["parameters"])
    fig, axes = plt.subplots(nrows, ncols, figsize=(6.2 * ncols, 0.32 * len(params) * nrows
                                                    + 1.6 * nrows), squeeze=False)
    for ax, o in zip(axes.flat, outs):
        t = results[o].table
        y = np.arange(len(t))
        for off, col, c in ((-0.18, "S1", figures.PALETTE[0]), (0.18, "ST", figures.PALETTE[1])):
            err = None
            if f"{col}_lo" in t:
                err = np.vstack([t[col] - t[f"{col}_lo"], t[f"{col}_hi"] - t[col]]).clip(0)
            ax.barh(y + off, t[col], height=0.34, color=c, xerr=err,
                    error_kw=dict(lw=0.8, capsize=2), label="first order S1" if col == "S1"
                    else "total ST")
        ax.set_yticks(y)
        ax.set_yticklabels(t.index, fontsize=7)
        ax.invert_yaxis()
        ax.axvline(0, color="#888888", lw=0.6)
        ax.set_xlim(min(-0.05, float(np.nanmin(t.filter(like='_lo').to_numpy(), initial=0))),
                    max(1.0, float(np.nanmax(t.filter(like='_hi').to_numpy(), initial=0))))
        ax.set_title(figures.wrap(sweep_plot.outcome_label(df, o, width=200), 60), fontsize=8)
        ax.legend(frameon=False, fontsize=7, loc="lower right")
    for ax in list(axes.flat)[len(outs):]:
        ax.set_visible(False)
    fig.suptitle("Sobol' indices with 95 % bootstrap intervals", fontsize=10)
    fig.tight_layout(rect=(0, 0, 1, 0.97))
    first = results[outs[0]]
    rep.figure(fig, f"First-order (Saltelli et al. 2010) and total (Jansen 1999) Sobol' indices "
               f"of each outcome from {first.rows} base rows, computed on the means over "
               f"replicates; bars: {bootstrap} bootstrap resamples of the base rows "
               "(percentile intervals). S1 is the share of variance a parameter explains "
               "alone, ST alone and with its interactions.", "Sobol' index bar charts")
    rows = []
    for o, r in results.items():
        for p, row in r.table.iterrows():
            rows.append({"outcome": o, "parameter": p, **row.to_dict()})
    rep.table(pd.DataFrame(rows), index=False)
    for o, r in results.items():
        if r.second is not None:
            rep.h(3, f"Second-order indices: {o}")
            rep.table(r.second.reset_index(), index=False)


def _morris_figure(rep, df, results, bootstrap):
    outs = list(results)
    nrows, ncols = figures.grid_shape(len(outs), 2)
    fig, axes = plt.subplots(nrows, ncols, figsize=(5.6 * ncols, 4.2 * nrows), squeeze=False)
    for ax, o in zip(axes.flat, outs):
        t = results[o].table
        units = df.attrs.get("units", {}).get(o, "")
        scale = figures.scale_for(units, t["mu_star"])
        ax.scatter(t["mu_star"] * scale.factor, t["sigma"] * scale.factor,
                   color=figures.PALETTE[0], zorder=3)
        if "mu_star_lo" in t:
            ax.errorbar(t["mu_star"] * scale.factor, t["sigma"] * scale.factor,
                        xerr=np.vstack([t["mu_star"] - t["mu_star_lo"],
                                        t["mu_star_hi"] - t["mu_star"]]).clip(0) * scale.factor,
                        fmt="none", ecolor="#888888", lw=0.8)
        for p, row in t.iterrows():
            ax.annotate(p, (row["mu_star"] * scale.factor, row["sigma"] * scale.factor),
                        fontsize=6.5, xytext=(3, 3), textcoords="offset points")
        ax.set_xlabel(f"mu* ({scale.label} per whole range)")
        ax.set_ylabel("sigma")
        figures.plain_axis(ax)
        figures.plain_axis(ax, "x")
        ax.set_title(figures.wrap(sweep_plot.outcome_label(df, o, width=200), 55), fontsize=8)
    for ax in list(axes.flat)[len(outs):]:
        ax.set_visible(False)
    fig.tight_layout()
    first = results[outs[0]]
    rep.figure(fig, f"Morris (1991) screening over {first.trajectories} trajectories: mu* (mean "
               "absolute elementary effect, Campolongo et al. 2007) against sigma (their "
               "standard deviation: non-linearity or interactions); bars: 95 % bootstrap "
               f"intervals of mu* ({bootstrap} resamples of the trajectories).",
               "Morris mu-star against sigma")
    rows = []
    for o, r in results.items():
        for p, row in r.table.iterrows():
            rows.append({"outcome": o, "parameter": p, **row.to_dict()})
    rep.table(pd.DataFrame(rows), index=False)


def _conditions(rep: Report, df, labels, case_sets, seed):
    rep.h(2, "2. Under which conditions outcomes degrade")
    if not case_sets:
        rep.p("No path (or --cases rule) singles out runs to explain: add a paths: section "
              "to the sweep file.")
        return
    t0 = time.perf_counter()
    for name, y, what in case_sets:
        rep.h(3, f"PRIM: {name}")
        X = _numeric_parameters(df)
        if y.sum() < MIN_CASES:
            rep.p(f"{int(y.sum())} runs are cases of interest: too few for PRIM (at least "
                  f"{MIN_CASES}); run more points to explain this path.")
            continue
        try:
            res = discovery.prim(X, y)
        except AnalysisError as e:
            rep.note(f"{name}: {e}")
            continue
        fig, ax = plt.subplots(figsize=(5.8, 4.2))
        tr = res.trajectory
        sc = ax.scatter(tr["coverage"], tr["density"], c=tr["restricted"], cmap=figures.SEQUENTIAL,
                        s=16, zorder=3)
        ax.plot(tr["coverage"], tr["density"], color="#999999", lw=0.8)
        ax.scatter([res.box.coverage], [res.box.density], marker="*", s=160,
                   color=figures.PALETTE[3], zorder=4, label="chosen box (pasted)")
        fig.colorbar(sc, ax=ax, label="restricted parameters")
        ax.set_xlabel("coverage (share of the cases inside the box)")
        ax.set_ylabel("density (share of the box's runs that are cases)")
        ax.set_xlim(0, 1.02)
        ax.set_ylim(0, 1.02)
        ax.legend(frameon=False, loc="lower left")
        ax.set_title(figures.wrap(f"Peeling trajectory for {name}", 60))
        rep.figure(fig, f"PRIM (Friedman and Fisher 1999) peeling trajectory: each point a box, "
                   f"from all runs (coverage 1, density {res.base_density:.2f}, the base rate) "
                   f"to boxes of 5 % of the runs. Cases: {what}.", f"PRIM trade-off for {name}")
        b = res.box
        rep.p(f"Chosen box: {b.runs} runs ({_pct(b.mass)} of all), {b.cases} of the "
              f"{res.cases} cases: coverage {_pct(b.coverage)}, density {_pct(b.density)} "
              f"(base rate {_pct(res.base_density)}).")
        if len(b.table):
            rep.table(b.table.reset_index(), index=False)
            rep.p("quasi_p: the hypergeometric probability that a box of this size drawn from "
                  "the box without that restriction holds this many cases or more (Bryant and "
                  "Lempert 2010); a large value says the restriction adds little.", "small")
            if (b.table["quasi_p"] > 0.05).any():
                s = discovery.simplify(X, y, b)
                rep.p(f"Without the restrictions of quasi-p above 0.05 the box restricts "
                      f"{len(s.table)} parameter{'s' if len(s.table) != 1 else ''}: {s.runs} runs, "
                      f"coverage {_pct(s.coverage)}, density {_pct(s.density)}.")
                if len(s.table):
                    rep.table(s.table.reset_index(), index=False)
        else:
            rep.p("The chosen box restricts no parameter: no region of the parameter space "
                  "concentrates these runs.")
        for n in res.notes:
            rep.p(n, "small")
    rep.timings.append(("PRIM", time.perf_counter() - t0))
    if labels is not None and labels.nunique() > 1:
        t0 = time.perf_counter()
        X = _numeric_parameters(df)
        tree = discovery.cart(X, labels.loc[X.index].to_numpy(), max_depth=3, seed=seed)
        from sklearn.tree import plot_tree

        fig, ax = plt.subplots(figsize=(11, 5.2))
        plot_tree(tree.model, feature_names=list(X.columns), class_names=[str(c) for c in
                                                                          tree.classes],
                  filled=False, impurity=False, proportion=True, rounded=True, fontsize=6,
                  ax=ax)
        ax.set_title("Classification tree of the paths")
        rep.h(3, "CART: which path, where")
        rep.figure(fig, f"A classification tree (Breiman et al. 1984; scikit-learn) of the path "
                   f"each run follows, at most 3 levels, leaves of at least 2 % of the runs; "
                   f"it classifies {_pct(tree.accuracy)} of the runs correctly.",
                   "classification tree of the paths")
        rep.table(tree.leaves, index=False)
        rep.timings.append(("CART", time.perf_counter() - t0))


def _probabilities(rep: Report, df, labels, scores, seed):
    rep.h(2, "3. How likely each path is")
    if labels is None:
        rep.p("The sweep defines no paths.")
    else:
        plist = paths_module.sweep_paths(df)
        rules = pd.DataFrame([{"path": p["name"], "rule": p.get("when") or "(every other run)",
                               "description": p.get("description", "")} for p in plist])
        if len(rules):
            rep.table(rules, index=False)
        d = df.assign(path=labels)
        pr = paths_module.probabilities(d, paths=None)
        prb = paths_module.probabilities(d, method="bootstrap", seed=seed)
        names = [n for n in pr.index]
        fig, ax = plt.subplots(figsize=(6.4, 0.5 * len(names) + 1.4))
        y = np.arange(len(names))
        p = pr["probability"].to_numpy()
        ax.barh(y, p * 100, color=[figures.colour(k) for k in range(len(names))], height=0.6)
        ax.errorbar(p * 100, y, xerr=np.vstack([p - pr["lo"], pr["hi"] - p]).clip(0) * 100,
                    fmt="none", ecolor="#222222", lw=1, capsize=3)
        ax.set_yticks(y)
        ax.set_yticklabels(names)
        ax.invert_yaxis()
        ax.set_xlabel("share of runs (%)")
        ax.set_xlim(0, 100)
        ax.set_title("Probability of each path over the design")
        rep.figure(fig, f"Share of the {int(pr['runs'].iloc[0])} complete runs following each "
                   "path, with 95 % Wilson (1927) intervals. The probability is over the "
                   "design's distribution of the parameters (uniform within their bounds for "
                   "sampled designs) and the seeds.", "path probabilities")
        table = pr.reset_index().assign(
            bootstrap_lo=prb["lo"].to_numpy(), bootstrap_hi=prb["hi"].to_numpy())
        rep.table(table, index=False)
        rep.p("lo, hi: Wilson interval (runs taken as independent); bootstrap_lo, bootstrap_hi: "
              "resampling the design's points with their replicates.", "small")
        # Across the most influential parameters
        top = []
        if scores is not None and "path" in scores.columns:
            top = list(scores["path"].sort_values(ascending=False).index[:2])
        elif df.attrs["parameters"]:
            top = list(df.attrs["parameters"][:2])
        if top:
            fig, axes = plt.subplots(1, len(top), figsize=(5.2 * len(top), 3.8), squeeze=False)
            for ax, par in zip(axes.flat, top):
                by = paths_module.probabilities(d, by=par, bins=5)
                for k, name in enumerate(names):
                    part = by.xs(name, level="path")
                    mids = [iv.mid if hasattr(iv, "mid") else float(iv) for iv in part.index]
                    c = figures.colour(k)
                    ax.plot(mids, part["probability"] * 100, color=c, marker="o", ms=3,
                            label=name)
                    ax.fill_between(mids, part["lo"] * 100, part["hi"] * 100, color=c,
                                    alpha=0.15, lw=0)
                ax.set_xlabel(par)
                ax.set_ylabel("share of runs (%)")
                ax.set_ylim(0, 100)
            axes.flat[0].legend(frameon=False, fontsize=7)
            fig.suptitle("Path probabilities across the most influential parameters", fontsize=10)
            fig.tight_layout()
            rep.figure(fig, "Each path's share of the runs in five equal-count bins of the "
                       "parameter (pooled over the other parameters), with 95 % Wilson bands.",
                       "path probabilities by parameter bin")
    seq = None
    try:
        seq = paths_module.sequences(df, length=3, top=10)
    except (KeyError, OSError) as e:
        rep.note(f"event sequences: {e}")
    if seq is not None and len(seq):
        rep.h(3, "Most frequent event sequences")
        rep.p(f"The first three distinct actions of each run, in order "
              f"({seq.attrs['distinct']} distinct sequences among {seq.attrs['total']} runs); "
              "share with a 95 % Wilson interval.")
        rep.table(seq, index=False)


def _paired(rep: Report, df, outcomes):
    """Grid and list designs with common random numbers: each point against point 0."""
    from . import paired

    rep.h(2, "Paired differences from point 0 (common random numbers)")
    params = df.attrs["parameters"]
    first = df[df["point"] == 0][params].iloc[0].to_dict() if params else {}
    rep.p("Every point minus point 0 (" + ", ".join(f"{k} = {v}" for k, v in first.items())
          + "), replicate by replicate: the replicates share their seeds, so each difference "
          "holds the parameters' effect with the same chance on both sides. variance_ratio: how "
          "many times more replicates an unpaired comparison would need.")
    rows = []
    for o in outcomes:
        d = paired.differences(df, o, reference=0)
        for p, row in d.iterrows():
            rows.append({"outcome": o, "point": p, **{k: row[k] for k in params},
                         "mean difference": row["mean"], "lo": row["lo"], "hi": row["hi"],
                         "variance_ratio": row["variance_ratio"]})
    if rows:
        rep.table(pd.DataFrame(rows), index=False)


def _fans(rep: Report, df, indicators, max_runs):
    rep.h(2, "4. Key indicators over time")
    meta = sweep_plot.indicator_meta(df)
    chosen = [i for i in indicators if not len(meta) or i in meta.index]
    for ind in chosen:
        fig, ax = plt.subplots(figsize=(7.5, 4))
        sweep_plot.fan_chart(df, ind, ax=ax, max_runs=max_runs)
        units = meta.loc[ind, "units"] if ind in meta.index else ""
        if figures.is_categorical(units):
            cap = (f"{ind}: the share of runs in each state at each date (a categorical "
                   "indicator: its codes are states, not amounts).")
        else:
            cap = (f"{ind}: median, 25-75 % and 5-95 % of runs at each date; at most "
                   f"{max_runs} runs are read, evenly spaced by task.")
        rep.figure(fig, cap, f"fan chart of {ind}")


def _numeric_parameters(df):
    d = df[df["status"] == "complete"]
    params = [p for p in df.attrs["parameters"] if pd.api.types.is_numeric_dtype(d[p])]
    return d[params].astype(float)


# -- the report --------------------------------------------------------------------------------


def build(directory, out=None, *, outcomes=None, indicators=None, cases=None,
          bootstrap: int = 1000, seed=None, max_runs: int = sweep_plot.MAX_RUNS,
          dpi: int = REPORT_DPI) -> Path:
    """Writes the report; returns its path. See the module's docstring."""
    t_start = time.perf_counter()
    df = open_sweep(directory)
    sweep = df.attrs.get("sweep") or {}
    seed = int(sweep.get("seed", 0)) if seed is None else int(seed)
    all_outcomes = list(df.attrs["outcomes"])
    if outcomes:
        bad = [o for o in outcomes if o not in all_outcomes]
        if bad:
            raise AnalysisError(f"--outcome {bad[0]}: not an outcome of {df.attrs['index']}; "
                                f"outcomes: {', '.join(all_outcomes)}")
    complete = df[df["status"] == "complete"]
    if complete.empty:
        raise AnalysisError(f"{df.attrs['index']}: no complete run to report on")
    outcomes = [o for o in (outcomes or all_outcomes)
                if complete[o].astype(float).nunique() > 1]
    with figures.style():
        return _build(df, out, outcomes, indicators, cases, bootstrap, seed, max_runs, dpi,
                      t_start)


def _build(df, out, outcomes, indicators, cases, bootstrap, seed, max_runs, dpi, t_start):
    complete = df[df["status"] == "complete"]
    labels = None
    if paths_module.sweep_paths(df) or ("path" in df and (df["path"] != "").any()):
        labels = paths_module.path_column(df).loc[complete.index]
    rep = Report(dpi)
    title = f"vecinos sweep report: {Path(df.attrs['directory']).name}"
    rep.h(1, title)
    rep.p("How far do the tensions degrade the commercial relationship and security "
          "cooperation, under which conditions, and how likely is each path? This report "
          "answers for one collected sweep; every number comes from its runs.", "small")
    _overview(rep, df)

    t0 = time.perf_counter()
    X = _numeric_parameters(df)
    scores = None
    if X.shape[1] and len(X) >= 10:
        cols = {}
        for o in outcomes:
            cols[o] = discovery.feature_scores(X, complete[o].astype(float).to_numpy(),
                                               seed=seed, trees=100)["score"]
        if labels is not None and labels.nunique() > 1:
            cols["path"] = discovery.feature_scores(X, labels.to_numpy(), seed=seed,
                                                    trees=100)["score"]
        scores = pd.DataFrame(cols).reindex(X.columns)
    rep.timings.append(("feature scores", time.perf_counter() - t0))
    _sensitivity(rep, df, outcomes, bootstrap, seed, scores)

    case_sets = []
    if cases:
        y = paths_module.Rule(cases).evaluate(complete)
        case_sets.append((f"runs where {cases}", y, cases))
    elif labels is not None:
        share = labels.value_counts(normalize=True)
        plist = [p["name"] for p in paths_module.sweep_paths(df)] or list(share.index)
        for name in plist:
            s = share.get(name, 0.0)
            if 0.0 < s < 1.0:
                case_sets.append((f"path {name}", (labels == name).to_numpy(),
                                  f"runs that follow path {name}"))
    _conditions(rep, df, labels, case_sets, seed)
    _probabilities(rep, df, labels, scores, seed)
    sweep = df.attrs.get("sweep") or {}
    if sweep.get("common_random_numbers") and sweep.get("design") in ("grid", "list") \
            and int(df["point"].max()) >= 1 and int(sweep.get("replicates", 1)) >= 2:
        _paired(rep, df, outcomes)
    t0 = time.perf_counter()
    _fans(rep, df, list(indicators or KEY_INDICATORS), max_runs)
    rep.timings.append(("fan charts", time.perf_counter() - t0))
    rep.h(2, "5. Every outcome against every parameter")
    rep.figure(sweep_plot.pairs_overview(df, outcomes), "One dot per run (at most 4,000 shown) "
               "and the mean per bin of the parameter, pooled over the other parameters.",
               "pairs overview")
    rep.h(2, "Methods")
    rep.p("Intervals are 95 %. Sobol' indices: first order by Saltelli et al. (2010), total by "
          "Jansen (1999), second order by Saltelli (2002), on the means over each point's "
          f"replicates, {bootstrap} bootstrap resamples of the base rows. Morris (1991) "
          "elementary effects with mu* (Campolongo, Cariboni and Saltelli 2007). PRIM "
          "(Friedman and Fisher 1999) with peeling and pasting steps of 5 % and a minimum box "
          "of 5 % of the runs; the chosen box balances coverage and density (their harmonic "
          "mean). Path probabilities with Wilson (1927) intervals and a bootstrap over design "
          f"points. Random choices (bootstrap, trees) are seeded with {seed}, so the same "
          "sweep gives the same report.", "small")
    out = Path(out) if out else Path(df.attrs["directory"]) / "report.html"
    out.parent.mkdir(parents=True, exist_ok=True)
    rep.timings.append(("total", time.perf_counter() - t_start))
    out.write_text(rep.html(title), encoding="utf-8")
    build.timings = rep.timings
    build.figures = rep.figures
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python3 -m vecinos.report",
                                 description=__doc__.split("\n\n")[0])
    ap.add_argument("directory", help="a collected sweep's directory (holds sweep.h5)")
    ap.add_argument("-o", "--out", default=None, help="the HTML file (default DIR/report.html)")
    ap.add_argument("--outcome", action="append", default=None,
                    help="an outcome to analyse (repeatable; default: every outcome)")
    ap.add_argument("--indicator", action="append", default=None,
                    help="an indicator for a fan chart (repeatable; default: "
                         + ", ".join(KEY_INDICATORS) + ")")
    ap.add_argument("--cases", default=None,
                    help="a rule over outcomes naming the runs PRIM explains (default: each "
                         "path), e.g. \"trade_us_mx_usd.final < 6e11\"")
    ap.add_argument("--bootstrap", type=int, default=1000, help="bootstrap resamples (1000)")
    ap.add_argument("--seed", type=int, default=None, help="seed of the bootstrap and trees "
                    "(default: the sweep's)")
    ap.add_argument("--max-runs", type=int, default=sweep_plot.MAX_RUNS,
                    help="runs read per fan chart (default %(default)s)")
    ap.add_argument("--timings", action="store_true", help="print the time of each step")
    args = ap.parse_args(argv)
    if args.bootstrap < 0 or args.max_runs < 1:
        print("error: --bootstrap must be >= 0 and --max-runs >= 1", file=sys.stderr)
        return 2
    try:
        path = build(args.directory, args.out, outcomes=args.outcome, indicators=args.indicator,
                     cases=args.cases, bootstrap=args.bootstrap, seed=args.seed,
                     max_runs=args.max_runs)
    except (FileNotFoundError, SweepIndexError, AnalysisError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except KeyError as e:
        print(f"error: {e.args[0]}", file=sys.stderr)
        return 2
    print(path)
    if args.timings:
        for name, seconds in build.timings:
            print(f"{name:>16}: {seconds:.2f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
