"""Calibrations: OUTPUT/calibration.h5, which ``vecinos calibrate FILE.yaml`` writes (ABC-SMC,
docs/calibration.md).

    import vecinos
    cal = vecinos.open_calibration("runs/cal/calibration.h5")   # or the OUTPUT directory
    cal.generations           # one row per generation: tolerance, acceptance, ESS ...
    cal.posterior()           # the last generation's particles, one column per parameter
    cal.summary()             # weighted mean, sd, 5/50/95 % quantiles, shrinkage

    python3 -m vecinos.calibration OUTPUT/calibration.h5 [--out DIR] [--format png] [--dpi 300]

writes DIR/marginals.png, pairs.png, fit.png, tolerance.png and series.png (default DIR:
OUTPUT/figures; series.png draws data/history/series.csv of the source tree, or --series CSV)
and prints the posterior summary.
"""
from __future__ import annotations

import argparse
import math
import re
import sys
import warnings
from dataclasses import dataclass
from pathlib import Path

import h5py
import numpy as np
import pandas as pd

from .tables import strings

FORMAT = "vecinos-calibration"
FORMAT_VERSION = 1
GENERATION_ATTRS = ("tolerance", "acceptance", "simulations", "total_simulations", "runs",
                    "accepted", "failed", "effective_sample_size", "seconds")
QUANTILES = (0.05, 0.5, 0.95)


class CalibrationError(ValueError):
    """The file is not a calibration file (or one of a version this reader does not know), or
    a request names a generation, episode or proposal that it does not hold. The message names
    the file."""


class RunningCalibrationWarning(UserWarning):
    """The calibration file is of a calibration still running, or stopped before its end
    (status ``running``): it holds the generations finished so far."""


def _calibration_path(path) -> Path:
    p = Path(path).absolute()
    if p.is_dir():
        p = p / "calibration.h5"
    if not p.exists():
        raise FileNotFoundError(
            f"{p}: no such file; `vecinos calibrate FILE.yaml` writes OUTPUT/calibration.h5")
    return p


def _scalar(v):
    if isinstance(v, bytes):
        return v.decode("utf-8")
    if isinstance(v, np.generic):
        return v.item()
    return v


def _text(dataset) -> list:
    return [str(s) for s in strings(dataset)]


def weighted_quantile(x, w, q: float) -> float:
    """The q-quantile of the weighted empirical distribution: the smallest x_i whose cumulative
    normalised weight (in increasing x) reaches q, without interpolation, as the engine's
    ``weighted_quantile`` (model/calibrate/summary.hpp) computes it."""
    x = np.asarray(x, dtype=float)
    w = np.asarray(w, dtype=float)
    if x.shape != w.shape or x.size == 0:
        raise ValueError(f"weighted_quantile: {x.size} values but {w.size} weights")
    if not 0.0 <= q <= 1.0:
        raise ValueError(f"weighted_quantile: q = {q} must lie in [0, 1]")
    order = np.argsort(x, kind="stable")
    xs, ws = x[order], w[order]
    cumulative = np.cumsum(ws / ws.sum())
    hit = np.nonzero((cumulative >= q) & (ws > 0))[0]
    if hit.size:
        return float(xs[hit[0]])
    positive = np.nonzero(ws > 0)[0]
    return float(xs[positive[-1]] if positive.size else xs[-1])


def weighted_sd(x, w) -> float:
    """sqrt(sum w (x - mean)^2 / sum w), without bias correction (as the engine)."""
    x = np.asarray(x, dtype=float)
    w = np.asarray(w, dtype=float)
    mean = np.sum(w * x) / np.sum(w)
    return float(np.sqrt(np.sum(w * (x - mean) ** 2) / np.sum(w)))


