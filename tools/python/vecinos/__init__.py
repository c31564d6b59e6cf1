"""Read vecinos run histories (HDF5 files written by ``vecinos run``; see output/SCHEMA.md).

    import vecinos
    run = vecinos.open_run("runs/baseline-seed20241106.h5")
    run.indicators            # DataFrame indexed by date
    run.agents("political")   # static attributes, state columns, aggregates
    run.events                # DataFrame with categorical actor/action/target
    run.network               # edge list and weight history
    sweep = vecinos.open_sweep("runs/forbearance")   # a collected sweep: one row per task
"""
from .run import (
    SCHEMA_VERSION,
    Agents,
    DamagedHistoryError,
    Network,
    PartialRunWarning,
    Run,
    SchemaError,
    open_run,
)
from .sweep import SweepIndexError, open_sweep, sweep_series

__all__ = [
    "SCHEMA_VERSION",
    "Agents",
    "DamagedHistoryError",
    "Network",
    "PartialRunWarning",
    "Run",
    "SchemaError",
    "open_run",
    "SweepIndexError",
    "open_sweep",
    "sweep_series",
]
