// Mechanism effects over ensembles (issue 14): the same 16 seeds with and without a lever
// (common random numbers), asserting the sign of the median paired difference and a minimum
// size. Two-year horizons and scaled populations keep them fast.
#include <doctest/doctest.h>

#include "tests/support/ensemble.hpp"
#include "world/actions.hpp"

using namespace vecinos;
using namespace vecinos::test;

namespace {

constexpr const char* kEnsembleBaseline = "configs/baseline.yaml";

std::vector<Override> horizon(std::vector<Override> more = {}) {
  more.push_back({"simulation.end=2026-12-31"});
  return small(std::move(more));
}

double us_escalations(const History& h) {
  double n = 0;
  for (const auto& e : h.events)
    if (!e.forced && info(e.action).escalation && info(e.action).sides != kMx) n += 1;
  return n;
}

double mean_tension(const History& h) {
  return h.mean(1, static_cast<int>(h.ind.size()), Ind::relationship_tension);
}

}  // namespace

TEST_CASE("M8: magnanimity holds back U.S. escalations when the bond is warm") {
  const auto p = paired(
      kEnsembleBaseline,
      horizon({{"presidents.us.magnanimity=0.9"}, {"relationship.leader_bond=0.8"}}),
      kEnsembleBaseline,
      horizon({{"presidents.us.magnanimity=0"}, {"relationship.leader_bond=0.8"}}), us_escalations);
  INFO(p.describe());
  CHECK(p.median() <= -1.0);
  CHECK(p.count_sign(-1) > p.count_sign(1));
}

TEST_CASE("M8 and tension: a forbearing Mexican president lowers tension over the run") {
  const auto p =
      paired(kEnsembleBaseline, horizon({{"presidents.mx.forbearance=0.85"}}), kEnsembleBaseline,
             horizon({{"presidents.mx.forbearance=0.5"}}), mean_tension);
  INFO(p.describe());
  CHECK(p.median() < -0.005);
  CHECK(p.count_sign(-1) > p.count_sign(1));
}

TEST_CASE("M1: threats and tariffs bring Mexican concessions that answer their demand") {
  // The weight of a threatened or imposed tariff on Mexico's answering concessions, against the
  // same seeds with that weight at zero: Mexican troop deployments, transfers of cartel figures
  // and expansions of security cooperation over the two years.
  const auto concessions = [](const History& h) {
    double n = 0;
    for (const auto& e : h.events)
      if (e.actor == 0 &&  // "mx" sorts before "us"
          (e.action == Action::deploy_border_troops ||
           e.action == Action::transfer_cartel_leaders ||
           e.action == Action::expand_security_cooperation))
        n += 1;
    return n;
  };
  const auto p = paired(kEnsembleBaseline, horizon(), kEnsembleBaseline,
                        horizon({{"decisions.threat_weight=0"}}), concessions);
  INFO(p.describe());
  CHECK(p.median() >= 1.0);
  CHECK(p.count_sign(1) > p.count_sign(-1));
}

