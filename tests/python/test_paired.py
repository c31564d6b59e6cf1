"""Paired differences under common random numbers."""
import unittest
import warnings

import numpy as np
import pandas as pd

from vecinos import paired


def sweep(crn: bool, points=3, reps=40, seed=0):
    """Outcome = 10 * point + a large seed effect + small noise."""
    rng = np.random.default_rng(seed)
    rows = []
    for p in range(points):
        for r in range(reps):
            s = r + 1 if crn else 1000 * p + r + 1
            chance = 5 * np.random.default_rng(s).standard_normal()
            rows.append(dict(point=p, replicate=r, seed=s, status="complete", x=float(p),
                             y=10 * p + chance + 0.1 * rng.standard_normal()))
    df = pd.DataFrame(rows)
    df.attrs.update(parameters=["x"], outcomes=["y"])
    return df


class PairedTest(unittest.TestCase):
    def test_common_random_numbers_make_tight_paired_differences(self):
        d = paired.differences(sweep(crn=True), "y", reference=0)
        self.assertEqual(list(d.index), [1, 2])
        np.testing.assert_allclose(d["mean"], [10, 20], atol=0.1)
        self.assertTrue(d["paired"].all())
        self.assertTrue((d["hi"] - d["lo"] < 0.2).all())
        self.assertTrue((d["variance_ratio"] > 100).all())  # the seed effect cancels

    def test_independent_seeds_warn_and_give_wide_intervals(self):
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            d = paired.differences(sweep(crn=False), "y")
        self.assertTrue(any(issubclass(x.category, paired.UnpairedWarning) for x in w))
        self.assertFalse(d["paired"].any())
        self.assertTrue((d["hi"] - d["lo"] > 2).all())

    def test_two_sweeps_pair_replicate_by_replicate(self):
        a, b = sweep(crn=True, seed=1), sweep(crn=True, seed=2)
        a["y"] += 3.0
        d = paired.between(a, b, "y")
        np.testing.assert_allclose(d["mean"], 3.0, atol=0.1)
        with self.assertRaisesRegex(Exception, "no outcome 'z'"):
            paired.between(a, b, "z")


if __name__ == "__main__":
    unittest.main()
