#!/usr/bin/python3
"""How much of the baseline's outcome variance each decision parameter explains (issue 14).

    tools/study/variance_decomposition.py [--points 64] [--replicates 4] [--jobs 2]
                                          [--exe build/release/tools/vecinos]

A Latin hypercube of --points design points over the two noise terms of the decision model
(decisions.temperature, decisions.action_cost) and the seed's levers (the U.S. and Mexican
presidents' forbearance, the U.S. president's tariff propensity, both presidents' magnanimity),
each point run with --replicates seeds. For final tension and final trade it reports:

- the share of the total variance between replicates of the same point (the model's own
  stochastic noise, what no parameter explains);
- for each parameter, the share of the variance of the point means explained by it alone: the
  R^2 of a cubic regression of the point means on that parameter (a first-order index in the
  manner of a main-effect estimate from an LHS, Saltelli et al. 2008, ch. 1), times the share
  of the total variance that lies between points.

Ranges are assumptions (around the baseline values, over what the seed's wording allows).
Not a test: a study whose table goes in the issue's note.
"""
from __future__ import annotations

import argparse
import concurrent.futures as cf
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools" / "python"))
import vecinos  # noqa: E402

# name, config keys set to the value, low, high
FACTORS = [
    ("temperature", ["decisions.temperature"], 0.25, 1.0),
    ("action cost", ["decisions.action_cost"], 0.5, 3.0),
    ("U.S. forbearance", ["presidents.us.forbearance"], 0.05, 0.6),
    ("Mexican forbearance", ["presidents.mx.forbearance"], 0.3, 0.9),
    ("U.S. tariff propensity", ["presidents.us.tariff_propensity"], 0.3, 0.95),
    ("magnanimity (both)", ["presidents.us.magnanimity", "presidents.mx.magnanimity"], 0.1, 0.9),
]
NOISE = {"temperature", "action cost"}
OUTCOMES = [("relationship_tension", "final tension"), ("trade_us_mx_usd", "final trade")]


def lhs(n, k, rng):
    """n points in [0, 1)^k, one per stratum of each dimension."""
    u = (rng.random((n, k)) + np.arange(n)[:, None]) / n
    for j in range(k):
        u[:, j] = u[rng.permutation(n), j]
    return u


def run_one(exe, config, point, seed, values, out_dir):
    out = Path(out_dir) / f"p{point}-s{seed}.h5"
    cmd = [exe, "run", config, "--seed", str(seed), "--threads", "1", "-q", "-o", str(out),
           "--force", "--set", "recording.agents=false", "--set", "recording.network=false"]
    for (name, keys, _, _), v in zip(FACTORS, values):
        for key in keys:
            cmd += ["--set", f"{key}={v:.6g}"]
    subprocess.run(cmd, check=True)
    with vecinos.open_run(out) as r:
        last = r.indicators.iloc[-1]
    out.unlink()
    return [float(last[name]) for name, _ in OUTCOMES]


def first_order(x, y):
    """R^2 of a cubic polynomial regression of y on x."""
    a = np.vander((x - x.mean()) / (x.std() or 1.0), 4)
    coef, *_ = np.linalg.lstsq(a, y, rcond=None)
    resid = y - a @ coef
    tot = ((y - y.mean()) ** 2).sum()
    return 0.0 if tot == 0 else max(0.0, 1.0 - (resid ** 2).sum() / tot)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--points", type=int, default=64)
    ap.add_argument("--replicates", type=int, default=4)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--exe", default=str(ROOT / "build/release/tools/vecinos"))
    ap.add_argument("--config", default=str(ROOT / "configs/baseline.yaml"))
    ap.add_argument("--design-seed", type=int, default=14)
    args = ap.parse_args()

    rng = np.random.default_rng(args.design_seed)
    unit = lhs(args.points, len(FACTORS), rng)
    lo = np.array([f[2] for f in FACTORS])
    hi = np.array([f[3] for f in FACTORS])
    x = lo + unit * (hi - lo)
    y = np.zeros((args.points, args.replicates, len(OUTCOMES)))
    with tempfile.TemporaryDirectory() as tmp, cf.ThreadPoolExecutor(args.jobs) as pool:
        futures = {pool.submit(run_one, args.exe, args.config, p, s + 1, x[p], tmp): (p, s)
                   for p in range(args.points) for s in range(args.replicates)}
        for fut in cf.as_completed(futures):
            p, s = futures[fut]
            y[p, s] = fut.result()

    print(f"{args.points}-point Latin hypercube x {args.replicates} replicates of "
          f"{Path(args.config).name}; shares of the total variance of each outcome\n")
    header = "| parameter | range | " + " | ".join(label for _, label in OUTCOMES) + " |"
    print(header)
    print("|---" * (2 + len(OUTCOMES)) + "|")
    rows = {}
    between_share = []
    for k in range(len(OUTCOMES)):
        yk = y[:, :, k]
        total = yk.var()
        within = yk.var(axis=1).mean()
        between = max(0.0, total - within)
        between_share.append(between / total if total > 0 else 0.0)
        means = yk.mean(axis=1)
        for j, (name, *_r) in enumerate(FACTORS):
            rows.setdefault(name, []).append(first_order(x[:, j], means) * between_share[-1])
    for j, (name, _keys, a, b) in enumerate(FACTORS):
        tag = " (noise)" if name in NOISE else ""
        print(f"| {name}{tag} | {a:g}..{b:g} | " +
              " | ".join(f"{v:.1%}" for v in rows[name]) + " |")
    within_row = [1 - s for s in between_share]
    print("| replicates (stochastic noise) | | " +
          " | ".join(f"{v:.1%}" for v in within_row) + " |")
    for k, (_, label) in enumerate(OUTCOMES):
        noise = sum(rows[n][k] for n in NOISE)
        levers = sum(rows[n][k] for n, *_ in FACTORS if n not in NOISE)
        print(f"\n{label}: noise terms explain {noise:.1%}, the seed's levers {levers:.1%} "
              f"(first-order, of the total variance); median {np.median(y[:, :, k]):.4g}")


if __name__ == "__main__":
    main()