// M2-M7, M9, M10: forced acts or parameters at the start, the presidents' own choices off
// ("controlled", as in test_mechanisms.cpp) unless a test says otherwise. Each comment gives what
// was measured over the 16 seeds (median with / without, median paired difference, seeds
// up/down); thresholds are about half the measured effect.
namespace {

std::vector<Override> run_to(const std::string& end, const std::string& events, bool decide,
                             std::vector<Override> more = {}) {
  more.push_back({"simulation.end=" + end});
  more.push_back({"events=" + events});
  if (!decide) more.push_back({"decisions.enabled=false"});
  return small(std::move(more));
}

struct Lever {
  std::string end, with_events, without_events = "[]";
  std::vector<Override> with_sets = {}, without_sets = {};
  bool decide = false;
  [[nodiscard]] Paired on(const std::function<double(const History&)>& outcome) const {
    return paired(kEnsembleBaseline, run_to(end, with_events, decide, with_sets), kEnsembleBaseline,
                  run_to(end, without_events, decide, without_sets), outcome);
  }
};

std::function<double(const History&)> last(Ind i) {
  return [i](const History& h) { return h.last(i); };
}
std::function<double(const History&)> mean_of(Ind i, int from = 1) {
  return [i, from](const History& h) { return h.mean(from, static_cast<int>(h.ind.size()), i); };
}

// Up: the median difference is at least `share` of |median without| and more seeds rise.
void check_up(const Paired& p, double share) {
  INFO(p.describe());
  CHECK(p.median() > 0);
  CHECK(p.median() >= share * std::abs(p.median_without()));
  CHECK(p.count_sign(1) > p.count_sign(-1));
}
void check_down(const Paired& p, double share) {
  INFO(p.describe());
  CHECK(p.median() < 0);
  CHECK(-p.median() >= share * std::abs(p.median_without()));
  CHECK(p.count_sign(-1) > p.count_sign(1));
}
// Absolute minimum sizes, for outcomes whose "without" is zero or bounded (shares, 0..1).
void check_up_by(const Paired& p, double at_least) {
  INFO(p.describe());
  CHECK(p.median() >= at_least);
  CHECK(p.count_sign(1) > p.count_sign(-1));
}
void check_down_by(const Paired& p, double at_least) {
  INFO(p.describe());
  CHECK(p.median() <= -at_least);
  CHECK(p.count_sign(-1) > p.count_sign(1));
}

constexpr const char* kDeport =
    "[{date: 2025-01-21, actor: us, action: mass_deportation, magnitude: 1.0}]";
constexpr const char* kStrikes =
    "[{date: 2025-02-01, actor: us, action: designate_cartels_terrorist}, {date: 2025-02-15, "
    "actor: us, action: military_strike}, {date: 2025-03-01, actor: us, action: "
    "military_strike}, {date: 2025-03-15, actor: us, action: military_strike}]";

}  // namespace

TEST_CASE("M2: mass deportation removes Mexicans, lowers remittances, raises pressure in Mexico") {
  const Lever surge{"2026-06-30", kDeport};
  // Measured: removals 277000 / 77500, +198000 (16/0); remittances 5.51e10 / 6.44e10, -9.3e9
  // (0/16); pressure 0.63 / 0.15, +0.48 (16/0); Mexican approval 0.579 / 0.669, -0.090 (0/16).
  check_up(surge.on(last(Ind::interior_removals_mexican_cum)), 1.0);
  check_down(surge.on(last(Ind::remittances_usd)), 0.07);
  check_up_by(surge.on(last(Ind::mx_domestic_pressure)), 0.2);
  check_down_by(surge.on(last(Ind::approval_mx_president)), 0.04);
}

TEST_CASE("M3: Remain in Mexico holds transit migrants in Mexico and lowers border encounters") {
  const Lever rim{"2025-12-31", "[{date: 2025-02-01, actor: mx, action: accept_remain_in_mexico}]"};
  // Measured: transit migrants 392000 / 285500, +114000 (16/0); mean encounters 68700 / 93000,
  // -23600 (0/16).
  check_up(rim.on(last(Ind::transit_migrants_in_mx)), 0.2);
  check_down(rim.on(mean_of(Ind::border_encounters)), 0.12);
}

TEST_CASE("M3: Mexico accepts Remain in Mexico less when domestic pressure weighs more") {
  // The presidents decide; the U.S. threatens a tariff over migration and demands Remain in
  // Mexico; Mexico's domestic pressure weighs as in the baseline against not at all.
  const std::string demand =
      "[{date: 2025-01-21, actor: us, action: threaten_tariff}, "
      "{date: 2025-01-28, actor: us, action: demand_remain_in_mexico}]";
  // Measured: share of ticks under Remain in Mexico 0 / 0.8, median paired difference -0.325
  // (0 up, 9 down). Without a threat Mexico refuses in both arms (its own position on migration).
  const Lever pressure{"2025-12-31", demand, demand, {}, {{"decisions.pressure_weight=0"}}, true};
  check_down_by(pressure.on(mean_of(Ind::remain_in_mexico)), 0.15);
}

