"""vecinos.open_sweep reads the index of `vecinos sweep collect`; the sweep plots draw."""
import subprocess
import sys
import unittest
from pathlib import Path

import h5py
import numpy as np

import support
import vecinos
from vecinos import sweep_plot

PNG = b"\x89PNG\r\n\x1a\n"


def sweep_file(directory, output, design="grid", parameters=None, extra=""):
    parameters = parameters or ("  presidents.mx.forbearance: [0.2, 0.8]\n"
                                "  presidents.us.tariff_propensity: [0.1, 0.9]\n")
    path = directory / "s.yaml"
    path.write_text(
        f"base: {support.BASELINE}\noutput: {output}\nreplicates: 2\nseed: 3\ndesign: {design}\n"
        f"{extra}parameters:\n{parameters}"
        "set:\n  simulation.end: 2025-02-01\n  migrants.scale: 1000\n  firms.agents: 300\n"
        "outcomes:\n"
        "  - {indicator: trade_us_mx_usd, stat: final}\n"
        "  - {indicator: relationship_tension, stat: max}\n"
        "  - {indicator: leader_bond, stat: mean}\n")
    return path


class SweepTest(unittest.TestCase):
    def setUp(self):
        self.dir = support.temp_dir(self, "sweep")
        self.out = self.dir / "out"
        self.file = sweep_file(self.dir, self.out)
        support.run_vecinos("sweep", "run", self.file, "--jobs", "2")

    def test_open_sweep_is_one_row_per_task_with_parameters_and_outcomes(self):
        support.run_vecinos("sweep", "collect", self.out)
        df = vecinos.open_sweep(self.out)
        self.assertEqual(list(df.index), list(range(8)))
        self.assertEqual(df.attrs["parameters"],
                         ["presidents.mx.forbearance", "presidents.us.tariff_propensity"])
        self.assertEqual(df.attrs["outcomes"], ["trade_us_mx_usd.final",
                                                "relationship_tension.max", "leader_bond.mean"])
        self.assertTrue((df["status"] == "complete").all())
        self.assertEqual(list(df["replicate"]), [0, 1] * 4)
        self.assertEqual(list(df["presidents.mx.forbearance"]), [0.2] * 4 + [0.8] * 4)
        self.assertEqual(list(df["presidents.us.tariff_propensity"]), [0.1, 0.1, 0.9, 0.9] * 2)
        self.assertEqual(df.attrs["sweep"]["design"], "grid")
        self.assertEqual(df.attrs["units"]["trade_us_mx_usd.final"], "USD/year")
        # The outcomes are the runs' own series, summarised.
        for task in (0, 5):
            with vecinos.open_run(df.loc[task, "file"]) as run:
                ind = run.indicators
                self.assertEqual(run.meta["seed"], df.loc[task, "seed"])
                self.assertEqual(df.loc[task, "trade_us_mx_usd.final"], ind["trade_us_mx_usd"].iloc[-1])
                self.assertEqual(df.loc[task, "relationship_tension.max"], ind["relationship_tension"].max())
                self.assertAlmostEqual(df.loc[task, "leader_bond.mean"], ind["leader_bond"].mean(), places=12)
        # The replicates of a point differ (their seeds do).
        self.assertNotEqual(df.loc[0, "relationship_tension.max"], df.loc[1, "relationship_tension.max"])

    def test_series_through_the_links_and_a_missing_task(self):
        (self.out / "task-000006.h5").unlink()
        r = support.run_vecinos("sweep", "collect", self.out, check=False)
        self.assertEqual(r.returncode, 1)
        df = vecinos.open_sweep(self.out / "sweep.h5")
        self.assertEqual(df.loc[6, "status"], "missing")
        self.assertTrue(np.isnan(df.loc[6, "trade_us_mx_usd.final"]))
        s = vecinos.sweep_series(df, "relationship_tension")
        self.assertEqual(sorted(s.columns), [0, 1, 2, 3, 4, 5, 7])
        with vecinos.open_run(df.loc[3, "file"]) as run:
            np.testing.assert_array_equal(s[3].to_numpy(), run.indicators["relationship_tension"].to_numpy())
            self.assertTrue((s.index == run.dates).all())
        with h5py.File(self.out / "sweep.h5", "r") as f:
            self.assertEqual(f["runs/task-000000"].file.filename, str(self.out / "task-000000.h5"))
            self.assertNotIn("task-000006", f["runs"])

    def test_plots_fan_chart_and_outcome_against_parameter(self):
        support.run_vecinos("sweep", "collect", self.out)
        figures = self.dir / "figures"
        r = subprocess.run([sys.executable, "-m", "vecinos.sweep_plot", str(self.out), "-o",
                            str(figures)], capture_output=True, text=True, timeout=120)
        self.assertEqual(r.returncode, 0, r.stderr)
        written = r.stdout.split()
        self.assertIn(str(figures / "fan-relationship_tension.png"), written)
        self.assertIn(str(figures / "pairs.png"), written)  # every outcome and parameter
        self.assertEqual(len(written), 3 + 1)
        for path in written:
            data = Path(path).read_bytes()
            self.assertTrue(data.startswith(PNG), path)
            self.assertGreater(len(data), 5000, path)
        ax = sweep_plot.fan_chart(self.out, "leader_bond", where={"presidents.mx.forbearance": 0.8})
        self.assertEqual(len(ax.get_lines()), 1)
        self.assertIn("median of 4 runs", ax.get_legend_handles_labels()[1][0])
        ax = sweep_plot.outcome_vs_parameter(self.out, "trade_us_mx_usd.final",
                                             "presidents.us.tariff_propensity")
        self.assertIn("USD billion per year", ax.get_ylabel().replace("\n", " "))


if __name__ == "__main__":
    unittest.main()
