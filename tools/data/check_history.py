#!/usr/bin/env python3
"""Check the historical data pack (data/history/): run with /usr/bin/python3.

    check_history.py [DIR]        DIR defaults to data/history beside this script's repository

Fails (exit 1), printing file:line: column: message for each problem, on: a missing column,
a bad date or period, a publication date after the vantage date (2024-12-01), a period or event
after November 2024, a checked row without source or url, an unverified row without a note, an
unknown status, and a duplicate (series, period). Exit 0 and a one-line summary otherwise.
"""
import csv
import re
import sys
from datetime import date
from pathlib import Path

VANTAGE = date(2024, 12, 1)        # nothing published after this date enters the pack
LAST_PERIOD = (2024, 11)           # history after the vantage month judges the model
STATUSES = {"checked", "unverified"}
SERIES_COLUMNS = ["series", "period", "value", "unit", "source", "url", "published", "status",
                  "note"]
EVENT_COLUMNS = ["episode", "date", "actor", "event", "model_action", "magnitude", "source",
                 "url", "published", "status", "note"]
# YYYY, YYYY-MM, FYYYYY (U.S. fiscal year, October to September) or YYYY-H1/H2 (half year).
PERIOD = re.compile(r"^(?:(?P<y>\d{4})(?:-(?P<m>\d{2})|-H(?P<h>[12]))?|FY(?P<fy>\d{4}))$")


def parse_date(text):
    """A YYYY-MM-DD date, or None."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text or ""):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def period_end(text):
    """(year, month) of the last month a period covers, or None if it is malformed."""
    m = PERIOD.match(text or "")
    if not m:
        return None
    if m.group("fy"):
        return (int(m.group("fy")), 9)
    year = int(m.group("y"))
    if m.group("m"):
        month = int(m.group("m"))
        return (year, month) if 1 <= month <= 12 else None
    if m.group("h"):
        return (year, 6 if m.group("h") == "1" else 12)
    return (year, 12)


def read(path, columns, errors):
    """Rows of a CSV file as (line number, dict), or [] after recording missing columns."""
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        header = reader.fieldnames or []
        missing = [c for c in columns if c not in header]
        for c in missing:
            errors.append(f"{path}:1: {c}: missing column")
        if missing:
            return []
        rows = []
        for row in reader:
            line = reader.line_num
            if None in row:
                errors.append(f"{path}:{line}: -: more fields than the header has")
            rows.append((line, {k: (v or "").strip() for k, v in row.items() if k is not None}))
        return rows


def check_common(path, line, row, errors):
    """Provenance rules shared by both files."""
    status = row["status"]
    if status not in STATUSES:
        errors.append(f"{path}:{line}: status: '{status}' is not one of {sorted(STATUSES)}")
    published = row["published"]
    if published or status == "checked":
        d = parse_date(published)
        if d is None:
            errors.append(f"{path}:{line}: published: '{published}' is not a YYYY-MM-DD date")
        elif d > VANTAGE:
            errors.append(f"{path}:{line}: published: {published} is after the vantage date "
                          f"{VANTAGE.isoformat()}")
    if status == "checked":
        for column in ("source", "url"):
            if not row[column]:
                errors.append(f"{path}:{line}: {column}: empty on a checked row")
    if status == "unverified" and not row["note"]:
        errors.append(f"{path}:{line}: note: an unverified row must say why")
    if row["url"] and not re.match(r"^https?://", row["url"]):
        errors.append(f"{path}:{line}: url: '{row['url']}' is not an http(s) address")


def check_series(path, errors):
    seen = {}
    rows = read(path, SERIES_COLUMNS, errors)
    for line, row in rows:
        for column in ("series", "unit"):
            if not row[column]:
                errors.append(f"{path}:{line}: {column}: empty")
        end = period_end(row["period"])
        if end is None:
            errors.append(f"{path}:{line}: period: '{row['period']}' is not YYYY, YYYY-MM, "
                          "YYYY-H1/H2 or FYYYYY")
        elif end > LAST_PERIOD:
            errors.append(f"{path}:{line}: period: {row['period']} ends after "
                          f"{LAST_PERIOD[0]}-{LAST_PERIOD[1]:02d}")
        try:
            float(row["value"])
        except ValueError:
            errors.append(f"{path}:{line}: value: '{row['value']}' is not a number")
        key = (row["series"], row["period"])
        if key in seen:
            errors.append(f"{path}:{line}: period: duplicate ({key[0]}, {key[1]}), first on line "
                          f"{seen[key]}")
        else:
            seen[key] = line
        check_common(path, line, row, errors)
    return len(rows)


def check_events(path, errors):
    rows = read(path, EVENT_COLUMNS, errors)
    for line, row in rows:
        if row["episode"] not in ("1", "2"):
            errors.append(f"{path}:{line}: episode: '{row['episode']}' is not 1 or 2")
        d = parse_date(row["date"])
        if d is None:
            errors.append(f"{path}:{line}: date: '{row['date']}' is not a YYYY-MM-DD date")
        elif (d.year, d.month) > LAST_PERIOD:
            errors.append(f"{path}:{line}: date: {row['date']} is after November 2024")
        if not row["event"]:
            errors.append(f"{path}:{line}: event: empty")
        check_common(path, line, row, errors)
    return len(rows)


def main(argv):
    root = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parents[2] / "data" / "history"
    errors = []
    counts = {}
    for name, check in (("series.csv", check_series), ("events.csv", check_events)):
        path = root / name
        if not path.is_file():
            errors.append(f"{path}:0: -: file missing")
            continue
        counts[name] = check(path, errors)
    for e in errors:
        print(e, file=sys.stderr)
    if errors:
        print(f"check_history: {len(errors)} problem(s)", file=sys.stderr)
        return 1
    print("check_history: ok, " + ", ".join(f"{n}: {c} rows" for n, c in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
