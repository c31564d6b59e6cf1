"""Consistency checks on a history (OpenABM-style concordance: per-agent outputs sum to the
aggregate series)."""
from __future__ import annotations

import numpy as np


def concordance(run, rtol: float = 1e-9, atol: float = 1e-9) -> list:
    """Checks every state column that declares ``sums_to``: where its table is fully recorded,
    the sum over agents must equal that indicator at every recorded tick (within rtol/atol:
    the model may add in another order). Returns one dict per such column: kind, column,
    indicator, checked (False for panels, which cannot be summed), max_error, ok."""
    results = []
    f = run.file
    for kind in f["agents"]:
        g = f["agents"][kind]
        if "state" not in g:
            continue
        full = g.attrs.get("recorded", "") == "all"
        for column, ds in g["state"].items():
            target = ds.attrs.get("sums_to", "")
            if not target:
                continue
            r = dict(kind=kind, column=column, indicator=str(target), checked=full,
                     max_error=np.nan, ok=None)
            if full:
                if str(target) not in f["indicators"]:
                    r.update(ok=False, error=f"no indicator {target!r}")
                else:
                    sums = ds[: run.ticks].astype(np.float64).sum(axis=1)
                    expected = f["indicators"][str(target)][: run.ticks]
                    diff = np.abs(sums - expected)
                    r["max_error"] = float(np.nanmax(diff)) if len(diff) else 0.0
                    r["ok"] = bool(np.allclose(sums, expected, rtol=rtol, atol=atol, equal_nan=True))
            results.append(r)
    return results


def assert_concordance(run, **tolerances) -> int:
    """Raises AssertionError naming every failing column; returns the number checked."""
    results = concordance(run, **tolerances)
    bad = [r for r in results if r["ok"] is False]
    if bad:
        lines = [f"{r['kind']}/{r['column']} != {r['indicator']} (max error {r['max_error']:.3g})"
                 for r in bad]
        raise AssertionError("concordance fails: " + "; ".join(lines))
    return sum(1 for r in results if r["checked"])
