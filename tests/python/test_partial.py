"""Stopped and killed runs: FILE.partial reads with a warning, up to its last flush, and what it
holds equals the start of the complete run."""
import signal
import subprocess
import time
import unittest
import warnings

import numpy as np

import support
import vecinos


def slow_run(path, *args):
    """A run slowed to ~10 ms per tick (over 2 s), flushing every 5 ticks (at most twice a
    second), in the background."""
    return subprocess.Popen([support.exe(), "run", str(support.BASELINE), "-q", "--threads", "2",
                             "-o", str(path), "--test-tick-delay-ms", "10",
                             "--set", "recording.flush_every=5", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def readable_ticks(partial):
    """Ticks a reader sees in a file being written (0 while it cannot be opened yet)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with vecinos.open_run(partial) as run:
                return run.ticks
    except (OSError, KeyError, vecinos.SchemaError):
        return 0


class PartialTest(unittest.TestCase):
    def setUp(self):
        self.dir = support.temp_dir(self, "partial")

    def wait_for(self, proc, partial, ticks):
        deadline = time.monotonic() + 20
        while readable_ticks(partial) < ticks:
            self.assertIsNone(proc.poll(), "the run ended before it could be stopped")
            self.assertLess(time.monotonic(), deadline, "no flushed ticks appeared")
            time.sleep(0.02)

    def assert_prefix_of_complete_run(self, run):
        complete = support.history(self.dir, "complete.h5")
        with vecinos.open_run(complete) as full:
            n = run.ticks
            self.assertLess(n, full.ticks)
            self.assertTrue(run.time.equals(full.time.iloc[:n]))
            self.assertTrue(run.indicators.equals(full.indicators.iloc[:n]))
            pol, full_pol = run.agents("political"), full.agents("political")
            for column in pol.state_columns:
                self.assertTrue(pol.state(column).equals(full_pol.state(column).iloc[:n]), column)
            # network snapshots every 4 ticks (a stopped run adds the tick it stopped at)
            w, full_w = run.network.weights, full.network.weights
            common = [i for i, t in enumerate(run.network.ticks) if t in set(full.network.ticks)]
            self.assertGreaterEqual(len(common), 2)
            self.assertTrue(w.iloc[common].equals(full_w.iloc[: len(common)]))

    def test_a_killed_run_reads_up_to_its_last_flush(self):
        path = self.dir / "k.h5"
        partial = self.dir / "k.h5.partial"
        proc = slow_run(path)
        self.addCleanup(proc.kill)
        self.wait_for(proc, partial, 11)
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=30)
        self.assertEqual(proc.returncode, -signal.SIGKILL)
        self.assertFalse(path.exists())
        with self.assertWarns(vecinos.PartialRunWarning):
            run = vecinos.open_run(partial)
        with run:
            self.assertTrue(run.swmr_open)  # still marked open for writing: SWMR read mode
            self.assertEqual(run.status, "incomplete")
            self.assertEqual(run.meta["end_time"], "")
            self.assertGreaterEqual(run.ticks, 11)
            self.assertTrue(np.isfinite(run.indicators["relationship_tension"]).all())
            self.assert_prefix_of_complete_run(run)

    def test_sigterm_exits_143_and_marks_the_partial_file_incomplete(self):
        path = self.dir / "t.h5"
        proc = slow_run(path)
        self.addCleanup(proc.kill)
        self.wait_for(proc, self.dir / "t.h5.partial", 1)
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
        self.assertEqual(proc.returncode, 143)
        self.assertIn("interrupted by signal 15", err)
        self.assertFalse(path.exists())
        with self.assertWarnsRegex(vecinos.PartialRunWarning, "did not complete"):
            run = vecinos.open_run(path)  # finds t.h5.partial
        with run:
            self.assertEqual(run.path.name, "t.h5.partial")
            self.assertFalse(run.swmr_open)  # closed properly
            self.assertEqual(run.status, "incomplete")
            self.assertNotEqual(run.meta["end_time"], "")
            self.assert_prefix_of_complete_run(run)


if __name__ == "__main__":
    unittest.main()
