"""Scenario discovery: under which parameter values does a path (or a bad outcome) happen?

    from vecinos import discovery
    X, y = discovery.cases(df, path="rupture")              # or outcome=..., above=...
    res = discovery.prim(X, y)                               # peel, paste, choose a box
    res.trajectory                                           # the coverage-density trade-off
    res.box.table                                            # restricted limits, quasi-p-values
    discovery.simplify(X, y, res.box)                        # without restrictions of p > 0.05
    tree = discovery.cart(X, y)                              # a shallow classification tree
    discovery.feature_scores(X, df["trade_us_mx_usd.final"]) # extra trees importance

PRIM, the patient rule induction method (Friedman and Fisher 1999), as used for scenario
discovery by Bryant and Lempert (2010): peeling removes the ``peel_alpha`` share of the box's
points at the end of one parameter's range that leaves the highest density of cases of
interest, until the box holds less than ``mass_min`` of the points; every box on the way is a
point of the coverage-density trade-off curve. The chosen box (highest coverage among boxes at
least ``min_density`` dense, or by default the best balance of the two, their harmonic mean)
is then pasted: a bound is widened by ``paste_alpha`` of the box's points while that raises
the density (or keeps it and adds cases). Each restriction carries a quasi-p-value (Bryant and Lempert 2010): the
hypergeometric probability that a box as large as the chosen one, drawn from the box without
that restriction, holds as many cases of interest or more.

CART is scikit-learn's decision tree (Breiman et al. 1984); feature scores are the impurity
importances of extremely randomised trees (Geurts, Ernst and Wehenkel 2006) or permutation
importances (Breiman 2001) on held-out runs.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from .errors import AnalysisError

# -- inputs ------------------------------------------------------------------------------------


def cases(df: pd.DataFrame, *, path: str | None = None, outcome: str | None = None,
          above=None, below=None, parameters=None):
    """(X, y) of the complete runs: X the numeric parameters, y True for the cases of interest:
    runs following ``path``, or whose ``outcome`` is above / below a value."""
    from .paths import path_column

    d = df[df["status"] == "complete"]
    params = list(parameters or df.attrs.get("parameters", []))
    numeric = [p for p in params if pd.api.types.is_numeric_dtype(d[p])]
    if not numeric:
        raise AnalysisError("no numeric parameter to discover boxes over")
    X = d[numeric].astype(float)
    if path is not None:
        labels = path_column(df).loc[d.index]
        if path not in set(labels):
            raise AnalysisError(f"path {path!r}: no run follows it; paths: "
                                f"{', '.join(sorted(set(labels) - {''}))}")
        y = (labels == path).to_numpy()
    elif outcome is not None:
        if outcome not in d.columns:
            raise AnalysisError(f"no outcome {outcome!r}; outcomes: "
                                f"{', '.join(df.attrs.get('outcomes', []))}")
        v = d[outcome].astype(float).to_numpy()
        if (above is None) == (below is None):
            raise AnalysisError("give one of above= or below= with an outcome")
        with np.errstate(invalid="ignore"):
            y = v > above if above is not None else v < below
    else:
        raise AnalysisError("give path= or outcome= to say which runs are the cases of interest")
    return X, np.asarray(y, dtype=bool)


# -- PRIM --------------------------------------------------------------------------------------


@dataclass
class Box:
    """A box: [lo, hi] per parameter (NaN-free; unrestricted sides equal the data's range)."""
    lo: pd.Series
    hi: pd.Series
    coverage: float
    density: float
    mass: float
    runs: int
    cases: int
    restricted: list
    table: pd.DataFrame = None  # restricted parameters: lo, hi, range lo, range hi, quasi_p

    def contains(self, X: pd.DataFrame) -> np.ndarray:
        x = X[self.lo.index].to_numpy(dtype=float)
        return ((x >= self.lo.to_numpy()) & (x <= self.hi.to_numpy())).all(axis=1)


@dataclass
class PrimResult:
    trajectory: pd.DataFrame  # step, coverage, density, mass, runs, restricted
    boxes: list
    chosen: int  # step of the box chosen from the trajectory (before pasting)
    box: Box  # the chosen box after pasting, with its quasi-p-values
    base_density: float
    cases: int
    notes: list = field(default_factory=list)


def _stats(inbox, y, total_cases, n):
    runs = int(inbox.sum())
    k = int(y[inbox].sum())
    return dict(runs=runs, cases=k, mass=runs / n, coverage=k / total_cases if total_cases else
                np.nan, density=k / runs if runs else np.nan)


def _inbox(x, lo, hi):
    return ((x >= lo) & (x <= hi)).all(axis=1)


def _restricted(lo, hi, xmin, xmax):
    return [j for j in range(len(lo)) if lo[j] > xmin[j] or hi[j] < xmax[j]]


def prim(X: pd.DataFrame, y, *, peel_alpha: float = 0.05, paste_alpha: float = 0.05,
         mass_min: float = 0.05, min_density: float | None = None) -> PrimResult:
    """PRIM over the columns of X for the boolean cases y (see the module's docstring)."""
    if not 0 < peel_alpha < 0.5 or not 0 < paste_alpha < 0.5:
        raise AnalysisError("peel_alpha and paste_alpha must lie in (0, 0.5)")
    if not 0 < mass_min < 1:
        raise AnalysisError("mass_min must lie in (0, 1)")
    X = pd.DataFrame(X).astype(float)
    names = list(X.columns)
    x = X.to_numpy()
    y = np.asarray(y, dtype=bool)
    n = len(y)
    if n == 0 or x.shape[0] != n:
        raise AnalysisError("X and y must have the same, non-zero number of runs")
    if not np.isfinite(x).all():
        raise AnalysisError("parameters with NaN values cannot be boxed")
    total = int(y.sum())
    if total == 0:
        raise AnalysisError("no case of interest among the runs: nothing to discover")
    xmin, xmax = x.min(axis=0), x.max(axis=0)
    lo, hi = xmin.copy(), xmax.copy()
    inbox = np.ones(n, dtype=bool)
    boxes = [(lo.copy(), hi.copy())]
    rows = [dict(step=0, **_stats(inbox, y, total, n), restricted=0)]
    while True:
        current = _stats(inbox, y, total, n)
        if current["density"] >= 1.0:
            break
        best = None
        for j in range(x.shape[1]):
            xs = x[inbox, j]
            for side in ("lo", "hi"):
                if side == "lo":
                    bound = np.quantile(xs, peel_alpha, method="higher")
                    keep = inbox & (x[:, j] >= bound)
                    if bound <= lo[j] or keep.sum() == inbox.sum():
                        # a tie at the edge: peel the lowest value whole
                        above = xs[xs > xs.min()]
                        if above.size == 0:
                            continue
                        bound = above.min()
                        keep = inbox & (x[:, j] >= bound)
                else:
                    bound = np.quantile(xs, 1 - peel_alpha, method="lower")
                    keep = inbox & (x[:, j] <= bound)
                    if bound >= hi[j] or keep.sum() == inbox.sum():
                        below = xs[xs < xs.max()]
                        if below.size == 0:
                            continue
                        bound = below.max()
                        keep = inbox & (x[:, j] <= bound)
                m = keep.sum()
                if m == 0 or m / n < mass_min:
                    continue
                density = y[keep].mean()
                key = (density, m)
                if best is None or key > best[0]:
                    best = (key, j, side, bound, keep)
        if best is None:
            break
        _, j, side, bound, keep = best
        if side == "lo":
            lo[j] = bound
        else:
            hi[j] = bound
        inbox = keep
        boxes.append((lo.copy(), hi.copy()))
        rows.append(dict(step=len(rows), **_stats(inbox, y, total, n),
                         restricted=len(_restricted(lo, hi, xmin, xmax))))
    traj = pd.DataFrame(rows).set_index("step")
    notes = []
    if min_density is not None:
        ok = traj[traj["density"] >= min_density]
        if len(ok):
            chosen = int(ok["coverage"].idxmax())
        else:
            chosen = int(traj["density"].idxmax())
            notes.append(f"no box reaches density {min_density:g}; chose the densest "
                         f"({traj.loc[chosen, 'density']:.2f})")
    else:
        f = 2 * traj["coverage"] * traj["density"] / (traj["coverage"] + traj["density"])
        chosen = int(f.idxmax())
    lo, hi = (b.copy() for b in boxes[chosen])
    lo, hi = _paste(x, y, lo, hi, xmin, xmax, paste_alpha)
    box = _box(names, x, y, lo, hi, xmin, xmax, total, n)
    return PrimResult(trajectory=traj, boxes=[(pd.Series(a, names), pd.Series(b, names))
                                              for a, b in boxes],
                      chosen=chosen, box=box, base_density=total / n, cases=total, notes=notes)


def paste(X: pd.DataFrame, y, lo: pd.Series, hi: pd.Series, alpha: float = 0.05):
    """Pastes the box [lo, hi] over the columns of X (the step PRIM applies to its chosen
    box); returns the new (lo, hi)."""
    X = pd.DataFrame(X).astype(float)
    x = X.to_numpy()
    nlo, nhi = _paste(x, np.asarray(y, dtype=bool), lo[X.columns].to_numpy(dtype=float).copy(),
                      hi[X.columns].to_numpy(dtype=float).copy(), x.min(axis=0), x.max(axis=0),
                      alpha)
    return pd.Series(nlo, X.columns), pd.Series(nhi, X.columns)


def _paste(x, y, lo, hi, xmin, xmax, alpha):
    """Widens one bound at a time by about alpha of the box's runs while the density rises
    (or stays and cases are added)."""
    while True:
        inbox = _inbox(x, lo, hi)
        runs = inbox.sum()
        density = y[inbox].mean()
        best = None
        for j in _restricted(lo, hi, xmin, xmax):
            others = np.ones(len(y), dtype=bool)
            for i in range(x.shape[1]):
                if i != j:
                    others &= (x[:, i] >= lo[i]) & (x[:, i] <= hi[i])
            want = max(1, int(np.ceil(alpha * runs)))
            for side in ("lo", "hi"):
                if side == "lo" and lo[j] > xmin[j]:
                    cand = np.sort(x[others & (x[:, j] < lo[j]), j])[::-1]
                elif side == "hi" and hi[j] < xmax[j]:
                    cand = np.sort(x[others & (x[:, j] > hi[j]), j])
                else:
                    continue
                if cand.size == 0:
                    continue
                bound = cand[min(want, cand.size) - 1]
                nlo, nhi = lo.copy(), hi.copy()
                if side == "lo":
                    nlo[j] = bound
                else:
                    nhi[j] = bound
                new = _inbox(x, nlo, nhi)
                d, k = y[new].mean(), int(y[new].sum())
                # a paste that keeps the density and adds cases is an improvement too
                if d > density or (d >= density - 1e-12 and k > y[inbox].sum()):
                    if best is None or (d, k) > best[0]:
                        best = ((d, k), nlo, nhi)
        if best is None:
            return lo, hi
        _, lo, hi = best


def _box(names, x, y, lo, hi, xmin, xmax, total, n) -> Box:
    from scipy.stats import hypergeom

    inbox = _inbox(x, lo, hi)
    s = _stats(inbox, y, total, n)
    restricted = _restricted(lo, hi, xmin, xmax)
    rows = []
    for j in restricted:
        wlo, whi = lo.copy(), hi.copy()
        wlo[j], whi[j] = xmin[j], xmax[j]
        wide = _inbox(x, wlo, whi)
        pop, good = int(wide.sum()), int(y[wide].sum())
        qp = float(hypergeom.sf(s["cases"] - 1, pop, good, s["runs"]))
        rows.append(dict(parameter=names[j], lo=lo[j], hi=hi[j], range_lo=xmin[j],
                         range_hi=xmax[j], quasi_p=qp))
    table = pd.DataFrame(rows, columns=["parameter", "lo", "hi", "range_lo", "range_hi",
                                        "quasi_p"]).set_index("parameter")
    return Box(lo=pd.Series(lo, names), hi=pd.Series(hi, names), coverage=s["coverage"],
               density=s["density"], mass=s["mass"], runs=s["runs"], cases=s["cases"],
               restricted=[names[j] for j in restricted], table=table)


def simplify(X: pd.DataFrame, y, box: Box, max_quasi_p: float = 0.05) -> Box:
    """The box without its weak restrictions: drops, one at a time, the restriction with the
    largest quasi-p-value above ``max_quasi_p`` (recomputing the others' after each drop), as
    one would by hand on EMA Workbench's box inspection. Returns a new Box."""
    X = pd.DataFrame(X).astype(float)[list(box.lo.index)]
    x = X.to_numpy()
    y = np.asarray(y, dtype=bool)
    xmin, xmax = x.min(axis=0), x.max(axis=0)
    lo, hi = box.lo.to_numpy(dtype=float).copy(), box.hi.to_numpy(dtype=float).copy()
    names = list(X.columns)
    total, n = int(y.sum()), len(y)
    current = _box(names, x, y, lo, hi, xmin, xmax, total, n)
    while len(current.table):
        worst = current.table["quasi_p"].idxmax()
        if current.table.loc[worst, "quasi_p"] <= max_quasi_p:
            break
        j = names.index(worst)
        lo[j], hi[j] = xmin[j], xmax[j]
        current = _box(names, x, y, lo, hi, xmin, xmax, total, n)
    return current


# -- CART and feature scores -------------------------------------------------------------------


@dataclass
class TreeResult:
    model: object
    rules: str  # the tree as text (sklearn.tree.export_text)
    leaves: pd.DataFrame  # one row per leaf: conditions, runs, class, share of the class
    accuracy: float  # on the runs it was fitted to
    classes: list


def cart(X: pd.DataFrame, y, *, max_depth: int = 3, min_leaf: float = 0.02, seed=0) -> TreeResult:
    """A classification tree of the runs (y: booleans or path names), at most ``max_depth``
    deep with leaves of at least ``min_leaf`` of the runs (a share, or a whole number)."""
    from sklearn.tree import DecisionTreeClassifier, export_text

    X = pd.DataFrame(X).astype(float)
    y = np.asarray(y)
    leaf = min_leaf if min_leaf >= 1 else max(1, int(np.ceil(min_leaf * len(y))))
    model = DecisionTreeClassifier(max_depth=max_depth, min_samples_leaf=int(leaf),
                                   random_state=seed)
    model.fit(X.to_numpy(), y)
    rules = export_text(model, feature_names=list(X.columns), decimals=3)
    t = model.tree_
    leaves = []

    def walk(node, conds):
        if t.children_left[node] == -1:
            counts = t.value[node][0]
            share = counts / counts.sum()
            c = int(np.argmax(share))
            leaves.append(dict(conditions=" and ".join(conds) or "(all runs)",
                               runs=int(t.n_node_samples[node]), predicted=model.classes_[c],
                               share=float(share[c])))
            return
        name, thr = X.columns[t.feature[node]], t.threshold[node]
        walk(t.children_left[node], conds + [f"{name} <= {thr:.3g}"])
        walk(t.children_right[node], conds + [f"{name} > {thr:.3g}"])

    walk(0, [])
    return TreeResult(model=model, rules=rules, leaves=pd.DataFrame(leaves),
                      accuracy=float(model.score(X.to_numpy(), y)),
                      classes=list(model.classes_))


def feature_scores(X: pd.DataFrame, y, *, kind: str = "extra_trees", seed=0,
                   trees: int = 200) -> pd.DataFrame:
    """Importance of each parameter for y (numbers: regression; booleans or labels:
    classification). ``kind``: ``extra_trees`` (impurity importances, summing to 1) or
    ``permutation`` (the drop in held-out score when a parameter is shuffled, with its
    standard deviation over 10 shuffles). Sorted, most important first."""
    from sklearn.ensemble import ExtraTreesClassifier, ExtraTreesRegressor

    if kind not in ("extra_trees", "permutation"):
        raise AnalysisError(f"kind {kind!r}: allowed: extra_trees, permutation")
    X = pd.DataFrame(X).astype(float)
    y = np.asarray(y)
    numeric = y.dtype.kind in "fiu"  # booleans and labels: classification
    if y.dtype.kind == "f":
        keep = np.isfinite(y)
        X, y = X[keep], y[keep]
    leaf = max(1, len(y) // 200)
    model = (ExtraTreesRegressor if numeric else ExtraTreesClassifier)(
        n_estimators=trees, min_samples_leaf=leaf, random_state=seed, n_jobs=1)
    if kind == "extra_trees":
        model.fit(X.to_numpy(), y)
        out = pd.DataFrame({"score": model.feature_importances_}, index=X.columns)
    else:
        from sklearn.inspection import permutation_importance
        from sklearn.model_selection import train_test_split

        xa, xb, ya, yb = train_test_split(X.to_numpy(), y, test_size=0.3, random_state=seed)
        model.fit(xa, ya)
        r = permutation_importance(model, xb, yb, n_repeats=10, random_state=seed, n_jobs=1)
        out = pd.DataFrame({"score": r.importances_mean, "sd": r.importances_std},
                           index=X.columns)
    out.index.name = "parameter"
    out.attrs.update(kind=kind, task="regression" if numeric else "classification")
    return out.sort_values("score", ascending=False)