class Calibration:
    """One calibration file, read whole when opened (it holds parameter vectors, distances and
    statistics, not the runs; the file is closed again). See ``open_calibration``."""

    def __init__(self, path):
        p = _calibration_path(path)
        self.path = p
        self.directory = p.parent
        try:
            f = h5py.File(p, "r")
        except OSError as e:
            raise CalibrationError(f"{p}: not a vecinos calibration file: cannot be opened as "
                                   f"HDF5 ({e})") from None
        with f:
            fmt = _scalar(f.attrs.get("format", ""))
            if fmt != FORMAT:
                what = f"format {fmt!r}" if fmt else "no format attribute"
                raise CalibrationError(
                    f"{p}: not a vecinos calibration file ({what}; `vecinos calibrate "
                    f"FILE.yaml` writes OUTPUT/calibration.h5 with format {FORMAT!r})")
            version = int(_scalar(f.attrs.get("format_version", 0)))
            if version != FORMAT_VERSION:
                raise CalibrationError(
                    f"{p}: calibration file version {version}; this reader knows "
                    f"{FORMAT_VERSION}: read it with the vecinos that wrote it "
                    f"({_scalar(f.attrs.get('program_version', '?'))})")
            try:
                self._read(f)
            except KeyError as e:
                raise CalibrationError(f"{p}: damaged calibration file: {e}") from None
        self.status = str(self.attrs.get("status", ""))
        self.complete = self.status == "complete"
        self.note = ""
        if not self.complete:
            self.note = (f"{p}: status {self.status!r}: the calibration is still running or "
                         f"was stopped; it holds {len(self._gens)} finished generation"
                         f"{'s' if len(self._gens) != 1 else ''} (resume it with `vecinos "
                         "calibrate` on the same file)")
            warnings.warn(self.note, RunningCalibrationWarning, stacklevel=3)

    # -- reading ----------------------------------------------------------------------------

    def _read(self, f):
        self.attrs = {k: _scalar(v) for k, v in f.attrs.items()}
        text = f["calibration_yaml"][0]
        self.calibration_text = text.decode("utf-8") if isinstance(text, bytes) else str(text)
        par = f["parameters"]
        self.parameters = pd.DataFrame({
            "name": _text(par["name"]),
            "prior": _text(par["prior"]),
            "min": par["min"][:].astype(float),
            "max": par["max"][:].astype(float),
            "integer": par["integer"][:].astype(bool),
        })
        self.parameter_names = list(self.parameters["name"])
        tg = f["targets"]
        targets = {"name": _text(tg["name"]), "episode": _text(tg["episode"])}
        for col in ("units", "source", "outcome"):
            targets[col] = _text(tg[col])
        for col in ("observed", "scale", "weight", "missing"):
            targets[col] = tg[col][:].astype(float)
        self.targets = pd.DataFrame(targets)
        self.target_names = list(self.targets["name"])
        ep = f["episodes"]
        self.episodes = pd.DataFrame({
            "name": _text(ep["name"]),
            "base": _text(ep["base"]),
            "start": pd.to_datetime(_text(ep["start"])),
            "end": pd.to_datetime(_text(ep["end"])),
        })
        self._gens = []
        rows = []
        for name in sorted(f["generations"]):
            g = f["generations"][name]
            a = {k: _scalar(v) for k, v in g.attrs.items()}
            pr = g["proposals"]
            self._gens.append({
                "generation": int(a["generation"]),
                "particles": g["particles"][:].reshape(-1, len(self.parameter_names)),
                "weights": g["weights"][:],
                "importance_weights": g["importance_weights"][:],
                "distances": g["distances"][:],
                "origin_generation": g["origin_generation"][:],
                "origin_index": g["origin_index"][:],
                "theta": pr["theta"][:].reshape(-1, len(self.parameter_names)),
                "statistics": pr["statistics"][:].reshape(-1, len(self.target_names)),
                "distance": pr["distance"][:],
                "ancestor": pr["ancestor"][:],
                "attempt": pr["attempt"][:],
                "seed": pr["seed"][:],
            })
            row = {"generation": int(a["generation"])}
            row.update({k: a.get(k, np.nan) for k in GENERATION_ATTRS})
            row["kept"] = len(g["weights"])
            rows.append(row)
        self._gens.sort(key=lambda r: r["generation"])
        self.generations = (pd.DataFrame(rows, columns=["generation", *GENERATION_ATTRS, "kept"])
                            .sort_values("generation").set_index("generation"))
        self._position = {r["generation"]: k for k, r in enumerate(self._gens)}

    def __repr__(self):
        last = self.generations.iloc[-1] if len(self.generations) else None
        tol = f", tolerance {last['tolerance']:.4g}" if last is not None else ""
        return (f"<vecinos.Calibration {self.path}: {self.status}, {len(self._gens)} "
                f"generations{tol}; parameters {self.parameter_names}>")

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    # -- generations ------------------------------------------------------------------------

    def _gen(self, generation: int) -> dict:
        if not self._gens:
            raise CalibrationError(f"{self.path}: no finished generation yet")
        g = int(generation)
        if g < 0:
            if -g > len(self._gens):
                raise CalibrationError(f"{self.path}: generation {generation}: the file holds "
                                       f"{len(self._gens)} generations")
            return self._gens[g]
        if g not in self._position:
            raise CalibrationError(f"{self.path}: no generation {g}; generations "
                                   f"{', '.join(str(k) for k in self._position)}")
        return self._gens[self._position[g]]

    def _stat_columns(self) -> list:
        taken = set(self.parameter_names) | {"distance", "seed", "ancestor", "attempt",
                                             "accepted", "kept", "weight"}
        return [f"statistic.{t}" if t in taken else t for t in self.target_names]

    def particles(self, generation: int = -1) -> pd.DataFrame:
        """The kept particles of a generation (default the last; negative counts from the
        end): one column per parameter, then ``weight`` (normalised), ``importance_weight``,
        ``distance``, ``origin_generation`` and ``origin_index`` (the proposal that produced
        the particle). ``attrs``: generation, tolerance."""
        r = self._gen(generation)
        df = pd.DataFrame(r["particles"], columns=self.parameter_names)
        df["weight"] = r["weights"]
        df["importance_weight"] = r["importance_weights"]
        df["distance"] = r["distances"]
        df["origin_generation"] = r["origin_generation"]
        df["origin_index"] = r["origin_index"]
        df.index.name = "particle"
        df.attrs.update(generation=r["generation"],
                        tolerance=float(self.generations.loc[r["generation"], "tolerance"]))
        return df

    def posterior(self) -> pd.DataFrame:
        """The particles of the last generation: the posterior sample."""
        return self.particles(-1)

    def proposals(self, generation: int = -1) -> pd.DataFrame:
        """Every proposal simulated in a generation (index: proposal i, the task i of
        OUTPUT/gen-NNN/<episode>/): one column per parameter (theta), ``distance``, one column
        per target's simulated statistic (named by the target; ``statistic.<name>`` if that
        clashes with another column), ``seed`` (of its runs), ``ancestor`` (the particle of
        the previous generation it moved from, -1 for a draw from the prior), ``attempt``,
        ``accepted`` (a finite distance within the previous tolerance; in generation 0, any
        finite distance) and ``kept`` (among this generation's particles)."""
        r = self._gen(generation)
        g = r["generation"]
        df = pd.DataFrame(r["theta"], columns=self.parameter_names)
        df["distance"] = r["distance"]
        for k, col in enumerate(self._stat_columns()):
            df[col] = r["statistics"][:, k]
        df["seed"] = r["seed"]
        df["ancestor"] = r["ancestor"]
        df["attempt"] = r["attempt"]
        pos = self._position[g]
        if pos == 0:
            df["accepted"] = np.isfinite(r["distance"])
        else:
            previous = float(self.generations.iloc[pos - 1]["tolerance"])
            df["accepted"] = np.isfinite(r["distance"]) & (r["distance"] <= previous)
        kept = np.zeros(len(df), dtype=bool)
        kept[r["origin_index"][r["origin_generation"] == g]] = True
        df["kept"] = kept
        df.index.name = "proposal"
        df.attrs.update(generation=g, statistics=self._stat_columns())
        return df

    def posterior_statistics(self, generation: int = -1) -> pd.DataFrame:
        """The simulated statistics of the kept particles of a generation (one column per
        target, as in ``proposals``), each read from the proposals of the generation that
        produced the particle (origin_generation, origin_index); with ``weight`` and
        ``distance``."""
        r = self._gen(generation)
        rows = np.empty((len(r["weights"]), len(self.target_names)))
        for k, (og, oi) in enumerate(zip(r["origin_generation"], r["origin_index"])):
            rows[k] = self._gen(int(og))["statistics"][int(oi)]
        df = pd.DataFrame(rows, columns=self._stat_columns())
        df["weight"] = r["weights"]
        df["distance"] = r["distances"]
        df.index.name = "particle"
        df.attrs.update(generation=r["generation"])
        return df

    def summary(self, generation: int = -1) -> pd.DataFrame:
        """Per parameter (index: name): prior, weighted mean, sd, 5 %, 50 % and 95 % weighted
        quantiles of a generation's particles (default the last), prior_sd (the sd of the
        generation 0 proposals, draws from the prior) and shrinkage = 1 - sd / prior_sd: the
        numbers ``vecinos calibrate`` prints at the end."""
        post = self.particles(generation)
        prior = self._gen(self._gens[0]["generation"])["theta"]
        w = post["weight"].to_numpy()
        rows = []
        for k, (name, desc) in enumerate(zip(self.parameter_names, self.parameters["prior"])):
            x = post[name].to_numpy(dtype=float)
            sd = weighted_sd(x, w)
            prior_sd = weighted_sd(prior[:, k], np.ones(len(prior)))
            row = {"parameter": name, "prior": desc, "mean": float(np.sum(w * x) / np.sum(w)),
                   "sd": sd}
            for q in QUANTILES:
                row[f"{100 * q:g}%"] = weighted_quantile(x, w, q)
            row["prior_sd"] = prior_sd
            row["shrinkage"] = 1.0 - sd / prior_sd if prior_sd > 0 else np.nan
            rows.append(row)
        df = pd.DataFrame(rows).set_index("parameter")
        df.attrs.update(generation=post.attrs["generation"], tolerance=post.attrs["tolerance"],
                        particles=len(post))
        return df

    # -- the runs ---------------------------------------------------------------------------

    def history_path(self, generation: int, proposal: int, episode: str | None = None) -> Path:
        """OUTPUT/gen-NNN/<episode>/task-NNNNNN.h5: the history of a proposal's run (episode:
        needed when the calibration has several)."""
        g = self._gen(generation)["generation"]
        names = list(self.episodes["name"])
        if episode is None:
            if len(names) != 1:
                raise CalibrationError(f"{self.path}: {len(names)} episodes ({', '.join(names)})"
                                       ": say which one (episode=...)")
            episode = names[0]
        if episode not in names:
            raise CalibrationError(f"{self.path}: no episode {episode!r}; episodes "
                                   f"{', '.join(names)}")
        n = len(self._gen(g)["distance"])
        if not 0 <= int(proposal) < n:
            raise CalibrationError(f"{self.path}: generation {g} has proposals 0..{n - 1}, "
                                   f"not {proposal}")
        return self.directory / f"gen-{g:03d}" / episode / f"task-{int(proposal):06d}.h5"

    def history(self, generation: int, proposal: int, episode: str | None = None):
        """The history of a proposal's run, opened with ``vecinos.open_run``."""
        from .run import open_run

        return open_run(self.history_path(generation, proposal, episode))


