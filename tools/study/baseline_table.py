#!/usr/bin/python3
"""The baseline over many seeds: 5/50/95 % of final outcomes and counts of tell-tale events.

    tools/study/baseline_table.py [--seeds 40] [--jobs 2] [--exe build/release/tools/vecinos]
                                  [--config configs/baseline.yaml] [--set key=value ...]

Runs the config once per seed (1..N) with no agent tables, reads each history's last tick and
event log (vecinos.open_run) and prints a Markdown table. Not a test: a study whose figures go
in docs and reports.
"""
from __future__ import annotations

import argparse
import concurrent.futures as cf
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools" / "python"))
import vecinos  # noqa: E402

OUTCOMES = [
    ("trade_us_mx_usd", 1e9, "trade (USD bn/yr)"),
    ("tariff_us_on_mx", 1, "U.S. tariff on Mexico"),
    ("tariff_mx_on_us", 1, "Mexican tariff on the U.S."),
    ("usmca_status", 1, "USMCA status (0..4)"),
    ("relationship_tension", 1, "tension"),
    ("security_cooperation", 1, "security cooperation"),
    ("border_encounters", 1e3, "border encounters (k/month)"),
    ("remittances_usd", 1e9, "remittances (USD bn/yr)"),
    ("deportations_mexican_cum", 1e3, "Mexicans removed (k, cumulative)"),
    ("us_strikes_cum", 1, "U.S. strikes (cumulative)"),
]


def run_one(exe, config, seed, sets, out_dir):
    out = Path(out_dir) / f"seed{seed}.h5"
    cmd = [exe, "run", config, "--seed", str(seed), "--threads", "1", "-q", "-o", str(out),
           "--force", "--set", "recording.agents=false", "--set", "recording.network=false"]
    for s in sets:
        cmd += ["--set", s]
    subprocess.run(cmd, check=True)
    with vecinos.open_run(out) as r:
        ind = r.indicators
        ev = r.events
    last = ind.iloc[-1]
    row = {name: float(last[name]) / scale for name, scale, _ in OUTCOMES
           if name in ind.columns}
    acts = list(ev["action"].astype(str)) if len(ev) else []
    actors = list(ev["actor"].astype(str)) if len(ev) else []
    row["retaliations"] = sum(a == "retaliatory_tariff" for a in acts)
    row["_acts"] = {}
    for a, b in zip(acts, actors):
        row["_acts"][(b, a)] = row["_acts"].get((b, a), 0) + 1

    def switches(pair, who):
        seq = [a for a, b in zip(acts, actors) if a in pair and b == who]
        return sum(1 for x, y in zip(seq, seq[1:]) if x != y)

    row["coop_switches"] = switches(("expand_security_cooperation", "restrict_us_agents"), "mx")
    tariff = ind["tariff_us_on_mx"].to_numpy() > 0
    row["tariff_switches"] = int(np.sum(tariff[1:] != tariff[:-1]))
    status = ind["usmca_status"].to_numpy()
    term = np.where(status >= 4)[0]
    row["terminated"] = float(len(term) > 0)
    row["resurrected"] = float(len(term) > 0 and status[-1] < 4)
    if "deportations_mexican_cum" in ind.columns:
        years = (len(ind) - 1) * 7 / 365.25
        row["removals_per_year_k"] = float(last.get("interior_removals_mexican_cum", np.nan)) / years / 1e3
    return row


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=int, default=40)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--exe", default=str(ROOT / "build/release/tools/vecinos"))
    ap.add_argument("--config", default=str(ROOT / "configs/baseline.yaml"))
    ap.add_argument("--set", action="append", default=[])
    ap.add_argument("--actions", action="store_true", help="also the mean count of each act per run")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        with cf.ThreadPoolExecutor(args.jobs) as pool:
            rows = list(pool.map(lambda s: run_one(args.exe, args.config, s, args.set, tmp),
                                 range(1, args.seeds + 1)))
    print(f"{args.seeds} seeds of {os.path.relpath(args.config, ROOT)} {' '.join(args.set)}\n")
    print("| final value | 5 % | 50 % | 95 % |\n|---|---|---|---|")
    labels = {n: l for n, _, l in OUTCOMES}
    extra = {"retaliations": "Mexican retaliatory tariffs (count)",
             "coop_switches": "Mexican expand/restrict reversals (count)",
             "tariff_switches": "U.S. tariff on/off switches (count)",
             "removals_per_year_k": "interior removals of Mexicans (k/year)"}
    labels.update(extra)
    for key, label in labels.items():
        v = np.array([r[key] for r in rows if key in r], dtype=float)
        if key.startswith("_"):
            continue
        if len(v) == 0:
            continue
        p = np.nanpercentile(v, [5, 50, 95])
        print(f"| {label} | {p[0]:.3g} | {p[1]:.3g} | {p[2]:.3g} |")
    if args.actions:
        keys = sorted({k for r in rows for k in r["_acts"]})
        print("\n| actor | action | mean per run | runs with it |\n|---|---|---|---|")
        for k in keys:
            v = [r["_acts"].get(k, 0) for r in rows]
            print(f"| {k[0]} | {k[1]} | {np.mean(v):.2f} | {sum(x > 0 for x in v)} |")
    for key, label in (("terminated", "runs with the USMCA terminated"),
                       ("resurrected", "runs where it came back into force")):
        print(f"| {label} | {100 * np.mean([r[key] for r in rows]):.0f} % of runs | | |")


if __name__ == "__main__":
    main()
