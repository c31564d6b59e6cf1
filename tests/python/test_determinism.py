"""Datasets hold only what the simulation computed: 1 and 2 threads give identical datasets,
and re-running the stored config text reproduces them exactly."""
import unittest

import h5py

import support
import vecinos


class DeterminismTest(unittest.TestCase):
    def setUp(self):
        self.dir = support.temp_dir(self, "determinism")

    def test_one_and_two_threads_write_identical_datasets(self):
        # every population in full, so every recorded value is compared
        args = ["--set", "recording.full_populations=true", "--set", "recording.network_every=1",
                *support.SHORT]
        one = support.history(self.dir, "t1.h5", "--threads", "1", *args)
        two = support.history(self.dir, "t2.h5", "--threads", "2", *args)
        a, b = support.datasets(one), support.datasets(two)
        self.assertGreater(len(a), 20)
        support.assert_same_datasets(self, a, b)
        # the thread count is a fact about the execution: an attribute, and it differs
        with h5py.File(one, "r") as f1, h5py.File(two, "r") as f2:
            self.assertEqual((f1.attrs["threads"], f2.attrs["threads"]), (1, 2))

    def test_rerunning_the_stored_config_reproduces_every_dataset(self):
        first = support.history(self.dir, "first.h5", "--seed", "99", "--threads", "2",
                                *support.SHORT)
        with vecinos.open_run(first) as run:
            text = run.config_text
            self.assertEqual(run.config["simulation"]["seed"], 99)
        stored = self.dir / "stored.yaml"
        stored.write_text(text, encoding="utf-8")
        again = support.history(self.dir, "again.h5", "--threads", "1", config=stored)
        support.assert_same_datasets(self, support.datasets(first), support.datasets(again))

    def test_another_seed_changes_the_config_text(self):
        a = support.history(self.dir, "a.h5", "--seed", "1", *support.SHORT)
        b = support.history(self.dir, "b.h5", "--seed", "2", *support.SHORT)
        self.assertNotEqual(support.datasets(a)["config"], support.datasets(b)["config"])


if __name__ == "__main__":
    unittest.main()
