"""Concordance: recorded per-agent values agree with the indicators computed from them."""
import unittest

import h5py
import numpy as np

import support
import vecinos
from vecinos.checks import assert_concordance, concordance


def tiny_history(path, values, total, recorded="all"):
    """A minimal history: one indicator and one state column declared to sum to it."""
    with h5py.File(path, "w") as f:
        f.attrs["schema_version"] = vecinos.SCHEMA_VERSION
        f.attrs["status"] = "complete"
        f["config"] = "simulation: {start: 2025-01-01, days_per_tick: 7}\n"
        n = len(total)
        f["time/tick"] = np.arange(n, dtype=np.int32)
        f["time/date"] = np.array([b"2025-01-01"] * n, dtype="S10")
        f["indicators/total"] = np.asarray(total, dtype=float)
        g = f.create_group("agents/things")
        g.attrs["recorded"] = recorded
        g["agent_index"] = np.arange(np.shape(values)[1])
        g["state/part"] = np.asarray(values, dtype=float)
        g["state/part"].attrs["sums_to"] = "total"


class ConcordanceTest(unittest.TestCase):
    def setUp(self):
        self.dir = support.temp_dir(self, "concordance")

    def test_columns_that_declare_sums_to_sum_to_their_indicator(self):
        path = support.history(self.dir, "full.h5", "--set", "recording.full_populations=true",
                               *support.SHORT)
        with vecinos.open_run(path) as run:
            for kind in run.agent_kinds:  # full_populations: every agent of every table
                table = run.agents(kind)
                self.assertEqual((table.recorded, len(table.index)), ("all", table.count), kind)
            checked = assert_concordance(run, rtol=1e-9, atol=1e-6)
            self.assertEqual(checked, len(concordance(run)))

    def test_the_first_tick_agrees_with_the_config(self):
        # Concrete agreements that hold whatever the mechanisms: each political actor starts
        # at its configured position, and each configured edge starts with its weight.
        path = support.history(self.dir, "start.h5", *support.SHORT)
        with vecinos.open_run(path) as run:
            cfg = run.config
            # every config entry with a position (presidents, officials, legislatures ...)
            actors = {key: spec for section in cfg.values() if isinstance(section, dict)
                      for key, spec in section.items()
                      if isinstance(spec, dict) and isinstance(spec.get("position"), dict)}
            pol = run.agents("political")
            ids = list(pol.static["id"])
            self.assertLessEqual(set(ids), set(actors))
            self.assertIn("us", ids)
            compared = 0
            for column in (c for c in pol.state_columns if c.startswith("position_")):
                issue = column[len("position_"):]
                start = pol.state(column).iloc[0]
                for agent, actor_id in zip(pol.index, ids):
                    self.assertAlmostEqual(start[agent], actors[actor_id]["position"][issue],
                                           places=12, msg=f"{actor_id} {issue}")
                    compared += 1
            self.assertGreaterEqual(compared, 6 * len(ids))
            edges, weights = run.network.edges, run.network.weights.iloc[0]
            configured = cfg["network"]["edges"]
            self.assertGreater(len(configured), 0)
            for e in configured:
                match = edges[(edges["source_name"] == e["from"]) & (edges["target_name"] == e["to"])
                              & (edges["type"] == e["type"])]
                self.assertEqual(len(match), 1, e)
                self.assertEqual(weights[match.index[0]], e["weight"], e)

    def test_the_check_passes_agreeing_sums_and_names_disagreeing_ones(self):
        good = self.dir / "good.h5"
        tiny_history(good, [[1, 2], [3, 4]], [3, 7])
        with vecinos.open_run(good) as run:
            self.assertEqual(assert_concordance(run), 1)
        bad = self.dir / "bad.h5"
        tiny_history(bad, [[1, 2], [3, 4]], [3, 7.5])
        with vecinos.open_run(bad) as run:
            with self.assertRaisesRegex(AssertionError, "things/part != total"):
                assert_concordance(run)
        panel = self.dir / "panel.h5"
        tiny_history(panel, [[1, 2], [3, 4]], [100, 100], recorded="panel")
        with vecinos.open_run(panel) as run:
            self.assertEqual(assert_concordance(run), 0)  # a panel cannot be summed
            self.assertFalse(concordance(run)[0]["checked"])


if __name__ == "__main__":
    unittest.main()
