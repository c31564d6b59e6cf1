"""Figure conventions shared by the run plots, the sweep plots and the report.

* Titles come from the indicator's description, axes carry its units at a readable scale
  (``scale_for("USD/year", values)`` -> divide by 1e9, "USD billion per year").
* Categorical indicators (units ``code`` or ``0/1``, such as ``usmca_status``) have labelled
  states (``state_labels``); plots draw the share of runs in each state, never a mean of codes.
* One colour-blind-safe palette (Okabe and Ito 2008) for categories, a ColorBrewer diverging map
  for signed scores.
* ``save(fig, stem, formats)`` writes PNG at print resolution (300 dpi) and PDF or SVG on request.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import matplotlib.ticker as mticker  # noqa: E402
import numpy as np  # noqa: E402

# Okabe and Ito (2008), "Color universal design": distinguishable under the common forms of
# colour-vision deficiency. Black last: it is kept for reference lines.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442",
           "#000000"]
DIVERGING = "RdBu"  # ColorBrewer (Brewer 2003): colour-blind safe, red = negative
SEQUENTIAL = "viridis"
PRINT_DPI = 300
FORMATS = ("png", "pdf", "svg")

RC = {
    "font.size": 9,
    "axes.titlesize": 10,
    "axes.labelsize": 9,
    "legend.fontsize": 8,
    "xtick.labelsize": 8,
    "ytick.labelsize": 8,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": matplotlib.cycler(color=PALETTE),
    "savefig.bbox": "tight",
    "svg.fonttype": "none",
    "pdf.fonttype": 42,
}


def colour(k: int) -> str:
    return PALETTE[k % (len(PALETTE) - 1)]


def style():
    """A context manager applying the house style: ``with figures.style(): ...``."""
    return plt.rc_context(RC)


# -- units ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Scale:
    factor: float  # multiply values by this
    label: str     # the axis label's units


_MAGNITUDES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand"))


def _magnitude(peak: float, min_exponent: float = 1e3):
    """The largest magnitude in which the peak reads as 3 or more (USD 1,300 billion rather
    than 1.3 trillion; 4.8 million persons)."""
    for size, word in _MAGNITUDES:
        if size >= min_exponent and peak >= 3 * size:
            return size, word
    return 1.0, ""


def scale_for(units: str, values=None) -> Scale:
    """How to show values of these units: a factor and the units as an axis label.

    USD amounts in millions, billions or trillions; persons, deaths, guns in thousands or
    millions; fractions as percent; ``0..1`` as an index; codes are categorical (see
    ``state_labels``). ``values`` (any array) chooses the magnitude.
    """
    units = units or ""
    peak = 0.0
    if values is not None:
        v = np.asarray(values, dtype=float)
        v = v[np.isfinite(v)]
        peak = float(np.max(np.abs(v))) if v.size else 0.0
    base, _, per = units.partition("/")
    per_text = f" per {per}" if per else ""
    if base == "USD":
        size, word = _magnitude(peak, 1e6)
        return Scale(1.0 / size, f"USD {word}{per_text}".replace("  ", " ") if word else units)
    if base in ("persons", "deaths", "guns", "firms", "count"):
        size, word = _magnitude(peak, 1e3)
        noun = {"count": ""}.get(base, base)
        if word:
            return Scale(1.0 / size, f"{word} {noun}{per_text}".strip())
        return Scale(1.0, f"{noun}{per_text}".strip() or "count")
    if units == "fraction":
        return Scale(100.0, "%")
    if units == "0..1":
        return Scale(1.0, "index, 0 to 1")
    if units == "0/1":
        return Scale(1.0, "0 = no, 1 = yes")
    if units.startswith("days since"):
        return Scale(1.0, units)
    return Scale(1.0, units)


def axis_label(units: str, values=None) -> str:
    return scale_for(units, values).label


def plain_axis(ax, which="y"):
    """Tick labels without offsets or scientific notation (``1e11`` never appears)."""
    fmt = mticker.ScalarFormatter(useOffset=False)
    fmt.set_scientific(False)
    (ax.yaxis if which == "y" else ax.xaxis).set_major_formatter(fmt)


def date_axis(ax, start=None, end=None):
    """Concise date ticks. With ``start`` and ``end``, the ticks are computed once and fixed
    (much faster for figures of many panels sharing their x axis)."""
    locator = mdates.AutoDateLocator()
    if start is None or end is None:
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        return
    lo, hi = mdates.date2num(start), mdates.date2num(end)
    locator.create_dummy_axis()
    locator.axis.set_view_interval(lo, hi)
    locator.axis.set_data_interval(lo, hi)
    ticks = [t for t in locator() if lo <= t <= hi]
    labels = mdates.ConciseDateFormatter(locator).format_ticks(ticks)
    ax.xaxis.set_major_locator(mticker.FixedLocator(ticks))
    ax.xaxis.set_major_formatter(mticker.FixedFormatter(labels))
    ax.set_xlim(lo, hi)


_WORDS = {"usmca": "USMCA", "us": "U.S.", "mx": "Mexico", "fdi": "FDI", "prc": "PRC",
          "cn": "China", "usd": "(USD)", "cum": "(cumulative)"}


def name_title(name: str) -> str:
    """An indicator's name as words: usmca_status -> "USMCA status"."""
    words = [_WORDS.get(w, w) for w in name.split("_")]
    text = " ".join(words)
    return text[0].upper() + text[1:] if text else text


