"""vecinos.open_calibration reads OUTPUT/calibration.h5 of `vecinos calibrate`; the plots draw."""
import math
import shutil
import subprocess
import sys
import unittest
import warnings

import h5py
import numpy as np
import pandas as pd

import support
import vecinos
from vecinos import calibration

PNG = b"\x89PNG\r\n\x1a\n"
PARAMETERS = ["decisions.temperature", "presidents.mx.forbearance"]
PARTICLES, ALPHA = 16, 0.45  # floor(0.45 * 16) = 7 kept particles


def calibration_file(directory):
    path = directory / "cal.yaml"
    path.write_text(
        f"output: {directory / 'out'}\nseed: 11\nparticles: {PARTICLES}\nalpha: {ALPHA}\n"
        "min_acceptance: 0.05\nmax_generations: 2\n"
        "set:\n  migrants.scale: 1000\n  firms.agents: 300\n"
        "episodes:\n"
        f"  spring: {{base: {support.BASELINE}, set: {{simulation.end: 2025-06-01}}}}\n"
        f"  winter: {{base: {support.BASELINE}, set: {{simulation.end: 2025-02-01}}}}\n"
        "parameters:\n"
        "  decisions.temperature: {prior: log_uniform, min: 0.2, max: 2.0}\n"
        "  presidents.mx.forbearance: {prior: uniform, min: 0.3, max: 0.95}\n"
        "targets:\n"
        "  - {episode: spring, indicator: relationship_tension, stat: mean, from: 2025-02-01,"
        " to: 2025-05-31, observed: 0.4, scale: 0.1}\n"
        "  - {episode: spring, indicator: border_encounters, at: 2025-04-30, stat: final,"
        " observed: 60000, scale: 20000}\n"
        "  - {episode: winter, event: impose_tariff, actor: us, stat: count, observed: 0,"
        " scale: 1, weight: 0.5}\n")
    return path


class CalibrationTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = support.class_temp_dir(cls, "calibration")
        r = support.run_vecinos("calibrate", calibration_file(cls.dir), "--jobs", "2")
        cls.log = r.stdout + r.stderr
        cls.file = cls.dir / "out" / "calibration.h5"
        cls.cal = vecinos.open_calibration(cls.file)

    def test_frames_are_the_file(self):
        cal = self.cal
        with h5py.File(self.file, "r") as f:
            self.assertEqual(cal.status, "complete")
            self.assertTrue(cal.complete)
            self.assertEqual(cal.note, "")
            self.assertEqual(cal.attrs["seed"], 11)
            self.assertEqual(cal.attrs["particles"], PARTICLES)
            self.assertEqual(list(cal.parameters["name"]), PARAMETERS)
            self.assertEqual(list(cal.parameters["prior"]),
                             ["log_uniform(0.2, 2)", "uniform(0.3, 0.95)"])
            np.testing.assert_array_equal(cal.parameters["min"], f["parameters/min"][:])
            np.testing.assert_array_equal(cal.parameters["max"], f["parameters/max"][:])
            self.assertEqual(list(cal.targets["episode"]), ["spring", "spring", "winter"])
            self.assertEqual(list(cal.targets["name"]), list(f["targets/name"].asstr()[:]))
            np.testing.assert_array_equal(cal.targets["observed"], [0.4, 60000, 0])
            np.testing.assert_array_equal(cal.targets["weight"], [1, 1, 0.5])
            self.assertEqual(list(cal.episodes["name"]), ["spring", "winter"])
            self.assertEqual(str(cal.episodes["end"][1].date()), "2025-02-01")
            self.assertIn("particles: 16", cal.calibration_text)

            gens = sorted(f["generations"])
            self.assertEqual(len(cal.generations), int(f.attrs["generations"]))
            self.assertEqual(list(cal.generations.index), list(range(len(gens))))
            kept = math.floor(ALPHA * PARTICLES)
            for name in gens:
                g = f["generations"][name]
                number = int(g.attrs["generation"])
                row = cal.generations.loc[number]
                for key in calibration.GENERATION_ATTRS:
                    self.assertEqual(row[key], g.attrs[key], key)
                p = cal.particles(number)
                self.assertEqual(len(p), kept)
                np.testing.assert_array_equal(p[PARAMETERS].to_numpy(), g["particles"][:])
                np.testing.assert_array_equal(p["weight"], g["weights"][:])
                np.testing.assert_array_equal(p["distance"], g["distances"][:])
                np.testing.assert_array_equal(p["origin_index"], g["origin_index"][:])
                self.assertAlmostEqual(p["weight"].sum(), 1.0, places=12)
                self.assertLessEqual(p["distance"].max(), row["tolerance"])

                q = cal.proposals(number)
                pr = g["proposals"]
                self.assertEqual(len(q), PARTICLES if number == 0 else PARTICLES - kept)
                np.testing.assert_array_equal(q[PARAMETERS].to_numpy(), pr["theta"][:])
                np.testing.assert_array_equal(q[cal.target_names].to_numpy(),
                                              pr["statistics"][:])
                np.testing.assert_array_equal(q["distance"], pr["distance"][:])
                np.testing.assert_array_equal(q["seed"], pr["seed"][:])
                np.testing.assert_array_equal(q["ancestor"], pr["ancestor"][:])
                self.assertEqual(int(q["kept"].sum()),
                                 int((g["origin_generation"][:] == number).sum()))
                if number == 0:
                    self.assertTrue((q["ancestor"] == -1).all())
                    self.assertEqual(row["acceptance"], 1.0)

        post = cal.posterior()
        last = cal.particles(int(cal.generations.index[-1]))
        self.assertTrue(post.equals(last))
        self.assertTrue(post.equals(cal.particles(-1)))
        self.assertEqual(len(post), math.floor(ALPHA * PARTICLES))
        # Each kept particle is the proposal it came from: its theta, distance, statistics.
        stats = cal.posterior_statistics()
        for k in range(len(post)):
            src = cal.proposals(int(post["origin_generation"][k]))
            row = src.loc[int(post["origin_index"][k])]
            np.testing.assert_array_equal(row[PARAMETERS].to_numpy(dtype=float),
                                          post.loc[k, PARAMETERS].to_numpy(dtype=float))
            self.assertEqual(row["distance"], post.loc[k, "distance"])
            np.testing.assert_array_equal(row[cal.target_names].to_numpy(dtype=float),
                                          stats.loc[k, cal.target_names].to_numpy(dtype=float))

    def test_summary_is_weighted_and_matches_what_calibrate_printed(self):
        s = self.cal.summary()
        self.assertEqual(list(s.index), PARAMETERS)
        with h5py.File(self.file, "r") as f:
            last = f["generations"][sorted(f["generations"])[-1]]
            x, w = last["particles"][:], last["weights"][:]
            prior = f["generations/gen-000/proposals/theta"][:]
        for k, name in enumerate(PARAMETERS):
            mean = np.average(x[:, k], weights=w)
            sd = math.sqrt(np.average((x[:, k] - mean) ** 2, weights=w))
            self.assertAlmostEqual(s.loc[name, "mean"], mean, places=12)
            self.assertAlmostEqual(s.loc[name, "sd"], sd, places=12)
            self.assertAlmostEqual(s.loc[name, "prior_sd"], np.std(prior[:, k]), places=12)
            self.assertAlmostEqual(s.loc[name, "shrinkage"], 1 - sd / np.std(prior[:, k]),
                                   places=12)
            qs = [s.loc[name, c] for c in ("5%", "50%", "95%")]
            self.assertEqual(qs, sorted(qs))
            for q in qs:
                self.assertIn(q, x[:, k])  # no interpolation: a particle's value
        # The table vecinos calibrate printed, to its 4 significant digits.
        for name in PARAMETERS:
            line = next(ln for ln in self.log.splitlines() if ln.strip().startswith(name + " "))
            printed = line.split()[-6:]  # mean, sd, 5%, 50%, 95%, shrinkage
            ours = [f"{s.loc[name, c]:.4g}" for c in ("mean", "sd", "5%", "50%", "95%")]
            self.assertEqual(printed[:5], ours, line)
            self.assertEqual(printed[5], f"{s.loc[name, 'shrinkage']:.2f}", line)

    def test_weighted_quantile_is_the_engines(self):
        x, w = [3.0, 1.0, 2.0, 4.0], [0.1, 0.2, 0.3, 0.4]
        self.assertEqual(calibration.weighted_quantile(x, w, 0.0), 1.0)
        self.assertEqual(calibration.weighted_quantile(x, w, 0.2), 1.0)
        self.assertEqual(calibration.weighted_quantile(x, w, 0.5), 2.0)
        self.assertEqual(calibration.weighted_quantile(x, w, 0.55), 3.0)
        self.assertEqual(calibration.weighted_quantile(x, w, 1.0), 4.0)
        self.assertEqual(calibration.weighted_quantile([1.0, 2.0], [1.0, 0.0], 1.0), 1.0)

    def test_histories_of_proposals(self):
        cal = self.cal
        path = cal.history_path(1, 0, "spring")
        self.assertEqual(path, self.dir / "out" / "gen-001" / "spring" / "task-000000.h5")
        with cal.history(1, 0, "winter") as run:
            self.assertEqual(run.meta["seed"], cal.proposals(1).loc[0, "seed"])
            self.assertAlmostEqual(run.config["decisions"]["temperature"],
                                   cal.proposals(1).loc[0, "decisions.temperature"], places=12)
        with self.assertRaisesRegex(vecinos.CalibrationError, "2 episodes"):
            cal.history_path(0, 0)
        with self.assertRaisesRegex(vecinos.CalibrationError, "no episode 'autumn'"):
            cal.history_path(0, 0, "autumn")
        with self.assertRaisesRegex(vecinos.CalibrationError, "no generation 9"):
            cal.particles(9)
        with self.assertRaisesRegex(vecinos.CalibrationError, "proposals 0..15, not 16"):
            cal.history_path(0, 16, "spring")

    def assert_png(self, path):
        data = path.read_bytes()
        self.assertTrue(data.startswith(PNG), path)
        self.assertGreater(len(data), 5000, path)

    def test_plots_return_figures_and_write_pngs(self):
        import matplotlib.figure
        import matplotlib.pyplot as plt

        d = support.temp_dir(self, "calibration-plots")
        for name, draw in calibration.FIGURES:
            fig = draw(self.cal, path=d / f"{name}.png", dpi=60)
            self.assertIsInstance(fig, matplotlib.figure.Figure)
            plt.close(fig)
            self.assert_png(d / f"{name}.png")
        fig = calibration.plot_pairs(self.file, generation=0)  # a path works too; no file
        self.assertIsInstance(fig, matplotlib.figure.Figure)
        plt.close(fig)

    def test_series_against_the_data_pack(self):
        import matplotlib.pyplot as plt

        d = support.temp_dir(self, "calibration-series")
        csv = d / "series.csv"
        header = "series,period,value,unit,source,url,published,status,note\n"
        csv.write_text(header + "".join(
            f"{s},{p},{v},u,src,https://example.org,2025-07-01,{status},\n"
            for s, p, v, status in (
                ("cbp_swb_encounters", "2025-03", 61000, "checked"),
                ("cbp_swb_encounters", "2025-04", 52000, "unverified"),  # left out
                ("cbp_swb_encounters", "2025-07", 50000, "checked"),  # after the episode
                ("banxico_remittances", "2025-01", 5000, "checked"))))
        fig = calibration.plot_series(self.cal, series_csv=csv, draws=3, path=d / "series.png",
                                      indicators=["border_encounters", "remittances_usd"],
                                      dpi=50)
        self.assert_png(d / "series.png")
        axes = fig.axes
        self.assertEqual(len(axes), 4)  # 2 indicators x 2 episodes
        (dots,) = axes[0].collections[-1:]  # spring, border encounters: one checked month
        np.testing.assert_array_equal(dots.get_offsets()[:, 1], [61000 / 1000])  # thousands
        legend = [t.get_text() for t in fig.legends[0].get_texts()]
        for label in ("posterior runs", "posterior median", "posterior 5-95 % (weighted)",
                      "prior runs, 5-95 %", "data: month"):
            self.assertIn(label, legend)
        plt.close(fig)
        fig = calibration.plot_series(self.file, series_csv=d / "missing.csv", draws=2,
                                      indicators=["border_encounters"])
        self.assertIn("data pack not found", fig._suptitle.get_text())
        self.assertIn("no data pack", [t.get_text() for t in fig.axes[0].texts])
        plt.close(fig)

    def test_data_pack_periods_and_units(self):
        ts = pd.Timestamp
        span = calibration.period_span
        self.assertEqual(span("F2019"), (ts(2018, 10, 1), ts(2019, 9, 30), 12, "fiscal year"))
        self.assertEqual(span("FY2019"), span("F2019"))
        self.assertEqual(span("2019-H1"), (ts(2019, 1, 1), ts(2019, 6, 30), 6, "half year"))
        self.assertEqual(span("2019-H2")[:2], (ts(2019, 7, 1), ts(2019, 12, 31)))
        self.assertEqual(span("2020-02"), (ts(2020, 2, 1), ts(2020, 2, 29), 1, "month"))
        self.assertEqual(span("2019"), (ts(2019, 1, 1), ts(2019, 12, 31), 12, "year"))
        for bad in ("2019-13", "2019Q1", "19-05", ""):
            with self.assertRaises(ValueError):
                span(bad)
        of = calibration.SERIES_OF
        units = calibration.to_indicator_units
        # A month of remittances (USD million) as an annual rate in USD: 3000 x 1e6 x 12.
        self.assertEqual(units(3000, "USD/year", of["remittances_usd"][0], 1), 3.6e10)
        # A fiscal year of encounters as persons per month; half a year of homicides per year.
        self.assertAlmostEqual(units(977509, "persons/month", of["border_encounters"][0], 12),
                               81459.083333333, places=6)
        self.assertEqual(units(17198, "deaths/year", of["mx_homicides"][0], 6), 34396)
        self.assertEqual(units(45, "0..1", of["approval_us_president"][0], 1), 0.45)
        self.assertEqual(units(72151, "deaths/year", of["us_overdose_deaths"][0], 1), 72151)

        rows = [("census_us_exports_to_mx", "2019", 256370, "checked"),
                ("census_us_imports_from_mx", "2019", 358130, "checked"),
                ("census_us_exports_to_mx", "2022-03", 28532, "checked"),  # no imports row
                ("cbp_swb_encounters", "FY2019", 977509, "checked"),  # starts before 2018-12
                ("cbp_swb_encounters", "FY2020", 458088, "checked"),
                ("cbp_swb_encounters", "2019-05", 144116, "unverified"),
                ("approval_sheinbaum_elfinanciero", "2019-09", 67, "checked"),  # before since
                ("approval_sheinbaum_elfinanciero", "2019-10", 70, "checked")]
        table = pd.DataFrame(rows, columns=["series", "period", "value", "status"])
        pts = calibration.data_points
        trade = pts(table, "trade_us_mx_usd", "USD/year", "2018-12-01", "2020-02-29")
        self.assertEqual(list(trade["period"]), ["2019"])
        self.assertEqual(trade["value"][0], 614500e6)
        self.assertEqual(trade["kind"][0], "year")
        enc = pts(table, "border_encounters", "persons/month", "2018-12-01", "2020-12-31")
        self.assertEqual(list(enc["period"]), ["FY2020"])
        self.assertEqual((enc["start"][0], enc["end"][0]), (ts(2019, 10, 1), ts(2020, 9, 30)))
        self.assertAlmostEqual(enc["value"][0], 458088 / 12)
        self.assertEqual(len(pts(table, "border_encounters", "persons/month", "2019-12-01",
                                 "2020-12-31")), 0)
        # Sheinbaum's reading as president-elect (2024-09) is left out.
        mx = pts(table.assign(period=table["period"].str.replace("2019-", "2024-")),
                 "approval_mx_president", "0..1")
        self.assertEqual(list(mx["period"]), ["2024-10"])
        self.assertAlmostEqual(mx["value"][0], 0.70, places=15)

    def test_command_line_writes_five_figures_and_prints_the_summary(self):
        out = support.temp_dir(self, "calibration-cli")
        r = subprocess.run([sys.executable, "-m", "vecinos.calibration", str(self.file),
                            "--out", str(out), "--dpi", "60"],
                           capture_output=True, text=True, timeout=120)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertNotIn("RuntimeWarning", r.stderr)
        for name in PARAMETERS:
            self.assertIn(name, r.stdout)
        self.assertIn("shrinkage", r.stdout)
        for name in ("marginals", "pairs", "fit", "tolerance", "series"):
            self.assertIn(str(out / f"{name}.png"), r.stdout.split())
            self.assert_png(out / f"{name}.png")

    def test_a_running_calibration_is_read_with_a_note(self):
        d = support.temp_dir(self, "calibration-running")
        copy = d / "calibration.h5"
        shutil.copy(self.file, copy)
        with h5py.File(copy, "r+") as f:
            f.attrs["status"] = "running"
            f.attrs["stop_reason"] = ""
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            cal = vecinos.open_calibration(d)  # the directory works too
        self.assertEqual([type(w.message) for w in caught], [vecinos.RunningCalibrationWarning])
        self.assertEqual(cal.status, "running")
        self.assertFalse(cal.complete)
        self.assertIn("still running", cal.note)
        self.assertIn(str(copy), cal.note)
        self.assertEqual(len(cal.posterior()), math.floor(ALPHA * PARTICLES))

    def test_other_files_give_a_clear_error(self):
        d = support.temp_dir(self, "calibration-bad")
        other = d / "other.h5"
        with h5py.File(other, "w") as f:
            f.attrs["format"] = "something else"
            f["x"] = [1, 2, 3]
        history = self.dir / "out" / "gen-000" / "spring" / "task-000000.h5"  # a run history
        text = d / "text.h5"
        text.write_text("not hdf5\n")
        for path, why in ((other, "format 'something else'"), (history, "no format attribute"),
                          (text, "cannot be opened as HDF5")):
            with self.assertRaises(ValueError) as e:
                vecinos.open_calibration(path)
            self.assertIsInstance(e.exception, vecinos.CalibrationError)
            self.assertIn(str(path), str(e.exception))
            self.assertIn("not a vecinos calibration file", str(e.exception))
            self.assertIn(why, str(e.exception))
        with h5py.File(d / "v2.h5", "w") as f:
            f.attrs["format"] = "vecinos-calibration"
            f.attrs["format_version"] = 2
        with self.assertRaisesRegex(vecinos.CalibrationError, "version 2; this reader knows 1"):
            vecinos.open_calibration(d / "v2.h5")
        with self.assertRaises(FileNotFoundError):
            vecinos.open_calibration(d / "missing.h5")
        r = subprocess.run([sys.executable, "-m", "vecinos.calibration", str(other)],
                           capture_output=True, text=True, timeout=120)
        self.assertEqual(r.returncode, 2)
        self.assertIn("error:", r.stderr)
        self.assertIn("not a vecinos calibration file", r.stderr)


if __name__ == "__main__":
    unittest.main()
