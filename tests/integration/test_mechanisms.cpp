// Mechanisms M1-M10 (model/ODD.md): each shows its direction on a controlled run. Controlled
// runs switch the presidents' own decisions off and force the act under test, against the same
// run without it (same seed, so the difference is the act's doing).
#include <doctest/doctest.h>

#include "tests/support/run_model.hpp"
#include "world/decisions.hpp"
#include "world/domestic.hpp"

using namespace vecinos;
using namespace vecinos::test;

namespace {

std::vector<Override> controlled(const std::string& end, const std::string& events = "[]",
                                 std::vector<Override> more = {}) {
  auto sets = small(std::move(more));
  sets.push_back({"decisions.enabled=false"});
  sets.push_back({"simulation.end=" + end});
  sets.push_back({"events=" + events});
  return sets;
}

History controlled_run(const std::string& end, const std::string& events = "[]",
                       std::vector<Override> more = {}) {
  return run_file("configs/baseline.yaml", controlled(end, events, std::move(more)));
}

Simulation simulation(std::vector<Override> more = {}) {
  return Simulation(
      config_of("configs/baseline.yaml", controlled("2025-12-31", "[]", std::move(more))));
}

}  // namespace

TEST_CASE("M1: a tariff lowers trade and U.S. investment") {
  const auto control = controlled_run("2025-09-01");
  const auto tariff = controlled_run(
      "2025-09-01", "[{date: 2025-02-01, actor: us, action: impose_tariff, magnitude: 0.25}]");
  CHECK(tariff.last(Ind::tariff_us_on_mx) == 0.25);
  CHECK(tariff.last(Ind::trade_us_mx_usd) < 0.9 * control.last(Ind::trade_us_mx_usd));
  CHECK(tariff.last(Ind::fdi_us_mx_usd) < control.last(Ind::fdi_us_mx_usd));
}

TEST_CASE(
    "M1: under a tariff Mexico finds concessions that answer its demand more attractive, and the "
    "U.S. lifts once the demand is met") {
  auto sim = simulation();
  World& w = sim.world();
  w.policy.inaugurated = true;
  const auto mx = w.politics.mx_president(), us = w.politics.us_president();
  const double troops_calm = action_utility(w, mx, Side::mx, Action::deploy_border_troops);
  const double transfer_calm = action_utility(w, mx, Side::mx, Action::transfer_cartel_leaders);
  w.policy.tariff_us_on_mx = 0.25;
  w.policy.tariff_demand.active = true;
  w.policy.tariff_demand.rate = 0.25;
  w.policy.tariff_demand.issue = Issue::migration;
  w.policy.compliance = 0.0;
  CHECK(action_utility(w, mx, Side::mx, Action::deploy_border_troops) > troops_calm);
  // A drugs concession does not answer a migration demand.
  CHECK(action_utility(w, mx, Side::mx, Action::transfer_cartel_leaders) ==
        doctest::Approx(transfer_calm));
  w.policy.tariff_demand.issue = Issue::drugs_security;
  CHECK(action_utility(w, mx, Side::mx, Action::transfer_cartel_leaders) > transfer_calm);
  const double lift_before = action_utility(w, us, Side::us, Action::lift_tariff);
  w.policy.compliance = 1.0;
  CHECK(action_utility(w, us, Side::us, Action::lift_tariff) > lift_before);
}

TEST_CASE(
    "M2: mass deportation removes Mexicans, lowers remittances and raises pressure in Mexico") {
  const auto control = controlled_run("2026-06-01");
  const auto surge = controlled_run(
      "2026-06-01", "[{date: 2025-01-21, actor: us, action: mass_deportation, magnitude: 1.0}]");
  CHECK(surge.last(Ind::interior_removals_mexican_cum) >
        3.0 * control.last(Ind::interior_removals_mexican_cum));
  CHECK(surge.last(Ind::mexican_unauthorized_in_us) <
        control.last(Ind::mexican_unauthorized_in_us));
  CHECK(surge.last(Ind::remittances_usd) < 0.95 * control.last(Ind::remittances_usd));
  CHECK(surge.last(Ind::mx_domestic_pressure) > control.last(Ind::mx_domestic_pressure) + 0.1);
  CHECK(surge.last(Ind::approval_mx_president) < control.last(Ind::approval_mx_president));
}

TEST_CASE("M3: Mexico's acceptance of Remain in Mexico falls as domestic pressure rises") {
  auto sim = simulation();
  World& w = sim.world();
  w.policy.rim_demand_due = w.date + 30;
  const auto mx = w.politics.mx_president();
  auto margin = [&] {
    return action_utility(w, mx, Side::mx, Action::accept_remain_in_mexico) -
           action_utility(w, mx, Side::mx, Action::refuse_remain_in_mexico);
  };
  w.policy.mx_pressure = 0.0;
  const double calm = margin();
  w.policy.mx_pressure = 0.8;
  CHECK(margin() < calm);
}

