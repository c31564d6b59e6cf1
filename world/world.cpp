#include "world/world.hpp"

#include <algorithm>

#include "model/errors.hpp"

namespace vecinos {

namespace {
PolicyState initial_policy(const Config& cfg) {
  const PolicyParams& p = cfg.policy;
  PolicyState s;
  s.tariff_us_on_cn = p.tariff_us_on_cn;
  s.border_enforcement = p.border_enforcement;
  s.mx_border_troops = p.mx_border_troops;
  s.security_cooperation = std::min(p.security_cooperation, p.cooperation_cap);
  s.cooperation_cap = p.cooperation_cap;
  s.legal_certainty = p.legal_certainty;
  s.mx_alignment = p.mx_alignment;
  s.remain_in_mexico = p.remain_in_mexico;
  s.cartels_designated = p.cartels_designated;
  s.strikes_authorized = p.strikes_authorized;
  s.prc_screening = p.prc_screening;
  s.enforcement_capacity = p.enforcement_capacity;
  s.atf_cooperation = cfg.markets.guns.initial_atf_cooperation;
  s.leader_bond = cfg.relationship.leader_bond;
  s.inaugurated = cfg.simulation.start >= cfg.calendar.inauguration;
  for (const auto& [id, pres] : cfg.presidents) {
    if (pres.country == Country::us) s.approval_us = pres.approval;
    if (pres.country == Country::mx) s.approval_mx = pres.approval;
  }
  for (const auto& [id, l] : cfg.legislatures) {
    if (l.country == Country::us) s.us_congress_share = l.ruling_share;
    if (l.country == Country::mx) s.mx_congress_share = l.ruling_share;
  }
  return s;
}

CartelDrivers initial_cartel_drivers(const Config& cfg, const PolicyState& p, double crossings) {
  CartelDrivers d;
  d.border_enforcement = p.border_enforcement;
  d.mx_border_troops = p.mx_border_troops;
  d.security_cooperation = p.security_cooperation;
  d.drug_demand = 1.0;
  d.drug_revenue_usd = cfg.markets.drugs.cartel_revenue_usd;
  d.guns_per_year = cfg.markets.guns.guns_smuggled;
  d.economy = 1.0;
  d.migrant_crossings = crossings;
  return d;
}
}  // namespace

MigrantDrivers migrant_drivers(const World& w) {
  MigrantDrivers d;
  d.border_enforcement = w.policy.border_enforcement;
  d.interior_enforcement = w.policy.interior_enforcement;
  d.mx_border_troops = w.policy.mx_border_troops;
  d.remain_in_mexico = w.policy.remain_in_mexico;
  d.log_wage_ratio_change = w.markets.log_wage_ratio_change();
  return d;
}

World::World(const Config& cfg)
    : config(cfg),
      calendar(cfg.simulation.start, cfg.simulation.end, cfg.simulation.days_per_tick),
      date(cfg.simulation.start),
      politics(Politics::build(cfg, elite)),
      policy(initial_policy(cfg)) {
  const auto seed = cfg.simulation.seed, run = cfg.simulation.run;
  markets.build(cfg.markets, policy.atf_cooperation, policy.tariff_us_on_cn);
  migrants.build(cfg.migrants, seed, run);
  start_flows = migrants.expected_flows(migrant_drivers(*this));
  cartels.build(cfg.cartels, initial_cartel_drivers(cfg, policy, start_flows.crossings), seed, run);
  firms.build(cfg.firms, seed, run);
  for (const auto& a : politics.actors()) event_actors.push_back(a.id);
  for (const char* c : {"us_government", "mx_government", "cartels", "prc", "cuba", "canada"})
    event_actors.emplace_back(c);
  proposals.assign(politics.size(), -1);
}

std::uint32_t World::collective(std::string_view name) const {
  const auto it = std::find(event_actors.begin(), event_actors.end(), name);
  if (it == event_actors.end()) throw RuntimeError("unknown collective actor " + std::string(name));
  return static_cast<std::uint32_t>(it - event_actors.begin());
}

}  // namespace vecinos
