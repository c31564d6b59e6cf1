"""Sweeps: the index DIR/sweep.h5 that ``vecinos sweep collect DIR`` writes (docs/sweeps.md).

    import vecinos
    df = vecinos.open_sweep("runs/forbearance")        # DIR or DIR/sweep.h5
    df.groupby("presidents.mx.forbearance")["trade_us_mx_usd.final"].mean()
    vecinos.sweep_series(df, "relationship_tension")    # DataFrame [date x task]
"""
from __future__ import annotations

from pathlib import Path

import h5py
import numpy as np
import pandas as pd

from .tables import strings

INDEX_FORMAT = "vecinos sweep index"
INDEX_VERSION = 1


class SweepIndexError(Exception):
    """The file is not a sweep index (or one of a version this reader does not know)."""


def _index_path(path) -> Path:
    p = Path(path).absolute()
    if p.is_dir():
        p = p / "sweep.h5"
    if not p.exists():
        raise FileNotFoundError(
            f"{p}: no such file; write it with `vecinos sweep collect {p.parent}`")
    return p


def open_sweep(path) -> pd.DataFrame:
    """The table of a sweep, one row per task (index ``task``).

    Columns: ``point``, ``replicate``, ``seed``, ``status`` (complete, failed, incomplete,
    missing or invalid), ``file`` (the task's history, absolute), one column per parameter
    (named by its config key, e.g. ``presidents.mx.forbearance``) and one per outcome
    (``<indicator>.<stat>``, NaN unless the task is complete).
    ``df.attrs``: ``index`` (the sweep.h5 path), ``directory``, ``parameters`` and ``outcomes``
    (column names), ``units`` (outcome -> units), ``sweep`` (the definition as a dict) and
    ``sweep_text`` (its YAML).
    """
    p = _index_path(path)
    with h5py.File(p, "r") as f:
        fmt = f.attrs.get("format", "")
        if fmt != INDEX_FORMAT:
            raise SweepIndexError(f"{p}: not a vecinos sweep index (format {fmt!r})")
        version = int(f.attrs.get("format_version", 0))
        if version != INDEX_VERSION:
            raise SweepIndexError(
                f"{p}: sweep index version {version}; this reader knows {INDEX_VERSION}: "
                f"collect it again with this version (vecinos sweep collect {p.parent})")
        t = f["tasks"]
        cols = {
            "task": t["task"][:],
            "point": t["point"][:],
            "replicate": t["replicate"][:],
            "seed": t["seed"][:],
            "status": strings(t["status"]),
            "file": [str(p.parent / name) for name in strings(t["file"])],
        }
        params = list(f["parameters"])
        for name in params:
            ds = f["parameters"][name]
            cols[name] = strings(ds) if ds.dtype.kind in "SO" else ds[:]
        outcomes = list(f["outcomes"])
        units = {}
        for name in outcomes:
            cols[name] = f["outcomes"][name][:]
            units[name] = str(f["outcomes"][name].attrs.get("units", ""))
        text = f["sweep"][()]
        text = text.decode("utf-8") if isinstance(text, bytes) else str(text)
    df = pd.DataFrame(cols).set_index("task")
    import yaml  # Debian: python3-yaml

    df.attrs.update(index=str(p), directory=str(p.parent), parameters=params, outcomes=outcomes,
                    units=units, sweep=yaml.safe_load(text), sweep_text=text)
    return df


def sweep_series(sweep, indicator: str, tasks=None) -> pd.DataFrame:
    """An indicator over time for complete tasks: DataFrame [date x task] (``.attrs["units"]``).

    Reads the runs through the index's external links (/runs/task-NNNNNN -> the run's
    /indicators). ``sweep`` is a DataFrame from open_sweep (or a path); ``tasks`` selects rows
    (a boolean mask or task numbers; default all complete tasks).
    """
    df = sweep if isinstance(sweep, pd.DataFrame) else open_sweep(sweep)
    if tasks is None:
        chosen = df.index
    elif getattr(tasks, "dtype", None) == bool:
        chosen = df.index[np.asarray(tasks)]
    else:
        chosen = pd.Index(tasks)
    chosen = [i for i in chosen if df.loc[i, "status"] == "complete"]
    series = {}
    dates = None
    units = ""
    with h5py.File(df.attrs["index"], "r") as f:
        for i in chosen:
            link = f"runs/task-{int(i):06d}"
            if link not in f:
                continue
            group = f[link]  # the run's /indicators, through the external link
            if indicator not in group:
                raise KeyError(f"no indicator {indicator!r}; the runs have {sorted(group)}")
            values = group[indicator][:]
            units = str(group[indicator].attrs.get("units", ""))
            if dates is None:
                run = group.file  # the linked run's file
                dates = pd.to_datetime(strings(run["time/date"], len(values)))
            n = min(len(values), len(dates))
            series[int(i)] = pd.Series(values[:n], index=dates[:n])
    out = pd.DataFrame(series)
    out.index.name = "date"
    out.columns.name = "task"
    out.attrs["units"] = units
    return out
