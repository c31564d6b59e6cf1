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

from .run import indicator_names
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


def _in_order(names: list, order: list) -> list:
    """names sorted as in order (those not in it last, as they were)."""
    rank = {n: i for i, n in enumerate(order)}
    return sorted(names, key=lambda n: (rank.get(n, len(rank)), names.index(n)))


def _outcome_name(o) -> str:
    """The column of an outcome of the sweep file (docs/sweeps.md)."""
    if not isinstance(o, dict):
        return str(o)
    if o.get("name"):
        return str(o["name"])
    if "event" in o:
        actor = f"{o['actor']}." if o.get("actor") else ""
        return f"{actor}{o['event']}.{o.get('stat', 'count')}"
    for key, symbol in (("above", ">"), ("at_least", ">="), ("below", "<"), ("at_most", "<=")):
        if key in o:
            return f"{o.get('indicator')}{symbol}{o[key]}.{o.get('stat')}"
    return f"{o.get('indicator')}.{o.get('stat')}"


def open_sweep(path) -> pd.DataFrame:
    """The table of a sweep, one row per task (index ``task``).

    Columns: ``point``, ``replicate``, ``seed``, ``status`` (complete, failed, incomplete,
    missing or invalid), ``file`` (the task's history, absolute), one column per parameter
    (named by its config key, e.g. ``presidents.mx.forbearance``) and one per outcome
    (``<indicator>.<stat>`` or the outcome's ``name``, NaN unless the task is complete), and,
    when the sweep defines them, ``path`` (the named path the run follows) and ``sequence``
    (its first distinct actions, "actor action > ...").
    ``df.attrs``: ``index`` (the sweep.h5 path), ``directory``, ``parameters`` and ``outcomes``
    (column names), ``units`` (outcome -> units), ``outcome_info`` (outcome -> its attributes:
    kind, indicator or event, stat, threshold ...), ``paths`` (name, when, description),
    ``design`` (name, samples, ... as collect recorded them), ``unit`` (the points' unit-cube
    coordinates, [point x parameter], for sampled designs), ``paths_by_point`` (each path's
    share of each design point's complete runs, as collect counted them: see
    paths_by_point; None when the index has no /paths/by_point), ``sweep`` (the definition as
    a dict) and ``sweep_text`` (its YAML).
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
        units, outcome_info = {}, {}
        for name in outcomes:
            ds = f["outcomes"][name]
            cols[name] = ds[:]
            units[name] = str(ds.attrs.get("units", ""))
            outcome_info[name] = {k: (v.item() if isinstance(v, np.generic) else v)
                                  for k, v in ds.attrs.items()}
        for extra in ("path", "sequence"):
            if extra in t:
                cols[extra] = strings(t[extra])
        paths = []
        if "paths" in f:
            g = f["paths"]
            names = strings(g["name"])
            rules = strings(g["rule"])
            descriptions = strings(g["description"]) if "description" in g else [""] * len(names)
            for name, rule, description in zip(names, rules, descriptions):
                paths.append({"name": name, "when": rule or None, "description": description})
        design, unit = {}, None
        if "design" in f:
            design = {k: (v.item() if isinstance(v, np.generic) else v)
                      for k, v in f["design"].attrs.items()}
            if "unit" in f["design"]:
                unit = pd.DataFrame(f["design/unit"][:], columns=params)
                unit.index.name = "point"
        by_point = _paths_by_point(f)
        text = f["sweep"][()]
        text = text.decode("utf-8") if isinstance(text, bytes) else str(text)
    import yaml  # Debian: python3-yaml

    definition = yaml.safe_load(text) or {}
    # HDF5 lists a group's members by name; the sweep file gives the design's order.
    params = _in_order(params, list((definition.get("parameters") or {}).keys()))
    outcomes = _in_order(outcomes, [_outcome_name(o) for o in definition.get("outcomes") or []])
    df = pd.DataFrame(cols).set_index("task")

    df.attrs.update(index=str(p), directory=str(p.parent), parameters=params, outcomes=outcomes,
                    units=units, outcome_info=outcome_info, paths=paths, design=design,
                    unit=unit, paths_by_point=by_point, sweep=definition, sweep_text=text)
    return df


BY_POINT_COLUMNS = ["point", "path", "runs", "count", "share", "lo", "hi"]


def _paths_by_point(f):
    """/paths/by_point of an open index as a long table (None when the index has none)."""
    if "paths/by_point" not in f:
        return None
    g = f["paths/by_point"]
    names = strings(g["path"])
    runs = g["runs"][:].astype(np.int64)
    points, k = len(runs), len(names)
    count, lo, hi = (g[name][:].reshape(points, k) for name in ("count", "lo", "hi"))
    if count.shape != (points, k):
        raise SweepIndexError(f"{f.filename}: /paths/by_point/count has shape {count.shape}, "
                              f"not (points, paths) = ({points}, {k})")
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(runs[:, None] > 0, count / np.maximum(runs, 1)[:, None], np.nan)
    out = pd.DataFrame({
        "point": np.repeat(np.arange(points, dtype=np.int64), k),
        "path": np.tile(np.asarray(names, dtype=object), points),
        "runs": np.repeat(runs, k),
        "count": count.reshape(-1).astype(np.int64),
        "share": share.reshape(-1),
        "lo": lo.reshape(-1).astype(float),
        "hi": hi.reshape(-1).astype(float),
    }, columns=BY_POINT_COLUMNS)
    out.attrs["description"] = str(g.attrs.get("description", ""))
    return out


def paths_by_point(sweep) -> pd.DataFrame:
    """Each path's share of the complete runs of each design point, as ``vecinos sweep
    collect`` counted them (/paths/by_point of sweep.h5, docs/sweeps.md).

    One row per point and path, in the file's order (points 0 .. P-1; the paths of
    ``df.attrs["paths"]``, then ``unclassified`` when a complete run matched no rule); columns
    ``point``, ``path``, ``runs`` (complete runs of the point), ``count`` (those that follow
    the path), ``share`` (count / runs, NaN for a point without complete runs) and ``lo``,
    ``hi`` (Wilson's 95 % interval). The same numbers as
    ``paths.probabilities(df, by="point")``, without recomputing them. ``sweep``: a DataFrame
    from open_sweep, or a path (DIR or DIR/sweep.h5).
    """
    if isinstance(sweep, pd.DataFrame):
        table = sweep.attrs.get("paths_by_point")
        where = sweep.attrs.get("index", "the sweep")
    else:
        p = _index_path(sweep)
        with h5py.File(p, "r") as f:
            table = _paths_by_point(f)
        where = str(p)
    if table is None:
        raise SweepIndexError(f"{where}: no /paths/by_point (a sweep without paths, or an index "
                              "of an older collect: collect it again)")
    return table


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
                raise KeyError(f"no indicator {indicator!r}; the runs have "
                               f"{sorted(indicator_names(group))}")
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
