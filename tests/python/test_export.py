"""python3 -m vecinos.export: a sweep as one tidy CSV, values read back exactly."""
import subprocess
import sys
import unittest

import numpy as np
import pandas as pd

import support
import vecinos
from vecinos import synthetic


class ExportTest(unittest.TestCase):
    def test_one_row_per_task_with_parameters_outcomes_and_paths(self):
        d = support.temp_dir(self, "export")
        synthetic.write(d, samples=4, replicates=2, runs=False)
        r = subprocess.run([sys.executable, "-m", "vecinos.export", str(d)], capture_output=True,
                           text=True, timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stdout.split(), [str(d / "sweep.csv"), str(d / "sweep.units.csv")])
        csv = pd.read_csv(d / "sweep.csv", float_precision="round_trip")
        df = vecinos.open_sweep(d)
        self.assertEqual(len(csv), len(df))
        self.assertEqual(list(csv.columns[:6]), ["task", "point", "replicate", "seed", "status",
                                                 "file"])
        self.assertEqual(list(csv.columns[6:13]), df.attrs["parameters"])
        self.assertEqual(list(csv.columns[-2:]), ["path", "sequence"])
        self.assertEqual(csv["file"][3], "task-000003.h5")
        for c in df.attrs["parameters"] + df.attrs["outcomes"]:
            np.testing.assert_array_equal(csv[c].to_numpy(), df[c].to_numpy())  # exact
        self.assertEqual(list(csv["path"]), list(df["path"]))
        units = pd.read_csv(d / "sweep.units.csv").set_index("column")
        self.assertEqual(units.loc["trade_us_mx_usd.final", "units"], "USD/year")
        r = subprocess.run([sys.executable, "-m", "vecinos.export", str(d / "none")],
                           capture_output=True, text=True, timeout=60)
        self.assertEqual(r.returncode, 2)
        self.assertIn("no such file", r.stderr)


if __name__ == "__main__":
    unittest.main()
