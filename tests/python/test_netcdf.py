"""The dimension scales of a history (output/SCHEMA.md, schema 3): xarray with h5netcdf opens
/indicators, every /agents/<kind>/state and /aggregates and /network as netCDF groups with
datetime64 time coordinates (the network's are its own snapshots), and the values it reads
are those of vecinos.open_run, which (like vecinos inspect) skips the scales."""
import re
import unittest

import h5py
import numpy as np

import support
import vecinos


class NetcdfGroupsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = support.class_temp_dir(cls, "netcdf")
        # State every 2nd tick, network every 3rd: the network's time is not the state's.
        cls.path = support.history(cls.dir, "r.h5", *support.SHORT, "--set", "recording.every=2",
                                   "--set", "recording.network_every=3",
                                   "--set", "recording.panel_size=40")

    def setUp(self):
        import xarray  # noqa: F401  (Debian: python3-xarray, python3-h5netcdf)

        self.run = vecinos.open_run(self.path)
        self.addCleanup(self.run.close)

    def open(self, group):
        import xarray as xr

        return xr.open_dataset(self.path, engine="h5netcdf", group=group)

    def assert_time(self, ds, expected):
        self.assertIn("time", ds.coords)
        self.assertEqual(ds["time"].dtype.kind, "M", "time is not a datetime64 coordinate")
        np.testing.assert_array_equal(ds["time"].values, expected.values)

    def test_agent_state_groups_have_time_and_agent_coordinates(self):
        self.assertGreater(len(self.run.agent_kinds), 2)
        for kind in self.run.agent_kinds:
            with self.subTest(kind=kind):
                agents = self.run.agents(kind)
                with self.open(f"agents/{kind}/state") as ds:
                    self.assert_time(ds, self.run.dates)
                    np.testing.assert_array_equal(ds["agent"].values, agents.index)
                    self.assertEqual(sorted(ds.data_vars), sorted(agents.state_columns))
                    self.assertNotIn("time", agents.state_columns)
                    self.assertNotIn("agent", agents.state_columns)
                    for column in agents.state_columns:
                        self.assertEqual(ds[column].dims, ("time", "agent"))
                        np.testing.assert_array_equal(ds[column].values,
                                                      agents.state(column).to_numpy())

    def test_aggregates_groups_have_a_time_coordinate(self):
        checked = 0
        for kind in self.run.agent_kinds:
            with self.subTest(kind=kind):
                agg = self.run.agents(kind).aggregates
                self.assertNotIn("time", agg.columns)
                with self.open(f"agents/{kind}/aggregates") as ds:
                    self.assert_time(ds, self.run.dates)
                    self.assertEqual(sorted(ds.data_vars), sorted(agg.columns))
                    for name in agg.columns:
                        self.assertEqual(ds[name].dims, ("time",))
                        np.testing.assert_array_equal(ds[name].values, agg[name].to_numpy())
                        checked += 1
        self.assertGreater(checked, 0, "no table has aggregates")

    def test_network_has_its_own_snapshot_time_and_an_edge_dimension(self):
        net = self.run.network
        weights = net.weights
        snapshot_dates = self.run.date_of(net.ticks)
        self.assertNotEqual(len(snapshot_dates), len(self.run.dates))
        with self.open("network") as ds:
            self.assert_time(ds, snapshot_dates)
            self.assertEqual(ds["weight"].dims, ("time", "edge"))
            np.testing.assert_array_equal(ds["weight"].values, weights.to_numpy())
            np.testing.assert_array_equal(ds["edge"].values, weights.columns.to_numpy())
            self.assertEqual(ds["source"].dims, ("edge",))
            np.testing.assert_array_equal(ds["source"].values, net.edges["source"].to_numpy())
            np.testing.assert_array_equal(ds["tick"].values, net.ticks)
            self.assertEqual(ds["vertex_names"].dims, ("vertex",))
            self.assertEqual(len(ds["vertex"]), len(net.vertices))
            self.assertEqual(ds["type_names"].dims, ("edge_type",))

    def test_indicators_keep_their_time_coordinate(self):
        with self.open("indicators") as ds:
            self.assert_time(ds, self.run.dates)
            self.assertEqual(sorted(ds.data_vars), sorted(self.run.indicators.columns))

    def test_inspect_counts_columns_without_the_scales(self):
        out = support.run_vecinos("inspect", self.path).stdout
        with h5py.File(self.path, "r") as f:
            for kind in self.run.agent_kinds:
                g = f["agents"][kind]
                state = [n for n in g["state"] if "CLASS" not in g["state"][n].attrs]
                aggregates = [n for n in g["aggregates"]
                              if "CLASS" not in g["aggregates"][n].attrs]
                m = re.search(rf"agents +{kind}: .* (\d+) state columns, (\d+) aggregates", out)
                self.assertIsNotNone(m, out)
                self.assertEqual(int(m.group(1)), len(state))
                self.assertEqual(int(m.group(2)), len(aggregates))
                self.assertEqual(len(g["state"]), len(state) + 2)  # + time, agent
        self.assertIn(f"schema      {vecinos.SCHEMA_VERSION} ", out)


if __name__ == "__main__":
    unittest.main()
