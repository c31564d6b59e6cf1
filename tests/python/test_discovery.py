"""PRIM finds a known box; CART and feature scores find the parameters that matter."""
import unittest

import numpy as np
import pandas as pd

from vecinos import AnalysisError, discovery


def boxed(n=3000, noise=0.03, seed=2):
    """Cases of interest inside 0.6 <= a, b <= 0.3 (12 % of the cube), 3 % labels flipped."""
    rng = np.random.default_rng(seed)
    X = pd.DataFrame(rng.random((n, 5)), columns=["a", "b", "c", "d", "e"])
    inside = ((X.a >= 0.6) & (X.b <= 0.3)).to_numpy()
    flip = rng.random(n) < noise
    return X, inside ^ flip, inside


class PrimTest(unittest.TestCase):
    def test_the_known_box_is_found_with_small_quasi_p_values(self):
        X, y, inside = boxed()
        res = discovery.prim(X, y)
        box = res.box
        self.assertEqual(sorted(box.restricted), ["a", "b"])
        self.assertAlmostEqual(box.table.loc["a", "lo"], 0.6, delta=0.03)
        self.assertAlmostEqual(box.table.loc["b", "hi"], 0.3, delta=0.03)
        self.assertGreater(box.density, 0.9)
        # nearly every case inside the true box is in the found one
        self.assertGreater(y[box.contains(X) & inside].sum() / y[inside].sum(), 0.93)
        self.assertTrue((box.table["quasi_p"] < 1e-6).all(), box.table)
        # the trade-off curve: coverage falls and density rises along the peeling
        tr = res.trajectory
        self.assertEqual(tr["coverage"].iloc[0], 1.0)
        self.assertAlmostEqual(tr["density"].iloc[0], y.mean())
        self.assertTrue((np.diff(tr["coverage"]) <= 1e-12).all())
        self.assertGreater(tr["density"].iloc[-1], 0.9)
        self.assertLessEqual(tr["mass"].min(), 0.12)

    def test_a_restriction_that_adds_nothing_has_a_large_quasi_p_value(self):
        X, y, _ = boxed(n=4000, noise=0.0, seed=5)
        # only a matters; a box chosen at high density may also clip a noise parameter
        y = (X.a >= 0.7).to_numpy()
        res = discovery.prim(X, y, min_density=0.99)
        self.assertIn("a", res.box.restricted)
        self.assertLess(res.box.table.loc["a", "quasi_p"], 1e-10)
        for p in set(res.box.restricted) - {"a"}:
            self.assertGreater(res.box.table.loc[p, "quasi_p"], 1e-3)

    def test_simplify_drops_restrictions_that_add_nothing(self):
        X, y, inside = boxed(noise=0.0, seed=6)
        lo, hi = X.min(), X.max()
        lo["a"], hi["b"], hi["c"] = 0.6, 0.3, 0.7  # c restricted for nothing
        box = discovery._box(list(X.columns), X.to_numpy(), y, lo.to_numpy().copy(),
                             hi.to_numpy().copy(), X.min().to_numpy(), X.max().to_numpy(),
                             int(y.sum()), len(y))
        self.assertEqual(sorted(box.restricted), ["a", "b", "c"])
        self.assertGreater(box.table.loc["c", "quasi_p"], 0.05)
        s = discovery.simplify(X, y, box)
        self.assertEqual(sorted(s.restricted), ["a", "b"])
        self.assertEqual(s.density, 1.0)
        self.assertEqual(s.coverage, 1.0)

    def test_pasting_widens_a_box_peeled_too_far(self):
        rng = np.random.default_rng(8)
        X = pd.DataFrame(rng.random((2000, 3)), columns=["a", "b", "c"])
        y = (X.a >= 0.5).to_numpy()
        lo, hi = X.min(), X.max()
        lo["a"], hi["b"] = 0.7, 0.8  # too far on a; b restricted for nothing
        plo, phi = discovery.paste(X, y, lo, hi, alpha=0.05)
        self.assertAlmostEqual(plo["a"], 0.5, delta=0.035)  # within one paste step
        self.assertGreaterEqual(plo["a"], 0.5)
        self.assertEqual(phi["b"], X.b.max())
        inside = ((X >= plo) & (X <= phi)).all(axis=1).to_numpy()
        self.assertEqual(y[inside].mean(), 1.0)
        self.assertGreater(y[inside].sum() / y.sum(), 0.95)

    def test_bad_input_is_refused(self):
        X, y, _ = boxed(n=100)
        with self.assertRaisesRegex(AnalysisError, "no case of interest"):
            discovery.prim(X, np.zeros(100, bool))
        with self.assertRaisesRegex(AnalysisError, "peel_alpha"):
            discovery.prim(X, y, peel_alpha=0.6)


class TreeTest(unittest.TestCase):
    def test_cart_splits_on_the_box_parameters(self):
        X, y, _ = boxed(noise=0.0)
        t = discovery.cart(X, y, max_depth=2)
        self.assertGreater(t.accuracy, 0.995)
        self.assertIn("a <= 0.6", t.rules.replace("0.600", "0.6"))
        self.assertIn("b <= 0.3", t.rules.replace("0.300", "0.3"))
        true_leaf = t.leaves[t.leaves["predicted"]]
        self.assertEqual(len(true_leaf), 1)

    def test_feature_scores_rank_the_parameters_that_matter(self):
        X, y, _ = boxed()
        for kind in ("extra_trees", "permutation"):
            s = discovery.feature_scores(X, y, kind=kind, trees=60)
            self.assertEqual(sorted(s.index[:2]), ["a", "b"], (kind, s))
        r = discovery.feature_scores(X, 3 * X.c.to_numpy() + X.e.to_numpy(), trees=60)
        self.assertEqual(list(r.index[:2]), ["c", "e"])
        self.assertEqual(r.attrs["task"], "regression")
        self.assertAlmostEqual(r["score"].sum(), 1.0)


if __name__ == "__main__":
    unittest.main()
