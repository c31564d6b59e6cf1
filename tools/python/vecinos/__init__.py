"""Read vecinos run histories (HDF5 files written by ``vecinos run``; see output/SCHEMA.md).

    import vecinos
    run = vecinos.open_run("runs/baseline-seed20241106.h5")
    run.indicators            # DataFrame indexed by date
    run.agents("political")   # static attributes, state columns, aggregates
    run.events                # DataFrame with categorical actor/action/target
    run.network               # edge list and weight history
"""
from .run import (
    SCHEMA_VERSION,
    Agents,
    Network,
    PartialRunWarning,
    Run,
    SchemaError,
    open_run,
)

__all__ = [
    "SCHEMA_VERSION",
    "Agents",
    "Network",
    "PartialRunWarning",
    "Run",
    "SchemaError",
    "open_run",
]
