// What actions do to the policy state (M1-M9), the gating by legislatures, the deadlines of
// threats and demands, and the natural dynamics of the policy state between actions.
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

void decay(double& x, double dt, double half_life) {
  x *= std::exp(-std::log(2.0) * dt / half_life);
}

// A date `months` calendar months later (the last day of the month when the day does not exist).
Date add_months(Date d, int months) {
  int y = d.year(), m = d.month() - 1 + months, day = d.day();
  y += m / 12, m %= 12;
  while (!Date::valid(y, m + 1, day)) --day;
  return Date(y, m + 1, day);
}

// A chamber's vote on a measure its majority may or may not back: the ruling party's seat share
// against the threshold, with defections that make close votes uncertain, and the chamber's
// own view of the measure's issue.
bool vote(const World& w, std::size_t legislature, double threshold, Issue issue, double direction,
          std::uint64_t salt) {
  const auto& cfg = w.config;
  const PolicyState& p = w.policy;
  const auto& chamber = w.politics.actor(legislature);
  const double share = chamber.country == Country::us ? p.us_congress_share : p.mx_congress_share;
  const double view = (w.politics.position(legislature)[index(issue)] - 0.5) * direction;
  const double margin = (share - threshold) / cfg.domestic.constitutional_slack +
                        cfg.domestic.vote_view_weight * view;
  const double prob = 1.0 / (1.0 + std::exp(-margin));
  Rng r(cfg.simulation.seed, cfg.simulation.run, static_cast<std::uint64_t>(w.tick),
        chamber.key ^ salt, streams::kLegislature);
  return r.uniform() < prob;
}

std::int64_t legislature_of(const World& w, Country c) {
  for (std::size_t i = 0; i < w.politics.size(); ++i)
    if (w.politics.actor(i).kind == ActorKind::legislature && w.politics.actor(i).country == c)
      return static_cast<std::int64_t>(i);
  return -1;
}

// The side an event is aimed at: a political actor's country, or a government; none otherwise
// (cartels, the PRC, Cuba). Strikes on cartels in Mexico are aimed at Mexico's sovereignty as
// much as at the cartels.
std::optional<Side> target_side(const World& w, const Event& e) {
  if (e.action == Action::military_strike) return Side::mx;
  if (e.target < w.politics.size()) return side_of(w.politics.actor(e.target).country);
  if (e.target == w.collective(Collective::us_government)) return Side::us;
  if (e.target == w.collective(Collective::mx_government)) return Side::mx;
  return std::nullopt;
}

// The diplomatic channel from one side to the other: the weights of the diplomatic edges from
// actors of `from` to actors of `to` (the presidents' own edge carries their bond).
double diplomatic_channel(const World& w, Side from, Side to) {
  double sum = 0;
  for (std::uint32_t id = 0; id < w.elite.edge_count(); ++id) {
    const auto e = w.elite.edge(id);
    if (e.type != EdgeType::diplomatic) continue;
    if (side_of(w.politics.actor(e.source).country) == from &&
        side_of(w.politics.actor(e.target).country) == to)
      sum += e.weight;
  }
  return sum;
}

// Reception of an act by the other side (M8): hostility is remembered unless forborne (the
// receiving president's forbearance moves with its political capital), and lowers the bond;
// cooperation raises the bond and eases grievance; every bilateral act feeds the net conflict
// that tension is made of.
void receive(World& w, const Event& e, std::optional<Side> from_side) {
  const auto to_side = target_side(w, e);
  if (!from_side || to_side != other(*from_side)) return;
  PolicyState& p = w.policy;
  const DecisionParams& d = w.config.decisions;
  const auto to = index(*to_side);
  const double host = std::max(0.0, -e.goldstein) / 10.0;
  const double coop = std::max(0.0, e.goldstein) / 10.0;
  p.conflict += -e.goldstein / 10.0;
  p.hostility[index(*from_side)] =
      clamp01(p.hostility[index(*from_side)] + w.config.effects.hostility_gain * host);
  if (host > 0) {
    const std::size_t receiver =
        *to_side == Side::us ? w.politics.us_president() : w.politics.mx_president();
    Rng r(w.config.simulation.seed, w.config.simulation.run, static_cast<std::uint64_t>(w.tick),
          w.politics.actor(receiver).key + w.events.size(), streams::kForbearance);
    if (r.uniform() >= effective_forbearance(w, receiver)) {
      const double channel = diplomatic_channel(w, *from_side, *to_side);
      p.grievance[to] =
          clamp01(p.grievance[to] + d.grievance_gain * host / (1.0 + d.diplomacy_effect * channel));
      p.leader_bond = clamp01(p.leader_bond - d.bond_loss * host);
    }
  }
  if (coop > 0) {
    p.leader_bond = clamp01(p.leader_bond + d.bond_gain * coop * (1.0 - p.leader_bond));
    p.grievance[to] = clamp01(p.grievance[to] - 0.5 * d.grievance_gain * coop);
  }
}

