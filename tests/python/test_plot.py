"""python3 -m vecinos.plot writes the indicator, event and network figures."""
import subprocess
import sys
import unittest

import support
import vecinos
from vecinos import plot

PNG = b"\x89PNG\r\n\x1a\n"


class PlotTest(unittest.TestCase):
    def assert_png(self, path):
        data = path.read_bytes()
        self.assertTrue(data.startswith(PNG), path)
        self.assertGreater(len(data), 5000, path)

    def test_the_plot_command_writes_three_figures(self):
        d = support.temp_dir(self, "plot")
        history = support.history(d, "p.h5", *support.SHORT)
        support.inject_events(history, [(3, "2024-11-27", 0, 17, 1, 1.0, -2.0),
                                        (9, "2025-01-08", 1, 18, 0, 1.0, 3.4)])
        out = d / "figures"
        r = subprocess.run([sys.executable, "-m", "vecinos.plot", str(history), "-o", str(out),
                            "--dpi", "100"], capture_output=True, text=True, timeout=120)
        self.assertEqual(r.returncode, 0, r.stderr)
        names = ("indicators.png", "events.png", "network.png")
        self.assertEqual(r.stdout.split(), [str(out / n) for n in names])
        for n in names:
            self.assert_png(out / n)

    def test_a_history_without_events_or_network_still_plots(self):
        d = support.temp_dir(self, "plot-empty")
        history = support.history(d, "q.h5", "--set", "recording.events=false",
                                  "--set", "recording.network=false", *support.SHORT)
        with vecinos.open_run(history) as run:
            self.assertIsNone(run.events)
            self.assert_png(plot.plot_events(run, d / "events.png"))
            self.assert_png(plot.plot_network(run, d / "network.png"))


if __name__ == "__main__":
    unittest.main()
