"""Read vecinos run histories (HDF5 files written by ``vecinos run``; see output/SCHEMA.md).

    import vecinos
    run = vecinos.open_run("runs/baseline-seed20241106.h5")
    run.indicators            # DataFrame indexed by date
    run.agents("political")   # static attributes, state columns, aggregates
    run.events                # DataFrame with categorical actor/action/target
    run.network               # edge list and weight history
    sweep = vecinos.open_sweep("runs/forbearance")   # a collected sweep: one row per task
    cal = vecinos.open_calibration("runs/cal")      # vecinos calibrate: OUTPUT/calibration.h5

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
    "Calibration",
    "CalibrationError",
    "RunningCalibrationWarning",
    "open_calibration",
]

_CALIBRATION = ("Calibration", "CalibrationError", "RunningCalibrationWarning", "open_calibration")


def __getattr__(name):
    # vecinos.calibration is imported on first use, not here: `python3 -m vecinos.calibration`
    # would otherwise find it imported already (runpy warns) and `import vecinos` stays light.
    if name in _CALIBRATION:
        from . import calibration

        return getattr(calibration, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
