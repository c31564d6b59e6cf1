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
       [](const P&, const P& a) { return a.threat.active && a.threat.deadline > a.threat.made; },
       "a pending threat with a demand and a deadline"},
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
       [](const P& b, const P& a) { return a.mx_border_troops > b.mx_border_troops; },
       "more troops (compliance is judged on outcomes, not counted: issue 14)"},
      {Action::transfer_cartel_leaders, Side::mx, office,
       [](const P& b, const P& a) { return a.extraditions_cum > b.extraditions_cum; },
       "transfers counted (what a drugs demand's compliance reads)"},
      {Action::designate_cartels_terrorist, Side::us, office,
       [](const P&, const P& a) { return a.cartels_designated; }, "cartels designated"},
      {Action::military_strike, Side::us,
       [](P& p) { office(p), p.cartels_designated = p.strikes_authorized = true; },
       [](const P& b, const P& a) {
         return a.strikes_cum == b.strikes_cum + 1 && a.last_strike.has_value() &&
                a.grievance[1] > b.grievance[1];
       },
       "a strike counted, Mexico aggrieved"},
      {Action::demand_remain_in_mexico, Side::us, office,
       [](const P&, const P& a) { return a.rim_demand_due.has_value() && !a.remain_in_mexico; },
       "a demand pending"},
      {Action::accept_remain_in_mexico, Side::mx, [](P& p) { p.rim_demand_due = Date(2025, 3, 1); },
       [](const P&, const P& a) { return a.remain_in_mexico && !a.rim_demand_due; },
       "Remain in Mexico in force, demand answered"},
      {Action::refuse_remain_in_mexico, Side::mx, [](P& p) { p.rim_demand_due = Date(2025, 3, 1); },
       [](const P&, const P& a) {
         return !a.remain_in_mexico && !a.rim_demand_due && a.rim_refused.has_value();
       },
       "demand answered, no policy, the refusal remembered"},
      {Action::withdraw_remain_in_mexico, Side::mx, [](P& p) { p.remain_in_mexico = true; },
       [](const P&, const P& a) { return !a.remain_in_mexico; }, "Mexico ends Remain in Mexico"},
      {Action::end_remain_in_mexico, Side::us, [](P& p) { office(p), p.remain_in_mexico = true; },
       [](const P&, const P& a) { return !a.remain_in_mexico; }, "the U.S. drops Remain in Mexico"},
      {Action::accept_third_country_returns, Side::mx,
       [](P& p) { p.mx_accepts_third_country = false; },
       [](const P&, const P& a) { return a.mx_accepts_third_country; },
       "Mexico takes removals of non-Mexicans"},
      {Action::refuse_third_country_returns, Side::mx,
       [](P& p) { p.mx_accepts_third_country = true; },
       [](const P&, const P& a) { return !a.mx_accepts_third_country; },
       "Mexico refuses removals of non-Mexicans"},
      {Action::protest_legal_framework, Side::us,
       [](P& p) { office(p), p.legal_certainty = 0.2, p.recent_disputes = 2; },
       [](const P& b, const P& a) { return a.legal_protests > b.legal_protests; },
       "a U.S. protest of the legal framework remembered"},
      {Action::threaten_sanctions_cuba, Side::us, [](P& p) { office(p), p.hawk_provocation = 0.5; },
       [](const P& b, const P& a) {
         return a.cuba_sanctions_threat > b.cuba_sanctions_threat &&
                a.hawk_provocation < b.hawk_provocation;
       },
       "a sanctions threat remembered, the hawks' provocation vented"},
      {Action::usmca_new_agreement, Side::us,
       [](P& p) { p.usmca_status = UsmcaStatus::terminated; },
       [](const P&, const P& a) { return a.usmca_status == UsmcaStatus::in_force; },
       "a new agreement after termination"},
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
       [](P& p) {
         p.usmca_status = UsmcaStatus::under_review, p.usmca_next_review = Date(2027, 7, 1);
       },
       [](const P&, const P& a) {
         return a.usmca_status == UsmcaStatus::in_force && !a.usmca_next_review;
       },
       "in force, no annual reviews"},
      {Action::usmca_renegotiate, Side::us,
       [](P& p) { p.usmca_status = UsmcaStatus::under_review; },
       [](const P&, const P& a) {
         return a.usmca_status == UsmcaStatus::renegotiating && a.usmca_next_review.has_value();
       },
       "renegotiating, next review scheduled"},
      {Action::usmca_withdrawal_notice, Side::us,
       [](P& p) { office(p), p.usmca_status = UsmcaStatus::under_review; },
       [](const P&, const P& a) {
         return a.usmca_status == UsmcaStatus::withdrawal_notice && a.usmca_termination.has_value();
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
       [](P& p) { p.last_strike = Date(2024, 12, 1), p.grievance[1] = 0.5; },
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
    e.date = w.date;
    e.forced = true;
    const std::size_t logged = w.events.size();
    REQUIRE(apply_event(w, e));
    CHECK_MESSAGE(c.effect(before, w.policy), c.expected);
    REQUIRE(w.events.size() == logged + 1);
    const Event& got = w.events.back();
    CHECK(got.action == c.action);
    // Issue 14: an event records what took effect (at most what was asked for, a lifted tariff
    // its rate) and its Goldstein score scaled by that size.
    CHECK(got.goldstein == scaled_goldstein(w, c.action, got.magnitude));
    CHECK(got.tick == w.tick + 1);
    CHECK(got.forced);
    if (t.size != nullptr) {
      CHECK(got.magnitude > 0);
      CHECK(got.magnitude <= e.magnitude * (1 + 1e-12));
    }
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
