"""Named paths of a sweep and their probabilities.

A path is a rule over a task's outcomes, written in the sweep file's ``paths:`` section
(docs/sweeps.md) or given here:

    paths = [{"name": "rupture", "when": "usmca_terminated or strikes > 0"},
             {"name": "trade_war", "when": "tariff_at_end and relationship_tension.max > 0.6"},
             {"name": "cooperation"}]                       # no rule: every remaining run
    df["path"] = paths_module.classify(df, paths)           # collect writes this column
    paths_module.probabilities(df)                          # each path, with a 95 % interval
    paths_module.probabilities(df, by="presidents.us.tariff_propensity", bins=5)

Rules: outcome names (``trade_us_mx_usd.final``; any name in backquotes), numbers,
comparisons ``< <= > >= == !=``, ``and``, ``or``, ``not`` and parentheses. A bare name is
true when its value is neither 0 nor NaN; a comparison with a NaN (an event that never
happened has ``when`` NaN) is false, so ``not x > 0`` is true when x is NaN. Paths are tried in order and a run follows the first
whose rule holds, so the paths partition the runs; a run no rule matches is
``unclassified``. The same grammar is evaluated by ``vecinos sweep collect``.

Intervals: Wilson's (1927) score interval for a binomial proportion, or a bootstrap that
resamples the design's points with their replicates (runs of one point are not independent).
"""
from __future__ import annotations

import math
import re
from collections import Counter

import numpy as np
import pandas as pd

from .errors import AnalysisError

UNCLASSIFIED = "unclassified"

# -- the rule language -------------------------------------------------------------------------

_TOKEN = re.compile(r"\s*(?:(?P<num>(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)"
                    r"|(?P<name>[A-Za-z_][A-Za-z0-9_.]*)|`(?P<quoted>[^`]+)`"
                    r"|(?P<op><=|>=|==|!=|<|>|\(|\)|-))")
_CMP = {"<": np.less, "<=": np.less_equal, ">": np.greater, ">=": np.greater_equal,
        "==": np.equal, "!=": np.not_equal}
_WORDS = ("and", "or", "not")


class RuleError(AnalysisError):
    """A path rule that does not parse or names an unknown outcome."""


def _tokens(text: str):
    pos, out = 0, []
    text = text.rstrip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            at = pos + len(text[pos:]) - len(text[pos:].lstrip())
            raise RuleError(f"unexpected {text[at:][:12]!r} at character {at + 1} of {text!r}")
        pos = m.end()
        if m.group("num") is not None:
            out.append(("num", float(m.group("num")), m.start("num")))
        elif m.group("quoted") is not None:
            out.append(("name", m.group("quoted"), m.start("quoted")))
        elif m.group("name") is not None:
            word = m.group("name")
            out.append(("word" if word in _WORDS else "name", word, m.start("name")))
        else:
            out.append(("op", m.group("op"), m.start("op")))
    return out


class Rule:
    """A parsed path rule; ``names`` are the outcomes it reads."""

    def __init__(self, text: str):
        self.text = str(text)
        self._t = _tokens(self.text)
        self._i = 0
        self.names: list = []
        if not self._t:
            raise RuleError("empty rule")
        self._tree = self._or()
        if self._i != len(self._t):
            kind, value, at = self._t[self._i]
            raise RuleError(f"unexpected {value!r} at character {at + 1} of {self.text!r}")

    # recursive descent: or > and > not > comparison > atom
    def _peek(self, kind=None, value=None):
        if self._i >= len(self._t):
            return False
        k, v, _ = self._t[self._i]
        return (kind is None or k == kind) and (value is None or v == value)

    def _take(self):
        tok = self._t[self._i]
        self._i += 1
        return tok

    def _or(self):
        node = self._and()
        while self._peek("word", "or"):
            self._take()
            node = ("or", node, self._and())
        return node

    def _and(self):
        node = self._not()
        while self._peek("word", "and"):
            self._take()
            node = ("and", node, self._not())
        return node

    def _not(self):
        if self._peek("word", "not"):
            self._take()
            return ("not", self._not())
        return self._cmp()

    def _cmp(self):
        left = self._atom()
        if self._peek("op") and self._t[self._i][1] in _CMP:
            op = self._take()[1]
            return ("cmp", op, left, self._atom())
        return left

    def _atom(self):
        if self._i >= len(self._t):
            raise RuleError(f"{self.text!r} ends early: expected a name, a number or '('")
        kind, value, at = self._take()
        if kind == "num":
            return ("num", value)
        if kind == "op" and value == "-" and self._peek("num"):
            return ("num", -self._take()[1])
        if kind == "name":
            if value not in self.names:
                self.names.append(value)
            return ("name", value)
        if kind == "op" and value == "(":
            node = self._or()
            if not self._peek("op", ")"):
                raise RuleError(f"missing ')' in {self.text!r}")
            self._take()
            return node
        raise RuleError(f"unexpected {value!r} at character {at + 1} of {self.text!r}")

    def evaluate(self, table) -> np.ndarray:
        """Boolean array, one per row of ``table`` (a DataFrame or a dict of arrays)."""
        missing = [n for n in self.names if n not in table]
        if missing:
            have = list(table.columns) if isinstance(table, pd.DataFrame) else list(table)
            raise RuleError(f"rule {self.text!r}: no outcome {missing[0]!r}; outcomes: "
                            f"{', '.join(map(str, have))}")
        n = len(table) if isinstance(table, pd.DataFrame) else len(next(iter(table.values())))
        return np.broadcast_to(self._truth(self._tree, table), (n,)).copy()

    def _value(self, node, table):
        if node[0] == "num":
            return np.float64(node[1])
        if node[0] == "name":
            return np.asarray(table[node[1]], dtype=float)
        return self._truth(node, table).astype(float)

    def _truth(self, node, table):
        op = node[0]
        if op == "or":
            return self._truth(node[1], table) | self._truth(node[2], table)
        if op == "and":
            return self._truth(node[1], table) & self._truth(node[2], table)
        if op == "not":
            return ~self._truth(node[1], table)
        if op == "cmp":
            a, b = self._value(node[2], table), self._value(node[3], table)
            with np.errstate(invalid="ignore"):
                return _CMP[node[1]](a, b) & ~np.isnan(a) & ~np.isnan(b)
        v = self._value(node, table)
        return (v != 0) & ~np.isnan(v)