def open_calibration(path) -> Calibration:
    """Reads a calibration file (OUTPUT/calibration.h5, or the OUTPUT directory).

    ``.attrs`` (root attributes: seed, particles, alpha, min_acceptance, max_generations,
    generations, status, stop_reason, program_version ...), ``.status`` ("complete" or
    "running"; a running one warns with RunningCalibrationWarning and says so in ``.note``),
    ``.parameters`` (name, prior, min, max, integer), ``.targets`` (name, episode, units,
    source, outcome, observed, scale, weight, missing), ``.episodes`` (name, base, start,
    end), ``.generations`` (one row per generation), ``.particles(g)``, ``.proposals(g)``,
    ``.posterior()``, ``.posterior_statistics(g)``, ``.summary()``, ``.history(g, i)``.
    A file that is not a calibration file raises CalibrationError (a ValueError) naming it.
    """
    return Calibration(path)


def _calibration(cal) -> Calibration:
    return cal if isinstance(cal, Calibration) else open_calibration(cal)


# -- the data pack (data/history/series.csv) ----------------------------------------------------

# The data pack of the source tree: tools/python/vecinos/ -> ../../../data/history/series.csv.
SERIES_CSV = Path(__file__).resolve().parents[3] / "data" / "history" / "series.csv"


@dataclass(frozen=True)
class SeriesMap:
    """How a data-pack series (or the sum of several, over the same periods) maps to a model
    indicator. ``kind``: ``flow`` (a count or amount over its period, converted to the
    indicator's rate per month or per year: value x factor x rate months / period months),
    ``level`` (a reading of the period: value x factor) or ``trailing`` (the sum over the 12
    months ending in the period's month, a rate per year at the month's end: value x factor).
    ``factor`` converts the data's unit to the indicator's (USD million -> USD: 1e6; percent ->
    0..1: 0.01). ``since``: rows of earlier periods are left out."""
    series: tuple
    kind: str
    factor: float = 1.0
    since: str | None = None