TEST_CASE("M4: strikes lower cooperation and raise tension and cartel violence") {
  const Lever strikes{"2025-09-30", kStrikes};
  // Measured: cooperation 0.067 / 0.40, -0.33 (0/16); mean tension 0.51 / 0.35, +0.16 (16/0);
  // mean homicides 31619 / 31120, +504 (16/0).
  check_down(strikes.on(last(Ind::security_cooperation)), 0.4);
  check_up_by(strikes.on(mean_of(Ind::relationship_tension)), 0.08);
  check_up(strikes.on(mean_of(Ind::mx_homicides)), 0.008);
}

TEST_CASE("M4: border enforcement cuts drug supply and overdoses") {
  const Lever hard{"2025-12-31", kDeport, "[]", {{"policy.enforcement_capacity=1"}}};
  // Measured: overdoses 104301 / 107685, -3384 (0/16).
  check_down(hard.on(last(Ind::us_overdose_deaths)), 0.015);
}

TEST_CASE("M4: rising overdoses bring more U.S. pressure on drugs") {
  const Lever overdoses{"2026-12-31", "[]", "[]", {{"markets.drugs.demand_trend=0.5"}}, {}, true};
  const auto p = overdoses.on([](const History& h) {
    double n = 0;
    for (const auto& e : h.events) {
      const bool drug_tariff =
          (e.action == Action::threaten_tariff || e.action == Action::impose_tariff) &&
          e.issue == static_cast<std::int8_t>(Issue::drugs_security);
      if (drug_tariff || e.action == Action::designate_cartels_terrorist ||
          e.action == Action::threaten_strike || e.action == Action::military_strike)
        n += 1;
    }
    return n;
  });
  // Measured: 5 / 4 acts, median paired difference 0 (7 of 16 seeds up, 2 down): on most seeds
  // the lever changes no count, so the median is 0; the effect is small (about +25% of such acts
  // on average, left for calibration) but its direction is clear in the seeds it moves.
  INFO(p.describe());
  CHECK(p.median() >= 0);
  CHECK(p.count_sign(1) >= 2 * p.count_sign(-1) + 3);
  CHECK(p.mean() >= 0.25);
}

namespace {
// ATF cooperation raised from 0.2 to `to` on 2025-02-01, against staying at 0.2.
Lever atf_lever(const std::string& end, const std::string& to) {
  const Override start{"markets.guns.initial_atf_cooperation=0.2"};
  return {end,
          "[{date: 2025-02-01, actor: us, action: atf_cooperation, magnitude: " + to + "}]",
          "[]",
          {start},
          {start}};
}
}  // namespace

TEST_CASE("M5: ATF cooperation lowers the guns smuggled south") {
  const Lever atf = atf_lever("2025-09-30", "0.4");
  // Measured: mean guns 169890 / 197765, -27891 (0/16).
  check_down(atf.on(mean_of(Ind::guns_smuggled)), 0.07);
}

TEST_CASE("M5: fewer guns smuggled disarm the cartels: fewer homicides") {
  const Lever atf = atf_lever("2026-06-30", "0.6");
  // The arsenal is stationary at the start, so the start's inflow (guns_smuggled) is no lever;
  // a change of the inflow is. Measured: mean homicides from tick 30 30723 / 31136, -413
  // (0 up, 16 down).
  check_down(atf.on(mean_of(Ind::mx_homicides, 30)), 0.006);
}

TEST_CASE("M6: a judicial reform lowers legal certainty and U.S. investment, raises friction") {
  const Lever reform{"2025-12-31",
                     "[{date: 2025-02-01, actor: mx, action: judicial_reform, magnitude: 0.3}]"};
  // Measured: legal certainty 0.2 / 0.5, -0.3 (0/16); U.S. FDI (mean from tick 20) 2.9e8 /
  // 1.15e10, -1.20e10 (0/16); investor disputes 2.2 / 0 (16/0); tension 0.361 / 0.350, +0.011
  // (16/0).
  check_down_by(reform.on(last(Ind::legal_certainty)), 0.15);
  check_down(reform.on(mean_of(Ind::fdi_us_mx_usd, 20)), 0.5);
  check_up_by(reform.on(last(Ind::investor_disputes_cum)), 1.0);
  check_up_by(reform.on(last(Ind::relationship_tension)), 0.005);
}

