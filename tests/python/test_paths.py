"""Path rules, path probabilities with Wilson and bootstrap intervals, event sequences."""
import unittest

import numpy as np
import pandas as pd

from vecinos import paths
from vecinos.paths import Rule, RuleError


def table(**cols):
    df = pd.DataFrame(cols)
    df["status"] = "complete"
    return df


class RuleTest(unittest.TestCase):
    def test_precedence_comparisons_and_nan(self):
        t = table(a=[0.0, 1.0, 2.0, np.nan], b=[5.0, np.nan, 1.0, 1.0])
        self.assertEqual(list(Rule("a > 0.5").evaluate(t)), [False, True, True, False])
        # not > and > or; "a > 0.5" is false for NaN, so its negation is true
        self.assertEqual(list(Rule("not a > 0.5 and b >= 1 or a == 2").evaluate(t)),
                         [True, False, True, True])
        self.assertEqual(list(Rule("not (a > 0.5 and b >= 1)").evaluate(t)),
                         [True, True, False, True])
        # a comparison with NaN is false, also !=; a bare name is true unless 0 or NaN
        self.assertEqual(list(Rule("b != 1").evaluate(t)), [True, False, False, False])
        self.assertEqual(list(Rule("a").evaluate(t)), [False, True, True, False])
        self.assertEqual(list(Rule("a >= -1e0").evaluate(t)), [True, True, True, False])

    def test_dotted_and_quoted_names(self):
        t = pd.DataFrame({"trade_us_mx_usd.final": [5e11, 7e11], "usmca_status>=4.ever": [1, 0]})
        r = Rule("trade_us_mx_usd.final < 6e11 or `usmca_status>=4.ever`")
        self.assertEqual(r.names, ["trade_us_mx_usd.final", "usmca_status>=4.ever"])
        self.assertEqual(list(r.evaluate(t)), [True, False])

    def test_errors_say_where_and_what(self):
        with self.assertRaisesRegex(RuleError, "character 5"):
            Rule("a > $ 3")
        with self.assertRaisesRegex(RuleError, "missing '\\)'"):
            Rule("(a > 1")
        with self.assertRaisesRegex(RuleError, "ends early"):
            Rule("a >")
        with self.assertRaisesRegex(RuleError, "no outcome 'c'; outcomes: a"):
            Rule("c > 1").evaluate(pd.DataFrame({"a": [1.0]}))


class ClassifyTest(unittest.TestCase):
    def test_first_matching_path_wins_and_incomplete_runs_are_left_out(self):
        t = table(x=[3.0, 2.0, 1.0, 0.0, 5.0])
        t.loc[4, "status"] = "failed"
        labels = paths.classify(t, [{"name": "high", "when": "x >= 2"},
                                    {"name": "mid", "when": "x >= 1"}])
        self.assertEqual(list(labels), ["high", "high", "mid", "unclassified", ""])
        labels = paths.classify(t, [{"name": "high", "when": "x >= 2"}, {"name": "rest"}])
        self.assertEqual(list(labels), ["high", "high", "rest", "rest", ""])
        with self.assertRaisesRegex(Exception, "only the last path"):
            paths.classify(t, [{"name": "rest"}, {"name": "high", "when": "x > 2"}])


class ProbabilityTest(unittest.TestCase):
    def test_wilson_interval_matches_published_values(self):
        # Newcombe (1998), table I: 81/263 -> 0.2553, 0.3662; 0/10 -> 0, 0.2775
        lo, hi = paths.wilson(81, 263)
        self.assertAlmostEqual(float(lo), 0.2553, places=4)
        self.assertAlmostEqual(float(hi), 0.3662, places=4)
        lo, hi = paths.wilson(0, 10)
        self.assertEqual(float(lo), 0.0)
        self.assertAlmostEqual(float(hi), 0.2775, places=4)

    def frame(self):
        rng = np.random.default_rng(4)
        n_points, reps = 200, 5
        x = rng.random(n_points)
        rows = []
        for p in range(n_points):
            for r in range(reps):
                rows.append(dict(point=p, replicate=r, status="complete", x=x[p],
                                 path="bad" if rng.random() < x[p] else "good"))
        df = pd.DataFrame(rows)
        df.attrs.update(parameters=["x"], paths=[{"name": "bad", "when": "x > 0"},
                                                 {"name": "good"}])
        return df

    def test_overall_and_binned_probabilities(self):
        df = self.frame()
        p = paths.probabilities(df)
        self.assertEqual(list(p.index), ["bad", "good"])
        self.assertAlmostEqual(p["probability"].sum(), 1.0)
        self.assertAlmostEqual(p.loc["bad", "probability"], df.x.mean(), delta=0.04)
        self.assertTrue((p["lo"] < p["probability"]).all() and (p["probability"] < p["hi"]).all())
        by = paths.probabilities(df, by="x", bins=4)
        bad = by.xs("bad", level="path")["probability"].to_numpy()
        self.assertEqual(len(bad), 4)
        self.assertTrue((np.diff(bad) > 0).all(), bad)  # P(bad) rises with x
        per_point = paths.probabilities(df, by="point")
        self.assertEqual(per_point["runs"].max(), 5)

    def test_the_point_bootstrap_is_wider_than_wilson_when_replicates_agree(self):
        df = self.frame()
        # make replicates of a point identical: runs are then not independent
        df["path"] = df.groupby("point")["path"].transform("first")
        w = paths.probabilities(df)
        b = paths.probabilities(df, method="bootstrap", bootstrap=500, seed=1)
        self.assertGreater((b["hi"] - b["lo"]).loc["bad"], 1.5 * (w["hi"] - w["lo"]).loc["bad"])
        with self.assertRaisesRegex(Exception, "allowed: wilson, bootstrap"):
            paths.probabilities(df, method="exact")


class SequenceTest(unittest.TestCase):
    def test_first_distinct_actions_and_their_frequencies(self):
        ev = pd.DataFrame({"actor": ["us", "us", "mx", "us", "mx"],
                           "action": ["threaten_tariff", "threaten_tariff", "conciliate",
                                      "impose_tariff", "retaliatory_tariff"]})
        self.assertEqual(paths.sequence_of(ev, 3),
                         "us threaten_tariff > mx conciliate > us impose_tariff")
        self.assertEqual(paths.sequence_of(ev, 2, actions={"impose_tariff",
                                                            "retaliatory_tariff"}),
                         "us impose_tariff > mx retaliatory_tariff")
        df = pd.DataFrame({"status": ["complete"] * 4 + ["failed"],
                           "sequence": ["a > b > c", "a > b > d", "a > c", "", "a"]})
        s = paths.sequences(df, length=2)
        self.assertEqual(list(s["sequence"]), ["a > b", "a > c", "(no action)"])
        self.assertEqual(list(s["runs"]), [2, 1, 1])
        self.assertAlmostEqual(s["share"].iloc[0], 0.5)


if __name__ == "__main__":
    unittest.main()