# Model indicator -> the data-pack series it is compared with (configs/calibration/episodes.yaml
# says the same in its targets). Left out: usbp_swb_apprehensions (Border Patrol only, a part of
# the encounters), banxico_remittances_ytd (a year to date), the Sheinbaum reading of 2024-09
# (as president-elect).
SERIES_OF = {
    "border_encounters": (SeriesMap(("cbp_swb_encounters",), "flow"),),
    "remittances_usd": (SeriesMap(("banxico_remittances",), "flow", 1e6),
                        SeriesMap(("banxico_remittances_12m",), "trailing", 1e6)),
    "trade_us_mx_usd": (SeriesMap(("census_us_exports_to_mx", "census_us_imports_from_mx"),
                                  "flow", 1e6),),
    "approval_us_president": (SeriesMap(("approval_us_president_gallup",), "level", 0.01),),
    "approval_mx_president": (SeriesMap(("approval_amlo_elfinanciero",), "level", 0.01),
                              SeriesMap(("approval_sheinbaum_elfinanciero",), "level", 0.01,
                                        since="2024-10")),
    "us_overdose_deaths": (SeriesMap(("cdc_overdose_deaths_12m",), "trailing"),),
    "mx_homicides": (SeriesMap(("inegi_homicides",), "flow"),),
}
SERIES_INDICATORS = tuple(SERIES_OF)
_RATE_MONTHS = {"month": 1, "year": 12}
_PERIOD = re.compile(r"^(?:(?P<fy>F)Y?(?P<fyear>\d{4})|(?P<year>\d{4})"
                     r"(?:-(?:(?P<month>\d{2})|H(?P<half>[12])))?)$")


def period_span(period: str):
    """A data-pack period as (first day, last day, months, kind): ``2019-05`` a month,
    ``2019`` a calendar year, ``FY2019`` (or ``F2019``) a U.S. fiscal year (2018-10-01 ..
    2019-09-30), ``2019-H1``/``2019-H2`` a half year. Raises ValueError for anything else."""
    m = _PERIOD.match(str(period).strip())
    if not m:
        raise ValueError(f"period {period!r}: expected YYYY-MM, YYYY, FYYYYY or YYYY-H1/H2")
    if m["fy"]:
        y = int(m["fyear"])
        start, months, kind = pd.Timestamp(y - 1, 10, 1), 12, "fiscal year"
    elif m["month"]:
        month = int(m["month"])
        if not 1 <= month <= 12:
            raise ValueError(f"period {period!r}: month {month}")
        start, months, kind = pd.Timestamp(int(m["year"]), month, 1), 1, "month"
    elif m["half"]:
        start = pd.Timestamp(int(m["year"]), 1 if m["half"] == "1" else 7, 1)
        months, kind = 6, "half year"
    else:
        start, months, kind = pd.Timestamp(int(m["year"]), 1, 1), 12, "year"
    end = start + pd.DateOffset(months=months) - pd.Timedelta(days=1)
    return start, end, months, kind


def to_indicator_units(value: float, units: str, mapping: SeriesMap, months: int) -> float:
    """A data-pack value over a period of ``months`` months in the indicator's ``units``
    (``persons/month``, ``USD/year``, ``0..1`` ...), as ``mapping`` says (SeriesMap)."""
    v = float(value) * mapping.factor
    if mapping.kind != "flow":
        return v
    per = units.partition("/")[2]
    if per not in _RATE_MONTHS:
        raise ValueError(f"a flow series needs a rate per month or per year, not {units!r}")
    return v * _RATE_MONTHS[per] / months


def read_series(path=None) -> pd.DataFrame:
    """The data pack's series.csv (default: the source tree's, ``SERIES_CSV``)."""
    return pd.read_csv(SERIES_CSV if path is None else path, dtype={"period": str})


def data_points(table: pd.DataFrame, indicator: str, units: str, start=None, end=None,
                status=("checked",)) -> pd.DataFrame:
    """The data-pack values of an indicator in its units: one row per (series, period) with
    ``series``, ``period``, ``kind`` (month, year, fiscal year, half year; ``12 months
    ending`` for trailing sums), ``start``, ``end`` (the period's first and last day),
    ``date`` (where a point is drawn: mid-month, or the month's end for a trailing sum) and
    ``value``. Only rows of the given statuses, and periods wholly inside [start, end]."""
    cols = ["series", "period", "kind", "start", "end", "date", "value"]
    rows = []
    ok = table[table["status"].isin(status)] if "status" in table else table
    lo = pd.Timestamp(start) if start is not None else None
    hi = pd.Timestamp(end) if end is not None else None
    for m in SERIES_OF.get(indicator, ()):
        parts = [ok[ok["series"] == s].set_index("period")["value"] for s in m.series]
        parts = [p[~p.index.duplicated()] for p in parts]
        periods = set(parts[0].index)
        for p in parts[1:]:
            periods &= set(p.index)  # a sum needs every part of the same period
        for period in sorted(periods):
            p0, p1, months, kind = period_span(period)
            if m.since is not None and p0 < period_span(m.since)[0]:
                continue
            if (lo is not None and p0 < lo) or (hi is not None and p1 > hi):
                continue
            value = sum(float(p[period]) for p in parts)
            if m.kind == "trailing":
                kind, date = "12 months ending", p1
                p0 = p1 + pd.Timedelta(days=1) - pd.DateOffset(months=12)
            else:
                date = p0 + (p1 - p0) / 2
            rows.append({"series": " + ".join(m.series), "period": period, "kind": kind,
                         "start": p0, "end": p1, "date": date,
                         "value": to_indicator_units(value, units, m, months)})
    return pd.DataFrame(rows, columns=cols).sort_values(["date", "series"], ignore_index=True)


# -- plots ------------------------------------------------------------------------------------

def _finish(fig, path, dpi):
    """Saves the figure to path when given (the format from its suffix, PNG by default)."""
    if path is not None:
        from . import figures

        p = Path(path)
        if not p.suffix:
            p = p.with_suffix(".png")
        p.parent.mkdir(parents=True, exist_ok=True)
        fmt = p.suffix.lstrip(".").lower()
        meta = {"png": {"Software": None}, "svg": {"Date": None},
                "pdf": {"CreationDate": None}}.get(fmt)
        with figures.style():  # its savefig settings (SVG text as text, PDF fonts embedded)
            fig.savefig(p, dpi=dpi or figures.PRINT_DPI, bbox_inches="tight", metadata=meta)
    return fig


def _is_log(prior: str) -> bool:
    return prior.startswith("log_uniform")


