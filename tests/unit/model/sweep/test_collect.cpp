// Unit tests of collect's summaries (tools/sweep/collect.hpp, path_groups.hpp): event
// sequences, Wilson intervals, the equal-count bins of `collect --by`.
#include <doctest/doctest.h>

#include <cmath>

#include "tools/sweep/collect.hpp"
#include "tools/sweep/path_groups.hpp"

using namespace vecinos::sweep;

TEST_SUITE("sweep collect") {
  TEST_CASE("event sequences: first distinct actor-action pairs, in order") {
    const std::vector<std::string> actor = {"us", "us", "mx", "us", "mx"};
    const std::vector<std::string> action = {"threaten_tariff", "threaten_tariff", "conciliate",
                                             "impose_tariff", "retaliatory_tariff"};
    CHECK(event_sequence(actor, action, 3) ==
          "us threaten_tariff > mx conciliate > us impose_tariff");
    CHECK(event_sequence(actor, action, 10).size() > 60);
    CHECK(event_sequence({}, {}, 3).empty());
  }

  TEST_CASE("Wilson intervals match published values") {
    // Newcombe (1998), table I.
    auto [lo, hi] = wilson_interval(81, 263);
    CHECK(lo == doctest::Approx(0.2553).epsilon(1e-3));
    CHECK(hi == doctest::Approx(0.3662).epsilon(1e-3));
    std::tie(lo, hi) = wilson_interval(0, 10);
    CHECK(lo == 0.0);
    CHECK(hi == doctest::Approx(0.2775).epsilon(1e-3));
    std::tie(lo, hi) = wilson_interval(0, 0);
    CHECK(std::isnan(lo));
  }

  TEST_CASE("equal-count bin edges are numpy's quantiles, repeated edges dropped (pandas.qcut)") {
    // The expected edges are numpy.quantile(values, numpy.linspace(0, 1, bins + 1)), printed by
    // numpy 1.24 (repr): compared exactly, since a run on an edge changes bins.
    CHECK(equal_count_edges({10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, 4) ==
          std::vector<double>{1.0, 3.25, 5.5, 7.75, 10.0});
    CHECK(equal_count_edges({0, 0, 0, 0, 1, 2}, 3) ==
          std::vector<double>{0.0, 0.33333333333333304, 2.0});
    CHECK(equal_count_edges({0.1, 0.7, 0.3, 0.9, 0.5, 0.2, 0.65}, 3) ==
          std::vector<double>{0.1, 0.3, 0.65, 0.9});
    CHECK(equal_count_edges({}, 3).empty());
  }
}
