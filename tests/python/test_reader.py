"""vecinos.open_run on a complete history: metadata, config, indicators, agents, events,
network, and the errors it explains."""
import shutil
import unittest

import h5py
import numpy as np
import pandas as pd

import support
import vecinos


class ReaderTest(unittest.TestCase):
    def setUp(self):
        self.dir = support.temp_dir(self, "reader")
        self.path = support.history(self.dir, "r.h5", "--threads", "2", *support.SHORT)
        self.run = vecinos.open_run(self.path)
        self.addCleanup(self.run.close)

    def test_meta_and_config(self):
        m = self.run.meta
        self.assertEqual(m["status"], "complete")
        self.assertEqual(m["schema_version"], vecinos.SCHEMA_VERSION)
        self.assertEqual(m["threads"], 2)
        self.assertFalse(self.run.swmr_open)
        cfg = self.run.config
        self.assertEqual(cfg["simulation"]["seed"], m["seed"])
        self.assertEqual(str(cfg["simulation"]["end"]), "2025-06-01")
        self.assertIn("recording", cfg)

    def test_indicators_are_indexed_by_date(self):
        ind = self.run.indicators
        with h5py.File(self.path, "r") as f:
            dates = pd.to_datetime(f["time/date"].asstr()[:])
            names = [n for n in f["indicators"] if n != "time"]
            # /indicators/time is the dates as a dimension scale, not an indicator
            self.assertEqual(f["indicators/time"].attrs["CLASS"], b"DIMENSION_SCALE")
        self.assertTrue(ind.index.equals(pd.DatetimeIndex(dates, name="date")))
        self.assertEqual(list(ind.columns), names)
        self.assertEqual(len(ind), self.run.ticks)
        self.assertGreater(self.run.ticks, 20)
        self.assertEqual(ind.attrs["units"]["relationship_tension"], "0..1")
        self.assertTrue(np.isfinite(ind["relationship_tension"]).all())
        self.assertEqual(self.run.indicator_info.loc["relationship_tension", "hi"], 1.0)

    def test_agent_tables(self):
        self.assertIn("political", self.run.agent_kinds)
        pol = self.run.agents("political")
        self.assertEqual(pol.recorded, "all")
        self.assertEqual(len(pol.index), pol.count)
        self.assertIn("id", pol.static.columns)
        self.assertIsInstance(pol.static["id"].iloc[0], str)
        column = pol.state_columns[0]
        frame = pol.state(column)
        self.assertEqual(frame.shape, (self.run.ticks, pol.count))
        self.assertTrue(frame.index.equals(self.run.dates))
        long = pol.long()
        self.assertEqual(len(long), self.run.ticks * pol.count)
        self.assertTrue(np.array_equal(long[column].to_numpy(), frame.to_numpy().reshape(-1)))
        with self.assertRaisesRegex(KeyError, "political"):
            self.run.agents("no_such_kind")

    def test_events_are_categorical(self):
        ev = self.run.events
        self.assertEqual(list(ev.columns),
                         ["tick", "date", "actor", "action", "target", "magnitude", "goldstein",
                          "forced", "issue"])
        with h5py.File(self.path, "r") as f:
            actors = list(f["events/actor_names"].asstr()[:])
            actions = list(f["events/action_names"].asstr()[:])
            n = len(f["events/tick"])
        self.assertEqual(list(ev["actor"].cat.categories), actors)
        self.assertEqual(list(ev["action"].cat.categories), actions)
        self.assertEqual(len(ev), n)
        # rows appended to a copy decode to the right names and dates
        copy = self.dir / "events.h5"
        shutil.copy(self.path, copy)
        insult, conciliate = actions.index("insult"), actions.index("conciliate")
        support.inject_events(copy, [(3, "2024-11-27", 1, insult, 0, 0.5, -2.0),
                                     (5, "2024-12-11", len(actors) - 1, conciliate, 1, 1.0, 3.4)])
        with vecinos.open_run(copy) as run:
            e = run.events.iloc[n:]
            self.assertEqual(list(e["actor"]), [actors[1], actors[-1]])
            self.assertEqual(list(e["action"]), ["insult", "conciliate"])
            self.assertEqual(list(e["target"]), [actors[0], actors[1]])
            self.assertEqual(e["date"].iloc[1], pd.Timestamp("2024-12-11"))
            self.assertEqual(list(e["goldstein"]), [-2.0, 3.4])

    def test_network(self):
        net = self.run.network
        with h5py.File(self.path, "r") as f:
            n_edges = len(f["network/source"])
            snapshots = f["network/tick"][:]
        self.assertGreater(n_edges, 0)
        self.assertEqual(len(net.edges), n_edges)
        self.assertEqual(net.weights.shape, (len(snapshots), n_edges))
        self.assertTrue(set(net.edges["source_name"]) <= set(net.vertices))
        # snapshot dates agree with /time for the ticks both record
        time = self.run.time.set_index("tick")["date"]
        for tick, date in zip(net.ticks, net.weights.index):
            if tick in time.index:
                self.assertEqual(time[tick], date)

    def test_calendar_comes_from_the_config(self):
        cal = self.run.calendar
        self.assertIn("inauguration", list(cal["name"]))
        self.assertTrue(cal["date"].is_monotonic_increasing)

    def test_schema_mismatch_is_explained(self):
        newer = self.dir / "newer.h5"
        shutil.copy(self.path, newer)
        with h5py.File(newer, "r+") as f:
            f.attrs["schema_version"] = 99
        with self.assertRaisesRegex(vecinos.SchemaError,
                                    f"schema 99.*understands schema {vecinos.SCHEMA_VERSION}"):
            vecinos.open_run(newer)
        foreign = self.dir / "foreign.h5"
        with h5py.File(foreign, "w") as f:
            f["x"] = [1, 2, 3]
        with self.assertRaisesRegex(vecinos.SchemaError, "not a vecinos history"):
            vecinos.open_run(foreign)
        with self.assertRaises(FileNotFoundError):
            vecinos.open_run(self.dir / "missing.h5")


if __name__ == "__main__":
    unittest.main()
