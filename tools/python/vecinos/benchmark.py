"""The analysis speed benchmark:  python3 -m vecinos.benchmark [DIR] [--samples N] [--replicates R]

Writes (once) a synthetic collected Saltelli sweep (vecinos.synthetic: 7 parameters, N = 556
base samples x 9 points x 2 replicates = 10,008 tasks, each with a small history) and times
the analysis of it: reading the index, Sobol' indices of every outcome with 1,000 bootstrap
resamples, PRIM for every path, and the whole HTML report. Not a test: run it on a quiet
machine (tools/bench/analysis_speed.sh).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python3 -m vecinos.benchmark",
                                 description=__doc__.split("\n\n")[0])
    ap.add_argument("directory", nargs="?", default=None,
                    help="where the synthetic sweep is (written when it has no sweep.h5)")
    ap.add_argument("--samples", type=int, default=556, help="Saltelli base samples N")
    ap.add_argument("--replicates", type=int, default=2)
    ap.add_argument("--bootstrap", type=int, default=1000)
    args = ap.parse_args(argv)

    import numpy as np

    from . import discovery, paths, report, sensitivity, synthetic
    from .sweep import open_sweep

    d = Path(args.directory or Path(tempfile.gettempdir()) / "vecinos-analysis-benchmark")
    if not (d / "sweep.h5").exists():
        t = time.perf_counter()
        synthetic.write(d, samples=args.samples, replicates=args.replicates, ticks=60)
        print(f"wrote the synthetic sweep {d} in {time.perf_counter() - t:.1f} s (not timed "
              "below)")
    timings = []

    def step(name, fn):
        t = time.perf_counter()
        out = fn()
        timings.append((name, time.perf_counter() - t))
        return out

    t_all = time.perf_counter()
    df = step("open_sweep", lambda: open_sweep(d))
    n = len(df)
    for o in df.attrs["outcomes"]:
        step(f"indices {o}", lambda o=o: sensitivity.sweep_indices(df, o,
                                                                   bootstrap=args.bootstrap))
    labels = paths.path_column(df)
    X = df[df.attrs["parameters"]].astype(float)
    for p in paths.sweep_paths(df):
        if (labels == p["name"]).any() and not (labels == p["name"]).all():
            step(f"PRIM {p['name']}", lambda p=p: discovery.prim(X, (labels == p["name"])
                                                                 .to_numpy()))
    # A case set with noise (the outcome has replicate noise), so the peeling goes the whole way.
    trade = df["trade_us_mx_usd.final"].to_numpy()
    noisy = trade < np.quantile(trade, 0.3)
    step("PRIM trade below its 30 % quantile", lambda: discovery.prim(X, noisy))
    analysis = time.perf_counter() - t_all
    out = d / "report.html"
    step("report (everything)", lambda: report.build(d, out, bootstrap=args.bootstrap))
    import subprocess

    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "vecinos.report", str(d), "-o", str(d / "cli.html"),
                    "--bootstrap", str(args.bootstrap)], check=True, capture_output=True)
    timings.append(("python3 -m vecinos.report (a new process)", time.perf_counter() - t))
    print(f"analysis of {n:,} tasks ({df['point'].nunique():,} points), "
          f"{args.bootstrap} bootstrap resamples:")
    for name, seconds in timings:
        print(f"  {name:<40} {seconds:7.2f} s")
    print(f"  {'indices and PRIM, from reading the index':<40} {analysis:7.2f} s")
    print(f"  report steps: " + ", ".join(f"{k} {v:.2f} s" for k, v in report.build.timings))
    print(f"report: {out} ({out.stat().st_size / 1e6:.1f} MB, {report.build.figures} figures)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
