// Invariants of every run: people are conserved, money flows add up, indicators stay in range.
#include <doctest/doctest.h>

#include <cmath>

#include "tests/support/run_model.hpp"

using namespace vecinos;
using namespace vecinos::test;

namespace {

// Checks the invariants at every tick of a run.
class InvariantChecker final : public WorldObserver {
 public:
  void on_start(const World& w) override {
    people_ = static_cast<double>(w.migrants.size()) * w.migrants.scale();
    check(w);
  }
  void on_tick(const World& w) override { check(w); }
  int ticks = 0;

 private:
  void check(const World& w) {
    ++ticks;
    // People are conserved across locations and statuses.
    double stocks = 0;
    for (std::size_t s = 0; s < kMigrantStatusCount; ++s)
      stocks += w.migrants.stock(static_cast<MigrantStatus>(s));
    REQUIRE(stocks == doctest::Approx(people_).epsilon(1e-12));
    // Money: remittances received are what the senders send; trade is exports plus imports;
    // cartel revenue is the cells' revenue.
    double sent = 0;
    for (std::size_t i = 0; i < w.migrants.size(); ++i) sent += w.migrants.remittance(i);
    CHECK(w.indicators[Ind::remittances_usd] ==
          doctest::Approx(sent * w.migrants.scale()).epsilon(1e-9));
    CHECK(w.indicators[Ind::trade_us_mx_usd] ==
          doctest::Approx(w.indicators[Ind::us_imports_from_mx_usd] +
                          w.indicators[Ind::us_exports_to_mx_usd]));
    double exports = 0, capital_ok = 1;
    for (std::size_t i = 0; i < w.firms.size(); ++i) {
      if (w.firms.status(i) == FirmStatus::active) exports += w.firms.exports(i);
      if (w.firms.capital(i) < 0) capital_ok = 0;
    }
    CHECK(w.indicators[Ind::us_imports_from_mx_usd] ==
          doctest::Approx(exports * w.firms.scale()).epsilon(1e-9));
    CHECK(capital_ok == 1);
    double revenue = 0, members = 0;
    for (std::size_t c = 0; c < w.cartels.size(); ++c)
      revenue += w.cartels.revenue(c), members += w.cartels.members(c);
    CHECK(w.indicators[Ind::cartel_revenue_usd] == doctest::Approx(revenue).epsilon(1e-9));
    CHECK(w.indicators[Ind::cartel_members] == doctest::Approx(members).epsilon(1e-9));
    // Every indicator is finite and within its range.
    for (std::size_t i = 0; i < kIndicatorCount; ++i) {
      const double v = w.indicators.values()[i];
      const auto& info = kIndicatorInfo[i];
      CHECK_MESSAGE(std::isfinite(v), info.name << " at tick " << w.tick);
      CHECK_MESSAGE((v >= info.lo && v <= info.hi),
                    info.name << " = " << v << " at tick " << w.tick);
    }
    // Cumulative counts never fall.
    for (Ind i : {Ind::deportations_mexican_cum, Ind::deportations_other_cum, Ind::extraditions_cum,
                  Ind::us_strikes_cum}) {
      const double v = w.indicators[i];
      CHECK(v >= last_[static_cast<std::size_t>(i)]);
      last_[static_cast<std::size_t>(i)] = v;
    }
  }
  double people_ = 0;
  std::array<double, kIndicatorCount> last_{};
};

void check_run(const std::string& file, std::vector<Override> sets) {
  Simulation sim(config_of(file, sets));
  InvariantChecker checker;
  sim.add_observer(checker);
  sim.run({2, nullptr});
  CHECK(checker.ticks == sim.steps() + 1);
}

}  // namespace

TEST_CASE("invariants hold through the baseline, for several seeds") {
  for (int seed : {1, 2, 3})
    check_run("configs/baseline.yaml", small({{fmt::format("simulation.seed={}", seed)}}));
}

TEST_CASE("invariants hold through the most disruptive scenarios") {
  for (const char* s :
       {"configs/scenarios/mass_deportation.yaml", "configs/scenarios/strikes_authorized.yaml",
        "configs/scenarios/usmca_abrogation.yaml", "configs/scenarios/tariff_escalation.yaml"})
    check_run(s, small());
}
