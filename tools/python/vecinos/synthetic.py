"""A synthetic collected sweep with known answers, for tests and the analysis benchmark.

    python3 -m vecinos.synthetic DIR [--samples N] [--replicates R] [--ticks T]

writes DIR/sweep.h5 in the layout of ``vecinos sweep collect`` (docs/sweeps.md) for a Saltelli
design over seven parameters, and one small history per task (``/time``, ``/indicators``)
behind the index's links. The outcomes are known functions of the unit coordinates u plus
replicate noise:

* ``trade_us_mx_usd.final`` = 6e11 + 4e10 * Ishigami(u1, u2, u3) (a = 7, b = 0.1, inputs
  scaled to [-pi, pi]): first-order indices 0.314, 0.442, 0 and total 0.558, 0.442, 0.244 for
  the first three parameters, 0 for the others;
* ``relationship_tension.max`` = 0.2 + 0.3 u4 + 0.2 u5 + noise (linear: S1 = ST = 9/13, 4/13);
* ``us_strikes_cum.final`` = the number of strikes, 1 or more exactly when u6 > 0.7 and
  u7 < 0.4 (a box for PRIM);
* ``usmca_status.max`` = 4 (terminated) when u1 > 0.8, else 2.

Paths: ``rupture`` (strikes or termination), ``trade_war`` (trade below 5.8e11), ``managed``.
"""
from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

import h5py
import numpy as np

from .sensitivity import saltelli_sample

PARAMETERS = {
    "presidents.us.tariff_propensity": (0.3, 0.95),
    "presidents.mx.forbearance": (0.3, 0.9),
    "relationship.leader_bond": (0.2, 0.9),
    "presidents.us.hawkishness": (0.4, 0.95),
    "presidents.us.magnanimity": (0.2, 0.9),
    "presidents.us.forbearance": (0.05, 0.6),
    "decisions.temperature": (0.25, 1.0),
}
INDICATORS = {
    "trade_us_mx_usd": ("USD/year", "U.S.-Mexico goods trade (exports plus imports), annualised"),
    "relationship_tension": ("0..1", "tension between the two governments"),
    "security_cooperation": ("0..1", "depth of bilateral security cooperation"),
    "usmca_status": ("code", "0 in force, 1 under review, 2 renegotiating, 3 withdrawal notice, "
                             "4 terminated"),
    "us_strikes_cum": ("count", "U.S. military strikes on cartel targets in Mexico since the "
                                "start"),
}
PATHS = [
    ("rupture", "us_strikes_cum.final > 0 or usmca_status.max >= 4",
     "U.S. strikes in Mexico or the USMCA terminated"),
    ("trade_war", "trade_us_mx_usd.final < 5.8e11", "trade falls below USD 580 billion a year"),
    ("managed", "", "every other run"),
]


def ishigami(u, a=7.0, b=0.1):
    x = -np.pi + 2 * np.pi * np.asarray(u)
    return np.sin(x[:, 0]) + a * np.sin(x[:, 1]) ** 2 + b * x[:, 2] ** 4 * np.sin(x[:, 0])


def outcomes_of(u: np.ndarray, noise: np.ndarray) -> dict:
    """The synthetic outcomes of points u [n, 7] with standard normal noise [n]."""
    strikes = np.where((u[:, 5] > 0.7) & (u[:, 6] < 0.4), 1 + np.floor(3 * u[:, 0]), 0)
    return {
        "trade_us_mx_usd.final": 6e11 + 4e10 * ishigami(u) + 2e9 * noise,
        "relationship_tension.max": 0.2 + 0.3 * u[:, 3] + 0.2 * u[:, 4] + 0.01 * noise,
        "us_strikes_cum.final": strikes,
        "usmca_status.max": np.where(u[:, 0] > 0.8, 4.0, 2.0),
    }


def _strings(group, name, values):
    data = [v.encode() for v in values]
    width = max([len(v) for v in data] + [1])
    group.create_dataset(name, data=np.array(data, dtype=f"S{width}"))


