"""A real Saltelli sweep end to end: design, common random numbers, path outcomes and paths
collected by C++ and read by Python, vecinos inspect and vecinos report, xarray time coordinates."""
import subprocess
import unittest

import numpy as np
import pandas as pd

import support
import vecinos
from vecinos import paths, sensitivity

SWEEP = """base: {base}
output: {out}
replicates: 2
seed: 11
design: saltelli
samples: 4
common_random_numbers: true
sequence_length: 3
parameters:
  presidents.us.tariff_propensity: {{min: 0.3, max: 0.95}}
  presidents.mx.forbearance: {{min: 0.3, max: 0.9}}
set:
  simulation.end: 2025-04-01
  migrants.scale: 1000
  firms.agents: 300
  recording.agents: false
  recording.network: false
outcomes:
  - {{indicator: trade_us_mx_usd, stat: final}}
  - {{indicator: relationship_tension, stat: max}}
  - {{name: tariff_at_end, indicator: tariff_us_on_mx, above: 0, stat: at_end}}
  - {{indicator: relationship_tension, above: 0.5, stat: when}}
  - {{event: impose_tariff, actor: us, stat: when}}
  - {{event: conciliate, stat: count}}
paths:
  - {{name: trade_war, when: "tariff_at_end and relationship_tension.max > 0.5", description: a tariff in force and high tension}}
  - {{name: tariffs, when: tariff_at_end}}
  - {{name: calm}}
"""


class AnalysisSweepTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = support.class_temp_dir(cls, "saltelli")
        cls.out = cls.dir / "out"
        cls.file = cls.dir / "s.yaml"
        cls.file.write_text(SWEEP.format(base=support.BASELINE, out=cls.out))
        support.run_vecinos("sweep", "run", cls.file, "--jobs", "2")
        cls.collect = support.run_vecinos("sweep", "collect", cls.out)
        cls.df = vecinos.open_sweep(cls.out)

    def test_the_design_is_a_saltelli_layout_with_common_random_numbers(self):
        df = self.df
        self.assertEqual(len(df), 4 * 4 * 2)
        self.assertEqual(df.attrs["design"]["name"], "saltelli")
        unit = df.attrs["unit"]
        self.assertEqual(unit.shape, (16, 2))
        sensitivity.check_saltelli_layout(unit.to_numpy(), 2)
        params = df.groupby("point")[df.attrs["parameters"]].first().to_numpy()
        sensitivity.check_saltelli_layout(params, 2)
        # replicate r has one seed at every point
        self.assertEqual(df.groupby("replicate")["seed"].nunique().tolist(), [1, 1])
        r = sensitivity.sweep_indices(df, "relationship_tension.max", bootstrap=50)
        self.assertEqual(list(r.table.index), df.attrs["parameters"])
        self.assertEqual(r.noise["replicates"], 2)

    def test_path_outcomes_paths_and_sequences_agree_with_the_runs(self):
        df = self.df
        self.assertTrue((df.status == "complete").all())
        self.assertEqual(df.attrs["outcome_info"]["tariff_at_end"]["kind"], "threshold")
        self.assertEqual(df.attrs["units"]["us.impose_tariff.when"], "days")
        for task in (0, 9, 30):
            with vecinos.open_run(df.loc[task, "file"]) as run:
                ind, ev, start = run.indicators, run.events, run.dates[0]
                self.assertEqual(df.loc[task, "tariff_at_end"],
                                 float(ind["tariff_us_on_mx"].iloc[-1] > 0))
                hot = ind.index[ind["relationship_tension"] > 0.5]
                when = (hot[0] - start).days if len(hot) else np.nan
                np.testing.assert_equal(df.loc[task, "relationship_tension>0.5.when"], when)
                us_tariffs = ev[(ev.actor == "us") & (ev.action == "impose_tariff")]
                first = (us_tariffs.date.iloc[0] - start).days if len(us_tariffs) else np.nan
                np.testing.assert_equal(df.loc[task, "us.impose_tariff.when"], first)
                self.assertEqual(df.loc[task, "conciliate.count"],
                                 int((ev.action == "conciliate").sum()))
                self.assertEqual(df.loc[task, "sequence"], paths.sequence_of(ev, 3))
        # collect's C++ rules and Python's give the same paths
        self.assertEqual(list(df["path"]), list(paths.classify(df, df.attrs["paths"])))
        self.assertEqual(df.attrs["paths"][0]["description"], "a tariff in force and high tension")
        for name in ("trade_war", "tariffs", "calm"):
            k = int((df["path"] == name).sum())
            self.assertIn(f"path {name}: {k} of 32 complete runs", self.collect.stdout)

    def test_collect_by_point_and_by_bin_equals_paths_probabilities(self):
        import h5py

        df = self.df
        for key, bins in (("presidents.us.tariff_propensity", 3),
                          ("presidents.mx.forbearance", 4),
                          ("presidents.mx.forbearance", 50)):  # more bins than values: by value
            with self.subTest(key=key, bins=bins):
                csv = self.dir / f"by-{bins}.csv"
                r = support.run_vecinos("sweep", "collect", self.out, "--by", key, "--bins",
                                        bins, "--csv", csv)
                self.assertIn(f"paths by {key} (", r.stdout)
                cpp = pd.read_csv(csv, float_precision="round_trip")
                py = paths.probabilities(df, by=key, bins=bins).reset_index()
                self.assertEqual(len(cpp), len(py))
                self.assertEqual(list(cpp["path"]), list(py["path"]))
                self.assertEqual(list(cpp["runs"]), list(py["runs"]))
                self.assertEqual(list(cpp["count"]), list(py["count"]))
                for col in ("probability", "lo", "hi"):
                    np.testing.assert_allclose(cpp[col], py[col], rtol=0, atol=1e-12)
                group = py[key]
                if bins == 50:
                    np.testing.assert_array_equal(cpp[key].astype(float), group.astype(float))
                else:  # pandas' labels round the edges to 3 decimals
                    self.assertGreater(group.nunique(), 1)
                    right = np.array([iv.right for iv in group])
                    np.testing.assert_allclose(cpp["group_hi"], right, atol=1e-3)
                    self.assertTrue(cpp[key].iloc[0].startswith("["))
        # /paths/by_point holds what paths.probabilities(by="point") gives
        py = paths.probabilities(df, by="point")
        with h5py.File(self.out / "sweep.h5", "r") as f:
            g = f["paths/by_point"]
            names = list(g["path"].asstr()[:])
            count, runs, lo, hi = g["count"][:], g["runs"][:], g["lo"][:], g["hi"][:]
        self.assertEqual(count.shape, (16, len(names)))
        self.assertEqual(list(runs), list(df.groupby("point").size()))
        for point in range(16):
            for j, name in enumerate(names):
                row = py.loc[(point, name)]
                self.assertEqual(count[point, j], row["count"])
                self.assertAlmostEqual(lo[point, j], row["lo"], places=12)
                self.assertAlmostEqual(hi[point, j], row["hi"], places=12)
        r = support.run_vecinos("sweep", "collect", self.out, "--by", "nope", check=False)
        self.assertEqual(r.returncode, 2)
        self.assertIn("parameters: presidents.us.tariff_propensity, presidents.mx.forbearance",
                      r.stderr)

    def test_open_sweep_exposes_the_per_point_path_counts_of_collect(self):
        import shutil

        import h5py

        df = self.df
        table = df.attrs["paths_by_point"]
        self.assertEqual(list(table.columns),
                         ["point", "path", "runs", "count", "share", "lo", "hi"])
        names = [p["name"] for p in df.attrs["paths"]]
        self.assertEqual(len(table), 16 * len(names))
        self.assertEqual(list(table["point"].unique()), list(range(16)))
        self.assertEqual(list(table.loc[table.point == 5, "path"]), names)
        # against the task rows: each point's runs and the runs of each path at it
        rows = df[df.status == "complete"]
        expected = rows.groupby(["point", "path"]).size()
        for _, r in table.iterrows():
            at = rows[rows.point == r.point]
            self.assertEqual(r.runs, len(at))
            self.assertEqual(r["count"], int(expected.get((r.point, r.path), 0)), (r.point, r.path))
            self.assertAlmostEqual(r.share, r["count"] / r.runs, places=15)
            self.assertLessEqual(r.lo, r.share)
            self.assertGreaterEqual(r.hi, r.share)
        self.assertGreater(table["count"].sum(), 0)
        self.assertEqual(table["count"].sum(), len(rows))
        # more than one path occurs, so a count in the wrong column would show
        self.assertGreater(int((table.groupby("path")["count"].sum() > 0).sum()), 1)
        # and what paths.probabilities(by="point") computes from the rows
        py = paths.probabilities(df, by="point")
        for col, mine in (("probability", "share"), ("lo", "lo"), ("hi", "hi")):
            np.testing.assert_allclose(table[mine].to_numpy(), py[col].to_numpy(), rtol=0,
                                       atol=1e-12)
        # the function reads the same from the DataFrame or from the file
        pd.testing.assert_frame_equal(vecinos.paths_by_point(df), table)
        pd.testing.assert_frame_equal(vecinos.paths_by_point(self.out / "sweep.h5"), table)
        # an index without the group (an older collect): None, and a clear error
        old = support.temp_dir(self, "old-index")
        shutil.copy(self.out / "sweep.h5", old / "sweep.h5")
        with h5py.File(old / "sweep.h5", "r+") as f:
            del f["paths/by_point"]
        self.assertIsNone(vecinos.open_sweep(old).attrs["paths_by_point"])
        with self.assertRaisesRegex(vecinos.SweepIndexError, "no /paths/by_point"):
            vecinos.paths_by_point(old)

    def test_inspect_reads_the_sweep_index(self):
        r = support.run_vecinos("inspect", self.out)
        self.assertIn("sweep index, format version 1", r.stdout)
        self.assertIn("design      saltelli, 4 samples, 2 replicates, second order no; seeds: "
                      "common random numbers", r.stdout)
        self.assertIn("presidents.mx.forbearance", r.stdout)
        self.assertIn("us.impose_tariff.when", r.stdout)
        self.assertRegex(r.stdout, r"trade_war +\d+ +[\d.]+%")
        self.assertIn("paths by point: 16 points x 3 paths in /paths/by_point", r.stdout)
        r = support.run_vecinos("inspect", self.dir, check=False)
        self.assertEqual(r.returncode, 2)
        self.assertIn("is a directory without sweep.h5", r.stderr)

    def test_vecinos_report_writes_the_html_and_passes_bad_input_on(self):
        html = self.dir / "report.html"
        r = support.run_vecinos("report", self.out, "-o", html, "--bootstrap", "50", check=False)
        self.assertEqual(r.returncode, 0, r.stderr)
        text = html.read_text()
        self.assertIn("Sobol&#x27; indices", text)
        self.assertIn("<td class='txt'>trade_war</td>", text)
        r = support.run_vecinos("report", self.dir / "nowhere", check=False)
        self.assertEqual(r.returncode, 2)
        self.assertIn("vecinos sweep collect", r.stderr)
        r = support.run_vecinos("report", self.out, "--bootstrap", "-3", check=False)
        self.assertEqual(r.returncode, 2)

    def test_xarray_sees_the_time_coordinate_of_a_history(self):
        import xarray as xr

        path = self.df.loc[3, "file"]
        with xr.open_dataset(path, engine="h5netcdf", group="indicators") as ds, \
                vecinos.open_run(path) as run:
            self.assertIn("time", ds.coords)
            self.assertEqual(ds["time"].dtype.kind, "M")
            np.testing.assert_array_equal(ds["time"].values, run.dates.values)
            np.testing.assert_array_equal(ds["trade_us_mx_usd"].values,
                                          run.indicators["trade_us_mx_usd"].to_numpy())
            self.assertEqual(ds["trade_us_mx_usd"].dims, ("time",))
            self.assertEqual(ds["trade_us_mx_usd"].attrs["units"], "USD/year")
            self.assertNotIn("time", run.indicators.columns)
            self.assertEqual(run.meta["schema_version"], vecinos.SCHEMA_VERSION)


if __name__ == "__main__":
    unittest.main()
