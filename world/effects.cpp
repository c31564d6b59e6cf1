// What actions do to the policy state (M1-M9), the gating by legislatures, and the natural
// dynamics of the policy state between actions.
#include <algorithm>
#include <cmath>

#include "world/decisions.hpp"
#include "world/streams.hpp"
#include "world/world.hpp"

namespace vecinos {

namespace {

double clamp01(double x) {
  return std::clamp(x, 0.0, 1.0);
}

// A chamber's vote on a measure its majority may or may not back: the ruling party's seat share
// against the threshold, with defections that make close votes uncertain, and the chamber's
// own view of the measure's issue.
bool vote(const World& w, std::size_t legislature, double threshold, Issue issue, double direction,
          std::uint64_t salt) {
  const auto& cfg = w.config;
  const PolicyState& p = w.policy;
  const double share = w.politics.actor(legislature).country == Country::us ? p.us_congress_share
                                                                            : p.mx_congress_share;
  const double view = (w.politics.position(legislature)[index(issue)] - 0.5) * direction;
  const double margin = (share - threshold) / cfg.domestic.constitutional_slack + 8.0 * view;
  const double prob = 1.0 / (1.0 + std::exp(-margin));
  Rng r(cfg.simulation.seed, cfg.simulation.run, static_cast<std::uint64_t>(w.tick),
        legislature * 64 + salt, streams::kLegislature);
  return r.uniform() < prob;
}

std::int64_t legislature_of(const World& w, Country c) {
  for (std::size_t i = 0; i < w.politics.size(); ++i)
    if (w.politics.actor(i).kind == ActorKind::legislature && w.politics.actor(i).country == c)
      return static_cast<std::int64_t>(i);
  return -1;
}

// The side an event is aimed at: a political actor's country, or a government; none otherwise
// (cartels, the PRC, Cuba).
std::optional<Side> target_side(const World& w, const Event& e) {
  if (e.target < w.politics.size()) return side_of(w.politics.actor(e.target).country);
  if (e.target == w.collective(Collective::us_government)) return Side::us;
  if (e.target == w.collective(Collective::mx_government)) return Side::mx;
  return std::nullopt;
}

// Reception of an act by the other side (M8): hostility is remembered unless forborne, and
// lowers the bond; cooperation raises the bond and eases grievance.
void receive(World& w, const Event& e, std::optional<Side> from_side) {
  // Strikes on cartels in Mexico are aimed at Mexico's sovereignty as much as at the cartels.
  const auto to_side =
      e.action == Action::military_strike ? std::optional<Side>(Side::mx) : target_side(w, e);
  if (!from_side || to_side != other(*from_side)) return;
  PolicyState& p = w.policy;
  const DecisionParams& d = w.config.decisions;
  const auto to = index(*to_side);
  const double host = std::max(0.0, -e.goldstein) / 10.0;
  const double coop = std::max(0.0, e.goldstein) / 10.0;
  p.hostility[index(*from_side)] = clamp01(p.hostility[index(*from_side)] + host * 0.5);
  if (host > 0) {
    const std::size_t receiver =
        *to_side == Side::us ? w.politics.us_president() : w.politics.mx_president();
    Rng r(w.config.simulation.seed, w.config.simulation.run, static_cast<std::uint64_t>(w.tick),
          receiver * 4096 + w.events.size(), streams::kForbearance);
    if (r.uniform() >= w.politics.actor(receiver).forbearance) {
      p.grievance[to] = clamp01(p.grievance[to] + d.grievance_gain * host);
      p.leader_bond = clamp01(p.leader_bond - d.bond_loss * host);
    }
  }
  if (coop > 0) {
    p.leader_bond = clamp01(p.leader_bond + d.bond_gain * coop * (1.0 - p.leader_bond));
    p.grievance[to] = clamp01(p.grievance[to] - 0.5 * d.grievance_gain * coop);
  }
}

}  // namespace

bool available(const World& w, Side side, Action a) {
  const PolicyState& p = w.policy;
  const bool us = side == Side::us;
  // Before the inauguration the U.S. president-elect can only threaten and talk.
  const bool office = p.inaugurated || !us;
  switch (a) {
    case Action::threaten_tariff:
      return p.tariff_us_on_mx < w.config.decisions.tariff_rate && p.tariff_threat_ticks == 0;
    case Action::impose_tariff: return office && p.tariff_us_on_mx < w.config.decisions.tariff_rate;
    case Action::lift_tariff: return office && (us ? p.tariff_us_on_mx : p.tariff_mx_on_us) > 0;
    case Action::retaliatory_tariff:
      return p.tariff_us_on_mx > 0 && p.tariff_mx_on_us < p.tariff_us_on_mx;
    case Action::mass_deportation: return office && p.enforcement_target < 1.0;
    case Action::deploy_border_troops: return p.mx_border_troops < 60000;
    case Action::transfer_cartel_leaders: return p.inaugurated;
    case Action::designate_cartels_terrorist: return office && !p.cartels_designated;
    case Action::military_strike: return office && p.cartels_designated && p.strikes_authorized;
    case Action::demand_remain_in_mexico: return !p.remain_in_mexico && p.rim_demand_ticks == 0;
    case Action::accept_remain_in_mexico:
    case Action::refuse_remain_in_mexico: return p.rim_demand_ticks > 0;
    case Action::judicial_reform: return p.legal_certainty > 0.05;
    case Action::oil_to_cuba: return true;
    case Action::usmca_withdrawal_notice:
      return office && (p.usmca_status == UsmcaStatus::under_review ||
                        p.usmca_status == UsmcaStatus::renegotiating);
    case Action::insult:
    case Action::conciliate: return true;
    case Action::threaten_strike: return !p.inaugurated || p.cartels_designated;
    case Action::protest_sovereignty: return p.ticks_since_strike < 8;
    case Action::restrict_us_agents: return p.security_cooperation > 0.05;
    case Action::expand_security_cooperation:
      return office && p.security_cooperation < p.cooperation_cap;
    case Action::atf_cooperation: return office && p.atf_cooperation < 1.0;
    case Action::tariff_chinese_goods: return office && p.tariff_us_on_cn < 1.0;
    case Action::screen_prc_investment: return !p.prc_screening;
    case Action::nearshoring_incentives: return p.nearshoring_incentives < 1.0;
    // Settled by the joint review and its deadlines, never chosen from a menu.
    case Action::usmca_extend:
    case Action::usmca_renegotiate:
    case Action::usmca_terminate:
    case Action::count_: return false;
  }
  return false;
}

bool apply_event(World& w, Event e, bool forced) {
  PolicyState& p = w.policy;
  const DecisionParams& d = w.config.decisions;
  const std::size_t n = w.politics.size();
  const std::optional<Side> side =
      e.actor < n ? side_of(w.politics.actor(e.actor).country) : std::nullopt;
  const double m = e.magnitude;
  switch (e.action) {
    case Action::threaten_tariff: p.tariff_threat_ticks = d.threat_deadline_ticks; break;
    case Action::impose_tariff:
      p.tariff_us_on_mx = std::max(p.tariff_us_on_mx, m);
      p.tariff_threat_ticks = 0;
      break;
    case Action::lift_tariff:
      if (side == Side::us)
        p.tariff_us_on_mx = 0.0;
      else
        p.tariff_mx_on_us = 0.0;
      break;
    case Action::retaliatory_tariff:
      p.tariff_mx_on_us = std::max(p.tariff_mx_on_us, std::min(m, p.tariff_us_on_mx));
      break;
    case Action::mass_deportation: {
      // The first surge asks Congress for the money; without it capacity stays where it was.
      if (forced) p.enforcement_capacity = 1.0;
      if (p.enforcement_target == 0.0 && p.enforcement_capacity < 1.0) {
        const auto leg = legislature_of(w, Country::us);
        if (leg < 0 || vote(w, static_cast<std::size_t>(leg), 0.5, Issue::migration, 1.0, 1))
          p.enforcement_capacity = 1.0;
      }
      p.enforcement_target = std::min(p.enforcement_capacity, p.enforcement_target + m);
      break;
    }
    case Action::deploy_border_troops:
      p.mx_border_troops += m;
      p.concessions = clamp01(p.concessions + 0.5);
      break;
    case Action::transfer_cartel_leaders:
      p.extraditions_cum += m;
      w.cartels.remove_leaders(static_cast<int>(std::lround(m * d.transfer_leader_share)));
      p.security_cooperation =
          std::min(p.cooperation_cap, p.security_cooperation + 0.5 * d.cooperation_step);
      p.concessions = clamp01(p.concessions + 0.5);
      break;
    case Action::designate_cartels_terrorist: p.cartels_designated = true; break;
    case Action::threaten_strike:
      // Once cartels are designated, a threat asks Congress to authorise force (M4).
      if (forced && p.cartels_designated) p.strikes_authorized = true;
      if (p.inaugurated && p.cartels_designated && !p.strikes_authorized) {
        const auto leg = legislature_of(w, Country::us);
        if (leg < 0 || vote(w, static_cast<std::size_t>(leg), 0.5, Issue::drugs_security, 1.0, 2))
          p.strikes_authorized = true;
      }
      break;
    case Action::military_strike:
      p.strikes_cum += 1;
      w.cartels.strike();
      p.ticks_since_strike = 0;
      // Sovereignty backlash: cooperation falls, Mexico's grievance rises.
      p.security_cooperation = std::max(0.0, p.security_cooperation - d.cooperation_step);
      p.grievance[1] = clamp01(p.grievance[1] + 0.3);
      break;
    case Action::demand_remain_in_mexico: p.rim_demand_ticks = d.demand_deadline_ticks; break;
    case Action::accept_remain_in_mexico:
      p.remain_in_mexico = true;
      p.rim_demand_ticks = 0;
      p.concessions = clamp01(p.concessions + 0.3);
      break;
    case Action::refuse_remain_in_mexico: p.rim_demand_ticks = 0; break;
    case Action::judicial_reform: {
      // A constitutional change: needs Morena's supermajority in the Mexican Congress.
      const auto leg = legislature_of(w, Country::mx);
      if (leg >= 0 && !forced) {
        const double threshold =
            w.config.legislatures.count(w.politics.actor(static_cast<std::size_t>(leg)).id) != 0
                ? w.config.legislatures.at(w.politics.actor(static_cast<std::size_t>(leg)).id)
                      .supermajority
                : 2.0 / 3.0;
        if (!vote(w, static_cast<std::size_t>(leg), threshold, Issue::legal_investment, -1.0, 3))
          return false;
      }
      p.legal_certainty = std::max(0.0, p.legal_certainty - m);
      break;
    }
    case Action::oil_to_cuba: {
      p.oil_to_cuba_barrels += m;
      p.mx_alignment = std::max(0.0, p.mx_alignment - 0.05);
      p.hawk_provocation = clamp01(p.hawk_provocation + d.hawk_provocation);
      break;
    }
    case Action::usmca_extend:
      p.usmca_status = UsmcaStatus::in_force, p.usmca_next_review_tick = -1;
      break;
    case Action::usmca_renegotiate:
      p.usmca_status = UsmcaStatus::renegotiating;
      p.usmca_next_review_tick =
          w.tick + static_cast<int>(std::lround(365.25 / w.calendar.days_per_tick()));
      break;
    case Action::usmca_withdrawal_notice:
      p.usmca_status = UsmcaStatus::withdrawal_notice;
      p.usmca_termination_tick =
          w.tick + static_cast<int>(std::lround(182.6 / w.calendar.days_per_tick()));
      break;
    case Action::usmca_terminate: p.usmca_status = UsmcaStatus::terminated; break;
    case Action::protest_sovereignty: p.grievance[1] = clamp01(p.grievance[1] - 0.1); break;
    case Action::restrict_us_agents:
      p.security_cooperation = std::max(0.0, p.security_cooperation - m);
      break;
    case Action::expand_security_cooperation:
      p.security_cooperation =
          std::min(p.cooperation_cap, p.security_cooperation + (side == Side::mx ? m : 0.5 * m));
      break;
    case Action::atf_cooperation: {
      const double us_view = w.politics.position(w.politics.us_president())[index(Issue::guns)];
      p.atf_cooperation = clamp01(p.atf_cooperation + (side == Side::us ? m : m * us_view));
      break;
    }
    case Action::tariff_chinese_goods:
      p.tariff_us_on_cn = std::min(1.0, p.tariff_us_on_cn + m);
      break;
    case Action::screen_prc_investment: p.prc_screening = true; break;
    case Action::nearshoring_incentives:
      p.nearshoring_incentives = clamp01(p.nearshoring_incentives + m);
      break;
    case Action::insult:
    case Action::conciliate:
    case Action::count_: break;
  }
  if (side) p.recent_use[index(*side)][index(e.action)] += 1.0;
  e.goldstein = info(e.action).goldstein;
  e.tick = w.tick + 1;
  e.date = w.calendar.date(w.tick);
  receive(w, e, side);
  w.events.push_back(e);
  return true;
}

void advance_policy(World& w, double dt) {
  PolicyState& p = w.policy;
  const DecisionParams& d = w.config.decisions;
  auto decay = [&](double& x, double half_life) { x *= std::exp(-std::log(2.0) * dt / half_life); };
  for (auto& g : p.grievance) decay(g, d.grievance_half_life);
  for (auto& h : p.hostility) decay(h, d.hostility_half_life);
  decay(p.hawk_provocation, d.grievance_half_life);
  decay(p.concessions, d.grievance_half_life);
  for (auto& side : p.recent_use)
    for (auto& x : side) decay(x, d.repeat_half_life);
  p.leader_bond +=
      (1.0 - std::exp(-d.bond_recovery * dt)) * (w.config.relationship.leader_bond - p.leader_bond);
  // Interior enforcement ramps toward its target; border enforcement follows it.
  p.interior_enforcement +=
      (1.0 - std::exp(-d.enforcement_ramp * dt)) * (p.enforcement_target - p.interior_enforcement);
  const double border_target = w.config.policy.border_enforcement + 0.4 * p.enforcement_target;
  p.border_enforcement +=
      (1.0 - std::exp(-d.enforcement_ramp * dt)) * (border_target - p.border_enforcement);
  // Hostility erodes cooperation; ATF cooperation follows the U.S. president's view once in office.
  p.security_cooperation = std::max(0.0, p.security_cooperation - 0.1 * p.hostility[0] * dt);
  if (p.inaugurated) {
    const double view = w.politics.position(w.politics.us_president())[index(Issue::guns)];
    p.atf_cooperation += (1.0 - std::exp(-d.atf_drift * dt)) * (view - p.atf_cooperation);
  }
  if (p.tariff_threat_ticks > 0) --p.tariff_threat_ticks;
  if (p.rim_demand_ticks > 0) --p.rim_demand_ticks;
  p.ticks_since_strike += 1;
}

IssueVector PolicyState::status() const {
  IssueVector q{};
  q[index(Issue::migration)] =
      clamp01(0.2 + 0.35 * interior_enforcement + 0.25 * border_enforcement +
              0.15 * (remain_in_mexico ? 1.0 : 0.0) + 0.05 * mx_border_troops / 1e4);
  q[index(Issue::drugs_security)] = clamp01(
      0.5 * security_cooperation + 0.15 * (cartels_designated ? 1.0 : 0.0) +
      0.1 * std::min(1.0, strikes_cum / 5.0) + 0.1 * std::min(1.0, extraditions_cum / 100.0) + 0.1);
  q[index(Issue::guns)] = atf_cooperation;
  q[index(Issue::legal_investment)] = legal_certainty;
  q[index(Issue::china)] = clamp01(0.2 + 0.5 * tariff_us_on_cn + (prc_screening ? 0.3 : 0.0));
  q[index(Issue::foreign_alignment)] = mx_alignment;
  return q;
}

}  // namespace vecinos
