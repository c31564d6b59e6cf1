# The figures of docs/analysis.md, from the two shipped sweeps, run and collected:
#   PYTHONPATH=tools/python /usr/bin/python3 docs/images/analysis_figures.py   (from the repository root)

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import vecinos
from vecinos import discovery, figures, paths, sensitivity, sweep_plot

out = "docs/images"
lhs = vecinos.open_sweep("runs/sweeps/lhs_leaders")
sal = vecinos.open_sweep("runs/sweeps/saltelli_leaders")
with figures.style():
    # path probabilities with Wilson intervals, both sweeps
    fig, ax = plt.subplots(figsize=(6.5, 2.8))
    for k, (label, df) in enumerate((("Latin hypercube, 128 runs", lhs),
                                     ("Saltelli design, 1,280 runs", sal))):
        pr = paths.probabilities(df)
        y = np.arange(len(pr)) + (k - 0.5) * 0.36
        p = pr["probability"].to_numpy() * 100
        ax.barh(y, p, height=0.34, color=figures.colour(k), label=label)
        ax.errorbar(p, y, xerr=np.vstack([p - pr["lo"] * 100, pr["hi"] * 100 - p]), fmt="none",
                    ecolor="#222222", lw=0.8, capsize=2)
    ax.set_yticks(range(len(pr)))
    ax.set_yticklabels(pr.index)
    ax.invert_yaxis()
    ax.set_xlabel("share of runs (%), 95 % Wilson interval")
    ax.set_xlim(0, 100)
    ax.legend(frameon=False, loc="lower right")
    figures.save(fig, f"{out}/analysis-paths", dpi=110)

    # Sobol' indices of two outcomes
    fig, axes = plt.subplots(1, 2, figsize=(10, 3.6), sharey=True)
    for ax, o in zip(axes, ("trade_us_mx_usd.final", "usmca_terminated")):
        t = sensitivity.sweep_indices(sal, o).table
        y = np.arange(len(t))
        for off, col, c in ((-0.18, "S1", 0), (0.18, "ST", 1)):
            err = np.vstack([t[col] - t[f"{col}_lo"], t[f"{col}_hi"] - t[col]]).clip(0)
            ax.barh(y + off, t[col], height=0.34, color=figures.colour(c), xerr=err,
                    error_kw=dict(lw=0.7, capsize=2), label={"S1": "first order", "ST": "total"}[col])
        ax.set_yticks(y)
        ax.set_yticklabels(t.index, fontsize=7)
        ax.axvline(0, color="#888888", lw=0.6)
        ax.set_title(o)
    axes[0].invert_yaxis()
    axes[1].legend(frameon=False, loc="lower right")
    fig.tight_layout()
    figures.save(fig, f"{out}/analysis-sobol", dpi=110)

    # PRIM trade-off for rupture (LHS)
    X, y = discovery.cases(lhs, path="rupture")
    res = discovery.prim(X, y)
    fig, ax = plt.subplots(figsize=(4.8, 3.6))
    tr = res.trajectory
    sc = ax.scatter(tr["coverage"], tr["density"], c=tr["restricted"], cmap=figures.SEQUENTIAL, s=14, zorder=3)
    ax.plot(tr["coverage"], tr["density"], color="#999999", lw=0.7)
    ax.scatter([res.box.coverage], [res.box.density], marker="*", s=150, color=figures.PALETTE[3], zorder=4, label="chosen box")
    fig.colorbar(sc, ax=ax, label="restricted parameters")
    ax.set_xlabel("coverage")
    ax.set_ylabel("density")
    ax.legend(frameon=False, loc="lower left")
    ax.set_title("PRIM, path rupture (Latin hypercube)")
    figures.save(fig, f"{out}/analysis-prim", dpi=110)

    # key indicators: trade fan by bins of the decision temperature; USMCA states
    fig, ax = plt.subplots(figsize=(7.5, 3.8))
    sweep_plot.fan_chart(lhs, "trade_us_mx_usd", by="decisions.temperature", bins=2, ax=ax)
    figures.save(fig, f"{out}/analysis-fan-trade", dpi=110)
    fig, ax = plt.subplots(figsize=(7.5, 3.6))
    sweep_plot.state_chart(lhs, "usmca_status", ax=ax)
    figures.save(fig, f"{out}/analysis-usmca", dpi=110)
