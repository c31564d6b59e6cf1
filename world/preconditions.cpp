// When each action is available to a president: one row per action, the condition in words next
// to the code that tests it (the words are what `vecinos config --odd-table actions` prints into
// model/ODD.md). Before any row, the side must be one that may take the action (its column
// `sides`, world/actions.cpp).
#include <string_view>

#include "world/decisions.hpp"
#include "world/world.hpp"

namespace vecinos {

namespace {

/// What a precondition reads: the world now and the side asking.
struct Asking {
  const World& w;
  const PolicyState& p;
  const EffectParams& f;
  const DecisionParams& d;
  bool us;
  double own_tariff;  ///< the extra tariff the asking side imposes on the other
};

struct PreconditionRow {
  Action action{};
  Precondition words;
  bool (*holds)(const Asking&) = nullptr;
};

using A = Action;
using Q = Asking;

// In the enum's order (checked below). `words.office`: the U.S. side needs its president in
// office (after the inauguration); the row's test is the rest.
constexpr std::array<PreconditionRow, kActionCount> kRows = {{
    {A::threaten_tariff,
     {false,
      "no threat pending, and the U.S. tariff on Mexico at least `effects.min_tariff_change` "
      "below `decisions.tariff_rate`"},
     [](const Q& q) {
       return !q.p.threat.active && q.p.tariff_us_on_mx + q.f.min_tariff_change < q.d.tariff_rate;
     }},
    {A::impose_tariff,
     {true,
      "the U.S. tariff on Mexico at least `effects.min_tariff_change` below "
      "`decisions.tariff_rate`"},
     [](const Q& q) { return q.p.tariff_us_on_mx + q.f.min_tariff_change < q.d.tariff_rate; }},
    {A::lift_tariff,
     {true, "the side's own extra tariff on the other is above 0"},
     [](const Q& q) { return q.own_tariff > 0; }},
    {A::retaliatory_tariff,
     {false,
      "the U.S. tariff on Mexico exceeds Mexico's on the U.S. by more than "
      "`effects.min_tariff_change`"},
     [](const Q& q) { return q.p.tariff_us_on_mx > q.p.tariff_mx_on_us + q.f.min_tariff_change; }},
    {A::mass_deportation,
     {true, "removals not yet funded, or the interior enforcement target below its capacity"},
     [](const Q& q) {
       return !q.p.removals_funded || q.p.enforcement_target < q.p.enforcement_capacity;
     }},
    {A::deploy_border_troops,
     {false, "Mexican troops at the borders below `effects.troop_cap`"},
     [](const Q& q) { return q.p.mx_border_troops < q.f.troop_cap; }},
    {A::transfer_cartel_leaders,
     {false, "after the U.S. inauguration"},
     [](const Q& q) { return q.p.inaugurated; }},
    {A::designate_cartels_terrorist,
     {true, "cartels not yet designated"},
     [](const Q& q) { return !q.p.cartels_designated; }},
    {A::military_strike,
     {true, "cartels designated and force authorised"},
     [](const Q& q) { return q.p.cartels_designated && q.p.strikes_authorized; }},
    {A::demand_remain_in_mexico,
     {true,
      "Remain in Mexico not in force, no demand pending, and no refusal in the last "
      "`effects.demand_cooldown_days`"},
     [](const Q& q) {
       return !q.p.remain_in_mexico && !q.p.rim_demand_due &&
              (!q.p.rim_refused || q.w.date - *q.p.rim_refused >= q.f.demand_cooldown_days);
     }},
    {A::accept_remain_in_mexico,
     {false, "a demand of Remain in Mexico pending, and Remain in Mexico not in force"},
     [](const Q& q) { return q.p.rim_demand_due && !q.p.remain_in_mexico; }},
    {A::refuse_remain_in_mexico,
     {false, "a demand of Remain in Mexico pending, and Remain in Mexico not in force"},
     [](const Q& q) { return q.p.rim_demand_due && !q.p.remain_in_mexico; }},
    {A::judicial_reform,
     {false, "legal certainty above `effects.legal_floor`"},
     [](const Q& q) { return q.p.legal_certainty > q.f.legal_floor; }},
    {A::oil_to_cuba, {false, "always"}, [](const Q&) { return true; }},
    {A::usmca_extend,
     {false, "never chosen: settled by the joint review, or forced by a scenario"},
     [](const Q&) { return false; }},
    {A::usmca_renegotiate,
     {false, "never chosen: settled by the joint review, or forced by a scenario"},
     [](const Q&) { return false; }},
    {A::usmca_withdrawal_notice,
     {true, "the USMCA under review or being renegotiated"},
     [](const Q& q) {
       return q.p.usmca_status == UsmcaStatus::under_review ||
              q.p.usmca_status == UsmcaStatus::renegotiating;
     }},
    {A::insult, {false, "always"}, [](const Q&) { return true; }},
    {A::conciliate, {false, "always"}, [](const Q&) { return true; }},
    // Before the inauguration a threat is talk; after, it asks Congress to authorise force.
    {A::threaten_strike,
     {false,
      "before the U.S. inauguration, or with cartels designated and force not yet authorised"},
     [](const Q& q) {
       return !q.p.inaugurated || (q.p.cartels_designated && !q.p.strikes_authorized);
     }},
    {A::protest_sovereignty,
     {false, "a U.S. strike within the last `effects.protest_window_days`"},
     [](const Q& q) {
       return q.p.last_strike && q.w.date - *q.p.last_strike < q.f.protest_window_days;
     }},
    {A::restrict_us_agents,
     {false, "security cooperation above `effects.cooperation_floor`"},
     [](const Q& q) { return q.p.security_cooperation > q.f.cooperation_floor; }},
    {A::expand_security_cooperation,
     {true, "security cooperation below its cap (`policy.cooperation_cap`)"},
     [](const Q& q) { return q.p.security_cooperation < q.p.cooperation_cap; }},
    {A::atf_cooperation,
     {true, "ATF cooperation below 1"},
     [](const Q& q) { return q.p.atf_cooperation < 1.0; }},
    {A::tariff_chinese_goods,
     {true, "the U.S. tariff on China below 1"},
     [](const Q& q) { return q.p.tariff_us_on_cn < 1.0; }},
    {A::screen_prc_investment,
     {false, "PRC investment not yet screened"},
     [](const Q& q) { return !q.p.prc_screening; }},
    {A::nearshoring_incentives,
     {false, "nearshoring incentives below 1"},
     [](const Q& q) { return q.p.nearshoring_incentives < 1.0; }},
    {A::usmca_terminate,
     {false, "never chosen or forced: the end of the USMCA six months after a notice"},
     [](const Q&) { return false; }},
    {A::withdraw_remain_in_mexico,
     {false, "Remain in Mexico in force"},
     [](const Q& q) { return q.p.remain_in_mexico; }},
    {A::end_remain_in_mexico,
     {true, "Remain in Mexico in force"},
     [](const Q& q) { return q.p.remain_in_mexico; }},
    {A::usmca_new_agreement,
     {false, "never chosen: only forced by a scenario, after the USMCA's termination"},
     [](const Q&) { return false; }},
    {A::accept_third_country_returns,
     {false, "Mexico not accepting removals of non-Mexicans"},
     [](const Q& q) { return !q.p.mx_accepts_third_country; }},
    {A::refuse_third_country_returns,
     {false, "Mexico accepting removals of non-Mexicans"},
     [](const Q& q) { return q.p.mx_accepts_third_country; }},
    {A::protest_legal_framework,
     {false,
      "legal certainty more than `effects.legal_floor` below its start "
      "(`policy.legal_certainty`), or at least one recent investor dispute"},
     [](const Q& q) {
       return q.p.legal_certainty < q.w.config.policy.legal_certainty - q.f.legal_floor ||
              q.p.recent_disputes >= 1.0;
     }},
    {A::threaten_sanctions_cuba,
     {true, "the hawks' provocation above `effects.legal_floor`"},
     [](const Q& q) { return q.p.hawk_provocation > q.f.legal_floor; }},
}};

constexpr bool in_enum_order(const std::array<PreconditionRow, kActionCount>& t) {
  for (std::size_t i = 0; i < t.size(); ++i)
    if (index(t[i].action) != i || t[i].words.text.empty()) return false;
  return true;
}
static_assert(in_enum_order(kRows), "kRows needs one row per Action, in enum order");

}  // namespace

bool available(const World& w, Side side, Action a) {
  if (!side_may_take(a, side)) return false;
  const PolicyState& p = w.policy;
  const bool us = side == Side::us;
  const PreconditionRow& row = kRows[index(a)];
  // Before the inauguration the U.S. president-elect can only threaten and talk.
  if (row.words.office && us && !p.inaugurated) return false;
  return row.holds(Asking{w, p, w.config.effects, w.config.decisions, us,
                          us ? p.tariff_us_on_mx : p.tariff_mx_on_us});
}

Precondition precondition(Action a) {
  return kRows[index(a)].words;
}

}  // namespace vecinos