TEST_CASE("M3: Remain in Mexico holds migrants in Mexico") {
  const auto control = controlled_run("2025-09-01");
  const auto rim = controlled_run(
      "2025-09-01", "[{date: 2025-02-01, actor: mx, action: accept_remain_in_mexico}]");
  CHECK(rim.last(Ind::remain_in_mexico) == 1.0);
  CHECK(control.last(Ind::remain_in_mexico) == 0.0);
  CHECK(rim.last(Ind::transit_migrants_in_mx) > control.last(Ind::transit_migrants_in_mx));
}

TEST_CASE("M4: a strike lowers cooperation and raises tension and cartel violence") {
  const auto control = controlled_run("2025-06-01");
  const auto strikes =
      controlled_run("2025-06-01",
                     "[{date: 2025-02-01, actor: us, action: designate_cartels_terrorist}, {date: "
                     "2025-02-15, actor: us, action: military_strike},"
                     " {date: 2025-03-01, actor: us, action: military_strike}, {date: 2025-03-15, "
                     "actor: us, action: military_strike}]");
  CHECK(strikes.last(Ind::us_strikes_cum) == 3);
  CHECK(strikes.last(Ind::security_cooperation) < control.last(Ind::security_cooperation));
  CHECK(strikes.mean(15, 22, Ind::relationship_tension) >
        control.mean(15, 22, Ind::relationship_tension));
  CHECK(strikes.mean(15, 22, Ind::mx_homicides) > control.mean(15, 22, Ind::mx_homicides));
}

TEST_CASE("M4: the 2020 law caps cooperation") {
  std::string events = "[";
  for (int k = 0; k < 10; ++k)
    events += fmt::format("{{date: 2025-0{}-1{}, actor: mx, action: expand_security_cooperation}},",
                          2 + k / 5, k % 5);
  events.back() = ']';
  const auto h = controlled_run("2025-09-01", events, {{"policy.cooperation_cap=0.55"}});
  for (const auto& row : h.ind)
    CHECK(row[static_cast<std::size_t>(Ind::security_cooperation)] <= 0.55 + 1e-12);
  CHECK(h.mean(30, 35, Ind::security_cooperation) > 0.5);
}

TEST_CASE("M4: overdoses drive U.S. pressure on drugs") {
  auto sim = simulation();
  World& w = sim.world();
  w.policy.inaugurated = true;
  const auto us = w.politics.us_president();
  const double before = action_utility(w, us, Side::us, Action::designate_cartels_terrorist);
  w.indicators[Ind::us_overdose_deaths] *= 1.5;
  CHECK(action_utility(w, us, Side::us, Action::designate_cartels_terrorist) > before);
}

TEST_CASE(
    "M4: border enforcement shifts cartels' routes to the sea (balloon effect) and cuts supply") {
  // A surge of enforcement raises U.S. border enforcement toward 0.9 (world/effects.cpp).
  const std::string surge =
      "[{date: 2025-01-21, actor: us, action: mass_deportation, magnitude: 1.0}]";
  Simulation control(config_of("configs/baseline.yaml", controlled("2025-12-31")));
  Simulation hard(config_of("configs/baseline.yaml",
                            controlled("2025-12-31", surge, {{"policy.enforcement_capacity=1"}})));
  History hc, hh;
  Recorder rc(hc), rh(hh);
  control.add_observer(rc);
  hard.add_observer(rh);
  control.run({2, nullptr});
  hard.run({2, nullptr});
  auto sea_share = [](const World& w) {
    double sea = 0;
    for (std::size_t i = 0; i < w.cartels.size(); ++i)
      sea += w.cartels.route(i, 2) * w.cartels.members(i);
    return sea / w.cartels.total_members();
  };
  CHECK(hard.world().policy.border_enforcement > 0.65);
  CHECK(sea_share(hard.world()) > sea_share(control.world()) + 0.02);
  CHECK(hh.last(Ind::us_overdose_deaths) < hc.last(Ind::us_overdose_deaths));
}

