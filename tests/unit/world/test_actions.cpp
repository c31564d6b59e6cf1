// Every action of the vocabulary (world/actions.hpp), one row each: the state that makes it
// available, and what it must change when it happens (world/effects.cpp). A new action fails the
// first test case until it has a row here. Effects are applied as forced events, so that
// legislatures' votes do not decide them (votes are tested with the mechanisms).
#include <doctest/doctest.h>

#include <array>
#include <cstddef>
#include <functional>

#include "tests/support/run_model.hpp"
#include "world/actions.hpp"
#include "world/decisions.hpp"
#include "world/world.hpp"

using namespace vecinos;

namespace {

struct Case {
  Action action;
  Side side;
  std::function<void(PolicyState&)> setup;                             // makes it available
  std::function<bool(const PolicyState&, const PolicyState&)> effect;  // (before, after)
  const char* expected;
};

void office(PolicyState& p) {
  p.inaugurated = true;
}

const std::vector<Case>& cases() {
  using P = PolicyState;
  static const std::vector<Case> rows{
      {Action::threaten_tariff, Side::us, [](P&) {},
       [](const P&, const P& a) { return a.tariff_threat_ticks > 0; }, "a pending threat"},
      {Action::impose_tariff, Side::us, office,
       [](const P& b, const P& a) { return a.tariff_us_on_mx > b.tariff_us_on_mx; },
       "U.S. tariff on Mexico rises"},
      {Action::lift_tariff, Side::us, [](P& p) { office(p), p.tariff_us_on_mx = 0.25; },
       [](const P&, const P& a) { return a.tariff_us_on_mx == 0.0; }, "U.S. tariff lifted"},
      {Action::retaliatory_tariff, Side::mx, [](P& p) { p.tariff_us_on_mx = 0.25; },
       [](const P& b, const P& a) {
         return a.tariff_mx_on_us > b.tariff_mx_on_us && a.tariff_mx_on_us <= a.tariff_us_on_mx;
       },
       "Mexican tariff rises, at most to the U.S. one"},
      {Action::mass_deportation, Side::us, office,
       [](const P& b, const P& a) { return a.enforcement_target > b.enforcement_target; },
       "interior enforcement target rises"},
      {Action::deploy_border_troops, Side::mx, [](P&) {},
       [](const P& b, const P& a) {
         return a.mx_border_troops > b.mx_border_troops && a.concessions > b.concessions;
       },
       "more troops, counted as a concession"},
      {Action::transfer_cartel_leaders, Side::mx, office,
       [](const P& b, const P& a) {
         return a.extraditions_cum > b.extraditions_cum && a.concessions > b.concessions;
       },
       "transfers counted, a concession"},
      {Action::designate_cartels_terrorist, Side::us, office,
       [](const P&, const P& a) { return a.cartels_designated; }, "cartels designated"},
      {Action::military_strike, Side::us,
       [](P& p) { office(p), p.cartels_designated = p.strikes_authorized = true; },
       [](const P& b, const P& a) {
         return a.strikes_cum == b.strikes_cum + 1 && a.ticks_since_strike == 0 &&
                a.grievance[1] > b.grievance[1];
       },
       "a strike counted, Mexico aggrieved"},
      {Action::demand_remain_in_mexico, Side::us, office,
       [](const P&, const P& a) { return a.rim_demand_ticks > 0 && !a.remain_in_mexico; },
       "a demand pending"},
      {Action::accept_remain_in_mexico, Side::mx, [](P& p) { p.rim_demand_ticks = 4; },
       [](const P&, const P& a) { return a.remain_in_mexico && a.rim_demand_ticks == 0; },
       "Remain in Mexico in force, demand answered"},
      {Action::refuse_remain_in_mexico, Side::mx, [](P& p) { p.rim_demand_ticks = 4; },
       [](const P&, const P& a) { return !a.remain_in_mexico && a.rim_demand_ticks == 0; },
       "demand answered, no policy"},
      {Action::judicial_reform, Side::mx, [](P&) {},
       [](const P& b, const P& a) { return a.legal_certainty < b.legal_certainty; },
       "legal certainty falls"},
      {Action::oil_to_cuba, Side::mx, [](P&) {},
       [](const P& b, const P& a) {
         return a.oil_to_cuba_barrels > b.oil_to_cuba_barrels && a.mx_alignment < b.mx_alignment &&
                a.hawk_provocation > b.hawk_provocation;
       },
       "barrels shipped, alignment down, hawks provoked"},
      {Action::usmca_extend, Side::us,
       [](P& p) { p.usmca_status = UsmcaStatus::under_review, p.usmca_next_review_tick = 60; },
       [](const P&, const P& a) {
         return a.usmca_status == UsmcaStatus::in_force && a.usmca_next_review_tick == -1;
       },
       "in force, no annual reviews"},
      {Action::usmca_renegotiate, Side::us,
       [](P& p) { p.usmca_status = UsmcaStatus::under_review; },
       [](const P&, const P& a) {
         return a.usmca_status == UsmcaStatus::renegotiating && a.usmca_next_review_tick > 0;
       },
       "renegotiating, next review scheduled"},
      {Action::usmca_withdrawal_notice, Side::us,
       [](P& p) { office(p), p.usmca_status = UsmcaStatus::under_review; },
       [](const P&, const P& a) {
         return a.usmca_status == UsmcaStatus::withdrawal_notice && a.usmca_termination_tick > 0;
       },
       "notice given, termination scheduled"},
      {Action::insult, Side::us, [](P&) {},
       [](const P& b, const P& a) { return a.hostility[0] > b.hostility[0]; },
       "U.S. hostility recorded"},
      {Action::conciliate, Side::mx, [](P& p) { p.leader_bond = 0.4; },
       [](const P& b, const P& a) { return a.leader_bond > b.leader_bond; }, "bond strengthens"},
      {Action::threaten_strike, Side::us, [](P& p) { office(p), p.cartels_designated = true; },
       [](const P&, const P& a) { return a.strikes_authorized; },
       "force authorised once cartels are designated"},
      {Action::protest_sovereignty, Side::mx,
       [](P& p) { p.ticks_since_strike = 0, p.grievance[1] = 0.5; },
       [](const P& b, const P& a) { return a.grievance[1] < b.grievance[1]; },
       "protest vents Mexico's grievance"},
      {Action::restrict_us_agents, Side::mx,
       [](P& p) { p.security_cooperation = 0.5, p.cooperation_cap = 0.8; },
       [](const P& b, const P& a) { return a.security_cooperation < b.security_cooperation; },
       "cooperation falls"},
      {Action::expand_security_cooperation, Side::mx,
       [](P& p) { p.security_cooperation = 0.1, p.cooperation_cap = 0.8; },
       [](const P& b, const P& a) {
         return a.security_cooperation > b.security_cooperation &&
                a.security_cooperation <= a.cooperation_cap;
       },
       "cooperation rises, up to its cap"},
      {Action::atf_cooperation, Side::us, [](P& p) { office(p), p.atf_cooperation = 0.2; },
       [](const P& b, const P& a) { return a.atf_cooperation > b.atf_cooperation; },
       "gun-tracing cooperation rises"},
      {Action::tariff_chinese_goods, Side::us, office,
       [](const P& b, const P& a) { return a.tariff_us_on_cn > b.tariff_us_on_cn; },
       "U.S. tariff on China rises"},
      {Action::screen_prc_investment, Side::mx, [](P& p) { p.prc_screening = false; },
       [](const P&, const P& a) { return a.prc_screening; }, "PRC investment screened"},
      {Action::nearshoring_incentives, Side::mx, [](P& p) { p.nearshoring_incentives = 0.2; },
       [](const P& b, const P& a) { return a.nearshoring_incentives > b.nearshoring_incentives; },
       "incentives rise"},
      {Action::usmca_terminate, Side::us,
       [](P& p) { p.usmca_status = UsmcaStatus::withdrawal_notice; },
       [](const P&, const P& a) { return a.usmca_status == UsmcaStatus::terminated; },
       "the treaty ends"},
  };
  return rows;
}

const World& start() {
  static const World w = build_world(test::config_of("configs/baseline.yaml", test::small()));
  return w;
}

}  // namespace

