// Calibration (model/ODD.md, "Initialisation and calibration"): the baseline starts at the
// 2023-2024 levels of configs/baseline.yaml, and the status quo stays near them for a year.
#include <doctest/doctest.h>

#include "tests/support/run_model.hpp"

using namespace vecinos;
using namespace vecinos::test;

namespace {

struct Target {
  Ind indicator;
  double value;
  const char* source;
};

// The brief's table (cited in configs/baseline.yaml).
const Target kTargets[] = {
    {Ind::trade_us_mx_usd, 839.9e9, "U.S. Census 2024"},
    {Ind::remittances_usd, 64.7e9, "Banxico 2024"},
    {Ind::us_overdose_deaths, 105007, "CDC/NCHS 2023"},
    {Ind::mx_homicides, 32252, "INEGI 2023"},
    {Ind::guns_smuggled, 200000, "GAO-21-322"},
    {Ind::border_encounters, 94000, "CBP, November 2024"},
};

}  // namespace

TEST_CASE(
    "the baseline's first four ticks are within 15% of the 2023-2024 levels, for several seeds") {
  for (int seed : {1, 2, 3}) {
    const auto h = run_file("configs/baseline.yaml", {{"simulation.end=2024-12-05"},
                                                      {fmt::format("simulation.seed={}", seed)}});
    REQUIRE(h.ind.size() >= 5);
    for (const auto& t : kTargets) {
      const double mean = h.mean(1, 5, t.indicator);
      CHECK_MESSAGE(std::abs(mean / t.value - 1.0) < 0.15,
                    kIndicatorInfo[static_cast<std::size_t>(t.indicator)].name
                        << " seed " << seed << ": " << mean << " vs " << t.value << " (" << t.source
                        << ")");
    }
  }
}

TEST_CASE(
    "the status quo stays within 15% of those levels through its first year, for several seeds") {
  for (int seed : {1, 2}) {
    const auto h =
        run_file("configs/scenarios/status_quo.yaml",
                 {{"simulation.end=2025-11-06"}, {fmt::format("simulation.seed={}", seed)}});
    REQUIRE(h.ind.size() >= 53);
    for (const auto& t : kTargets) {
      for (int tick = 1; tick <= 52; ++tick) {
        const double v = h.at(tick, t.indicator);
        CHECK_MESSAGE(std::abs(v / t.value - 1.0) < 0.15,
                      kIndicatorInfo[static_cast<std::size_t>(t.indicator)].name
                          << " seed " << seed << " tick " << tick << ": " << v);
      }
    }
  }
}