bool usmca_open(const PolicyState& p) {
  return p.usmca_status != UsmcaStatus::withdrawal_notice &&
         p.usmca_status != UsmcaStatus::terminated;
}

Demand make_demand(const World& w, Issue issue, double rate, Date made) {
  Demand d;
  d.active = true;
  d.issue = issue;
  d.made = made;
  d.rate = rate;
  d.encounters = w.indicators[Ind::border_encounters];
  d.supply = w.cartels.supply_index();
  d.extraditions = w.policy.extraditions_cum;
  return d;
}

}  // namespace

double effective_forbearance(const World& w, std::size_t president) {
  const DecisionParams& d = w.config.decisions;
  const PoliticalActor& a = w.politics.actor(president);
  const bool us = a.country == Country::us;
  const PolicyState& p = w.policy;
  const double approval = us ? p.approval_us : p.approval_mx;
  const double approval0 = us ? w.base.approval_us : w.base.approval_mx;
  const double pressure = us ? 0.0 : p.mx_pressure;
  return clamp01(a.forbearance + d.forbearance_capital * (approval - approval0) -
                 d.forbearance_pressure * pressure);
}

Issue demand_issue(const World& w) {
  // The U.S. demands action where its president's weighted gap is largest, of drugs and
  // migration (the two the seed ties the tariff threat to).
  const std::size_t us = w.politics.us_president();
  const auto& who = w.politics.actor(us);
  const IssueVector& x = w.politics.position(us);
  const IssueVector q = policy_status(w.policy, w.config.status);
  const IssueVector pressure = us_pressure(w);
  auto gap = [&](Issue i) {
    const auto k = index(i);
    return who.salience[k] * (x[k] - q[k]) * pressure[k];
  };
  return gap(Issue::drugs_security) > gap(Issue::migration) ? Issue::drugs_security
                                                            : Issue::migration;
}

double compliance(const World& w, const Demand& d) {
  if (!d.active) return 0.0;
  const DecisionParams& p = w.config.decisions;
  if (d.issue == Issue::migration) {
    const double fall =
        d.encounters > 0 ? 1.0 - w.indicators[Ind::border_encounters] / d.encounters : 0.0;
    return clamp01(fall / p.compliance_encounters);
  }
  const double transfers = (w.policy.extraditions_cum - d.extraditions) / p.compliance_transfers;
  const double supply =
      d.supply > 0 ? (1.0 - w.cartels.supply_index() / d.supply) / p.compliance_supply : 0.0;
  return clamp01(transfers + std::max(0.0, supply));
}