def title_of(name: str, description: str = "") -> str:
    """The indicator's description as a title ("U.S.-Mexico goods trade ..."), else its name in
    words; a description that lists codes ("0 in force, 1 under review ...") gives the name."""
    d = (description or "").strip()
    if not d or re.match(r"^-?\d", d):
        return name_title(name)
    return d[0].upper() + d[1:]


def wrap(text: str, width: int = 60) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(text, width)) or text


# -- categorical indicators -------------------------------------------------------------------

def is_categorical(units: str) -> bool:
    return units in ("code", "0/1")


_STATE = re.compile(r"(?:^|,\s*|then\s+)(-?\d+)\s+([^,]+?)(?=,|$)")


def state_labels(units: str, description: str = "") -> dict:
    """Codes of a categorical indicator and their labels, from its description.

    "0 in force, 1 under review, 2 renegotiating" -> {0: "in force", 1: "under review", ...};
    "... else 0" labels 0 "otherwise"; 0/1 indicators are {0: "no", 1: "yes"} unless described.
    """
    labels = {}
    for code, label in _STATE.findall(description or ""):
        label = label.strip()
        labels[int(code)] = label[3:] if label.startswith("if ") else label
    m = re.search(r"else\s+(-?\d+)\s*$", description or "")
    if m and int(m.group(1)) not in labels:
        labels[int(m.group(1))] = "otherwise"
    if units == "0/1":
        labels.setdefault(1, "yes")
        labels.setdefault(0, "otherwise" if labels[1] != "yes" else "no")
    return dict(sorted(labels.items()))


def state_shares(series_frame, labels: dict):
    """[date x task] codes -> [date x state label] share of the runs in each state (0..1).

    Codes are rounded to the nearest whole number; a code without a label gets "code N".
    """
    import pandas as pd

    values = np.rint(series_frame.to_numpy(dtype=float))
    valid = np.isfinite(values)
    n = valid.sum(axis=1)
    codes = sorted(set(np.unique(values[valid]).astype(int)) | set(labels))
    out = {}
    for c in codes:
        share = np.where(n > 0, ((values == c) & valid).sum(axis=1) / np.maximum(n, 1), np.nan)
        out[labels.get(c, f"code {c}")] = share
    return pd.DataFrame(out, index=series_frame.index)


# -- saving -----------------------------------------------------------------------------------

def parse_formats(text) -> tuple:
    """"png,pdf" -> ("png", "pdf"); raises ValueError naming what is allowed."""
    if text is None:
        return ("png",)
    items = text if isinstance(text, (list, tuple)) else str(text).split(",")
    out = []
    for item in items:
        f = str(item).strip().lower().lstrip(".")
        if f not in FORMATS:
            raise ValueError(f"figure format {item!r} is not supported; allowed: "
                             f"{', '.join(FORMATS)}")
        if f not in out:
            out.append(f)
    return tuple(out) or ("png",)


def save(fig, stem, formats=("png",), dpi: int = PRINT_DPI, tight: bool = True) -> list:
    """Writes ``stem.<format>`` for each format; returns the paths. PNG at ``dpi``.
    ``tight=False`` keeps the figure's own layout (faster for figures of many panels that
    were laid out already)."""
    stem = Path(stem)
    stem.parent.mkdir(parents=True, exist_ok=True)
    written = []
    for f in parse_formats(formats):
        path = stem.with_name(stem.name + "." + f)
        # No creation date in the file, so the same data give the same bytes.
        meta = {"png": {"Software": None}, "svg": {"Date": None},
                "pdf": {"CreationDate": None}}[f]
        fig.savefig(path, dpi=dpi if f == "png" else None, format=f,
                    bbox_inches="tight" if tight else None, metadata=meta)
        written.append(path)
    plt.close(fig)
    return written


def grid_shape(n: int, ncols: int = 3):
    ncols = max(1, min(ncols, n))
    return max(1, math.ceil(n / ncols)), ncols