def _path_list(paths):
    out = []
    for k, p in enumerate(paths):
        if isinstance(p, str):
            p = {"name": p}
        if "name" not in p:
            raise AnalysisError(f"paths[{k}]: missing 'name'")
        when = p.get("when")
        if when is None and k != len(paths) - 1:
            raise AnalysisError(f"paths[{k}] ({p['name']}): only the last path may have no "
                                "'when' rule (it takes every remaining run)")
        out.append(dict(name=str(p["name"]), when=when, description=p.get("description", ""),
                        rule=Rule(when) if when is not None else None))
    return out


def classify(df: pd.DataFrame, paths) -> pd.Series:
    """The path each complete task follows (first matching rule), ``unclassified`` when none
    matches, and "" for tasks that are not complete."""
    plist = _path_list(paths)
    complete = (df["status"] == "complete").to_numpy() if "status" in df else np.ones(len(df),
                                                                                     bool)
    label = np.full(len(df), "", dtype=object)
    free = complete.copy()
    for p in plist:
        hit = free if p["rule"] is None else free & p["rule"].evaluate(df)
        label[hit] = p["name"]
        free &= ~hit
    label[free] = UNCLASSIFIED
    return pd.Series(label, index=df.index, name="path")


def sweep_paths(df: pd.DataFrame) -> list:
    """The paths of a sweep: those collect stored, else the sweep file's ``paths:``."""
    paths = df.attrs.get("paths")
    if paths:
        return paths
    return list((df.attrs.get("sweep") or {}).get("paths") or [])


def path_column(df: pd.DataFrame) -> pd.Series:
    if "path" in df.columns and df["path"].astype(str).str.len().gt(0).any():
        return df["path"].astype(str)
    paths = sweep_paths(df)
    if not paths:
        raise AnalysisError(f"{df.attrs.get('index', 'sweep')}: the sweep defines no paths "
                            "(add a paths: section to the sweep file, or pass paths=[...])")
    return classify(df, paths)


# -- intervals ---------------------------------------------------------------------------------

