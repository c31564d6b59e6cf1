"""Sobol' indices and Morris measures against analytic values; replicate noise."""
import unittest

import numpy as np
import pandas as pd

from vecinos import AnalysisError, sensitivity as s

# Ishigami and Homma (1990), a = 7, b = 0.1: the analytic indices (Sobol' and Levitan 1999).
S1 = np.array([0.3139, 0.4424, 0.0])
ST = np.array([0.5576, 0.4424, 0.2437])
S13 = 0.2437


def ishigami(u, a=7.0, b=0.1):
    x = -np.pi + 2 * np.pi * u
    return np.sin(x[:, 0]) + a * np.sin(x[:, 1]) ** 2 + b * x[:, 2] ** 4 * np.sin(x[:, 0])


class SobolTest(unittest.TestCase):
    def test_ishigami_indices_and_intervals_match_the_analytic_values(self):
        u = s.saltelli_sample(4096, 3, second_order=True, seed=11)
        s.check_saltelli_layout(u, 3, second_order=True)
        r = s.sobol_indices(ishigami(u) + 50.0, 3, second_order=True, bootstrap=300, seed=1)
        t = r.table
        np.testing.assert_allclose(t["S1"], S1, atol=0.03)
        np.testing.assert_allclose(t["ST"], ST, atol=0.03)
        self.assertAlmostEqual(r.second.loc[("x1", "x3"), "S2"], S13, delta=0.05)
        self.assertAlmostEqual(r.second.loc[("x1", "x2"), "S2"], 0.0, delta=0.05)
        for col, truth in (("S1", S1), ("ST", ST)):  # the intervals hold the truth
            self.assertTrue(((t[f"{col}_lo"] <= truth + 1e-3) & (truth - 1e-3 <= t[f"{col}_hi"]))
                            .all(), t)
        self.assertEqual(r.rows, 4096)

    def test_a_linear_model_has_equal_first_and_total_indices(self):
        a = np.array([4.0, 2.0, 1.0, 0.0])
        u = s.saltelli_sample(1024, 4, seed=3)
        y = u @ a + 7.0
        r = s.sobol_indices(y, 4, bootstrap=100)
        expected = a ** 2 / (a ** 2).sum()
        np.testing.assert_allclose(r.table["S1"], expected, atol=0.02)
        np.testing.assert_allclose(r.table["ST"], expected, atol=0.02)
        self.assertLess(r.table.loc["x4", "ST_hi"], 1e-9)

    def test_rows_with_a_missing_outcome_are_dropped_and_bad_layouts_refused(self):
        u = s.saltelli_sample(64, 2, seed=1)
        y = u[:, 0] + u[:, 1]
        y[5] = np.nan  # base row 1
        r = s.sobol_indices(y, 2, bootstrap=0)
        self.assertEqual((r.rows, r.dropped_rows), (63, 1))
        with self.assertRaises(AnalysisError):
            s.sobol_indices(y[:-1], 2)
        s.check_saltelli_layout(u, 2)
        for row, name in ((1, "AB\\^1"), (2, "AB\\^2")):
            moved = u.copy()
            moved[4 + row, 1] += 0.01  # base row 1: AB^i is no longer A with column i from B
            with self.assertRaisesRegex(AnalysisError, name):
                s.check_saltelli_layout(moved, 2)


class MorrisTest(unittest.TestCase):
    def test_elementary_effects_of_known_functions(self):
        u = s.morris_sample(40, 3, levels=4, seed=5)
        # Every step moves one coordinate by delta = 4 / 6 on the grid {0, 1/3, 2/3, 1}.
        steps = np.abs(np.diff(u.reshape(40, 4, 3), axis=1))
        self.assertTrue(np.allclose(steps.sum(axis=2), 2 / 3))
        self.assertTrue(np.isin(np.round(u * 3, 9), [0, 1, 2, 3]).all())
        r = s.morris_indices(u, 2 * u[:, 0] - 3 * u[:, 1], 3, bootstrap=100).table
        np.testing.assert_allclose(r["mu"], [2, -3, 0], atol=1e-12)
        np.testing.assert_allclose(r["mu_star"], [2, 3, 0], atol=1e-12)
        np.testing.assert_allclose(r["sigma"], 0, atol=1e-12)
        r = s.morris_indices(u, u[:, 0] ** 2 + u[:, 0] * u[:, 2], 3).table
        self.assertGreater(r.loc["x1", "sigma"], 0.1)  # non-linear
        self.assertGreater(r.loc["x3", "sigma"], 0.1)  # interacts
        self.assertEqual(r.loc["x2", "mu_star"], 0.0)

    def test_points_that_are_not_trajectories_are_refused(self):
        u = s.morris_sample(4, 2, seed=1)
        u[1] = u[0] + 0.1
        with self.assertRaisesRegex(AnalysisError, "exactly one"):
            s.morris_indices(u, u.sum(axis=1), 2)
        with self.assertRaisesRegex(AnalysisError, "even"):
            s.morris_sample(4, 2, levels=5)


def replicated(points, reps, noise_sd, seed=0):
    rng = np.random.default_rng(seed)
    signal = rng.standard_normal(points)
    rows = [dict(point=p, replicate=r, status="complete",
                 y=signal[p] + noise_sd * rng.standard_normal()) for p in range(points)
            for r in range(reps)]
    return pd.DataFrame(rows)


class NoiseTest(unittest.TestCase):
    def test_the_noise_share_is_the_within_point_variance(self):
        n = s.replicate_noise(replicated(400, 4, 0.5), "y")
        # within 0.25, total 1.25: 20 % of single runs, 0.0625 / 1.0625 of the point means
        self.assertAlmostEqual(n["runs"], 0.2, delta=0.03)
        self.assertAlmostEqual(n["means"], 0.0625 / 1.0625, delta=0.012)
        self.assertIn("replicates per point would bring it to 5 %", n["hint"])
        self.assertIsNone(s.replicate_noise(replicated(400, 4, 0.1), "y")["hint"])

    def test_one_replicate_gives_a_hint_and_no_share(self):
        n = s.replicate_noise(replicated(50, 1, 0.5), "y")
        self.assertTrue(np.isnan(n["means"]))
        self.assertIn("2 or more replicates", n["hint"])


if __name__ == "__main__":
    unittest.main()