def write(directory, *, samples: int = 64, replicates: int = 2, ticks: int = 60, seed: int = 7,
          runs: bool = True) -> Path:
    """Writes the sweep (and, with ``runs``, one history per task); returns DIR/sweep.h5."""
    d = Path(directory)
    d.mkdir(parents=True, exist_ok=True)
    names = list(PARAMETERS)
    k = len(names)
    with warnings.catch_warnings():  # SciPy asks for a power of two; 556 makes 10,008 tasks
        warnings.simplefilter("ignore", UserWarning)
        u = saltelli_sample(samples, k, seed=seed)
    points = len(u)
    n = points * replicates
    rng = np.random.default_rng(seed)
    point = np.repeat(np.arange(points), replicates)
    replicate = np.tile(np.arange(replicates), points)
    seeds = (replicate + 1) * 1000003  # common random numbers: the seed is the replicate's
    noise = rng.standard_normal(n)
    out = outcomes_of(u[point], noise)
    from .paths import classify
    import pandas as pd

    table = pd.DataFrame(out).assign(status="complete")
    path = classify(table, [{"name": p, "when": w or None} for p, w, _ in PATHS]).to_numpy()
    actions = ["us threaten_tariff", "us impose_tariff", "mx retaliatory_tariff",
               "mx conciliate", "us military_strike", "mx expand_security_cooperation"]
    seq = [" > ".join(rng.choice(actions, size=3, replace=False)) for _ in range(n)]
    lines = [f"base: /synthetic/baseline.yaml", "output: .", f"replicates: {replicates}",
             f"seed: {seed}", "design: saltelli", f"samples: {samples}", "second_order: false",
             "common_random_numbers: true", "parameters:"]
    lines += [f"  {p}: {{min: {lo}, max: {hi}}}" for p, (lo, hi) in PARAMETERS.items()]
    lines += ["outcomes:"] + [f"  - {{indicator: {o.rsplit('.', 1)[0]}, stat: "
                              f"{o.rsplit('.', 1)[1]}}}" for o in out]
    lines += ["paths:"] + [f"  - {{name: {p}" + (f", when: \"{w}\"" if w else "") + "}"
                           for p, w, _ in PATHS]
    files = [f"task-{i:06d}.h5" for i in range(n)]
    index = d / "sweep.h5"
    with h5py.File(index, "w") as f:
        f.attrs.update(format="vecinos sweep index", format_version=1,
                       program_version="synthetic", git_hash="none", tasks=n, complete=n)
        f.create_dataset("sweep", data="\n".join(lines) + "\n", dtype=h5py.string_dtype())
        t = f.create_group("tasks")
        t["task"] = np.arange(n, dtype=np.int64)
        t["point"] = point.astype(np.int64)
        t["replicate"] = replicate.astype(np.int64)
        t["seed"] = seeds.astype(np.uint64)
        _strings(t, "status", ["complete"] * n)
        _strings(t, "file", files)
        _strings(t, "path", list(path))
        _strings(t, "sequence", seq)
        g = f.create_group("parameters")
        for j, p in enumerate(names):
            lo, hi = PARAMETERS[p]
            g[p] = lo + u[point, j] * (hi - lo)
        g = f.create_group("outcomes")
        for name, values in out.items():
            ind = name.rsplit(".", 1)[0]
            ds = g.create_dataset(name, data=np.asarray(values, dtype=float))
            ds.attrs.update(kind="indicator", indicator=ind, stat=name.rsplit(".", 1)[1],
                            units=INDICATORS[ind][0], description=INDICATORS[ind][1])
        g = f.create_group("paths")
        _strings(g, "name", [p for p, _, _ in PATHS])
        _strings(g, "rule", [w for _, w, _ in PATHS])
        _strings(g, "description", [x for _, _, x in PATHS])
        g = f.create_group("design")
        g.attrs.update(name="saltelli", samples=samples, second_order=0, levels=0,
                       common_random_numbers=1)
        g["unit"] = u
        r = f.create_group("runs")
        for i in range(n):
            r[f"task-{i:06d}"] = h5py.ExternalLink(files[i], "/indicators")
    if runs:
        dates = np.array([str(np.datetime64("2024-11-06") + np.timedelta64(7 * t, "D"))
                          for t in range(ticks)], dtype="S10")
        frac = np.linspace(0, 1, ticks)
        for i in range(n):
            with h5py.File(d / files[i], "w") as f:
                f.attrs.update(schema_version=1, status="complete", seed=int(seeds[i]))
                tm = f.create_group("time")
                tm["tick"] = np.arange(ticks, dtype=np.int32)
                tm["date"] = dates
                g = f.create_group("indicators")
                wiggle = 0.02 * np.sin(frac * 6 + noise[i])
                series = {
                    "trade_us_mx_usd": 8e11 + (out["trade_us_mx_usd.final"][i] - 8e11) * frac,
                    "relationship_tension": out["relationship_tension.max"][i] * frac + wiggle,
                    "security_cooperation": 0.4 + 0.2 * u[point[i], 1] * frac + wiggle,
                    "usmca_status": np.where(frac > 0.5, out["usmca_status.max"][i], 0.0),
                    "us_strikes_cum": out["us_strikes_cum.final"][i] * (frac > 0.7),
                }
                for name, values in series.items():
                    ds = g.create_dataset(name, data=np.asarray(values, dtype=float))
                    ds.attrs.update(units=INDICATORS[name][0], description=INDICATORS[name][1])
    return index


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python3 -m vecinos.synthetic",
                                 description=__doc__.split("\n\n")[0])
    ap.add_argument("directory")
    ap.add_argument("--samples", type=int, default=64, help="Saltelli base samples N")
    ap.add_argument("--replicates", type=int, default=2)
    ap.add_argument("--ticks", type=int, default=60)
    ap.add_argument("--no-runs", action="store_true", help="write the index only")
    args = ap.parse_args(argv)
    path = write(args.directory, samples=args.samples, replicates=args.replicates,
                 ticks=args.ticks, runs=not args.no_runs)
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
