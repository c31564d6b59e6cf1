"""The Run object: one history file, opened read-only."""
from __future__ import annotations

import datetime as _dt
import warnings
from functools import cached_property
from pathlib import Path

import h5py
import numpy as np
import pandas as pd

from .tables import Agents, Network, categorical, strings

SCHEMA_VERSION = 2
"""The newest history schema this reader understands (output/SCHEMA.md); it reads 1 too (the
same layout without the /indicators/time dimension scale)."""
READABLE_VERSIONS = (1, 2)


class SchemaError(Exception):
    """The file is not a vecinos history, or one of a schema this reader does not know."""


class PartialRunWarning(UserWarning):
    """The history is of a run that did not complete (status incomplete or failed)."""


def open_run(path) -> "Run":
    """Opens a history (``.h5``, or the ``.h5.partial`` of a stopped or killed run)."""
    return Run(path)


def _open_file(path: Path):
    """Opens read-only; a killed writer leaves the file marked open, which SWMR readers accept."""
    try:
        return h5py.File(path, "r"), False
    except OSError as plain_error:
        try:
            return h5py.File(path, "r", swmr=True), True
        except OSError:
            raise plain_error from None


def _is_scale(ds) -> bool:
    """An HDF5 dimension scale (/indicators/time: the dates as netCDF time), not an indicator."""
    v = ds.attrs.get("CLASS", b"")
    return (v.decode() if isinstance(v, bytes) else str(v)) == "DIMENSION_SCALE"


def indicator_names(group) -> list:
    """The indicator datasets of an /indicators group, in file order (without its scales)."""
    return [name for name in group if not _is_scale(group[name])]


