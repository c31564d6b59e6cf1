"""python3 -m vecinos.plot writes the indicator, event and network figures."""
import subprocess
import sys
import unittest

import support

PNG = b"\x89PNG\r\n\x1a\n"


class PlotTest(unittest.TestCase):
    def plot(self, history, out):
        r = subprocess.run([sys.executable, "-m", "vecinos.plot", str(history), "-o", str(out)],
                           capture_output=True, text=True, timeout=120)
        self.assertEqual(r.returncode, 0, r.stderr)
        names = ("indicators.png", "events.png", "network.png")
        self.assertEqual(r.stdout.split(), [str(out / n) for n in names])
        for n in names:
            data = (out / n).read_bytes()
            self.assertTrue(data.startswith(PNG), n)
            self.assertGreater(len(data), 5000, n)

    def test_plots_of_a_history_with_events(self):
        d = support.temp_dir(self, "plot")
        history = support.history(d, "p.h5", *support.SHORT)
        support.inject_events(history, [(3, "2024-11-27", 0, 17, 1, 1.0, -2.0),
                                        (9, "2025-01-08", 1, 18, 0, 1.0, 3.4)])
        self.plot(history, d / "figures")

    def test_plots_of_a_history_without_events(self):
        d = support.temp_dir(self, "plot-empty")
        history = support.history(d, "q.h5", "--set", "recording.events=false", *support.SHORT)
        self.plot(history, d / "figures")


if __name__ == "__main__":
    unittest.main()
