"""Agent tables and the network of a history, and the string/categorical helpers."""
from __future__ import annotations

from functools import cached_property

import numpy as np
import pandas as pd


def strings(dataset, n=None) -> np.ndarray:
    """A 1-D string dataset (fixed-length UTF-8) as an array of str."""
    values = dataset.asstr()[:] if n is None else dataset.asstr()[:n]
    return np.asarray(values, dtype=object)


def is_scale(ds) -> bool:
    """An HDF5 dimension scale (a group's ``time``, ``agent``, ``edge`` ...: its netCDF
    coordinates, output/SCHEMA.md), not data."""
    v = ds.attrs.get("CLASS", b"")
    return (v.decode() if isinstance(v, bytes) else str(v)) == "DIMENSION_SCALE"


def data_names(group) -> list:
    """The datasets of a group in file order, without its dimension scales."""
    return [name for name in group if not is_scale(group[name])]


def categorical(codes, names) -> pd.Categorical:
    """Codes into a names table as a pandas Categorical (names made unique if they repeat)."""
    names = list(names)
    if len(set(names)) != len(names):
        seen: dict = {}
        unique = []
        for v in names:
            seen[v] = seen.get(v, 0) + 1
            unique.append(v if seen[v] == 1 else f"{v}#{seen[v]}")
        names = unique
    return pd.Categorical.from_codes(np.asarray(codes, dtype=np.int64), categories=names)


class Agents:
    """One agent table: /agents/<kind> (static attributes, per-tick state, aggregates)."""

    def __init__(self, group, dates: pd.DatetimeIndex, ticks: int):
        self._g = group
        self._dates = dates
        self._ticks = ticks
        a = group.attrs
        self.kind = group.name.rsplit("/", 1)[-1]
        self.description = str(a.get("description", ""))
        self.count = int(a.get("count", 0))
        self.population = bool(a.get("population", 0))
        self.recorded = str(a.get("recorded", ""))

    def __repr__(self):
        return (f"<vecinos.Agents {self.kind}: {len(self.index)} of {self.count} recorded "
                f"({self.recorded}), state {self.state_columns}>")

    @cached_property
    def index(self) -> np.ndarray:
        """Index in the whole table of each recorded agent (the panel, for populations)."""
        return self._g["agent_index"][:]

    @cached_property
    def static(self) -> pd.DataFrame:
        """Static attributes, one row per recorded agent, indexed by agent index."""
        cols = {}
        for name, ds in self._g["static"].items():
            cols[name] = strings(ds) if ds.dtype.kind in "SO" else ds[:]
        return pd.DataFrame(cols, index=pd.Index(self.index, name="agent"))

    @property
    def state_columns(self) -> list:
        return data_names(self._g["state"]) if "state" in self._g else []

    def state(self, column: str) -> pd.DataFrame:
        """One state column as a [date x agent] DataFrame (columns: agent index)."""
        if column not in self.state_columns:
            raise KeyError(f"{self.kind} has no state column {column!r}; it has {self.state_columns}")
        ds = self._g["state"][column]
        df = pd.DataFrame(ds[: self._ticks], index=self._dates,
                          columns=pd.Index(self.index, name="agent"))
        df.attrs.update({k: str(v) for k, v in ds.attrs.items()})
        return df

    def long(self, columns=None) -> pd.DataFrame:
        """Every state column in long (tidy) form: one row per (date, agent)."""
        columns = self.state_columns if columns is None else list(columns)
        n_agents = len(self.index)
        out = pd.DataFrame({
            "date": np.repeat(self._dates.values, n_agents),
            "agent": np.tile(self.index, len(self._dates)),
        })
        for c in columns:
            out[c] = self._g["state"][c][: self._ticks].reshape(-1)
        return out

    @cached_property
    def aggregates(self) -> pd.DataFrame:
        """Population-wide series (over every agent, not just the panel), indexed by date."""
        g = self._g["aggregates"]
        return pd.DataFrame({n: g[n][: self._ticks] for n in data_names(g)}, index=self._dates)

    def units(self, column: str) -> str:
        for sub in ("state", "static", "aggregates"):
            if sub in self._g and column in data_names(self._g[sub]):
                return str(self._g[sub][column].attrs.get("units", ""))
        raise KeyError(column)


class Network:
    """The elite influence network: /network (edge list and weight snapshots)."""

    def __init__(self, group, date_of):
        self._g = group
        self._date_of = date_of

    @cached_property
    def vertices(self) -> list:
        return list(strings(self._g["vertex_names"]))

    @cached_property
    def edges(self) -> pd.DataFrame:
        """One row per edge (index: edge id): source -> target means source influences target."""
        g = self._g
        n = min(len(g[c]) for c in ("source", "target", "type", "created_tick"))
        src, dst = g["source"][:n], g["target"][:n]
        names = np.asarray(self.vertices, dtype=object)
        return pd.DataFrame(
            {
                "source": src,
                "target": dst,
                "source_name": names[src] if len(names) else src,
                "target_name": names[dst] if len(names) else dst,
                "type": categorical(g["type"][:n], strings(g["type_names"])),
                "created_tick": g["created_tick"][:n],
            },
            index=pd.Index(np.arange(n), name="edge"),
        )

    @cached_property
    def ticks(self) -> np.ndarray:
        n = min(len(self._g["tick"]), self._g["weight"].shape[0])
        return self._g["tick"][:n]

    @cached_property
    def weights(self) -> pd.DataFrame:
        """Edge weights [snapshot date x edge id]; NaN before an edge existed."""
        w = self._g["weight"][: len(self.ticks)]
        df = pd.DataFrame(w, index=self._date_of(self.ticks),
                          columns=pd.Index(np.arange(w.shape[1]), name="edge"))
        return df
