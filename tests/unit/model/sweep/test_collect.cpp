// Unit tests of collect's summaries (tools/sweep/collect.hpp): event sequences, Wilson intervals.
#include <doctest/doctest.h>

#include <cmath>

#include "tools/sweep/collect.hpp"

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
}
