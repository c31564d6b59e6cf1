"""Shared helpers of the python tests: the vecinos binary, temporary directories, runs."""
import os
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

import h5py
import numpy as np

SOURCE = Path(os.environ.get("VECINOS_SOURCE_DIR", Path(__file__).resolve().parents[2]))
BASELINE = SOURCE / "configs" / "baseline.yaml"
SHORT = ["--set", "simulation.end=2025-06-01"]  # about 30 weekly ticks


def exe() -> str:
    path = os.environ.get("VECINOS_EXE")
    if not path or not Path(path).exists():
        raise unittest.SkipTest("VECINOS_EXE is not set to the vecinos binary (run through ctest)")
    return path


def temp_dir(case: unittest.TestCase, tag: str) -> Path:
    base = Path(os.environ.get("VECINOS_TEST_TMP", tempfile.gettempdir()))
    base.mkdir(parents=True, exist_ok=True)
    d = Path(tempfile.mkdtemp(prefix=tag + "-", dir=base))
    case.addCleanup(shutil.rmtree, d, ignore_errors=True)
    return d


def class_temp_dir(cls, tag: str) -> Path:
    """A temporary directory for a whole test class (from setUpClass), removed after it."""
    base = Path(os.environ.get("VECINOS_TEST_TMP", tempfile.gettempdir()))
    base.mkdir(parents=True, exist_ok=True)
    d = Path(tempfile.mkdtemp(prefix=tag + "-", dir=base))
    cls.addClassCleanup(shutil.rmtree, d, ignore_errors=True)
    return d


def run_vecinos(*args, check=True) -> subprocess.CompletedProcess:
    r = subprocess.run([exe(), *map(str, args)], capture_output=True, text=True, timeout=120)
    if check and r.returncode != 0:
        raise AssertionError(f"vecinos {' '.join(map(str, args))} exited {r.returncode}: {r.stderr}")
    return r


def history(directory: Path, name: str, *args, config=BASELINE) -> Path:
    """Runs a config quietly into directory/name and returns the file."""
    path = directory / name
    run_vecinos("run", config, "-q", "-o", path, *args)
    return path


def datasets(path) -> dict:
    """Every dataset of a history: name -> numpy array (strings as bytes)."""
    out = {}
    with h5py.File(path, "r") as f:
        f.visititems(lambda name, obj: out.__setitem__(name, obj[()])
                     if isinstance(obj, h5py.Dataset) else None)
    return out


def assert_same_datasets(case: unittest.TestCase, a: dict, b: dict):
    case.assertEqual(sorted(a), sorted(b))
    for name in a:
        x, y = a[name], b[name]
        if isinstance(x, np.ndarray) and x.dtype.kind == "f":
            same = x.shape == y.shape and np.array_equal(x, y, equal_nan=True)
        elif isinstance(x, np.ndarray):
            same = x.shape == y.shape and x.dtype == y.dtype and np.array_equal(x, y)
        else:
            same = x == y
        case.assertTrue(same, f"dataset {name} differs")


def inject_events(path, rows):
    """Appends events (tick, date, actor, action, target, magnitude, goldstein) to a history."""
    with h5py.File(path, "r+") as f:
        e = f["events"]
        n0 = len(e["tick"])
        for k, column in enumerate(("tick", "date", "actor", "action", "target", "magnitude",
                                    "goldstein")):
            e[column].resize((n0 + len(rows),))
            values = [r[k] for r in rows]
            if column == "date":
                values = [v.encode() for v in values]
            e[column][n0:] = values
        # Columns written since (forced, the demand's issue): chosen events with no demand.
        for column, fill in (("forced", 0), ("issue", -1)):
            if column in e:
                e[column].resize((n0 + len(rows),))
                e[column][n0:] = [fill] * len(rows)