def _log_axis(ax, which="x"):
    """A log axis with plain labels at 1, 2, 5 x 10^k (no crowded minor labels)."""
    import matplotlib.ticker as mticker

    axis = ax.xaxis if which == "x" else ax.yaxis
    (ax.set_xscale if which == "x" else ax.set_yscale)("log")
    axis.set_major_locator(mticker.LogLocator(subs=(1.0, 2.0, 5.0)))
    axis.set_major_formatter(mticker.FuncFormatter(lambda v, _: f"{v:g}"))
    axis.set_minor_formatter(mticker.NullFormatter())


def _bins(lo, hi, values, n, log):
    v = np.asarray(values, dtype=float)
    v = v[np.isfinite(v)]
    if not np.isfinite(lo):
        lo = float(v.min()) if v.size else 0.0
    if not np.isfinite(hi):
        hi = float(v.max()) if v.size else 1.0
    if hi <= lo:
        hi = lo + 1.0
    if log and lo > 0:
        return np.geomspace(lo, hi, n + 1)
    return np.linspace(lo, hi, n + 1)


def plot_marginals(cal, path=None, *, dpi=None):
    """Per parameter, the weighted histogram of every generation's particles overlaid (early
    generations dark, the last light and thick), the prior draws (generation 0 proposals) in
    grey and the prior's bounds dashed. Bars are the share of weight per bin, the bins of equal
    width on the axis (log-uniform priors on a log axis, bins equal in log). Returns the
    Figure (saved to ``path`` when given; the format from its suffix)."""
    from . import figures
    import matplotlib.pyplot as plt

    c = _calibration(cal)
    names = c.parameter_names
    nrows, ncols = figures.grid_shape(len(names), 2)
    with figures.style():
        fig, axes = plt.subplots(nrows, ncols, figsize=(4.6 * ncols, 3.2 * nrows),
                                 squeeze=False)
        cmap = plt.get_cmap(figures.SEQUENTIAL)
        gens = list(c.generations.index)
        kept = int(c.generations["kept"].max()) if len(gens) else 0
        nbins = int(min(30, max(6, round(2 * math.sqrt(max(kept, 1))))))
        prior_draws = c.proposals(gens[0]) if gens else None
        for k, name in enumerate(names):
            ax = axes[k // ncols][k % ncols]
            p = c.parameters.iloc[k]
            log = _is_log(p["prior"])
            bins = _bins(p["min"], p["max"], prior_draws[name] if gens else [], nbins, log)
            if gens:
                ax.hist(prior_draws[name], bins=bins,
                        weights=np.full(len(prior_draws), 1.0 / max(1, len(prior_draws))),
                        color="#BBBBBB", alpha=0.6, label=f"prior draws ({len(prior_draws)})")
            for j, g in enumerate(gens):
                d = c.particles(g)
                shade = cmap(0.15 + 0.75 * j / max(1, len(gens) - 1)) if len(gens) > 1 \
                    else cmap(0.5)
                last = j == len(gens) - 1
                ax.hist(d[name], bins=bins, weights=d["weight"] / d["weight"].sum(),
                        histtype="step", color=shade, lw=2.2 if last else 1.1,
                        label=f"generation {g}" + (" (posterior)" if last else ""))
            for bound in (p["min"], p["max"]):
                if np.isfinite(bound):
                    ax.axvline(bound, color=figures.PALETTE[-1], ls="--", lw=0.9)
            if log and p["min"] > 0:
                _log_axis(ax, "x")
            ax.set_title(figures.wrap(f"{name}: {p['prior']}", 50))
            ax.set_ylabel("share of weight per bin")
        for k in range(len(names), nrows * ncols):
            axes[k // ncols][k % ncols].set_axis_off()
        fig.suptitle(f"Marginal posteriors by generation ({_caption(c)}; dashed: prior bounds)",
                     fontsize=9)
        handles, labels = axes[0][0].get_legend_handles_labels()
        fig.tight_layout(rect=(0, 0.5 / fig.get_figheight(), 1, 1))
        fig.legend(handles, labels, loc="lower center", ncol=min(len(labels), 5),
                   frameon=False, fontsize=7, bbox_to_anchor=(0.5, 0))
    return _finish(fig, path, dpi)


def _caption(c: Calibration) -> str:
    g = c.generations
    if not len(g):
        return "no generation yet"
    text = (f"{len(g)} generation{'s' if len(g) != 1 else ''}, {int(g['kept'].iloc[-1])} "
            f"particles, tolerance {g['tolerance'].iloc[-1]:.3g}")
    return text if c.complete else text + f", status {c.status}"


def plot_pairs(cal, generation: int = -1, path=None, *, dpi=None):
    """Every pair of parameters: the particles of a generation (default the posterior) as
    dots sized and coloured by weight (lower triangle), weighted histograms on the diagonal,
    within the prior bounds. Returns the Figure."""
    from . import figures
    import matplotlib.pyplot as plt

    c = _calibration(cal)
    d = c.particles(generation)
    names = c.parameter_names
    n = len(names)
    w = d["weight"].to_numpy()
    size = 12 + 120 * w / w.max() if len(w) and w.max() > 0 else 20
    nbins = int(min(30, max(5, round(2 * math.sqrt(max(len(d), 1))))))
    with figures.style():
        fig, axes = plt.subplots(n, n, figsize=(2.4 * n + 1.4, 2.4 * n + 0.6), squeeze=False)
        sc = None
        for i, yi in enumerate(names):
            for j, xj in enumerate(names):
                ax = axes[i][j]
                px, py = c.parameters.iloc[j], c.parameters.iloc[i]
                if j > i:
                    ax.set_axis_off()
                    continue
                if i == j:
                    bins = _bins(px["min"], px["max"], d[xj], nbins, _is_log(px["prior"]))
                    ax.hist(d[xj], bins=bins, weights=w, color=figures.PALETTE[0], alpha=0.8)
                    ax.set_yticks([])
                else:
                    sc = ax.scatter(d[xj], d[yi], s=size, c=w, cmap=figures.SEQUENTIAL,
                                    alpha=0.85, lw=0.3, edgecolors="white",
                                    vmin=0, vmax=max(float(w.max()), 1e-12))
                    if np.isfinite(py["min"]) and np.isfinite(py["max"]):
                        ax.set_ylim(py["min"], py["max"])
                    if _is_log(py["prior"]) and py["min"] > 0:
                        _log_axis(ax, "y")
                if np.isfinite(px["min"]) and np.isfinite(px["max"]):
                    ax.set_xlim(px["min"], px["max"])
                if _is_log(px["prior"]) and px["min"] > 0:
                    _log_axis(ax, "x")
                ax.tick_params(labelsize=7)
                if i == n - 1:
                    ax.set_xlabel(figures.wrap(xj, 26), fontsize=8)
                if j == 0 and i > 0:
                    ax.set_ylabel(figures.wrap(yi, 26), fontsize=8)
        if sc is not None:
            fig.colorbar(sc, ax=axes, label="weight (normalised)", fraction=0.04, pad=0.03)
        fig.suptitle(f"Particles of generation {d.attrs['generation']} ({len(d)}, tolerance "
                     f"{d.attrs['tolerance']:.3g}); size and colour: weight", fontsize=9)
    return _finish(fig, path, dpi)


def plot_fit(cal, path=None, *, generation: int = -1, dpi=None):
    """Per target, the simulated statistic of the posterior particles (each from the proposal
    that produced it) against the prior draws' (generation 0 proposals), as boxes with the
    runs as dots; the observed value is the black line and observed +/- scale the band.
    Returns the Figure."""
    from . import figures
    import matplotlib.pyplot as plt

    c = _calibration(cal)
    post = c.posterior_statistics(generation)
    prior = c.proposals(c.generations.index[0])
    cols = c._stat_columns()
    nrows, ncols = figures.grid_shape(len(cols), 3)
    rng = np.random.default_rng(0)  # the dots' jitter: the same figure every time
    with figures.style():
        fig, axes = plt.subplots(nrows, ncols, figsize=(3.8 * ncols, 3.4 * nrows),
                                 squeeze=False)
        for k, col in enumerate(cols):
            ax = axes[k // ncols][k % ncols]
            t = c.targets.iloc[k]
            groups = [("prior draws", prior[col].to_numpy(dtype=float)),
                      (f"posterior (gen {post.attrs['generation']})",
                       post[col].to_numpy(dtype=float))]
            values = np.concatenate([v for _, v in groups] + [[t["observed"]]])
            scale = figures.scale_for(t["units"], values)
            f = scale.factor
            ax.axhspan((t["observed"] - t["scale"]) * f, (t["observed"] + t["scale"]) * f,
                       color=figures.PALETTE[1], alpha=0.18, lw=0, label="observed ± scale")
            ax.axhline(t["observed"] * f, color=figures.PALETTE[-1], lw=1.5, label="observed")
            missing = []
            for j, (label, v) in enumerate(groups):
                ok = v[np.isfinite(v)]
                missing.append(len(v) - len(ok))
                if len(ok):
                    ax.boxplot([ok * f], positions=[j], widths=0.5, showfliers=False,
                               medianprops={"color": figures.PALETTE[3]})
                    ax.scatter(j + rng.uniform(-0.18, 0.18, len(ok)), ok * f, s=9,
                               color=figures.PALETTE[0] if j else "#888888", alpha=0.6,
                               lw=0, zorder=3)
            ax.set_xticks([0, 1], [g for g, _ in groups], fontsize=7)
            ax.set_xlim(-0.6, 1.6)
            ax.set_ylabel(figures.wrap(scale.label or t["units"], 30))
            figures.plain_axis(ax)
            title = t["name"] + (f" ({t['episode']})" if len(c.episodes) > 1 else "")
            if t["weight"] != 1:
                title += f", weight {t['weight']:g}"
            ax.set_title(figures.wrap(title, 38), fontsize=8)
            if any(missing):
                ax.text(0.02, 0.02, f"no value: {missing[0]} prior, {missing[1]} posterior",
                        transform=ax.transAxes, fontsize=6, color="#444444")
            if k == 0:
                ax.legend(frameon=False, fontsize=6, loc="best")
        for k in range(len(cols), nrows * ncols):
            axes[k // ncols][k % ncols].set_axis_off()
        fig.suptitle(f"Targets: simulated statistics against the observed values "
                     f"({_caption(c)})", fontsize=9)
        fig.tight_layout()
    return _finish(fig, path, dpi)


def plot_tolerance(cal, path=None, *, dpi=None):
    """Tolerance (top) and acceptance rate (bottom, with min_acceptance dashed) per
    generation. Returns the Figure."""
    from . import figures
    import matplotlib.pyplot as plt
    import matplotlib.ticker as mticker

    c = _calibration(cal)
    g = c.generations
    with figures.style():
        fig, (top, bottom) = plt.subplots(2, 1, figsize=(6, 5), sharex=True)
        top.plot(g.index, g["tolerance"], marker="o", color=figures.PALETTE[0])
        top.set_ylabel("tolerance (largest kept distance)")
        bottom.plot(g.index, g["acceptance"], marker="o", color=figures.PALETTE[2],
                    label="acceptance")
        floor = c.attrs.get("min_acceptance")
        if floor is not None:
            bottom.axhline(float(floor), color=figures.PALETTE[3], ls="--", lw=1,
                           label=f"min_acceptance {float(floor):g}")
        bottom.set_ylim(0, 1.05)
        bottom.set_ylabel("acceptance rate")
        bottom.set_xlabel("generation")
        bottom.xaxis.set_major_locator(mticker.MaxNLocator(integer=True))
        bottom.legend(frameon=False)
        stop = c.attrs.get("stop_reason") or c.status
        top.set_title(figures.wrap(f"Tolerance and acceptance per generation ({_caption(c)}; "
                                   f"{stop})", 80), fontsize=9)
        fig.tight_layout()
    return _finish(fig, path, dpi)


def _read_runs(c: Calibration, episode: str, members, names) -> tuple:
    """The indicator series of the runs of ``members`` ((generation, proposal) pairs) in an
    episode: {name: DataFrame [date x member]}, {name: (units, description)} and the number of
    histories that could not be read (missing, not a history, or without the indicator)."""
    from .run import PartialRunWarning

    series = {n: {} for n in names}
    info = {}
    unread = 0
    for k, (g, i) in enumerate(members):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", PartialRunWarning)
                run = c.history(g, i, episode)
            with run:
                if run.status != "complete":
                    unread += 1
                    continue
                ind = run.file["indicators"]
                dates = run.dates
                for n in names:
                    if n in ind:
                        series[n][k] = pd.Series(ind[n][:run.ticks].astype(float), index=dates)
                        if n not in info:
                            info[n] = (_scalar(ind[n].attrs.get("units", "")),
                                       _scalar(ind[n].attrs.get("description", "")))
        except (OSError, ValueError, KeyError):  # FileNotFoundError, SchemaError, damage
            unread += 1
    frames = {n: pd.DataFrame(v) if v else pd.DataFrame() for n, v in series.items()}
    return frames, info, unread


def _band(frame: pd.DataFrame, weights, qs=QUANTILES) -> pd.DataFrame:
    """Per date, the weighted quantiles (as ``weighted_quantile``) of the runs' values."""
    w = np.asarray([weights[k] for k in frame.columns], dtype=float)
    values = frame.to_numpy(dtype=float)
    out = np.full((len(frame), len(qs)), np.nan)
    for t in range(len(frame)):
        ok = np.isfinite(values[t]) & (w > 0)
        if ok.any():
            out[t] = [weighted_quantile(values[t][ok], w[ok], q) for q in qs]
    return pd.DataFrame(out, index=frame.index, columns=list(qs))


def plot_series(cal, series_csv=None, indicators=None, draws=40, path=None, *, dpi=None):
    """Posterior-predictive series against the data pack: one panel per (indicator, episode).

    ``draws`` kept particles of the last generation are drawn by weight, with replacement and a
    fixed seed (all of them, each with its weight, when there are no more than ``draws``); each
    one's history is that of the proposal that produced it (origin_generation, origin_index).
    Their indicator series are the thin lines, with the weighted 5-95 % band and median (a
    particle drawn twice counts twice); the prior's runs (``draws`` proposals of generation 0,
    drawn without replacement) give the light band. The data are the ``checked`` rows of
    ``series_csv`` (default ``SERIES_CSV``, the source tree's data/history/series.csv) that
    ``SERIES_OF`` maps to the indicator, converted to its units (``data_points``), over
    periods wholly inside the episode: months as dots, years, fiscal years and half years as
    horizontal segments over their period, 12-month sums as diamonds at the month's end. A
    missing file is said on the figure and no data are drawn. ``indicators``: default
    ``SERIES_INDICATORS``. Returns the Figure (saved to ``path`` when given)."""
    from . import figures
    import matplotlib.pyplot as plt

    c = _calibration(cal)
    names = list(SERIES_INDICATORS if indicators is None else indicators)
    if not names:
        raise ValueError("plot_series: no indicators")
    draws = int(draws)
    if draws < 1:
        raise ValueError(f"plot_series: draws = {draws} must be 1 or more")
    csv = Path(SERIES_CSV if series_csv is None else series_csv)
    table = read_series(csv) if csv.exists() else None

    # Which runs: the same particles and prior draws in every episode.
    rng = np.random.default_rng(20241201)
    post_members, post_weights, prior_members, caption = [], {}, [], "no generation yet"
    if len(c.generations):
        post = c.posterior()
        w = post["weight"].to_numpy(dtype=float)
        origin = list(zip(post["origin_generation"].astype(int), post["origin_index"].astype(int)))
        if len(post) <= draws:
            picks = {k: float(w[k]) for k in range(len(post)) if w[k] > 0}
        else:
            counts = np.bincount(rng.choice(len(post), size=draws, replace=True, p=w / w.sum()),
                                 minlength=len(post))
            picks = {k: float(n) for k, n in enumerate(counts) if n}
        post_members = [origin[k] for k in picks]
        post_weights = {j: picks[k] for j, k in enumerate(picks)}
        g0 = int(c.generations.index[0])
        n0 = len(c._gen(g0)["distance"])
        chosen = np.sort(rng.choice(n0, size=min(draws, n0), replace=False))
        prior_members = [(g0, int(i)) for i in chosen]
        gen = post.attrs["generation"]
        caption = (f"posterior: all {len(picks)} particles of generation {gen}, weighted"
                   if len(post) <= draws else
                   f"posterior: {draws} draws by weight of the {len(post)} particles of "
                   f"generation {gen} ({len(picks)} distinct)")
        caption += f"; prior: {len(prior_members)} runs of generation {g0}"

    episodes = list(c.episodes.itertuples(index=False))
    nrows, ncols = len(names), len(episodes)
    post_colour, data_colour = figures.PALETTE[0], figures.PALETTE[-1]
    with figures.style():
        fig, axes = plt.subplots(nrows, ncols, figsize=(5.4 * ncols, 2.7 * nrows),
                                 squeeze=False)
        handles = {}

        def keep(label, artist):
            handles.setdefault(label, artist)

        for j, ep in enumerate(episodes):
            post_runs, info, post_unread = _read_runs(c, ep.name, post_members, names)
            prior_runs, prior_info, prior_unread = _read_runs(c, ep.name, prior_members, names)
            for n, v in prior_info.items():
                info.setdefault(n, v)
            for i, name in enumerate(names):
                ax = axes[i][j]
                units, description = info.get(name, ("", ""))
                pts = (data_points(table, name, units, ep.start, ep.end)
                       if table is not None and units else None)
                values = [f.to_numpy(dtype=float).ravel()
                          for f in (post_runs[name], prior_runs[name]) if not f.empty]
                if pts is not None and len(pts):
                    values.append(pts["value"].to_numpy())
                scale = figures.scale_for(units, np.concatenate(values) if values else None)
                f = scale.factor
                pr = prior_runs[name]
                if not pr.empty:
                    b = _band(pr, {k: 1.0 for k in pr.columns})
                    keep("prior runs, 5-95 %", ax.fill_between(
                        b.index, b[0.05] * f, b[0.95] * f, color="#BBBBBB", alpha=0.45, lw=0))
                po = post_runs[name]
                if not po.empty:
                    for k in po.columns:
                        (line,) = ax.plot(po.index, po[k] * f, color=post_colour, lw=0.5,
                                          alpha=0.35)
                        keep("posterior runs", line)
                    b = _band(po, post_weights)
                    keep("posterior 5-95 % (weighted)", ax.fill_between(
                        b.index, b[0.05] * f, b[0.95] * f, color=post_colour, alpha=0.2, lw=0))
                    (line,) = ax.plot(b.index, b[0.5] * f, color=post_colour, lw=1.8)
                    keep("posterior median", line)
                if pts is not None and len(pts):
                    month = pts[pts["kind"] == "month"]
                    if len(month):
                        keep("data: month", ax.scatter(month["date"], month["value"] * f, s=14,
                                                       color=data_colour, zorder=5))
                    trail = pts[pts["kind"] == "12 months ending"]
                    if len(trail):
                        keep("data: 12 months ending", ax.scatter(
                            trail["date"], trail["value"] * f, s=22, marker="D",
                            facecolor="white", edgecolor=data_colour, lw=1.2, zorder=5))
                    for r in pts[pts["kind"].isin(["year", "fiscal year", "half year"])] \
                            .itertuples():
                        (line,) = ax.plot([r.start, r.end + pd.Timedelta(days=1)],
                                          [r.value * f] * 2, color=figures.PALETTE[3], lw=2.2,
                                          solid_capstyle="butt", zorder=4)
                        keep("data: year, fiscal year or half year", line)
                notes = []
                if table is None:
                    notes.append("no data pack")
                elif pts is not None and not len(pts):
                    notes.append("no checked data in this episode")
                if po.empty and pr.empty:
                    notes.append("no run holds this indicator")
                if notes:
                    ax.text(0.02, 0.96, "; ".join(notes), transform=ax.transAxes, fontsize=7,
                            va="top", color="#444444")
                figures.date_axis(ax, ep.start, ep.end)
                figures.plain_axis(ax)
                ax.set_ylabel(figures.wrap(scale.label or units, 28), fontsize=8)
                title = figures.title_of(name, description)
                ax.set_title(figures.wrap(f"{ep.name}: {title}" + (f" ({units})" if units
                                                                   else ""), 60), fontsize=8)
            unread = post_unread + prior_unread
            if unread:
                axes[0][j].annotate(f"{unread} histories not readable", (0.98, 0.02),
                                    xycoords="axes fraction", ha="right", fontsize=6,
                                    color=figures.PALETTE[3])
        top = f"Posterior-predictive series against the data pack ({_caption(c)})"
        where = (f"data: checked rows of {csv.name}" if table is not None
                 else f"data pack not found: {csv} (no data drawn)")
        fig.suptitle(f"{top}\n{figures.wrap(f'{caption}; {where}', 150)}", fontsize=9)
        height = fig.get_figheight()
        fig.tight_layout(rect=(0, 0.5 / height, 1, 1 - 0.65 / height))  # room: title, legend
        if handles:
            fig.legend(list(handles.values()), list(handles), loc="lower center",
                       ncol=min(len(handles), 4), frameon=False, fontsize=7,
                       bbox_to_anchor=(0.5, 0))
    return _finish(fig, path, dpi)


FIGURES = (("marginals", plot_marginals), ("pairs", plot_pairs), ("fit", plot_fit),
           ("tolerance", plot_tolerance), ("series", plot_series))


def plot_calibration(cal, out_dir, formats=("png",), dpi=None, series_csv=None) -> list:
    """The five figures (marginals, pairs, fit, tolerance, series: the last against
    series_csv, default the source tree's data pack) in out_dir; returns the files."""
    from . import figures
    import matplotlib.pyplot as plt

    c = _calibration(cal)
    out = Path(out_dir)
    written = []
    for name, draw in FIGURES:
        fig = draw(c, series_csv=series_csv) if draw is plot_series else draw(c)
        for fmt in figures.parse_formats(formats):
            _finish(fig, out / f"{name}.{fmt}", dpi)
            written.append(out / f"{name}.{fmt}")
        plt.close(fig)
    return written


def format_summary(summary: pd.DataFrame) -> str:
    """The summary as a text table, numbers to 4 significant digits (as vecinos calibrate)."""
    out = summary.copy()
    for col in out.columns:
        if col == "shrinkage":
            out[col] = out[col].map(lambda v: f"{v:.2f}")
        elif col != "prior":
            out[col] = out[col].map(lambda v: f"{v:.4g}")
    return out.to_string()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python3 -m vecinos.calibration",
                                 description="Figures and the posterior summary of a "
                                             "calibration (vecinos calibrate)")
    ap.add_argument("file", help="OUTPUT/calibration.h5 (or the OUTPUT directory)")
    ap.add_argument("-o", "--out", default=None, help="figures directory (default OUTPUT/figures)")
    ap.add_argument("--format", default="png", help="png, pdf, svg, or several: png,pdf")
    ap.add_argument("--dpi", type=int, default=None, help="PNG resolution (default 300)")
    ap.add_argument("--series", default=None, metavar="CSV",
                    help="the data pack's series.csv for series.png (default: the source "
                         f"tree's, {SERIES_CSV})")
    args = ap.parse_args(argv)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", RunningCalibrationWarning)
            cal = open_calibration(args.file)
        for w in caught:
            print(f"note: {w.message}", file=sys.stderr)
        out = Path(args.out) if args.out else cal.directory / "figures"
        s = cal.summary()
        print(f"{cal.path}: {cal.status}"
              f"{', ' + str(cal.attrs['stop_reason']) if cal.attrs.get('stop_reason') else ''}; "
              f"posterior after generation {s.attrs['generation']} ({s.attrs['particles']} "
              f"particles, tolerance {s.attrs['tolerance']:.4g}):")
        print(format_summary(s))
        for p in plot_calibration(cal, out, args.format, args.dpi, args.series):
            print(p)
    except (FileNotFoundError, ValueError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