bool apply_event(World& w, Event e) {
  PolicyState& p = w.policy;
  const DecisionParams& d = w.config.decisions;
  const EffectParams& f = w.config.effects;
  const std::size_t n = w.politics.size();
  const std::optional<Side> side =
      e.actor < n ? side_of(w.politics.actor(e.actor).country) : std::nullopt;
  const bool forced = e.forced;
  double& m = e.magnitude;
  switch (e.action) {
    case Action::threaten_tariff:
      if (p.threat.active || m <= p.tariff_us_on_mx + f.min_tariff_change) return false;
      p.threat = make_demand(w, demand_issue(w), m, e.date);
      // A president-elect's threat runs at least until he can act on it.
      p.threat.deadline = std::max(e.date + d.threat_deadline_days,
                                   p.inaugurated ? e.date : w.config.calendar.inauguration + 1);
      e.issue = static_cast<std::int8_t>(index(p.threat.issue));
      break;
    case Action::impose_tariff:
      if (m <= p.tariff_us_on_mx + f.min_tariff_change) return false;
      p.tariff_demand = p.threat.active ? p.threat : make_demand(w, demand_issue(w), m, e.date);
      p.tariff_demand.rate = m;
      p.tariff_us_on_mx = m;
      p.threat.active = false;
      p.execute_by.reset();
      e.issue = static_cast<std::int8_t>(index(p.tariff_demand.issue));
      break;
    case Action::lift_tariff:
      if (side == Side::mx) {
        if (p.tariff_mx_on_us <= 0) return false;
        m = p.tariff_mx_on_us;
        p.tariff_mx_on_us = 0.0;
      } else {
        if (p.tariff_us_on_mx <= 0) return false;
        m = p.tariff_us_on_mx;
        p.tariff_us_on_mx = 0.0;
        p.tariff_demand.active = false;
      }
      break;
    case Action::retaliatory_tariff: {
      // At most matching the U.S. tariff; what takes effect is what the event records.
      const double rate = std::min(m, p.tariff_us_on_mx);
      if (rate <= p.tariff_mx_on_us + f.min_tariff_change) return false;
      m = rate;
      p.tariff_mx_on_us = rate;
      break;
    }
    case Action::mass_deportation: {
      // The first surge asks Congress for the money; without it intensity and capacity stay
      // within what existing appropriations reach.
      const bool was_funded = p.removals_funded;
      if (!p.removals_funded) {
        const auto leg = legislature_of(w, Country::us);
        if (forced || leg < 0 ||
            vote(w, static_cast<std::size_t>(leg), 0.5, Issue::migration, 1.0, 1))
          p.removals_funded = true;
      }
      p.enforcement_capacity = p.removals_funded ? 1.0 : w.config.policy.enforcement_capacity;
      const double target = std::min(p.enforcement_capacity, p.enforcement_target + m);
      if (target <= p.enforcement_target && !(p.removals_funded && !was_funded)) return false;
      m = target - p.enforcement_target;
      p.enforcement_target = target;
      break;
    }
    case Action::deploy_border_troops: {
      const double troops = std::min(f.troop_cap, p.mx_border_troops + m);
      if (troops <= p.mx_border_troops) return false;
      m = troops - p.mx_border_troops;
      p.mx_border_troops = troops;
      break;
    }
    case Action::transfer_cartel_leaders:
      p.extraditions_cum += m;
      w.cartels.remove_leaders(static_cast<int>(std::lround(m * d.transfer_leader_share)));
      p.security_cooperation = std::min(
          p.cooperation_cap, p.security_cooperation + f.transfer_cooperation * d.cooperation_step);
      break;
    case Action::designate_cartels_terrorist:
      if (p.cartels_designated) return false;
      p.cartels_designated = true;
      break;
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
      p.last_strike = e.date;
      // Sovereignty backlash: cooperation falls, Mexico's grievance rises.
      p.security_cooperation = std::max(0.0, p.security_cooperation - d.cooperation_step);
      p.grievance[index(Side::mx)] = clamp01(p.grievance[index(Side::mx)] + f.strike_grievance);
      break;
    case Action::demand_remain_in_mexico:
      if (p.remain_in_mexico || p.rim_demand_due) return false;
      p.rim_demand_due = e.date + d.demand_deadline_days;
      break;
    case Action::accept_remain_in_mexico:
      if (p.remain_in_mexico) return false;
      p.remain_in_mexico = true;
      p.rim_demand_due.reset();
      break;
    case Action::refuse_remain_in_mexico:
      if (p.remain_in_mexico || !p.rim_demand_due) return false;
      p.rim_demand_due.reset();
      p.rim_refused = e.date;
      break;
    case Action::withdraw_remain_in_mexico:
    case Action::end_remain_in_mexico:
      if (!p.remain_in_mexico) return false;
      p.remain_in_mexico = false;
      break;
    case Action::judicial_reform: {
      // A constitutional change: needs Morena's supermajority in the Mexican Congress.
      if (p.legal_certainty <= 0) return false;
      const auto leg = legislature_of(w, Country::mx);
      if (leg >= 0 && !forced) {
        const auto& id = w.politics.actor(static_cast<std::size_t>(leg)).id;
        const auto it = w.config.legislatures.find(id);
        const double threshold = it != w.config.legislatures.end()
                                     ? it->second.supermajority
                                     : LegislatureParams{}.supermajority;
        if (!vote(w, static_cast<std::size_t>(leg), threshold, Issue::legal_investment, -1.0, 3))
          return false;
      }
      m = std::min(m, p.legal_certainty);
      p.legal_certainty -= m;
      break;
    }
    case Action::oil_to_cuba:
      p.oil_to_cuba_barrels += m;
      p.mx_alignment = std::max(0.0, p.mx_alignment - f.alignment_per_shipment);
      p.hawk_provocation = clamp01(p.hawk_provocation + d.hawk_provocation);
      break;
    case Action::usmca_extend:
      if (!usmca_open(p)) return false;
      p.usmca_status = UsmcaStatus::in_force;
      p.usmca_next_review.reset();
      break;
    case Action::usmca_renegotiate:
      if (!usmca_open(p)) return false;
      p.usmca_status = UsmcaStatus::renegotiating;
      p.usmca_next_review = add_months(e.date, f.review_interval_months);
      break;
    case Action::usmca_withdrawal_notice:
      if (!usmca_open(p)) return false;
      p.usmca_status = UsmcaStatus::withdrawal_notice;
      p.usmca_termination = add_months(e.date, f.notice_months);
      p.usmca_next_review.reset();
      break;
    case Action::usmca_terminate:
      // Final: no review brings it back; only a new agreement does.
      if (p.usmca_status != UsmcaStatus::withdrawal_notice) return false;
      p.usmca_status = UsmcaStatus::terminated;
      p.usmca_termination.reset();
      p.usmca_next_review.reset();
      break;
    case Action::usmca_new_agreement:
      if (p.usmca_status != UsmcaStatus::terminated) return false;
      p.usmca_status = UsmcaStatus::in_force;
      break;
    case Action::protest_sovereignty:
      p.grievance[index(Side::mx)] = clamp01(p.grievance[index(Side::mx)] - f.protest_relief);
      break;
    case Action::restrict_us_agents: {
      const double c = std::max(0.0, p.security_cooperation - m);
      if (c >= p.security_cooperation) return false;
      m = p.security_cooperation - c;
      p.security_cooperation = c;
      break;
    }
    case Action::expand_security_cooperation: {
      const double add = side == Side::mx ? m : f.us_cooperation_share * m;
      const double c = std::min(p.cooperation_cap, p.security_cooperation + add);
      if (c <= p.security_cooperation) return false;
      m = c - p.security_cooperation;
      p.security_cooperation = c;
      break;
    }
    case Action::atf_cooperation: {
      const double us_view = w.politics.position(w.politics.us_president())[index(Issue::guns)];
      const double atf = clamp01(p.atf_cooperation + (side == Side::us ? m : m * us_view));
      if (atf <= p.atf_cooperation) return false;
      p.atf_cooperation = atf;
      break;
    }
    case Action::tariff_chinese_goods: {
      const double rate = std::min(1.0, p.tariff_us_on_cn + m);
      if (rate <= p.tariff_us_on_cn) return false;
      m = rate - p.tariff_us_on_cn;
      p.tariff_us_on_cn = rate;
      break;
    }
    case Action::screen_prc_investment:
      if (p.prc_screening) return false;
      p.prc_screening = true;
      break;
    case Action::nearshoring_incentives: {
      const double x = clamp01(p.nearshoring_incentives + m);
      if (x <= p.nearshoring_incentives) return false;
      m = x - p.nearshoring_incentives;
      p.nearshoring_incentives = x;
      break;
    }
    case Action::accept_third_country_returns:
      if (p.mx_accepts_third_country) return false;
      p.mx_accepts_third_country = true;
      break;
    case Action::refuse_third_country_returns:
      if (!p.mx_accepts_third_country) return false;
      p.mx_accepts_third_country = false;
      break;
    case Action::protest_legal_framework: p.legal_protests += 1.0; break;
    case Action::threaten_sanctions_cuba:
      // The hawks' pushback: a threat that raises the cost of further shipments to Mexico
      // and vents part of the provocation.
      p.cuba_sanctions_threat += 1.0;
      p.hawk_provocation *= 0.5;
      break;
    case Action::insult:
    case Action::conciliate:
    case Action::count_: break;
  }
  if (side) {
    p.recent_use[index(*side)][index(e.action)] += 1.0;
    p.commitment[index(*side)][index(e.action)] += 1.0;
  }
  e.goldstein = scaled_goldstein(w, e.action, m);
  e.tick = w.tick + 1;
  receive(w, e, side);
  w.events.push_back(e);
  return true;
}

