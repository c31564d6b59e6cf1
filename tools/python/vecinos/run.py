"""The Run object: one history file, opened read-only."""
from __future__ import annotations

import datetime as _dt
import warnings
from functools import cached_property
from pathlib import Path

import h5py
import numpy as np
import pandas as pd

from .tables import Agents, Network, categorical, data_names, strings

SCHEMA_VERSION = 3
"""The newest history schema this reader understands (output/SCHEMA.md); it reads 1 and 2 too
(the same layout without the dimension scales: 1 has none, 2 only /indicators/time)."""
READABLE_VERSIONS = (1, 2, 3)


class SchemaError(Exception):
    """The file is not a vecinos history, or one of a schema this reader does not know."""


class PartialRunWarning(UserWarning):
    """The history is of a run that did not complete (status incomplete or failed)."""


def open_run(path) -> "Run":
    """Opens a history (``.h5``, or the ``.h5.partial`` of a stopped or killed run)."""
    return Run(path)


class DamagedHistoryError(SchemaError):
    """The history cannot be read as written: a dataset or group is missing, a checksum fails,
    or a complete file has a dataset shorter than the others. The message names the file and
    the dataset."""


SWMR_READ_ATTEMPTS = 3
"""Times an SWMR reader re-reads metadata whose checksum fails (HDF5's default, 100 per piece,
adds up to hours on a damaged file)."""


def _bounded_swmr_fapl():
    """A file-access property list with bounded SWMR metadata retries, or None when the HDF5
    library that h5py uses cannot be reached (h5py does not wrap H5Pset_metadata_read_attempts)."""
    import ctypes

    try:
        lib_path = None
        with open("/proc/self/maps") as maps:  # the HDF5 library h5py loaded (Linux)
            for line in maps:
                name = line.rstrip().rsplit(" ", 1)[-1]
                base = Path(name).name
                if base.startswith("libhdf5") and "_hl" not in base and ".so" in base:
                    lib_path = name
                    break
        if lib_path is None:
            return None
        lib = ctypes.CDLL(lib_path)
        fapl = h5py.h5p.create(h5py.h5p.FILE_ACCESS)
        fapl.set_fclose_degree(h5py.h5f.CLOSE_STRONG)
        fapl.set_libver_bounds(h5py.h5f.LIBVER_LATEST, h5py.h5f.LIBVER_LATEST)
        if lib.H5Pset_metadata_read_attempts(ctypes.c_int64(fapl.id), ctypes.c_uint(SWMR_READ_ATTEMPTS)) < 0:
            return None
        return fapl
    except (OSError, AttributeError, ValueError):
        return None


def _open_file(path: Path):
    """Opens read-only: a plain open first; a killed writer leaves the file marked open, which
    SWMR readers accept (with bounded retries, so a damaged file fails instead of hanging)."""
    try:
        return h5py.File(path, "r"), False
    except OSError as plain_error:
        try:
            fapl = _bounded_swmr_fapl()
            if fapl is not None:
                fid = h5py.h5f.open(str(path).encode(), h5py.h5f.ACC_RDONLY | h5py.h5f.ACC_SWMR_READ, fapl=fapl)
                return h5py.File(fid), True
            return h5py.File(path, "r", swmr=True), True
        except OSError:
            raise DamagedHistoryError(
                f"{path}: cannot be opened as HDF5 ({plain_error}): truncated or damaged"
            ) from None


class _Guarded:
    """An h5py group or dataset whose failures name the file and the object: a missing member
    (h5py: bare KeyError) or a read that fails (a checksum, a damaged chunk: OSError) raises
    DamagedHistoryError."""

    __slots__ = ("_obj", "_path")

    def __init__(self, obj, path):
        self._obj = obj
        self._path = path

    def _fail(self, key, error):
        where = f"{self._obj.name.rstrip('/')}/{key}" if isinstance(key, str) else f"{self._obj.name}[{key!r}]"
        if isinstance(error, KeyError):
            return DamagedHistoryError(f"{self._path}: {where}: no such dataset or group in this history")
        return DamagedHistoryError(f"{self._path}: {where}: cannot be read ({error}); the file is damaged")

    def __getitem__(self, key):
        try:
            value = self._obj[key]
        except (KeyError, OSError) as e:
            raise self._fail(key, e) from None
        if isinstance(value, (h5py.Group, h5py.Dataset)):
            return _Guarded(value, self._path)
        return value

    def asstr(self):
        outer = self

        class _Str:
            def __getitem__(self, key):
                try:
                    return outer._obj.asstr()[key]
                except OSError as e:
                    raise outer._fail(key, e) from None

        return _Str()

    def items(self):
        return [(k, self[k]) for k in self._obj]

    def __iter__(self):
        return iter(self._obj)

    def __len__(self):
        return len(self._obj)

    def __contains__(self, key):
        return key in self._obj

    def __getattr__(self, name):
        return getattr(self._obj, name)


def indicator_names(group) -> list:
    """The indicator datasets of an /indicators group, in file order (without its scales)."""
    return data_names(group)


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
        self._h5, self.swmr_open = _open_file(self.path)
        self._file = _Guarded(self._h5, self.path)
        try:
            self._check_schema()
            self.ticks = self._common_length()
        except Exception:
            self._h5.close()
            raise
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
        """Rows readable in every per-tick dataset (they differ after a kill, by unflushed rows).
        In a complete file every one has all the rows: a shorter one is damage, and is reported."""
        f = self._file
        lengths = {"/time/tick": len(f["time/tick"]), "/time/date": len(f["time/date"])}
        for name in data_names(f["indicators"]):
            lengths[f"/indicators/{name}"] = len(f["indicators"][name])
        for kind in f["agents"]:
            g = f["agents"][kind]
            for sub in ("state", "aggregates"):
                if sub in g:
                    for name in data_names(g[sub]):
                        lengths[f"/agents/{kind}/{sub}/{name}"] = g[sub][name].shape[0]
        n = min(lengths.values())
        if self.status == "complete":
            full = lengths["/time/tick"]
            short = [f"{k} has {v} rows" for k, v in lengths.items() if v != full]
            if short:
                raise DamagedHistoryError(
                    f"{self.path}: the run is complete, so every per-tick dataset has the "
                    f"{full} rows of /time/tick, but " + "; ".join(short[:5])
                    + (f" (and {len(short) - 5} more)" if len(short) > 5 else "")
                    + ": the file is damaged"
                )
        return int(n)

    def close(self):
        self._h5.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def __repr__(self):
        return f"<vecinos.Run {self.path} status={self.status} ticks={self.ticks}>"

    @property
    def file(self) -> h5py.File:
        """The open h5py file, for anything the accessors do not cover."""
        return self._h5

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
