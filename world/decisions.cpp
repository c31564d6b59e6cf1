#include "world/decisions.hpp"

#include <algorithm>
#include <cmath>

#include "world/streams.hpp"
#include "world/world.hpp"

namespace vecinos {

int side_of(Country c) {
  return c == Country::us ? 0 : c == Country::mx ? 1 : -1;
}

namespace {

// How each action moves policy on each issue, from -1 (toward the issue's 0 end) to +1
// (toward its 1 end). Order of issues: migration, drugs_security, guns, legal_investment,
// china, foreign_alignment. Tariffs are tied to drugs and migration (M1); each row is an
// assumption read from the seed's account of what the action is for.
struct ActionTraits {
  IssueVector stance;
  double defiance;  ///< +1 defies the U.S., -1 concedes to it (Mexico's domestic pressure)
  bool tariff;      ///< costs the actor's own economy in proportion to the rate
};

const ActionTraits& traits(Action a) {
  static const auto kTable = [] {
    std::array<ActionTraits, kActionCount> t{};
    auto set = [&](Action act, IssueVector s, double defiance = 0.0, bool tariff = false) {
      t[static_cast<std::size_t>(act)] = {s, defiance, tariff};
    };
    set(Action::threaten_tariff, {0.5, 0.5, 0, 0, 0, 0});
    set(Action::impose_tariff, {1, 1, 0, 0, 0, 0}, 0, true);
    set(Action::lift_tariff, {-0.3, -0.3, 0, 0, 0, 0});
    set(Action::retaliatory_tariff, {0, 0, 0, 0, 0, 0}, 1, true);
    set(Action::mass_deportation, {1, 0, 0, 0, 0, 0});
    set(Action::deploy_border_troops, {0.6, 0.2, 0, 0, 0, 0}, -1);
    set(Action::transfer_cartel_leaders, {0, 0.8, 0, 0, 0, 0}, -1);
    set(Action::designate_cartels_terrorist, {0, 0.7, 0, 0, 0, 0});
    set(Action::military_strike, {0, 1, 0, 0, 0, 0});
    set(Action::demand_remain_in_mexico, {0.6, 0, 0, 0, 0, 0});
    set(Action::accept_remain_in_mexico, {0.8, 0, 0, 0, 0, 0}, -1);
    set(Action::refuse_remain_in_mexico, {-0.5, 0, 0, 0, 0, 0}, 1);
    set(Action::judicial_reform, {0, 0, 0, -1, 0, 0});
    set(Action::oil_to_cuba, {0, 0, 0, 0, 0, -1}, 0.5);
    set(Action::usmca_extend, {0, 0, 0, 0.3, 0, 0.3});
    set(Action::usmca_renegotiate, {0, 0, 0, 0.3, 0.5, 0});
    set(Action::usmca_withdrawal_notice, {0.2, 0.2, 0, 0.3, 0.6, 0}, 0, true);
    set(Action::insult, {0, 0, 0, 0, 0, 0}, 0.5);
    set(Action::conciliate, {0, 0, 0, 0, 0, 0.1}, -0.3);
    set(Action::threaten_strike, {0, 0.5, 0, 0, 0, 0});
    set(Action::protest_sovereignty, {0, -0.5, 0, 0, 0, -0.2}, 1);
    set(Action::restrict_us_agents, {0, -0.8, 0, 0, 0, -0.2}, 1);
    set(Action::expand_security_cooperation, {0, 0.6, 0, 0, 0, 0.2}, -1);
    set(Action::atf_cooperation, {0, 0, 1, 0, 0, 0});
    set(Action::tariff_chinese_goods, {0, 0, 0, 0, 1, 0});
    set(Action::screen_prc_investment, {0, 0, 0, 0, 1, 0.2}, -0.5);
    set(Action::nearshoring_incentives, {0, 0, 0, 0.3, -0.3, 0});
    set(Action::usmca_terminate, {0, 0, 0, 0, 0, 0});
    return t;
  }();
  return kTable[static_cast<std::size_t>(a)];
}

double hostility_of(Action a) {
  return -info(a).goldstein / 10.0;
}

// Pressure on the U.S. president's issue gaps: overdoses raise drugs, encounters migration.
IssueVector us_pressure(const World& w) {
  IssueVector p;
  p.fill(1.0);
  p[index(Issue::drugs_security)] = w.indicators[Ind::us_overdose_deaths] / w.base.overdoses;
  p[index(Issue::migration)] =
      std::sqrt(std::max(0.0, w.indicators[Ind::border_encounters] / w.base.encounters));
  return p;
}

}  // namespace

double default_magnitude(const World& w, Action a) {
  const DecisionParams& d = w.config.decisions;
  switch (a) {
    case Action::threaten_tariff:
    case Action::impose_tariff:
    case Action::retaliatory_tariff: return d.tariff_rate;
    case Action::tariff_chinese_goods: return d.tariff_cn_step;
    case Action::deploy_border_troops: return d.troops_step;
    case Action::transfer_cartel_leaders: return d.transfer_size;
    case Action::mass_deportation: return d.enforcement_step;
    case Action::oil_to_cuba: return w.config.markets.cuba.barrels_per_shipment;
    case Action::restrict_us_agents:
    case Action::expand_security_cooperation: return d.cooperation_step;
    case Action::judicial_reform: return d.legal_step;
    case Action::atf_cooperation: return d.atf_step;
    case Action::nearshoring_incentives: return d.incentive_step;
    case Action::military_strike: return 1.0;
    default: return 1.0;
  }
}

std::vector<Action> available_actions(const World& w, int side) {
  const PolicyState& p = w.policy;
  std::vector<Action> out;
  auto add = [&](Action a, bool ok = true) {
    if (ok) out.push_back(a);
  };
  if (side == 0) {
    const bool office = p.inaugurated;
    // Before the inauguration the president-elect can only threaten and talk.
    add(Action::threaten_tariff,
        p.tariff_us_on_mx < w.config.decisions.tariff_rate && p.tariff_threat_ticks == 0);
    add(Action::insult);
    add(Action::conciliate);
    add(Action::threaten_strike, !office || p.cartels_designated);
    add(Action::demand_remain_in_mexico, !p.remain_in_mexico && p.rim_demand_ticks == 0);
    if (!office) return out;
    add(Action::impose_tariff, p.tariff_us_on_mx < w.config.decisions.tariff_rate);
    add(Action::lift_tariff, p.tariff_us_on_mx > 0);
    add(Action::mass_deportation, p.enforcement_target < 1.0);
    add(Action::designate_cartels_terrorist, !p.cartels_designated);
    add(Action::military_strike, p.cartels_designated && p.strikes_authorized);
    add(Action::tariff_chinese_goods, p.tariff_us_on_cn < 1.0);
    add(Action::atf_cooperation, p.atf_cooperation < 1.0);
    add(Action::expand_security_cooperation, p.security_cooperation < p.cooperation_cap);
    add(Action::usmca_withdrawal_notice, p.usmca_status == 1 || p.usmca_status == 2);
  } else if (side == 1) {
    add(Action::insult);
    add(Action::conciliate);
    add(Action::retaliatory_tariff, p.tariff_us_on_mx > 0 && p.tariff_mx_on_us < p.tariff_us_on_mx);
    add(Action::lift_tariff, p.tariff_mx_on_us > 0);
    add(Action::deploy_border_troops, p.mx_border_troops < 60000);
    add(Action::transfer_cartel_leaders, p.inaugurated);
    add(Action::accept_remain_in_mexico, p.rim_demand_ticks > 0);
    add(Action::refuse_remain_in_mexico, p.rim_demand_ticks > 0);
    add(Action::judicial_reform, p.legal_certainty > 0.05);
    add(Action::oil_to_cuba);
    add(Action::protest_sovereignty, p.ticks_since_strike < 8);
    add(Action::restrict_us_agents, p.security_cooperation > 0.05);
    add(Action::expand_security_cooperation, p.security_cooperation < p.cooperation_cap);
    add(Action::atf_cooperation, p.atf_cooperation < 1.0);
    add(Action::screen_prc_investment, !p.prc_screening);
    add(Action::nearshoring_incentives, p.nearshoring_incentives < 1.0);
  }
  return out;
}

double action_utility(const World& w, std::size_t actor, int side, Action a) {
  const DecisionParams& d = w.config.decisions;
  const PolicyState& p = w.policy;
  const PoliticalActor& who = w.politics.actor(actor);
  const IssueVector& x = w.politics.position(actor);
  const IssueVector q = p.status();
  const ActionTraits& t = traits(a);
  const double host = hostility_of(a);
  IssueVector pressure;
  pressure.fill(1.0);
  if (side == 0) pressure = us_pressure(w);
  double issue = 0;
  for (std::size_t k = 0; k < kIssueCount; ++k)
    issue += who.salience[k] * t.stance[k] * (x[k] - q[k]) * pressure[k];
  const auto me = static_cast<std::size_t>(side);
  const std::size_t president = side == 0 ? w.politics.us_president() : w.politics.mx_president();
  double u = d.issue_weight * issue;
  u += d.style_weight * (2.0 * who.hawkishness - 1.0) * host;
  double grievance = p.grievance[me];
  if (side == 0) grievance += p.hawk_provocation * who.hawkishness;
  u += d.reciprocity_weight * grievance * host;
  u -= d.bond_weight * w.politics.actor(president).magnanimity * (p.leader_bond - 0.5) * 2.0 * host;
  if (side == 1) u += d.pressure_weight * p.mx_pressure * t.defiance;
  // Threats and tariffs in force make concessions attractive to Mexico; concessions make
  // lifting attractive to the U.S.; an expired threat invites its execution.
  const double threat = p.tariff_us_on_mx > 0 ? 1.0 : (p.tariff_threat_ticks > 0 ? 0.6 : 0.0);
  if (side == 1 && t.defiance < 0) u += d.threat_weight * threat * (1.0 - 0.5 * p.mx_pressure);
  if (side == 0 && a == Action::lift_tariff)
    u += d.threat_weight * (p.concessions + p.leader_bond - 0.5);
  if (side == 0 && a == Action::impose_tariff && p.tariff_threat_ticks == 1)
    u += d.threat_weight * (1.0 - p.concessions);
  if (side == 1 && a == Action::lift_tariff)
    u += d.threat_weight * (p.tariff_us_on_mx > 0 ? -1.0 : 1.0);
  if (side == 0 && (a == Action::threaten_tariff || a == Action::impose_tariff))
    u += d.tariff_weight * (2.0 * w.politics.actor(president).tariff_propensity - 1.0);
  if (t.tariff) u -= d.cost_weight * default_magnitude(w, a) * (side == 1 ? 1.0 : 0.5);
  if (a == Action::military_strike || a == Action::usmca_withdrawal_notice) u -= d.escalation_cost;
  u -= d.repeat_weight * p.recent_use[me][static_cast<std::size_t>(a)];
  // Answers to a demand are a forced choice: whichever is taken, not answering costs nothing.
  const bool answer = a == Action::accept_remain_in_mexico || a == Action::refuse_remain_in_mexico;
  if (!answer) u -= d.action_cost;
  return u;
}

namespace {
// Utility with the pressure of the advisers (advice and lobbying edges into the president).
double pressed_utility(const World& w, std::size_t president, int side, Action a) {
  const PoliticalActor& pres = w.politics.actor(president);
  double total = pres.self_weight;
  double sum = pres.self_weight * action_utility(w, president, side, a);
  auto add = [&](std::size_t j, double weight) {
    total += weight;
    sum += weight * action_utility(w, j, side, a);
  };
  w.elite.for_each_in(president, EdgeType::advice, add);
  w.elite.for_each_in(president, EdgeType::lobbying, add);
  return total > 0 ? sum / total : 0.0;
}
}  // namespace

std::optional<Action> choose_action(const World& w, std::size_t president, std::uint64_t tick) {
  const int side = side_of(w.politics.actor(president).country);
  const auto menu = available_actions(w, side);
  if (menu.empty()) return std::nullopt;
  std::vector<double> u;
  u.reserve(menu.size() + 1);
  u.push_back(0.0);  // doing nothing
  for (Action a : menu) u.push_back(pressed_utility(w, president, side, a));
  Rng r(w.config.simulation.seed, w.config.simulation.run, tick, president,
        streams::kPresidentChoice);
  const std::size_t k = r.logit_choice(u, w.config.decisions.temperature);
  if (k == 0) return std::nullopt;
  return menu[k - 1];
}

std::optional<Action> proposal(const World& w, std::size_t actor) {
  const int side = side_of(w.politics.actor(actor).country);
  if (side < 0) return std::nullopt;
  std::optional<Action> best;
  double best_u = 0.0;  // against doing nothing
  for (Action a : available_actions(w, side)) {
    const double u = action_utility(w, actor, side, a);
    if (u > best_u) best_u = u, best = a;
  }
  return best;
}

}  // namespace vecinos