TEST_CASE("M7: nearshoring incentives draw investment, tariffs on China and screening repel it") {
  const auto window = [](Ind i) { return [i](const History& h) { return h.mean(40, 65, i); }; };
  const Lever incentives{
      "2026-01-31",
      "[{date: 2025-02-01, actor: mx, action: nearshoring_incentives, magnitude: 1.0}]"};
  // Measured (mean of ticks 40-64): PRC announced 2.18e10 / 1.45e10, +7.3e9 (16/0); U.S. FDI
  // 2.22e10 / 1.02e10, +1.07e10 (16/0).
  check_up(incentives.on(window(Ind::prc_announced_usd)), 0.25);
  check_up(incentives.on(window(Ind::fdi_us_mx_usd)), 0.5);
  const Lever hostile{"2026-01-31",
                      "[{date: 2025-02-01, actor: us, action: tariff_chinese_goods, magnitude: "
                      "0.5}, {date: 2025-02-01, actor: mx, action: screen_prc_investment}]"};
  // Measured: PRC announced 1.60e9 / 1.45e10, -1.29e10 (0/16).
  check_down(hostile.on(window(Ind::prc_announced_usd)), 0.45);
}

TEST_CASE("M7: notice of withdrawal at the review ends the USMCA and trade falls") {
  const Lever exit{"2027-03-31",
                   "[{date: 2026-07-01, actor: us, action: usmca_withdrawal_notice}]"};
  // Measured: trade 7.58e11 / 8.44e11, -8.5e10 (0/16); status 4 / 0 (16/0).
  check_down(exit.on(last(Ind::trade_us_mx_usd)), 0.05);
  check_up_by(exit.on(last(Ind::usmca_status)), 4.0);
}

TEST_CASE("M9: oil to Cuba provokes the U.S. side: more hostile acts and more tension") {
  // The presidents decide (hawks act through their advice). Measured to 2025-06-30: U.S. hostile
  // acts (Goldstein < 0, not forced) 7 / 6, +1 (9/1); mean tension from tick 13 0.510 / 0.454,
  // +0.042 (11/2).
  const Lever oil{
      "2025-06-30", "[{date: 2025-02-01, actor: mx, action: oil_to_cuba, magnitude: 312000}]",
      "[]",         {},
      {},           true};
  check_up_by(oil.on([](const History& h) {
    double n = 0;
    for (const auto& e : h.events)
      n += !e.forced && info(e.action).sides != kMx && e.goldstein < 0 ? 1 : 0;
    return n;
  }),
              0.5);
  check_up_by(oil.on(mean_of(Ind::relationship_tension, 13)), 0.02);
}

TEST_CASE("M10: approval follows outcomes and elections follow approval") {
  // Mexican troops at the border lower encounters, and U.S. approval rises. Measured to
  // 2025-12-31: 0.517 / 0.504, +0.0128 (16/0).
  const Lever troops{"2025-12-31",
                     "[{date: 2025-02-01, actor: mx, action: deploy_border_troops, magnitude: "
                     "10000}, {date: 2025-03-01, actor: mx, action: deploy_border_troops, "
                     "magnitude: 10000}]"};
  check_up_by(troops.on(last(Ind::approval_us_president)), 0.006);
  // A weak U.S. president (approval 0.15 against 0.75) loses the House at the midterms.
  // Measured: share 0.47 / 0.51, -0.04 (0/16).
  const Lever weak{"2026-12-31",
                   "[]",
                   "[]",
                   {{"presidents.us.approval=0.15"}},
                   {{"presidents.us.approval=0.75"}}};
  check_down_by(weak.on(last(Ind::us_congress_share)), 0.02);
  // Mexico's midterms (2027): Morena's share follows approval (0.3 against 0.8). Measured to
  // 2027-12-31: 0.548 / 0.698, -0.15 (0/16).
  const Lever mx_weak{
      "2027-12-31", "[]", "[]", {{"presidents.mx.approval=0.3"}}, {{"presidents.mx.approval=0.8"}}};
  check_down_by(mx_weak.on(last(Ind::mx_congress_share)), 0.075);
}