def wilson(successes, n, confidence: float = 0.95):
    """Wilson's score interval (lo, hi) for successes out of n (arrays broadcast); NaN if n=0."""
    from scipy.stats import norm

    z = norm.ppf(0.5 + confidence / 2.0)
    k = np.asarray(successes, dtype=float)
    n = np.asarray(n, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        p = k / n
        denom = 1.0 + z * z / n
        centre = (p + z * z / (2 * n)) / denom
        half = z / denom * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    lo = np.where(n > 0, np.clip(centre - half, 0, 1), np.nan)
    hi = np.where(n > 0, np.clip(centre + half, 0, 1), np.nan)
    return lo, hi


def _order(labels: pd.Series, paths) -> list:
    names = [p["name"] if isinstance(p, dict) else str(p) for p in paths]
    seen = [n for n in names if n] + sorted(set(labels) - set(names) - {""})
    return seen


def probabilities(df: pd.DataFrame, *, by=None, bins: int = 5, paths=None,
                  method: str = "wilson", confidence: float = 0.95, bootstrap: int = 1000,
                  seed=0) -> pd.DataFrame:
    """Each path's probability over the complete runs, with an interval.

    ``by``: None (overall), ``"point"`` (per design point: over its replicates) or a
    parameter (numeric parameters are cut into ``bins`` equal-count bins, others by value).
    ``method``: ``wilson`` or ``bootstrap`` (percentiles over ``bootstrap`` resamples of the
    design's points, replicates kept together). Rows: (group,) path; columns ``runs``,
    ``count``, ``probability``, ``lo``, ``hi``.
    """
    if method not in ("wilson", "bootstrap"):
        raise AnalysisError(f"method {method!r}: allowed: wilson, bootstrap")
    labels = path_column(df) if paths is None else classify(df, paths)
    order = _order(labels, paths if paths is not None else sweep_paths(df))
    d = df.assign(_path=labels)[labels != ""]
    if by is None:
        groups = [("all runs", d)]
        gname = None
    else:
        if by != "point" and by not in df.columns:
            raise AnalysisError(f"by={by!r}: not a parameter of the sweep; parameters: "
                                f"{', '.join(df.attrs.get('parameters', []))}")
        key = d[by]
        if by != "point" and pd.api.types.is_numeric_dtype(key) and key.nunique() > bins:
            key = pd.qcut(key.astype(float), bins, duplicates="drop")
        groups = [(g, part) for g, part in d.groupby(key, observed=True, sort=True)]
        gname = by
    rows = []
    rng = np.random.default_rng(seed)
    for g, part in groups:
        n = len(part)
        counts = part["_path"].value_counts()
        if method == "bootstrap":
            pts = part["point"].to_numpy()
            uniq, inv = np.unique(pts, return_inverse=True)
            onehot = np.stack([(part["_path"] == name).to_numpy() for name in order], axis=1)
            per_point = np.zeros((len(uniq), len(order)))
            np.add.at(per_point, inv, onehot)
            size = np.bincount(inv, minlength=len(uniq)).astype(float)
            idx = rng.integers(0, len(uniq), size=(bootstrap, len(uniq)))
            boot = per_point[idx].sum(axis=1) / size[idx].sum(axis=1)[:, None]
            a = (1 - confidence) / 2
            blo, bhi = np.quantile(boot, a, axis=0), np.quantile(boot, 1 - a, axis=0)
        for j, name in enumerate(order):
            k = int(counts.get(name, 0))
            if method == "wilson":
                lo, hi = wilson(k, n, confidence)
                lo, hi = float(lo), float(hi)
            else:
                lo, hi = float(blo[j]), float(bhi[j])
            rows.append({**({gname: g} if gname else {}), "path": name, "runs": n, "count": k,
                         "probability": k / n if n else np.nan, "lo": lo, "hi": hi})
    out = pd.DataFrame(rows)
    keys = ([gname] if gname else []) + ["path"]
    out = out.set_index(keys)
    out.attrs.update(method=method, confidence=confidence)
    return out


# -- event sequences ---------------------------------------------------------------------------

SEPARATOR = " > "


def sequence_of(events: pd.DataFrame, length: int = 4, actions=None) -> str:
    """The first ``length`` distinct actions of a run in order of their first occurrence,
    as "actor action > actor action > ..." (what collect stores in /tasks/sequence).
    ``actions``: only these action names count."""
    if events is None or len(events) == 0:
        return ""
    seen = []
    for actor, action in zip(events["actor"].astype(str), events["action"].astype(str)):
        if actions is not None and action not in actions:
            continue
        item = f"{actor} {action}"
        if item not in seen:
            seen.append(item)
            if len(seen) == length:
                break
    return SEPARATOR.join(seen)


def sequences(df: pd.DataFrame, *, length: int | None = None, top: int = 10, actions=None,
              confidence: float = 0.95) -> pd.DataFrame:
    """The most frequent event sequences (first ``length`` distinct actions) of the complete
    runs, with their share and a Wilson interval.

    Uses the ``sequence`` column collect wrote (truncated to ``length``), or reads the runs'
    events when the index has none (or ``actions`` filters them)."""
    from .run import open_run

    d = df[df["status"] == "complete"]
    if "sequence" in d.columns and actions is None and d["sequence"].notna().any():
        seqs = d["sequence"].fillna("").astype(str)
        if length is not None:
            seqs = seqs.map(lambda s: SEPARATOR.join(s.split(SEPARATOR)[:length]) if s else s)
    else:
        length = length or 4
        values = []
        for path in d["file"]:
            with open_run(path) as run:
                values.append(sequence_of(run.events, length, actions))
        seqs = pd.Series(values, index=d.index)
    counts = Counter(seqs)
    n = len(seqs)
    rows = []
    for seq, k in counts.most_common(top):
        lo, hi = wilson(k, n, confidence)
        rows.append({"sequence": seq or "(no action)", "runs": k, "share": k / n if n else
                     math.nan, "lo": float(lo), "hi": float(hi)})
    out = pd.DataFrame(rows, columns=["sequence", "runs", "share", "lo", "hi"])
    out.attrs.update(total=n, distinct=len(counts))
    return out