TEST_CASE("M5: less ATF cooperation lets more guns south, guns arm the cartels") {
  const auto low =
      controlled_run("2025-09-01", "[]", {{"markets.guns.initial_atf_cooperation=0.2"}});
  const auto high = controlled_run(
      "2025-09-01", "[{date: 2025-02-01, actor: us, action: atf_cooperation, magnitude: 0.4}]",
      {{"markets.guns.initial_atf_cooperation=0.2"}});
  CHECK(high.last(Ind::guns_smuggled) < low.last(Ind::guns_smuggled));
  Simulation a(config_of("configs/baseline.yaml",
                         controlled("2025-09-01", "[]", {{"markets.guns.guns_smuggled=400000"}})));
  Simulation b(config_of("configs/baseline.yaml", controlled("2025-09-01")));
  a.run({2, nullptr});
  b.run({2, nullptr});
  double arsenal_a = 0, arsenal_b = 0;
  for (std::size_t i = 0; i < a.world().cartels.size(); ++i)
    arsenal_a += a.world().cartels.arsenal(i);
  for (std::size_t i = 0; i < b.world().cartels.size(); ++i)
    arsenal_b += b.world().cartels.arsenal(i);
  CHECK(arsenal_a > arsenal_b);
}

TEST_CASE(
    "M6: a judicial reform lowers legal certainty and U.S. investment, U.S. business presses "
    "harder") {
  Simulation control(config_of("configs/baseline.yaml", controlled("2025-12-31")));
  Simulation reform(config_of(
      "configs/baseline.yaml",
      controlled("2025-12-31",
                 "[{date: 2025-02-01, actor: mx, action: judicial_reform, magnitude: 0.3}]")));
  History hc, hr;
  Recorder rc(hc), rr(hr);
  control.add_observer(rc);
  reform.add_observer(rr);
  control.run({2, nullptr});
  reform.run({2, nullptr});
  CHECK(hr.last(Ind::legal_certainty) == doctest::Approx(0.2));
  CHECK(hr.last(Ind::fdi_us_mx_usd) < hc.last(Ind::fdi_us_mx_usd));
  auto lobby_weight = [](const World& w) {
    const auto i = static_cast<std::size_t>(w.politics.find("us_business"));
    return w.elite.edge(static_cast<std::uint32_t>(w.politics.actor(i).lobby_edge)).weight;
  };
  CHECK(lobby_weight(reform.world()) > lobby_weight(control.world()));
}

TEST_CASE("M6: constitutional changes need the Mexican Congress's supermajority") {
  for (double share : {0.3, 0.9}) {
    int passed = 0;
    for (int seed = 1; seed <= 10; ++seed) {
      auto sim = simulation({{fmt::format("legislatures.mx_congress.ruling_share={}", share)},
                             {fmt::format("simulation.seed={}", seed)}});
      World& w = sim.world();
      Event e;
      e.actor = static_cast<std::uint32_t>(w.politics.mx_president());
      e.action = Action::judicial_reform;
      e.target = static_cast<std::uint32_t>(w.politics.us_president());
      e.magnitude = 0.1;
      passed += apply_event(w, e) ? 1 : 0;
    }
    if (share < 0.5)
      CHECK(passed == 0);
    else
      CHECK(passed == 10);
  }
}

TEST_CASE(
    "M7: nearshoring incentives draw investment, tariffs on China and screening repel PRC firms") {
  const auto control = controlled_run("2026-01-31");
  const auto incentives = controlled_run(
      "2026-01-31",
      "[{date: 2025-02-01, actor: mx, action: nearshoring_incentives, magnitude: 1.0}]");
  const auto hostile =
      controlled_run("2026-01-31",
                     "[{date: 2025-02-01, actor: us, action: tariff_chinese_goods, magnitude: "
                     "0.5}, {date: 2025-02-01, actor: mx, action: screen_prc_investment}]");
  CHECK(incentives.mean(40, 65, Ind::fdi_cn_mx_usd) > control.mean(40, 65, Ind::fdi_cn_mx_usd));
  CHECK(incentives.mean(40, 65, Ind::fdi_us_mx_usd) > control.mean(40, 65, Ind::fdi_us_mx_usd));
  CHECK(hostile.mean(40, 65, Ind::fdi_cn_mx_usd) < control.mean(40, 65, Ind::fdi_cn_mx_usd));
}

TEST_CASE("M7: notice of withdrawal ends the USMCA six months later and trade falls") {
  const auto control = controlled_run("2027-06-30");
  const auto exit = controlled_run(
      "2027-06-30", "[{date: 2026-07-01, actor: us, action: usmca_withdrawal_notice}]");
  CHECK(exit.last(Ind::usmca_status) == 4);
  CHECK(exit.count(Action::usmca_terminate) == 1);
  CHECK(exit.last(Ind::trade_us_mx_usd) < control.last(Ind::trade_us_mx_usd));
}