void judge_deadlines(World& w) {
  PolicyState& p = w.policy;
  const Date end = w.calendar.date(w.tick + 1);
  const DecisionParams& d = w.config.decisions;
  // A threat whose deadline falls in this step is judged on outcomes: met, it lapses; missed,
  // the U.S. is expected to execute it for a while (its credibility is at stake).
  if (p.threat.active && p.threat.deadline < end) {
    const double c = compliance(w, p.threat);
    p.compliance = c;
    if (c < 1.0) {
      p.execute_by = p.threat.deadline + d.execute_window_days;
      p.threat_shortfall = 1.0 - c;
    }
    p.threat.active = false;
  }
  if (p.execute_by && *p.execute_by < w.date) p.execute_by.reset();
  // An unanswered demand lapses, as a refusal.
  if (p.rim_demand_due && *p.rim_demand_due < end) {
    p.rim_refused = *p.rim_demand_due;
    p.rim_demand_due.reset();
  }
  // Compliance with the demand in play, as the outcomes stand.
  if (p.tariff_us_on_mx > 0 && p.tariff_demand.active)
    p.compliance = compliance(w, p.tariff_demand);
  else if (p.threat.active)
    p.compliance = compliance(w, p.threat);
}

void advance_policy(World& w, double dt) {
  PolicyState& p = w.policy;
  const DecisionParams& d = w.config.decisions;
  const EffectParams& f = w.config.effects;
  for (auto& g : p.grievance) decay(g, dt, d.grievance_half_life);
  for (auto& h : p.hostility) decay(h, dt, d.hostility_half_life);
  decay(p.hawk_provocation, dt, d.grievance_half_life);
  decay(p.conflict, dt, d.tension_half_life);
  decay(p.recent_disputes, dt, f.dispute_half_life);
  decay(p.legal_protests, dt, f.pushback_half_life);
  decay(p.cuba_sanctions_threat, dt, f.pushback_half_life);
  for (auto& side : p.recent_use)
    for (auto& x : side) decay(x, dt, d.repeat_half_life);
  for (auto& side : p.commitment)
    for (auto& x : side) decay(x, dt, d.commitment_half_life);
  p.leader_bond +=
      (1.0 - std::exp(-d.bond_recovery * dt)) * (w.config.relationship.leader_bond - p.leader_bond);
  // Interior enforcement ramps toward its target; border enforcement follows it.
  p.interior_enforcement +=
      (1.0 - std::exp(-d.enforcement_ramp * dt)) * (p.enforcement_target - p.interior_enforcement);
  const double border_target =
      w.config.policy.border_enforcement + f.border_follow * p.enforcement_target;
  p.border_enforcement +=
      (1.0 - std::exp(-d.enforcement_ramp * dt)) * (border_target - p.border_enforcement);
  // Removal capacity (detention, officers, flights) grows toward what the enforcement target
  // needs, at a bounded rate, within what funding allows.
  const double start = w.config.policy.removal_capacity;
  const double ceiling = p.removals_funded ? f.capacity_funded : start * f.capacity_unfunded;
  const double wanted = start + p.enforcement_target * std::max(0.0, ceiling - start);
  const double step = f.capacity_growth * dt;
  p.removal_capacity += std::clamp(wanted - p.removal_capacity, -step, step);
  // Non-Mexicans removed to Mexico: a share while Mexico accepts them, more under a surge.
  p.third_country_share = p.mx_accepts_third_country
                              ? clamp01(f.tcn_share + f.tcn_share_surge * p.interior_enforcement)
                              : 0.0;
  // Investor disputes follow the legal certainty lost since the start (M6).
  const double disputes =
      f.dispute_rate * std::max(0.0, w.config.policy.legal_certainty - p.legal_certainty) * dt;
  p.investor_disputes_cum += disputes;
  p.recent_disputes += disputes;
  // Hostility erodes cooperation; ATF cooperation follows the U.S. president's view once in office.
  p.security_cooperation =
      std::max(0.0, p.security_cooperation - f.cooperation_erosion * p.hostility[0] * dt);
  if (p.inaugurated) {
    const double view = w.politics.position(w.politics.us_president())[index(Issue::guns)];
    p.atf_cooperation += (1.0 - std::exp(-d.atf_drift * dt)) * (view - p.atf_cooperation);
  }
}

}  // namespace vecinos
