#!/usr/bin/python3
"""Parameter recovery for `vecinos calibrate` (issue 10, docs/calibration.md).

Synthetic targets are made from one run with known parameter values (the "truth"), through the
sweep engine's own outcome code (`vecinos sweep run` + `vecinos sweep collect` of a one-point
list design); a calibration against those targets must then put every true value inside its
90 % credible interval. Prints a table (true value, posterior mean, 90 % interval, shrinkage,
inside?) and exits 0 when every true value is inside, 1 otherwise, 2 on bad use.

    /usr/bin/python3 tools/study/parameter_recovery.py --out /tmp/recovery            # full
    /usr/bin/python3 tools/study/parameter_recovery.py --out /tmp/rec --small --fresh # suite

The episode is the baseline cut to 2024-11-06 .. 2025-06-01 at 1,000 persons per migrant agent
and 300 firms (each run takes a fraction of a second). The three parameters move three
different targets: migrants.attempt_mexican the border encounters, migrants.remit_unauthorized
the remittances, decisions.temperature the tension and the number of U.S. threats.
"""

import argparse
import os
import shutil
import subprocess
import sys
import time

import h5py

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tools", "python"))
import vecinos  # noqa: E402  (the package of this source tree: open_calibration)

# name, prior (YAML), true value, prior bounds for the report
PARAMETERS = [
    ("migrants.attempt_mexican", "{prior: uniform, min: 0.1, max: 1.0}", 0.4),
    ("migrants.remit_unauthorized", "{prior: uniform, min: 3000, max: 10000}", 6300.0),
    ("decisions.temperature", "{prior: log_uniform, min: 0.15, max: 2.0}", 0.5),
]

# name, outcome (YAML flow mapping without braces), scale
TARGETS = [
    ("encounters_spring", "indicator: border_encounters, stat: mean, from: 2025-03-01", 8000.0),
    ("remittances_spring", "indicator: remittances_usd, stat: mean, from: 2025-03-01", 1.5e9),
    ("tension_2025", "indicator: relationship_tension, stat: mean, from: 2025-01-20", 0.03),
    ("us_threats", "event: threaten_tariff, actor: us, stat: count", 1.0),
]


def run(cmd, quiet=False):
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        sys.stderr.write(r.stdout + r.stderr)
        raise SystemExit(f"parameter_recovery: {' '.join(cmd)} exited {r.returncode}")
    if not quiet:
        sys.stderr.write(r.stderr)
    return r.stdout


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True, help="output directory (created)")
    ap.add_argument("--vecinos", default=os.path.join(ROOT, "build/ci/tools/vecinos"))
    ap.add_argument("--particles", type=int, default=400)
    ap.add_argument("--generations", type=int, default=6)
    ap.add_argument("--min-acceptance", type=float, default=0.02)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--truth-seed", type=int, default=424242)
    ap.add_argument("--seed", type=int, default=1, help="the calibration's seed")
    ap.add_argument("--fresh", action="store_true",
                    help="remove what an earlier run left in --out first (else it resumes)")
    ap.add_argument("--small", action="store_true",
                    help="the suite's version: 60 particles, 3 generations")
    a = ap.parse_args()
    if a.small:
        a.particles, a.generations = 60, 3
    if not os.access(a.vecinos, os.X_OK):
        ap.error(f"--vecinos {a.vecinos}: not an executable (build first)")
    out = os.path.abspath(a.out)
    if a.fresh and os.path.isdir(out):
        shutil.rmtree(out)
    os.makedirs(out, exist_ok=True)

    episode = os.path.join(out, "episode.yaml")
    with open(episode, "w") as f:
        f.write(f"extends: {os.path.join(ROOT, 'configs/baseline.yaml')}\n"
                "simulation:\n  end: 2025-06-01\n"
                "migrants:\n  scale: 1000\nfirms:\n  agents: 300\n")

    # 1. The truth: one run at the true values, summarised by the sweep engine.
    truth_dir = os.path.join(out, "truth")
    sweep = os.path.join(out, "truth.yaml")
    with open(sweep, "w") as f:
        f.write(f"base: {episode}\noutput: {truth_dir}\ndesign: list\nseed: {a.truth_seed}\n")
        f.write("set:\n  recording.agents: false\n  recording.network: false\nparameters:\n")
        for name, _, true in PARAMETERS:
            f.write(f"  {name}: [{true!r}]\n")
        f.write("outcomes:\n")
        for name, outcome, _ in TARGETS:
            f.write(f"  - {{name: {name}, {outcome}}}\n")
    run([a.vecinos, "sweep", "run", sweep, "--jobs", "1"], quiet=True)
    run([a.vecinos, "sweep", "collect", truth_dir], quiet=True)
    with h5py.File(os.path.join(truth_dir, "sweep.h5"), "r") as f:
        observed = {name: float(f["outcomes"][name][0]) for name, _, _ in TARGETS}

    # 2. The calibration against the synthetic targets.
    cal = os.path.join(out, "recovery.yaml")
    with open(cal, "w") as f:
        f.write(f"output: calibration\nseed: {a.seed}\nparticles: {a.particles}\nalpha: 0.5\n"
                f"min_acceptance: {a.min_acceptance}\nmax_generations: {a.generations}\n"
                f"episodes:\n  synthetic: {{base: {episode}}}\nparameters:\n")
        for name, prior, _ in PARAMETERS:
            f.write(f"  {name}: {prior}\n")
        f.write("targets:\n")
        for name, outcome, scale in TARGETS:
            f.write(f"  - {{name: {name}, {outcome}, observed: {observed[name]!r}, "
                    f"scale: {scale!r}, source: synthetic run seed {a.truth_seed}}}\n")
    t0 = time.time()
    summary = run([a.vecinos, "calibrate", cal, "--jobs", str(a.jobs)])
    seconds = time.time() - t0

    # 3. Every true value inside its 90 % credible interval? (vecinos.open_calibration's
    # summary: the engine's weighted quantiles, and the prior's sd from generation 0.)
    cal = vecinos.open_calibration(os.path.join(out, "calibration", "calibration.h5"))
    table = cal.summary()
    gens = cal.generations
    runs = int(gens["simulations"].sum())
    tolerance = float(gens["tolerance"].iloc[-1])
    print(summary, end="")
    print(f"parameter recovery: {len(gens)} generations, {runs} runs in {seconds:.1f} s "
          f"({runs / seconds:.1f} runs/s), final tolerance {tolerance:.4g}")
    print("observed (synthetic): " + ", ".join(f"{k} {v:.6g}" for k, v in observed.items()))
    print(f"  {'parameter':<30} {'true':>10} {'mean':>10} {'5%':>10} {'95%':>10} "
          f"{'shrinkage':>9}  inside")
    ok = True
    for name, _, true in PARAMETERS:
        row = table.loc[name]
        lo, hi = float(row["5%"]), float(row["95%"])
        inside = lo <= true <= hi
        ok = ok and inside
        print(f"  {name:<30} {true:>10.4g} {row['mean']:>10.4g} {lo:>10.4g} {hi:>10.4g} "
              f"{row['shrinkage']:>9.2f}  {'yes' if inside else 'NO'}")
    print("recovered: every true value inside its 90 % interval" if ok
          else "NOT recovered: some true value outside its 90 % interval")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
