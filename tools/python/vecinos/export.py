"""A sweep as one tidy CSV table:  python3 -m vecinos.export SWEEP_DIR [-o FILE.csv]

One row per task: task, point, replicate, seed, status, file (relative to the sweep
directory), one column per parameter (its config key), one per outcome, and path and
sequence when the sweep has them. Missing values are empty cells; numbers are written with
17 significant digits, so they read back exactly. A second header-less file is not needed:
units are in ``FILE.units.csv`` (column, units, description).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from .errors import AnalysisError
from .sweep import SweepIndexError, open_sweep


def tidy(sweep) -> pd.DataFrame:
    """The table of ``export``: a DataFrame with a plain ``task`` column first."""
    df = sweep if isinstance(sweep, pd.DataFrame) else open_sweep(sweep)
    out = df.reset_index()
    base = Path(df.attrs["directory"])
    out["file"] = [str(Path(f).relative_to(base)) if Path(f).is_relative_to(base) else f
                   for f in out["file"]]
    cols = ["task", "point", "replicate", "seed", "status", "file"]
    cols += list(df.attrs["parameters"]) + list(df.attrs["outcomes"])
    cols += [c for c in ("path", "sequence") if c in out.columns]
    return out[cols]


def export_csv(sweep, path) -> tuple:
    """Writes the tidy table and its units (``<stem>.units.csv``); returns both paths."""
    df = sweep if isinstance(sweep, pd.DataFrame) else open_sweep(sweep)
    table = tidy(df)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    table.to_csv(path, index=False, float_format="%.17g")
    info = df.attrs.get("outcome_info", {})
    units = pd.DataFrame(
        [{"column": c, "units": df.attrs["units"].get(c, ""),
          "description": info.get(c, {}).get("description", "")} for c in df.attrs["outcomes"]],
        columns=["column", "units", "description"])
    units_path = path.with_name(path.stem + ".units.csv")
    units.to_csv(units_path, index=False)
    return path, units_path


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python3 -m vecinos.export",
                                 description=__doc__.split("\n\n")[0])
    ap.add_argument("directory", help="a collected sweep's directory (or its sweep.h5)")
    ap.add_argument("-o", "--out", default=None, help="the CSV file (default DIR/sweep.csv)")
    args = ap.parse_args(argv)
    try:
        df = open_sweep(args.directory)
        out = args.out or str(Path(df.attrs["directory"]) / "sweep.csv")
        for p in export_csv(df, out):
            print(p)
    except (FileNotFoundError, SweepIndexError, AnalysisError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
