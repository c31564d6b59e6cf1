// Each scenario of configs/scenarios runs on a short horizon and shows its defining difference
// from the baseline (same seed, same horizon).
#include <doctest/doctest.h>

#include <filesystem>

#include "tests/support/ensemble.hpp"
#include "tests/support/run_model.hpp"

using namespace vecinos;
using namespace vecinos::test;

namespace {

const std::string kEnd = "simulation.end=2026-12-31";

History scenario(const std::string& name, std::vector<Override> more = {}) {
  more.push_back({kEnd});
  return run_file("configs/scenarios/" + name + ".yaml", small(std::move(more)));
}

const History& baseline() {
  static const History h = run_file("configs/baseline.yaml", small({{kEnd}}));
  return h;
}

}  // namespace

TEST_CASE("every scenario file is tested here") {
  int n = 0;
  for (const auto& f : std::filesystem::directory_iterator(std::string(VECINOS_SOURCE_DIR) +
                                                           "/configs/scenarios")) {
    const auto stem = f.path().stem().string();
    const bool known = stem == "status_quo" || stem == "tariff_escalation" ||
                       stem == "mass_deportation" || stem == "strikes_authorized" ||
                       stem == "usmca_abrogation" || stem == "grand_bargain" ||
                       stem == "amlo_style_forbearance" || stem == "prc_investment_screening";
    CHECK_MESSAGE(known, stem);
    ++n;
  }
  CHECK(n == 8);
}

TEST_CASE("status_quo: no actor acts") {
  const auto h = scenario("status_quo");
  CHECK(h.events.empty());
  CHECK_FALSE(baseline().events.empty());
  CHECK(h.last(Ind::tariff_us_on_mx) == 0.0);
}

TEST_CASE("tariff_escalation: a 25% tariff and less trade than the baseline") {
  const auto h = scenario("tariff_escalation");
  CHECK(h.at(14, Ind::tariff_us_on_mx) >= 0.25);
  CHECK(h.last(Ind::trade_us_mx_usd) < 0.85 * baseline().last(Ind::trade_us_mx_usd));
}

TEST_CASE(
    "mass_deportation: more Mexicans removed from the interior than the baseline, within the "
    "removal capacity, and capacity grows at a bounded rate") {
  const auto removed = [](const History& h) { return h.last(Ind::interior_removals_mexican_cum); };
  const auto p = paired("configs/scenarios/mass_deportation.yaml", small({{kEnd}}),
                        "configs/baseline.yaml", small({{kEnd}}), removed);
  INFO(p.describe());
  CHECK(p.median() > 0.1 * p.median_without());
  const auto h = scenario("mass_deportation");
  // Removals are limited by capacity (detention, officers, flights): over the two years no more
  // than two years of the capacity reached at the end (capacity only grows in this scenario).
  CHECK(removed(h) <= 2.0 * h.last(Ind::removal_capacity));
  const double start = h.at(0, Ind::removal_capacity);
  const Config cfg = config_of("configs/scenarios/mass_deportation.yaml", small({{kEnd}}));
  const double years =
      static_cast<double>(h.ind.size() - 1) * cfg.simulation.days_per_tick / 365.25;
  CHECK(h.last(Ind::removal_capacity) <= start + cfg.effects.capacity_growth * years + 1.0);
  CHECK(h.last(Ind::remittances_usd) < baseline().last(Ind::remittances_usd));
}

TEST_CASE("strikes_authorized: U.S. strikes in Mexico, which the baseline does not have by then") {
  const auto h = scenario("strikes_authorized");
  CHECK(h.last(Ind::us_strikes_cum) >= 1);
  CHECK(h.last(Ind::us_strikes_cum) > baseline().last(Ind::us_strikes_cum));
}

TEST_CASE("usmca_abrogation: notice at the review, termination six months later") {
  const auto h = scenario("usmca_abrogation", {{"simulation.end=2027-03-01"}});
  CHECK(h.last(Ind::usmca_status) == 4);
  CHECK(h.count(Action::usmca_withdrawal_notice) >= 1);
}

TEST_CASE("grand_bargain: a warmer bond, less tension and more trade than the baseline") {
  const auto h = scenario("grand_bargain");
  CHECK(h.last(Ind::leader_bond) > baseline().last(Ind::leader_bond));
  CHECK(h.mean(60, 113, Ind::relationship_tension) <
        baseline().mean(60, 113, Ind::relationship_tension));
  CHECK(h.last(Ind::trade_us_mx_usd) > baseline().last(Ind::trade_us_mx_usd));
}

TEST_CASE("amlo_style_forbearance: fewer Mexican answers to U.S. hostility over many seeds") {
  int hostile_base = 0, hostile_amlo = 0;
  for (int seed = 1; seed <= 4; ++seed) {
    const std::string s = fmt::format("simulation.seed={}", seed);
    const auto b = run_file("configs/baseline.yaml", small({{kEnd}, {s}}));
    const auto a = scenario("amlo_style_forbearance", {{s}});
    auto mx_hostile = [](const History& h) {
      double g = 0;
      for (const auto& e : h.events)
        if (e.actor == 0 && e.goldstein < 0) g += 1;  // "mx" sorts before "us"
      return g;
    };
    hostile_base += static_cast<int>(mx_hostile(b));
    hostile_amlo += static_cast<int>(mx_hostile(a));
  }
  CHECK(hostile_amlo < hostile_base);
}

TEST_CASE(
    "prc_investment_screening: less PRC investment announced and brought in than the baseline") {
  // PRC capital brought in over the first year (the mean of the annualised flows), paired seeds.
  const auto first_year = [](const History& h) { return h.mean(1, 52, Ind::fdi_cn_mx_usd); };
  const auto fdi = paired("configs/scenarios/prc_investment_screening.yaml", small({{kEnd}}),
                          "configs/baseline.yaml", small({{kEnd}}), first_year);
  INFO(fdi.describe());
  // Net PRC flows are negative in the first year (PRC firms answer the U.S. tariff on China), so
  // the minimum effect is absolute: USD 0.1B a year less.
  CHECK(fdi.median() < -1e8);
  CHECK(fdi.count_sign(-1) >= 12);
  const auto announced = [](const History& h) { return h.mean(1, 105, Ind::prc_announced_usd); };
  const auto a = paired("configs/scenarios/prc_investment_screening.yaml", small({{kEnd}}),
                        "configs/baseline.yaml", small({{kEnd}}), announced);
  INFO(a.describe());
  CHECK(a.median() < -0.5 * a.median_without());
}