class Run:
    """A run history. Tables are read on first use and kept; close() (or ``with``) frees it."""

    def __init__(self, path):
        self.path = Path(path)
        if not self.path.exists():
            partial = Path(str(self.path) + ".partial")
            if partial.exists():
                self.path = partial
            else:
                raise FileNotFoundError(f"{self.path}: no such file (nor {partial.name})")
        self._file, self.swmr_open = _open_file(self.path)
        try:
            self._check_schema()
        except Exception:
            self._file.close()
            raise
        self.ticks = self._common_length()
        if self.status != "complete":
            why = {
                "incomplete": "it was stopped (signal) or killed",
                "failed": "it failed with an error",
            }.get(self.status, f"its status is {self.status!r}")
            warnings.warn(
                f"{self.path}: the run did not complete ({why}); reading the {self.ticks} "
                f"recorded ticks up to {self.dates[-1].date() if self.ticks else 'none'}",
                PartialRunWarning,
                stacklevel=3,
            )

    # -- file level -------------------------------------------------------------------------

    def _check_schema(self):
        attrs = self._file.attrs
        if "schema_version" not in attrs:
            raise SchemaError(
                f"{self.path}: not a vecinos history (no schema_version attribute at the root)"
            )
        version = int(attrs["schema_version"])
        if version not in READABLE_VERSIONS:
            newer = version > SCHEMA_VERSION
            raise SchemaError(
                f"{self.path}: history schema {version}, but this reader understands schema "
                f"{SCHEMA_VERSION}. The file was written by vecinos "
                f"{attrs.get('program_version', '?')} (git {attrs.get('git_hash', '?')}); "
                + (
                    "use the tools/python of that version (or newer)."
                    if newer
                    else "re-run its /config with this version, or use the reader of that version."
                )
            )

    def _common_length(self) -> int:
        """Rows readable in every per-tick dataset (they differ after a kill, by unflushed rows)."""
        f = self._file
        n = min(len(f["time/tick"]), len(f["time/date"]))
        for name in f["indicators"]:
            n = min(n, len(f["indicators"][name]))
        for kind in f["agents"]:
            g = f["agents"][kind]
            for sub in ("state", "aggregates"):
                if sub in g:
                    for name in g[sub]:
                        n = min(n, g[sub][name].shape[0])
        return int(n)

    def close(self):
        self._file.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __repr__(self):
        return f"<vecinos.Run {self.path} status={self.status} ticks={self.ticks}>"

    @property
    def file(self) -> h5py.File:
        """The open h5py file, for anything the accessors do not cover."""
        return self._file

    @property
    def status(self) -> str:
        return str(self._file.attrs.get("status", "?"))

    @cached_property
    def meta(self) -> dict:
        """Root attributes (program version, git hash, seed, threads, host, times, status ...)."""
        m = {k: (v.item() if isinstance(v, np.generic) else v) for k, v in self._file.attrs.items()}
        m.update(path=str(self.path), ticks_readable=self.ticks, swmr_open=self.swmr_open)
        return m

    @cached_property
    def config_text(self) -> str:
        """The resolved configuration, as YAML text (running it reproduces the datasets)."""
        v = self._file["config"][()]
        return v.decode("utf-8") if isinstance(v, bytes) else str(v)

    @cached_property
    def config(self) -> dict:
        import yaml  # Debian: python3-yaml

        return yaml.safe_load(self.config_text)

    # -- time and indicators ----------------------------------------------------------------

    @cached_property
    def time(self) -> pd.DataFrame:
        n = self.ticks
        return pd.DataFrame(
            {
                "tick": self._file["time/tick"][:n],
                "date": pd.to_datetime(strings(self._file["time/date"], n)),
            }
        )

    @property
    def dates(self) -> pd.DatetimeIndex:
        return pd.DatetimeIndex(self.time["date"], name="date")

    def date_of(self, ticks) -> pd.DatetimeIndex:
        """Dates of arbitrary ticks (start + tick * days_per_tick), e.g. network snapshots."""
        sim = self.config["simulation"]
        start = pd.Timestamp(sim["start"])
        return pd.DatetimeIndex(
            start + pd.to_timedelta(np.asarray(ticks, dtype=np.int64) * int(sim["days_per_tick"]), "D"),
            name="date",
        )

    @cached_property
    def indicators(self) -> pd.DataFrame:
        """One column per indicator, indexed by date; ``.attrs['units']`` maps name -> units."""
        g = self._file["indicators"]
        names = indicator_names(g)
        df = pd.DataFrame({name: g[name][: self.ticks] for name in names}, index=self.dates)
        df.attrs["units"] = {name: str(g[name].attrs.get("units", "")) for name in names}
        return df

    @cached_property
    def indicator_info(self) -> pd.DataFrame:
        g = self._file["indicators"]
        rows = []
        for name in indicator_names(g):
            a = g[name].attrs
            rows.append(
                dict(name=name, units=str(a.get("units", "")), description=str(a.get("description", "")),
                     lo=float(a.get("lo", np.nan)), hi=float(a.get("hi", np.nan)))
            )
        return pd.DataFrame(rows).set_index("name")

    @cached_property
    def calendar(self) -> pd.DataFrame:
        """The scheduled events of the config's ``calendar:`` section (name, date)."""
        rows = []
        for name, value in (self.config.get("calendar") or {}).items():
            if isinstance(value, (_dt.date, str)):
                try:
                    rows.append(dict(name=name, date=pd.Timestamp(value)))
                except (ValueError, TypeError):
                    continue
        df = pd.DataFrame(rows, columns=["name", "date"])
        return df.sort_values("date", ignore_index=True)

    # -- agents, network, events --------------------------------------------------------------

    @property
    def agent_kinds(self) -> list:
        return list(self._file["agents"])

    def agents(self, kind: str) -> Agents:
        if kind not in self._file["agents"]:
            raise KeyError(f"no agent table {kind!r}; this history has {self.agent_kinds}")
        return Agents(self._file["agents"][kind], self.dates, self.ticks)

    @cached_property
    def network(self) -> Network | None:
        if "network" not in self._file:
            return None
        return Network(self._file["network"], self.date_of)

    @cached_property
    def events(self) -> pd.DataFrame | None:
        """One row per event; actor, action and target are categoricals (pandas)."""
        if "events" not in self._file:
            return None
        e = self._file["events"]
        cols = ("tick", "date", "actor", "action", "target", "magnitude", "goldstein")
        n = min(len(e[c]) for c in cols)
        actors = strings(e["actor_names"])
        table = {
            "tick": e["tick"][:n],
            "date": pd.to_datetime(strings(e["date"], n)),
            "actor": categorical(e["actor"][:n], actors),
            "action": categorical(e["action"][:n], strings(e["action_names"])),
            "target": categorical(e["target"][:n], actors),
            "magnitude": e["magnitude"][:n],
            "goldstein": e["goldstein"][:n],
        }
        # Written since the event log said which events were forced and what a threat demands.
        if "forced" in e:
            table["forced"] = e["forced"][:n].astype(bool)
        if "issue" in e and "issue_names" in e:
            codes = e["issue"][:n]
            names = strings(e["issue_names"])
            table["issue"] = pd.Categorical.from_codes(codes, categories=names)
        return pd.DataFrame(table)
