"""Paired differences under common random numbers.

With ``common_random_numbers: true`` in the sweep file, replicate r of every point runs with the
same seed, so the difference between two points' replicate r is the parameters' effect with
the same draws of chance on both sides (docs/sweeps.md). Two sweeps of different base configs
(scenarios) with the same ``seed`` and ``replicates`` pair the same way.

    from vecinos import paired
    paired.differences(df, "trade_us_mx_usd.final", reference=0)     # every point minus point 0
    paired.between(df_scenario, df_baseline, "relationship_tension.max")   # two sweeps

Intervals are Student t intervals over the replicates' differences; ``variance_ratio`` is the
variance of an unpaired difference of means over that of the paired one (how many times more
replicates an unpaired comparison would need for the same precision).
"""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from .errors import AnalysisError


class UnpairedWarning(UserWarning):
    """The runs compared do not share their seeds: the differences are not paired."""


def _t_interval(d: np.ndarray, confidence: float):
    from scipy.stats import t

    n = d.size
    if n < 2:
        return np.nan, np.nan
    half = t.ppf(0.5 + confidence / 2, n - 1) * d.std(ddof=1) / np.sqrt(n)
    return d.mean() - half, d.mean() + half


def _pair(a: pd.DataFrame, b: pd.DataFrame, outcome: str, confidence: float) -> dict:
    """a, b: rows of complete runs indexed by replicate."""
    common = a.index.intersection(b.index)
    ya, yb = a.loc[common, outcome].astype(float), b.loc[common, outcome].astype(float)
    ok = np.isfinite(ya.to_numpy()) & np.isfinite(yb.to_numpy())
    ya, yb = ya[ok], yb[ok]
    same_seed = bool((a.loc[ya.index, "seed"].to_numpy() == b.loc[yb.index, "seed"].to_numpy())
                     .all()) if len(ya) else False
    d = (ya - yb).to_numpy()
    lo, hi = _t_interval(d, confidence)
    var_paired = d.var(ddof=1) if d.size > 1 else np.nan
    var_unpaired = (ya.var(ddof=1) + yb.var(ddof=1)) if d.size > 1 else np.nan
    return dict(replicates=int(d.size), mean=float(d.mean()) if d.size else np.nan, lo=lo,
                hi=hi, sd=float(np.sqrt(var_paired)) if d.size > 1 else np.nan,
                variance_ratio=float(var_unpaired / var_paired) if var_paired and
                var_paired > 0 else np.nan, paired=same_seed)


def _complete(df):
    return df[df["status"] == "complete"]


def _check_outcome(df, outcome):
    if outcome not in df.columns:
        raise AnalysisError(f"{df.attrs.get('index', 'sweep')}: no outcome {outcome!r}; "
                            f"outcomes: {', '.join(df.attrs.get('outcomes', []))}")


def differences(df: pd.DataFrame, outcome: str, *, reference: int = 0,
                confidence: float = 0.95) -> pd.DataFrame:
    """Each point's outcome minus the reference point's, replicate by replicate: mean
    difference, t interval, sd, variance ratio, and ``paired`` (the seeds match). Warns with
    UnpairedWarning when the sweep did not use common random numbers."""
    _check_outcome(df, outcome)
    d = _complete(df)
    if reference not in set(d["point"]):
        raise AnalysisError(f"reference point {reference}: no complete run; points: 0 .. "
                            f"{int(df['point'].max())}")
    ref = d[d["point"] == reference].set_index("replicate")
    params = list(df.attrs.get("parameters", []))
    rows = []
    for p, part in d.groupby("point"):
        if p == reference:
            continue
        r = _pair(part.set_index("replicate"), ref, outcome, confidence)
        rows.append({"point": p, **{k: part[k].iloc[0] for k in params}, **r})
    out = pd.DataFrame(rows).set_index("point") if rows else pd.DataFrame()
    if len(out) and not out["paired"].all():
        warnings.warn(f"{df.attrs.get('index', 'sweep')}: the replicates of different points "
                      "have different seeds (common_random_numbers is off), so these "
                      "differences are not paired; their intervals are wider than they need be",
                      UnpairedWarning, stacklevel=2)
    out.attrs.update(outcome=outcome, reference=reference, confidence=confidence)
    return out


def between(a: pd.DataFrame, b: pd.DataFrame, outcome: str, *,
            confidence: float = 0.95) -> pd.DataFrame:
    """Sweep a minus sweep b at every point, pairing replicate r with replicate r: two
    scenarios run over the same design with the same seeds (same sweep ``seed``,
    ``replicates`` and common random numbers, or the same design and seed)."""
    _check_outcome(a, outcome)
    _check_outcome(b, outcome)
    if a["point"].max() != b["point"].max():
        raise AnalysisError(f"the sweeps have {a['point'].max() + 1} and {b['point'].max() + 1} "
                            "points: compare sweeps of the same design")
    da, db = _complete(a), _complete(b)
    rows = []
    for p, part in da.groupby("point"):
        other = db[db["point"] == p]
        if other.empty:
            continue
        rows.append({"point": p, **_pair(part.set_index("replicate"),
                                         other.set_index("replicate"), outcome, confidence)})
    out = pd.DataFrame(rows).set_index("point")
    if len(out) and not out["paired"].all():
        warnings.warn("the two sweeps' replicates have different seeds: the differences are "
                      "not paired (give both sweep files the same seed and replicates)",
                      UnpairedWarning, stacklevel=2)
    out.attrs.update(outcome=outcome, confidence=confidence)
    return out
