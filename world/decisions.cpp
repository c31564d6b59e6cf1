#include "world/decisions.hpp"

#include <algorithm>
#include <cmath>

#include "world/streams.hpp"
#include "world/world.hpp"

namespace vecinos {

namespace {

// Pressure on the U.S. president's issue gaps: overdoses raise drugs, encounters migration.
IssueVector us_pressure(const World& w) {
  IssueVector p;
  p.fill(1.0);
  p[index(Issue::drugs_security)] = w.indicators[Ind::us_overdose_deaths] / w.base.overdoses;
  p[index(Issue::migration)] =
      std::sqrt(std::max(0.0, w.indicators[Ind::border_encounters] / w.base.encounters));
  return p;
}

// Each side's options in menu order (world/actions.cpp).
const std::vector<Action>& menu(Side side) {
  static const auto kMenus = [] {
    std::array<std::vector<Action>, 2> m;
    for (std::size_t s = 0; s < 2; ++s) {
      std::vector<std::pair<int, Action>> ranked;
      for (const ActionInfo& a : kActionInfo)
        if (a.menu[s] != kNotOnMenu) ranked.emplace_back(a.menu[s], a.action);
      std::sort(ranked.begin(), ranked.end());
      for (const auto& [rank, a] : ranked) m[s].push_back(a);
    }
    return m;
  }();
  return kMenus[index(side)];
}

}  // namespace

double default_magnitude(const World& w, Action a) {
  const auto size = info(a).size;
  return size != nullptr ? size(w.config) : 1.0;
}

std::vector<Action> available_actions(const World& w, Side side) {
  std::vector<Action> out;
  for (Action a : menu(side))
    if (available(w, side, a)) out.push_back(a);
  return out;
}

double action_utility(const World& w, std::size_t actor, Side side, Action a) {
  const DecisionParams& d = w.config.decisions;
  const PolicyState& p = w.policy;
  const PoliticalActor& who = w.politics.actor(actor);
  const IssueVector& x = w.politics.position(actor);
  const IssueVector q = p.status();
  const ActionInfo& t = info(a);
  const double host = hostility_of(a);
  const bool us = side == Side::us, mx = side == Side::mx;
  IssueVector pressure;
  pressure.fill(1.0);
  if (us) pressure = us_pressure(w);
  double issue = 0;
  for (std::size_t k = 0; k < kIssueCount; ++k)
    issue += who.salience[k] * t.stance[k] * (x[k] - q[k]) * pressure[k];
  const auto me = index(side);
  const std::size_t president = us ? w.politics.us_president() : w.politics.mx_president();
  double u = d.issue_weight * issue;
  u += d.style_weight * (2.0 * who.hawkishness - 1.0) * host;
  double grievance = p.grievance[me];
  if (us) grievance += p.hawk_provocation * who.hawkishness;
  u += d.reciprocity_weight * grievance * host;
  u -= d.bond_weight * w.politics.actor(president).magnanimity * (p.leader_bond - 0.5) * 2.0 * host;
  if (mx) u += d.pressure_weight * p.mx_pressure * t.defiance;
  // Threats and tariffs in force make concessions attractive to Mexico; concessions make
  // lifting attractive to the U.S.; an expired threat invites its execution.
  const double threat = p.tariff_us_on_mx > 0 ? 1.0 : (p.tariff_threat_ticks > 0 ? 0.6 : 0.0);
  if (mx && t.defiance < 0) u += d.threat_weight * threat * (1.0 - 0.5 * p.mx_pressure);
  if (us && a == Action::lift_tariff) u += d.threat_weight * (p.concessions + p.leader_bond - 0.5);
  if (us && a == Action::impose_tariff && p.tariff_threat_ticks == 1)
    u += d.threat_weight * (1.0 - p.concessions);
  if (mx && a == Action::lift_tariff) u += d.threat_weight * (p.tariff_us_on_mx > 0 ? -1.0 : 1.0);
  if (us && (a == Action::threaten_tariff || a == Action::impose_tariff))
    u += d.tariff_weight * (2.0 * w.politics.actor(president).tariff_propensity - 1.0);
  if (t.tariff) u -= d.cost_weight * default_magnitude(w, a) * (mx ? 1.0 : 0.5);
  if (a == Action::military_strike || a == Action::usmca_withdrawal_notice) u -= d.escalation_cost;
  u -= d.repeat_weight * p.recent_use[me][index(a)];
  // Answers to a demand are a forced choice: whichever is taken, not answering costs nothing.
  const bool answer = a == Action::accept_remain_in_mexico || a == Action::refuse_remain_in_mexico;
  if (!answer) u -= d.action_cost;
  return u;
}

namespace {
// Utility with the pressure of the advisers (advice and lobbying edges into the president).
double pressed_utility(const World& w, std::size_t president, Side side, Action a) {
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
  const auto side = side_of(w.politics.actor(president).country);
  if (!side) return std::nullopt;
  const auto options = available_actions(w, *side);
  if (options.empty()) return std::nullopt;
  std::vector<double> u;
  u.reserve(options.size() + 1);
  u.push_back(0.0);  // doing nothing
  for (Action a : options) u.push_back(pressed_utility(w, president, *side, a));
  Rng r(w.config.simulation.seed, w.config.simulation.run, tick, president,
        streams::kPresidentChoice);
  const std::size_t k = r.logit_choice(u, w.config.decisions.temperature);
  if (k == 0) return std::nullopt;
  return options[k - 1];
}

std::optional<Action> proposal(const World& w, std::size_t actor) {
  const auto side = side_of(w.politics.actor(actor).country);
  if (!side) return std::nullopt;
  std::optional<Action> best;
  double best_u = 0.0;  // against doing nothing
  for (Action a : available_actions(w, *side)) {
    const double u = action_utility(w, actor, *side, a);
    if (u > best_u) best_u = u, best = a;
  }
  return best;
}

}  // namespace vecinos
