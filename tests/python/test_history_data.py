"""The historical data pack (data/history/) passes its validator, and the validator rejects bad rows."""
import os
import shutil
import subprocess
import sys
import unittest
from pathlib import Path

from support import temp_dir

SOURCE = Path(os.environ.get("VECINOS_SOURCE_DIR", Path(__file__).resolve().parents[2]))
CHECK = SOURCE / "tools" / "data" / "check_history.py"
PACK = SOURCE / "data" / "history"


def check(directory):
    return subprocess.run([sys.executable, str(CHECK), str(directory)], capture_output=True,
                          text=True, check=False)


class HistoryDataTest(unittest.TestCase):
    def test_pack_passes(self):
        r = check(PACK)
        self.assertEqual(r.returncode, 0, r.stderr)

    def bad(self, name, line, expected):
        """Append `line` to a copy of `name` and expect the validator to name the problem."""
        d = temp_dir(self, "history_data")
        for f in ("series.csv", "events.csv"):
            shutil.copy(PACK / f, d / f)
        with open(d / name, "a", encoding="utf-8") as f:
            f.write(line + "\n")
        r = check(d)
        self.assertEqual(r.returncode, 1, r.stdout)
        self.assertIn(expected, r.stderr)
        self.assertIn(f"{d / name}:", r.stderr)

    def test_rejects_value_published_after_vantage(self):
        self.bad("series.csv", "x,2024-10,1,persons,s,https://e.org,2025-01-15,checked,",
                 "published: 2025-01-15 is after the vantage date")

    def test_rejects_period_after_november_2024(self):
        self.bad("series.csv", "x,2024-12,1,persons,s,https://e.org,2024-11-30,checked,",
                 "period: 2024-12 ends after 2024-11")

    def test_rejects_checked_row_without_url(self):
        self.bad("series.csv", "x,2019-05,1,persons,s,,2019-06-05,checked,", "url: empty")

    def test_rejects_duplicate_and_bad_date(self):
        first = "x,2019-05,1,persons,s,https://e.org,2019-06-05,checked,"
        self.bad("series.csv", first + "\n" + first, "duplicate (x, 2019-05)")
        self.bad("series.csv", "x,2019-13,1,persons,s,https://e.org,2019-06-31,checked,",
                 "is not YYYY, YYYY-MM")
        self.bad("events.csv", "1,2019-02-30,a,e,,,s,https://e.org,2019-03-01,checked,",
                 "date: '2019-02-30' is not a YYYY-MM-DD date")

    def test_rejects_missing_column(self):
        d = temp_dir(self, "history_data")
        shutil.copy(PACK / "events.csv", d / "events.csv")
        (d / "series.csv").write_text("series,period,value\nx,2019,1\n", encoding="utf-8")
        r = check(d)
        self.assertEqual(r.returncode, 1)
        self.assertIn("unit: missing column", r.stderr)


if __name__ == "__main__":
    unittest.main()
