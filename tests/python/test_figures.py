"""Figures a researcher would publish: units, titles, categorical states, formats, run plots."""
import unittest

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

import support
import vecinos
from vecinos import figures, plot, sweep_plot, synthetic


class UnitsTest(unittest.TestCase):
    def test_scales_and_labels(self):
        self.assertEqual(figures.scale_for("USD/year", [6.4e11]),
                         figures.Scale(1e-9, "USD billion per year"))
        self.assertEqual(figures.scale_for("USD/year", [1.3e12]).label, "USD billion per year")
        self.assertEqual(figures.scale_for("USD/year", [3.1e12]).label, "USD trillion per year")
        self.assertEqual(figures.scale_for("persons", [4.8e6]), figures.Scale(1e-6, "million persons"))
        self.assertEqual(figures.scale_for("persons/month", [2.4e5]).label,
                         "thousand persons per month")
        self.assertEqual(figures.scale_for("count", [3]).label, "count")
        self.assertEqual(figures.scale_for("fraction", [0.25]), figures.Scale(100.0, "%"))
        with self.assertRaisesRegex(ValueError, "allowed: png, pdf, svg"):
            figures.parse_formats("png,tiff")

    def test_states_of_categorical_indicators(self):
        labels = figures.state_labels("code", "0 in force, 1 under review, 2 renegotiating, "
                                              "3 withdrawal notice, 4 terminated")
        self.assertEqual(labels, {0: "in force", 1: "under review", 2: "renegotiating",
                                  3: "withdrawal notice", 4: "terminated"})
        self.assertEqual(figures.state_labels(
            "code", "-1 before the 2028 U.S. election, then 1 if the president's party won, "
                    "else 0"), {-1: "before the 2028 U.S. election", 0: "otherwise",
                                1: "the president's party won"})
        codes = pd.DataFrame([[0, 0, 2, np.nan], [4, 2, 2, 0]], index=["t0", "t1"])
        shares = figures.state_shares(codes, labels)
        self.assertEqual(shares.loc["t0", "in force"], 2 / 3)
        self.assertEqual(shares.loc["t1", "renegotiating"], 0.5)
        np.testing.assert_allclose(shares.sum(axis=1), 1.0)


class SweepFigureTest(unittest.TestCase):
    def setUp(self):
        self.dir = support.temp_dir(self, "figures")
        synthetic.write(self.dir, samples=8, replicates=2, ticks=30)
        self.df = vecinos.open_sweep(self.dir)

    def test_fan_chart_units_title_and_pooling_caption(self):
        ax = sweep_plot.fan_chart(self.df, "trade_us_mx_usd")
        plt.gcf().canvas.draw()
        self.assertEqual(ax.get_ylabel(), "USD billion per year")
        self.assertTrue(ax.get_title().startswith("U.S.-Mexico goods trade"))
        self.assertEqual(ax.yaxis.get_offset_text().get_text(), "")
        for t in ax.get_yticklabels():
            self.assertNotIn("e", t.get_text())
        caption = " ".join(t.get_text() for t in ax.texts).replace("\n", " ")
        self.assertIn("pooled over 7 varying parameters", caption)
        ax = sweep_plot.fan_chart(self.df, "relationship_tension",
                                  by="presidents.us.tariff_propensity", bins=2)
        self.assertEqual(len(ax.get_lines()), 2)
        caption = " ".join(t.get_text() for t in ax.texts).replace("\n", " ")
        self.assertIn("pooled over 6 varying parameters", caption)
        plt.close("all")

    def test_categorical_indicators_are_shares_of_runs_in_each_state(self):
        ax = sweep_plot.fan_chart(self.df, "usmca_status")  # redirected to state_chart
        self.assertEqual(ax.get_ylabel(), "share of runs (%)")
        legend = [t.get_text() for t in ax.get_legend().get_texts()]
        self.assertEqual(legend, ["in force", "renegotiating", "terminated"])
        self.assertEqual(len(ax.collections), 3)  # one stacked band per state
        plt.close("all")

    def test_the_sweep_plot_command_writes_fans_and_one_pairs_overview(self):
        import subprocess
        import sys

        out = self.dir / "figs"
        r = subprocess.run([sys.executable, "-m", "vecinos.sweep_plot", str(self.dir), "-o",
                            str(out), "--format", "png,svg", "--indicator", "trade_us_mx_usd"],
                           capture_output=True, text=True, timeout=120)
        self.assertEqual(r.returncode, 0, r.stderr)
        names = sorted(p.split("/")[-1] for p in r.stdout.split())
        self.assertEqual(names, ["fan-trade_us_mx_usd.png", "fan-trade_us_mx_usd.svg",
                                 "pairs.png", "pairs.svg"])
        self.assertIn(b"<svg", (out / "pairs.svg").read_bytes()[:400])
        from PIL import Image

        with Image.open(out / "fan-trade_us_mx_usd.png") as im:  # 300 dpi
            self.assertGreater(im.size[0], 1800)
            self.assertAlmostEqual(im.info["dpi"][0], 300, delta=1)
        r = subprocess.run([sys.executable, "-m", "vecinos.sweep_plot", str(self.dir),
                            "--indicator", "trade"], capture_output=True, text=True, timeout=60)
        self.assertEqual(r.returncode, 2)
        self.assertIn("--indicator trade: not an indicator of the runs", r.stderr)


class RunFigureTest(unittest.TestCase):
    def test_events_name_their_action_and_formats_are_written(self):
        d = support.temp_dir(self, "runfig")
        history = support.history(d, "r.h5", *support.SHORT)
        with vecinos.open_run(history) as run:
            fig, ax = plt.subplots()
            plot.draw_events(run, ax)
            labels = [t.get_text() for t in ax.get_yticklabels()]
            pairs = {f"{a}: {b.replace('_', ' ')}" for a, b in
                     zip(run.events["actor"].astype(str), run.events["action"].astype(str))}
            self.assertEqual(set(labels), pairs)
            plt.close(fig)
            files = plot.plot_all(history, d / "out", indicators=["usmca_status",
                                                                  "trade_us_mx_usd"],
                                  formats=("pdf", "svg"))
        self.assertEqual(sorted(p.name for p in files),
                         ["events.pdf", "events.svg", "indicators.pdf", "indicators.svg",
                          "network.pdf", "network.svg"])
        self.assertTrue((d / "out" / "indicators.pdf").read_bytes().startswith(b"%PDF"))
        svg = (d / "out" / "indicators.svg").read_text()
        self.assertIn(">terminated<", svg)  # the state labels of usmca_status
        self.assertIn(">withdrawal<", svg)
        self.assertNotIn("<dc:date>", svg)  # no date: the same run gives the same file
        self.assertIn("USD billion per year", svg)


if __name__ == "__main__":
    unittest.main()
