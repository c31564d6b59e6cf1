"""Read vecinos run histories (HDF5 files written by ``vecinos run``; see output/SCHEMA.md).

    import vecinos
    run = vecinos.open_run("runs/baseline-seed20241106.h5")
    run.indicators            # DataFrame indexed by date
    run.agents("political")   # static attributes, state columns, aggregates
    run.events                # DataFrame with categorical actor/action/target
    run.network               # edge list and weight history
    sweep = vecinos.open_sweep("runs/forbearance")   # a collected sweep: one row per task

Analysis (tools/python/README.md, docs/analysis.md): vecinos.sensitivity (Sobol' indices,
Morris), vecinos.paths (named paths, probabilities, event sequences), vecinos.discovery (PRIM,
CART, feature scores), vecinos.paired (common random numbers), vecinos.report (the HTML
report), vecinos.export (a tidy CSV), vecinos.figures (the house style of every plot).
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
from .errors import AnalysisError
from .sweep import SweepIndexError, open_sweep, paths_by_point, sweep_series

__all__ = [
    "AnalysisError",
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
    "paths_by_point",
    "sweep_series",
]
