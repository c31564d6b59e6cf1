#include "world/decisions.hpp"

#include <algorithm>
#include <cmath>

#include "world/streams.hpp"
#include "world/world.hpp"

namespace vecinos {

namespace {

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

double ratio(double x, double base) {
  return base > 0 ? x / base : 1.0;
}

}  // namespace

IssueVector us_pressure(const World& w) {
  const DecisionParams& d = w.config.decisions;
  IssueVector p;
  p.fill(1.0);
  p[index(Issue::drugs_security)] = ratio(w.indicators[Ind::us_overdose_deaths], w.base.overdoses);
  p[index(Issue::migration)] =
      std::sqrt(std::max(0.0, ratio(w.indicators[Ind::border_encounters], w.base.encounters)));
  p[index(Issue::china)] = std::pow(
      std::max(0.0, ratio(w.markets.prc_announced_usd(), w.base.prc_announced)), d.china_pressure);
  p[index(Issue::legal_investment)] = 1.0 + d.dispute_pressure * w.policy.recent_disputes;
  return p;
}

double default_magnitude(const World& w, Action a) {
  // A retaliation mirrors the U.S. tariff in force.
  if (a == Action::retaliatory_tariff) return w.policy.tariff_us_on_mx;
  const auto size = info(a).size;
  return size != nullptr ? size->value(w.config) : 1.0;
}

double scaled_goldstein(const World& w, Action a, double magnitude) {
  const ActionInfo& t = info(a);
  if (t.size == nullptr) return t.goldstein;
  const DecisionParams& d = w.config.decisions;
  const double reference = t.size->value(w.config);
  if (!(reference > 0) || !(magnitude > 0)) return t.goldstein;
  const double factor = std::clamp(std::pow(magnitude / reference, d.size_exponent),
                                   d.size_factor_min, d.size_factor_max);
  return std::clamp(t.goldstein * factor, -10.0, 10.0);
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
  const IssueVector q = policy_status(p, w.config.status);
  const ActionInfo& t = info(a);
  const IssueVector& stance = d.stance.*(t.stance);
  const double defiance = d.defiance.*(t.defiance);
  const double size = default_magnitude(w, a);
  const double host = -scaled_goldstein(w, a, size) / 10.0;
  const bool us = side == Side::us, mx = side == Side::mx;
  IssueVector pressure;
  pressure.fill(1.0);
  if (us) pressure = us_pressure(w);
  double issue = 0;
  for (std::size_t k = 0; k < kIssueCount; ++k)
    issue += who.salience[k] * stance[k] * (x[k] - q[k]) * pressure[k];
  const auto me = index(side);
  const std::size_t president = us ? w.politics.us_president() : w.politics.mx_president();
  const PoliticalActor& pres = w.politics.actor(president);
  double u = d.issue_weight * issue;
  u += d.style_weight * (2.0 * who.hawkishness - 1.0) * host;
  double grievance = p.grievance[me];
  if (us) grievance += p.hawk_provocation * who.hawkishness;
  u += d.reciprocity_weight * grievance * host;
  u -= d.bond_weight * pres.magnanimity * (p.leader_bond - 0.5) * 2.0 * host;
  if (mx) u += d.pressure_weight * p.mx_pressure * defiance;
  // M1: a threatened or imposed tariff makes Mexico's concessions that answer its demand
  // attractive, in proportion to the stakes and to what is still to comply; compliance makes
  // lifting the tariff attractive to the U.S.; a missed deadline invites its execution.
  const bool in_force = p.tariff_us_on_mx > 0 && p.tariff_demand.active;
  const Demand* demand = in_force ? &p.tariff_demand : (p.threat.active ? &p.threat : nullptr);
  if (mx && demand != nullptr && defiance < 0 && t.answers == static_cast<int>(demand->issue)) {
    const double level = in_force ? 1.0 : d.threat_pending_level;
    const double stakes = demand->rate / d.tariff_rate;
    u += d.threat_weight * level * stakes * (1.0 - 0.5 * p.mx_pressure) * (1.0 - p.compliance);
  }
  if (us && a == Action::lift_tariff) u += d.lift_weight * (2.0 * p.compliance - 1.0);
  // Lifting one's own tariff ends its cost to one's own economy.
  if (a == Action::lift_tariff)
    u += d.cost_weight * (us ? d.us_tariff_cost_share * p.tariff_us_on_mx : p.tariff_mx_on_us);
  if (us && a == Action::impose_tariff && p.execute_by) u += d.execute_weight * p.threat_shortfall;
  if (mx && a == Action::lift_tariff) u += d.threat_weight * (p.tariff_us_on_mx > 0 ? -1.0 : 1.0);
  if (us && (a == Action::threaten_tariff || a == Action::impose_tariff))
    u += d.tariff_weight * (2.0 * pres.tariff_propensity - 1.0);
  if (t.tariff) u -= d.cost_weight * size * (mx ? 1.0 : d.us_tariff_cost_share);
  if (t.gravest) u -= d.escalation_cost;
  // Further legal changes after U.S. protests, and oil after a sanctions threat, cost more.
  if (mx && a == Action::judicial_reform) u -= d.reciprocity_weight * p.legal_protests * host;
  if (mx && a == Action::oil_to_cuba) u -= d.threat_weight * p.cuba_sanctions_threat;
  u -= d.repeat_weight * p.recent_use[me][index(a)];
  // Undoing one's own recent commitment costs credibility (audience costs), except a U.S.
  // tariff whose demand has been met: lifting it then is a victory, not a reversal.
  const Action undone = t.reverses[me];
  if (undone != Action::count_) {
    const double met = us && a == Action::lift_tariff ? p.compliance : 0.0;
    u -= d.reversal_weight * p.commitment[me][index(undone)] * (1.0 - met);
  }
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

// Temperature times the log of the mean of exp(u / temperature): the value of having these
// options, which tends to the best of them at low temperature and to their mean at high.
double mean_inclusive(const std::vector<double>& u, double temperature) {
  const double top = *std::max_element(u.begin(), u.end());
  double s = 0;
  for (double x : u) s += std::exp((x - top) / temperature);
  return top + temperature * std::log(s / static_cast<double>(u.size()));
}
}  // namespace

Choice choose_action(const World& w, std::size_t president, std::uint64_t tick) {
  const PoliticalActor& pres = w.politics.actor(president);
  const auto side = side_of(pres.country);
  if (!side) return {};
  const auto options = available_actions(w, *side);
  if (options.empty()) return {};
  const DecisionParams& d = w.config.decisions;
  std::vector<double> u;
  u.reserve(options.size() + 1);
  for (Action a : options) u.push_back(pressed_utility(w, president, *side, a));
  Rng r(w.config.simulation.seed, w.config.simulation.run, tick, pres.key,
        streams::kPresidentChoice);
  std::optional<Action> chosen;
  if (d.two_stage) {
    // Whether to act: doing nothing (0) against the value of the options.
    const double value = mean_inclusive(u, d.temperature);
    const double act = 1.0 / (1.0 + std::exp(-value / d.temperature));
    if (r.uniform() < act) chosen = options[r.logit_choice(u, d.temperature)];
  } else {
    std::vector<double> with_none(options.size() + 1, 0.0);  // [0]: doing nothing
    std::copy(u.begin(), u.end(), with_none.begin() + 1);
    const std::size_t k = r.logit_choice(with_none, d.temperature);
    if (k > 0) chosen = options[k - 1];
  }
  if (!chosen || !info(*chosen).escalation) return {chosen, false};
  // Magnanimity (M8): with a warm bond a president may hold back an escalation it chose.
  const double warmth = std::clamp(
      (w.policy.leader_bond - d.hold_back_pivot) / std::max(1e-9, 1.0 - d.hold_back_pivot), 0.0,
      1.0);
  Rng m(w.config.simulation.seed, w.config.simulation.run, tick, pres.key, streams::kMagnanimity);
  if (m.uniform() < pres.magnanimity * warmth) return {std::nullopt, true};
  return {chosen, false};
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
