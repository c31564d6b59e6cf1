"""Global sensitivity: Sobol' indices from a Saltelli design, Morris elementary effects.

    from vecinos import sensitivity
    res = sensitivity.sweep_indices(df, "trade_us_mx_usd.final")   # df from open_sweep
    res.table        # saltelli: S1, ST with bootstrap intervals; morris: mu, mu_star, sigma
    res.noise        # the replicate-noise share and a hint when replicates are too few

Sobol' indices (Sobol' 1993) are estimated from the A, B and AB_i matrices of Saltelli's (2002)
design: the first-order index with the estimator of Saltelli et al. (2010, table 2, (b)), the
total index with Jansen's (1999) estimator, the second-order index as in Saltelli (2002). The
points are laid out base row by base row (what ``vecinos sweep`` writes for ``design:
saltelli``): for row j, A_j, AB_j^1 .. AB_j^k, [BA_j^1 .. BA_j^k,] B_j, where AB^i is A with
column i taken from B and BA^i is B with column i from A.

Morris (1991) elementary effects over r trajectories of k + 1 points on a p-level grid, each
step moving one parameter by delta = p / (2 (p - 1)) of its range; mu* (mean absolute effect)
is Campolongo, Cariboni and Saltelli's (2007) measure. Effects are per whole range of the
parameter (the unit cube's coordinates).

Confidence intervals are bootstrap percentile intervals over the base rows (Sobol') or the
trajectories (Morris), 1,000 resamples by default.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .errors import AnalysisError

# -- designs (for functions evaluated in Python, and to check a sweep's layout) --------------


def saltelli_block(k: int, second_order: bool = False) -> int:
    """Points per base row: k + 2, or 2k + 2 with the BA matrices for second-order indices."""
    return 2 * k + 2 if second_order else k + 2


def saltelli_sample(n: int, k: int, *, second_order: bool = False, seed=0) -> np.ndarray:
    """The n (k + 2) (or n (2k + 2)) points of a Saltelli design in [0, 1)^k, in the layout
    described in the module's docstring; the base is a scrambled Sobol' sequence in 2k
    dimensions (SciPy's, Owen-type scrambling), A its first k columns, B the last k."""
    from scipy.stats import qmc

    base = qmc.Sobol(d=2 * k, scramble=True, seed=seed).random(n)
    a, b = base[:, :k], base[:, k:]
    block = saltelli_block(k, second_order)
    out = np.empty((n * block, k))
    for j in range(n):
        rows = [a[j]]
        for i in range(k):
            ab = a[j].copy()
            ab[i] = b[j, i]
            rows.append(ab)
        if second_order:
            for i in range(k):
                ba = b[j].copy()
                ba[i] = a[j, i]
                rows.append(ba)
        rows.append(b[j])
        out[j * block:(j + 1) * block] = rows
    return out


def check_saltelli_layout(x: np.ndarray, k: int, second_order: bool = False, atol=1e-12):
    """Raises AnalysisError unless the points x (unit or parameter scale) have the Saltelli
    layout: in each base row, AB^i equals A but in column i, where it equals B."""
    x = np.asarray(x, dtype=float)
    block = saltelli_block(k, second_order)
    if x.ndim != 2 or x.shape[1] != k or x.shape[0] % block:
        raise AnalysisError(f"{x.shape[0]} points of {x.shape[1] if x.ndim == 2 else '?'} "
                            f"parameters are not a Saltelli design of {k} parameters "
                            f"({block} points per base row)")
    rows = x.reshape(-1, block, k)
    a, b = rows[:, 0], rows[:, -1]
    for i in range(k):
        expect = a.copy()
        expect[:, i] = b[:, i]
        if not np.allclose(rows[:, 1 + i], expect, atol=atol, rtol=0):
            raise AnalysisError(f"point AB^{i + 1} of some base row is not A with column "
                                f"{i + 1} from B: not a Saltelli layout")
        if second_order:
            expect = b.copy()
            expect[:, i] = a[:, i]
            if not np.allclose(rows[:, 1 + k + i], expect, atol=atol, rtol=0):
                raise AnalysisError(f"point BA^{i + 1} of some base row is not B with column "
                                    f"{i + 1} from A: not a Saltelli layout")


def morris_sample(r: int, k: int, *, levels: int = 4, seed=0) -> np.ndarray:
    """r Morris trajectories of k + 1 points on the p-level grid {0, 1/(p-1), ..., 1}.

    Each trajectory starts at a random grid point and moves every parameter once, in a random
    order, by delta = p / (2 (p - 1)) up or down (p even, so delta is a whole number of grid
    steps). The same construction as ``design: morris`` in a sweep file.
    """
    p = levels
    if p < 2 or p % 2:
        raise AnalysisError(f"levels: {p}; the Morris grid needs an even number of levels >= 2")
    rng = np.random.default_rng(seed)
    half = p // 2  # delta in grid steps
    out = np.empty((r * (k + 1), k))
    for t in range(r):
        base = rng.integers(0, p - half, size=k)  # level of the lower end of each move
        up = rng.integers(0, 2, size=k).astype(bool)
        order = rng.permutation(k)
        x = np.where(up, base, base + half).astype(float)
        out[t * (k + 1)] = x / (p - 1)
        for s, i in enumerate(order):
            x[i] = base[i] + half if up[i] else base[i]
            out[t * (k + 1) + s + 1] = x / (p - 1)
    return out


# -- estimators -------------------------------------------------------------------------------


def _interval(samples: np.ndarray, confidence: float):
    lo = (1.0 - confidence) / 2.0
    return np.nanquantile(samples, lo, axis=0), np.nanquantile(samples, 1.0 - lo, axis=0)


def _sobol_core(fa, fb, fab, fba):
    """Indices of one (possibly resampled) set of rows; arrays [..., N] and [..., N, k]."""
    v = np.var(np.concatenate([fa, fb], axis=-1), axis=-1)
    v = np.where(v > 0, v, np.nan)
    d_first = np.mean(fb[..., None] * (fab - fa[..., None]), axis=-2)
    d_total = 0.5 * np.mean((fa[..., None] - fab) ** 2, axis=-2)
    s1 = d_first / v[..., None]
    st = d_total / v[..., None]
    s2 = None
    if fba is not None:
        k = fab.shape[-1]
        ab_mean = fa * fb
        pairs = []  # [..., pair] over i < j, in row-major order
        for i in range(k):
            for j in range(i + 1, k):
                vij = np.mean(fba[..., i] * fab[..., j] - ab_mean, axis=-1) / v
                pairs.append(vij - s1[..., i] - s1[..., j])
        s2 = np.stack(pairs, axis=-1) if pairs else np.zeros(fa.shape[:-1] + (0,))
    return s1, st, s2, v


@dataclass
class SobolResult:
    """Sobol' indices of one outcome."""
    table: pd.DataFrame  # index: parameter; S1, S1_lo, S1_hi, ST, ST_lo, ST_hi
    second: pd.DataFrame | None  # pairs: S2, S2_lo, S2_hi (second_order designs)
    rows: int  # base rows used
    variance: float  # of the outcome over the A and B points
    bootstrap: int
    confidence: float
    dropped_rows: int = 0
    noise: dict | None = None
    kind: str = "sobol"
    notes: list = field(default_factory=list)


def sobol_indices(y, k: int, *, second_order: bool = False, names=None, bootstrap: int = 1000,
                  confidence: float = 0.95, seed=0) -> SobolResult:
    """First-order and total (and second-order) Sobol' indices from the outcomes y of a
    Saltelli design (one value per point, in the layout of the module's docstring).

    Base rows with a NaN are left out (``dropped_rows``). Intervals: bootstrap percentiles over
    base rows (``bootstrap`` resamples; 0 for none).
    """
    y = np.asarray(y, dtype=float)
    block = saltelli_block(k, second_order)
    if y.ndim != 1 or y.size % block:
        raise AnalysisError(f"{y.size} outcomes are not a Saltelli design of {k} parameters "
                            f"({block} points per base row"
                            f"{', with second order' if second_order else ''})")
    rows = y.reshape(-1, block)
    keep = np.isfinite(rows).all(axis=1)
    dropped = int((~keep).sum())
    rows = rows[keep]
    n = rows.shape[0]
    if n < 2:
        raise AnalysisError(f"{n} complete base rows; Sobol' indices need at least 2 "
                            "(and hundreds for useful intervals)")
    # Centred: the estimators are unchanged in expectation (E[f(AB_i) - f(A)] = 0) and far
    # less noisy when the outcome's mean is large against its spread.
    rows = rows - np.mean(np.concatenate([rows[:, 0], rows[:, -1]]))
    fa, fb = rows[:, 0], rows[:, -1]
    fab = rows[:, 1:1 + k]
    fba = rows[:, 1 + k:1 + 2 * k] if second_order else None
    s1, st, s2, v = _sobol_core(fa, fb, fab, fba)
    names = list(names) if names is not None else [f"x{i + 1}" for i in range(k)]
    table = pd.DataFrame({"S1": s1, "ST": st}, index=pd.Index(names, name="parameter"))
    second = None
    if second_order:
        pairs = [(names[i], names[j]) for i in range(k) for j in range(i + 1, k)]
        second = pd.DataFrame({"S2": s2},
                              index=pd.MultiIndex.from_tuples(pairs, names=["parameter",
                                                                            "other"]))
    if bootstrap > 0:
        rng = np.random.default_rng(seed)
        b1, bt, b2 = [], [], []
        chunk = max(1, min(bootstrap, 2_000_000 // max(n * k, 1)))
        done = 0
        while done < bootstrap:
            m = min(chunk, bootstrap - done)
            idx = rng.integers(0, n, size=(m, n))
            r1, rt, r2, _ = _sobol_core(fa[idx], fb[idx], fab[idx],
                                        fba[idx] if fba is not None else None)
            b1.append(r1)
            bt.append(rt)
            if r2 is not None:
                b2.append(r2)
            done += m
        lo, hi = _interval(np.concatenate(b1), confidence)
        table["S1_lo"], table["S1_hi"] = lo, hi
        lo, hi = _interval(np.concatenate(bt), confidence)
        table["ST_lo"], table["ST_hi"] = lo, hi
        if second is not None:
            lo, hi = _interval(np.concatenate(b2), confidence)
            second["S2_lo"], second["S2_hi"] = lo, hi
    table = table[[c for c in ("S1", "S1_lo", "S1_hi", "ST", "ST_lo", "ST_hi")
                   if c in table]]
    return SobolResult(table=table, second=second, rows=n, variance=float(v),
                       bootstrap=bootstrap, confidence=confidence, dropped_rows=dropped)


@dataclass
class MorrisResult:
    """Morris measures of one outcome."""
    table: pd.DataFrame  # index: parameter; mu, mu_star, mu_star_lo, mu_star_hi, sigma
    trajectories: int
    bootstrap: int
    confidence: float
    dropped_trajectories: int = 0
    noise: dict | None = None
    kind: str = "morris"
    notes: list = field(default_factory=list)


def elementary_effects(u, y, k: int) -> np.ndarray:
    """[trajectory, parameter] elementary effects (y change per whole range of the parameter)
    of Morris trajectories: u [r (k + 1), k] unit coordinates, y [r (k + 1)] outcomes.
    NaN where an outcome is missing."""
    u = np.asarray(u, dtype=float)
    y = np.asarray(y, dtype=float)
    if u.ndim != 2 or u.shape[1] != k or u.shape[0] % (k + 1) or y.shape != (u.shape[0],):
        raise AnalysisError(f"{u.shape[0]} points are not Morris trajectories of {k} "
                            f"parameters ({k + 1} points each)")
    r = u.shape[0] // (k + 1)
    du = np.diff(u.reshape(r, k + 1, k), axis=1)  # [r, k steps, k params]
    dy = np.diff(y.reshape(r, k + 1), axis=1)      # [r, k steps]
    moved = np.abs(du) > 1e-12
    if not (moved.sum(axis=2) == 1).all() or not (moved.sum(axis=1) == 1).all():
        raise AnalysisError("not Morris trajectories: every step must move exactly one "
                            "parameter and every parameter must move once per trajectory")
    which = np.argmax(moved, axis=2)  # [r, steps] -> parameter moved
    step = np.take_along_axis(du, which[..., None], axis=2)[..., 0]
    ee = np.full((r, k), np.nan)
    np.put_along_axis(ee, which, dy / step, axis=1)
    return ee


def morris_indices(u, y, k: int, *, names=None, bootstrap: int = 1000,
                   confidence: float = 0.95, seed=0) -> MorrisResult:
    """mu (mean elementary effect), mu* (mean absolute effect) with a bootstrap interval over
    trajectories, and sigma (their standard deviation) per parameter."""
    ee = elementary_effects(u, y, k)
    keep = np.isfinite(ee).all(axis=1)
    dropped = int((~keep).sum())
    ee = ee[keep]
    r = ee.shape[0]
    if r < 2:
        raise AnalysisError(f"{r} complete trajectories; Morris measures need at least 2")
    names = list(names) if names is not None else [f"x{i + 1}" for i in range(k)]
    table = pd.DataFrame({
        "mu": ee.mean(axis=0),
        "mu_star": np.abs(ee).mean(axis=0),
        "sigma": ee.std(axis=0, ddof=1),
    }, index=pd.Index(names, name="parameter"))
    if bootstrap > 0:
        rng = np.random.default_rng(seed)
        idx = rng.integers(0, r, size=(bootstrap, r))
        boot = np.abs(ee)[idx].mean(axis=1)
        lo, hi = _interval(boot, confidence)
        table["mu_star_lo"], table["mu_star_hi"] = lo, hi
    table = table[[c for c in ("mu", "mu_star", "mu_star_lo", "mu_star_hi", "sigma")
                   if c in table]]
    return MorrisResult(table=table, trajectories=r, bootstrap=bootstrap,
                        confidence=confidence, dropped_trajectories=dropped)


# -- replicates --------------------------------------------------------------------------------

NOISE_TARGET = 0.05  # replicate noise above this share of the point means' variance: a hint


def replicate_noise(df: pd.DataFrame, outcome: str, target: float = NOISE_TARGET) -> dict:
    """How much of an outcome's variance is replicate noise (the seed), not the parameters.

    ``runs``: the within-point variance (pooled over points with two or more complete
    replicates) as a share of the variance of single runs. ``means``: its share in the variance
    of the point means the indices are computed from (within / R over the variance of the
    means). ``hint``: a sentence when there is one replicate (the noise cannot be separated
    from the parameters' effects) or ``means`` exceeds ``target``, with the replicates that
    would bring it to ``target``.
    """
    d = df[df["status"] == "complete"]
    y = d[outcome].astype(float)
    y = y[np.isfinite(y)]
    g = y.groupby(d.loc[y.index, "point"])
    counts = g.size()
    reps = int(counts.median()) if len(counts) else 0
    out = dict(outcome=outcome, replicates=reps, within=np.nan, runs=np.nan, means=np.nan,
               hint=None)
    total = float(y.var(ddof=1)) if len(y) > 1 else np.nan
    multi = counts[counts >= 2].index
    if reps < 2 or len(multi) == 0:
        out["hint"] = (f"{outcome}: {reps} replicate(s) per point, so the replicate noise cannot "
                       "be told apart from the parameters' effects (it is counted in the "
                       "indices, inflating the total ones); run 2 or more replicates per point "
                       "(replicates: in the sweep file) to measure it")
        return out
    within = float(g.var(ddof=1).loc[multi].mean())
    means = g.mean()
    var_means = float(means.var(ddof=1)) if len(means) > 1 else np.nan
    out["within"] = within
    out["runs"] = within / total if total > 0 else np.nan
    share = (within / reps) / var_means if var_means > 0 else np.nan
    out["means"] = share
    if np.isfinite(share) and share > target:
        signal = max(var_means - within / reps, 0.0)
        need = math.ceil(within * (1 - target) / (target * signal)) if signal > 0 else None
        out["hint"] = (f"{outcome}: replicate noise is {100 * share:.0f} % of the variance of the "
                       f"point means ({reps} replicates per point); the indices mix noise with "
                       "the parameters' effects"
                       + (f"; about {need} replicates per point would bring it to "
                          f"{100 * target:.0f} %" if need else
                          "; the parameters explain no more than the noise"))
    elif not np.isfinite(share):
        out["hint"] = f"{outcome}: the point means do not vary; no index can be computed"
    return out


# -- a sweep -----------------------------------------------------------------------------------


def _design(df):
    sweep = df.attrs.get("sweep") or {}
    return str(sweep.get("design", "")), sweep


def unit_coordinates(df: pd.DataFrame) -> pd.DataFrame:
    """[point x parameter] unit-cube coordinates of the design's points: those collect stored
    (sweep.h5 /design/unit), else (value - min) / (max - min) from the sweep's bounds."""
    if isinstance(df.attrs.get("unit"), pd.DataFrame):
        return df.attrs["unit"]
    _, sweep = _design(df)
    params = df.attrs["parameters"]
    first = df.groupby("point")[params].first()
    out = {}
    for p in params:
        b = (sweep.get("parameters") or {}).get(p)
        if not isinstance(b, dict) or "min" not in b or "max" not in b:
            raise AnalysisError(f"sweep parameter {p}: no bounds {{min, max}}; unit "
                                "coordinates exist only for sampled designs")
        out[p] = (first[p].astype(float) - float(b["min"])) / (float(b["max"]) - float(b["min"]))
    return pd.DataFrame(out)


def point_means(df: pd.DataFrame, outcome: str) -> pd.Series:
    """The mean of an outcome over each point's complete replicates, for every point of the
    design (NaN where no replicate is complete)."""
    if outcome not in df.columns:
        raise AnalysisError(f"{df.attrs.get('index', 'sweep')}: no outcome {outcome!r}; "
                            f"outcomes: {', '.join(df.attrs.get('outcomes', []))}")
    d = df[df["status"] == "complete"]
    points = np.sort(df["point"].unique())
    return d.groupby("point")[outcome].mean().reindex(points)


def sweep_indices(df: pd.DataFrame, outcome: str, *, bootstrap: int = 1000,
                  confidence: float = 0.95, seed=None):
    """Sobol' indices (design saltelli) or Morris measures (design morris) of one outcome of a
    collected sweep, computed on the point means over replicates, with the replicate-noise
    share (``.noise``). Other designs raise AnalysisError (use discovery.feature_scores)."""
    design, sweep = _design(df)
    params = list(df.attrs["parameters"])
    k = len(params)
    seed = int(sweep.get("seed", 0)) if seed is None else seed
    y = point_means(df, outcome)
    if design == "saltelli":
        second = bool(sweep.get("second_order", False))
        n = int(sweep.get("samples", 0))
        if len(y) != n * saltelli_block(k, second):
            raise AnalysisError(f"{df.attrs.get('index')}: {len(y)} points, but a Saltelli design "
                                f"of {n} base samples and {k} parameters has "
                                f"{n * saltelli_block(k, second)}")
        res = sobol_indices(y.to_numpy(), k, second_order=second, names=params,
                            bootstrap=bootstrap, confidence=confidence, seed=seed)
    elif design == "morris":
        u = unit_coordinates(df).reindex(y.index)[params].to_numpy()
        res = morris_indices(u, y.to_numpy(), k, names=params, bootstrap=bootstrap,
                             confidence=confidence, seed=seed)
    else:
        raise AnalysisError(f"{df.attrs.get('index', 'sweep')}: design {design or '?'} has no "
                            "variance-based indices: use design saltelli (Sobol' indices) or "
                            "morris (elementary effects) in the sweep file, or "
                            "vecinos.discovery.feature_scores for any design")
    res.noise = replicate_noise(df, outcome)
    if not (sweep.get("common_random_numbers") or False) and res.noise.get("replicates", 0) >= 1:
        res.notes.append("replicates use independent seeds at every point; with "
                         "common_random_numbers: true the differences between a base row's "
                         "points carry less noise")
    return res