TEST_CASE("actions: every action of the vocabulary has a row of expected effects") {
  std::array<int, kActionCount> rows{};
  for (const auto& c : cases()) rows[index(c.action)] += 1;
  for (std::size_t a = 0; a < kActionCount; ++a)
    CHECK_MESSAGE(rows[a] == 1, name(static_cast<Action>(a)));
}

TEST_CASE("actions: each action, made available, has its effect and is logged as the table says") {
  for (const auto& c : cases()) {
    const ActionInfo& t = info(c.action);
    CAPTURE(t.name);
    World w = start();
    c.setup(w.policy);
    // Actions on a side's menu are available in the state the row sets up.
    if (t.menu[index(c.side)] != kNotOnMenu) CHECK(available(w, c.side, c.action));
    const PolicyState before = w.policy;
    const std::size_t president =
        c.side == Side::us ? w.politics.us_president() : w.politics.mx_president();
    const std::size_t counterpart =
        c.side == Side::us ? w.politics.mx_president() : w.politics.us_president();
    Event e;
    e.actor = static_cast<std::uint32_t>(president);
    e.target = static_cast<std::uint32_t>(counterpart);
    e.action = c.action;
    e.magnitude = default_magnitude(w, c.action);
    const std::size_t logged = w.events.size();
    REQUIRE(apply_event(w, e, /*forced=*/true));
    CHECK_MESSAGE(c.effect(before, w.policy), c.expected);
    REQUIRE(w.events.size() == logged + 1);
    const Event& got = w.events.back();
    CHECK(got.action == c.action);
    CHECK(got.goldstein == t.goldstein);
    CHECK(got.tick == w.tick + 1);
    CHECK(got.magnitude == e.magnitude);
  }
}

TEST_CASE("actions: the U.S. president-elect can only threaten and talk before the inauguration") {
  World w = start();
  REQUIRE_FALSE(w.policy.inaugurated);
  for (Action a : available_actions(w, Side::us)) {
    CAPTURE(name(a));
    const bool talk = a == Action::threaten_tariff || a == Action::threaten_strike ||
                      a == Action::insult || a == Action::conciliate ||
                      a == Action::demand_remain_in_mexico;  // issue 14: office only
    CHECK(talk);
  }
}