TEST_CASE(
    "M8: insults lower the bond unless forborne, cordial acts raise it, magnanimity follows the "
    "bond") {
  const std::string insults =
      "[{date: 2025-02-01, actor: us, action: insult}, {date: 2025-02-08, actor: us, action: "
      "insult}, {date: 2025-02-15, actor: us, action: insult}]";
  const std::string cordial =
      "[{date: 2025-02-01, actor: us, action: conciliate}, {date: 2025-02-08, actor: us, action: "
      "conciliate}, {date: 2025-02-15, actor: us, action: conciliate}]";
  const auto hurt = controlled_run("2025-03-01", insults, {{"presidents.mx.forbearance=0"}});
  const auto forborne = controlled_run("2025-03-01", insults, {{"presidents.mx.forbearance=1"}});
  const auto warm = controlled_run("2025-03-01", cordial);
  const auto control = controlled_run("2025-03-01");
  CHECK(hurt.last(Ind::leader_bond) < control.last(Ind::leader_bond));
  CHECK(forborne.last(Ind::leader_bond) == doctest::Approx(control.last(Ind::leader_bond)));
  CHECK(warm.last(Ind::leader_bond) > control.last(Ind::leader_bond));
  // Tension is built from the events themselves (3.4, Tension): the insults raise it whatever
  // Mexico's forbearance; forbearance lowers it through Mexico's answers, which need decisions
  // (test_mechanism_ensembles.cpp, "M8 and tension").
  CHECK(hurt.last(Ind::relationship_tension) > control.last(Ind::relationship_tension));
  CHECK(forborne.last(Ind::relationship_tension) ==
        doctest::Approx(hurt.last(Ind::relationship_tension)));

  auto sim = simulation();
  World& w = sim.world();
  w.policy.inaugurated = true;
  const auto us = w.politics.us_president();
  w.policy.leader_bond = 0.2;
  const double cold = action_utility(w, us, Side::us, Action::insult);
  w.policy.leader_bond = 0.9;
  CHECK(action_utility(w, us, Side::us, Action::insult) < cold);
}

TEST_CASE("M8: grievance makes answering hostility more attractive") {
  auto sim = simulation();
  World& w = sim.world();
  const auto mx = w.politics.mx_president();
  const double calm = action_utility(w, mx, Side::mx, Action::insult);
  w.policy.grievance[1] = 0.8;
  CHECK(action_utility(w, mx, Side::mx, Action::insult) > calm);
}

TEST_CASE("M9: oil to Cuba provokes the U.S. hawks") {
  const auto control = controlled_run("2025-03-01");
  const auto oil =
      controlled_run("2025-03-01", "[{date: 2025-02-01, actor: mx, action: oil_to_cuba}]");
  CHECK(oil.last(Ind::relationship_tension) >= control.last(Ind::relationship_tension));
  auto sim = simulation();
  World& w = sim.world();
  w.policy.inaugurated = true;
  const auto waltz = static_cast<std::size_t>(w.politics.find("waltz"));
  const double before = action_utility(w, waltz, Side::us, Action::insult);
  Event e;
  e.actor = static_cast<std::uint32_t>(w.politics.mx_president());
  e.action = Action::oil_to_cuba;
  e.target = w.collective(Collective::cuba);
  e.magnitude = 312000;
  apply_event(w, e);
  CHECK(w.policy.hawk_provocation > 0);
  CHECK(w.policy.oil_to_cuba_barrels == 312000);
  CHECK(action_utility(w, waltz, Side::us, Action::insult) > before);
}

TEST_CASE("M10: approval follows outcomes and a weak president loses the midterms") {
  for (int seed : {1, 2, 3}) {
    const auto h = controlled_run(
        "2026-12-31", "[]",
        {{"presidents.us.approval=0.15"}, {fmt::format("simulation.seed={}", seed)}});
    CHECK(h.last(Ind::us_congress_share) < 0.5);
    const auto strong = controlled_run(
        "2026-12-31", "[]",
        {{"presidents.us.approval=0.75"}, {fmt::format("simulation.seed={}", seed)}});
    CHECK(strong.last(Ind::us_congress_share) == doctest::Approx(0.51));
  }
}

TEST_CASE("before the inauguration the U.S. side can only threaten and talk") {
  auto sim = simulation();
  World& w = sim.world();
  REQUIRE_FALSE(w.policy.inaugurated);
  for (Action a : available_actions(w, Side::us)) {
    const bool talk = a == Action::threaten_tariff || a == Action::threaten_strike ||
                      a == Action::insult || a == Action::conciliate ||
                      a == Action::demand_remain_in_mexico;
    CHECK_MESSAGE(talk, name(a));
  }
  w.policy.inaugurated = true;
  const auto menu = available_actions(w, Side::us);
  CHECK(std::find(menu.begin(), menu.end(), Action::impose_tariff) != menu.end());
}
