#include "world/world.hpp"

#include <algorithm>
#include <cmath>

#include "model/errors.hpp"
#include "world/drivers.hpp"
#include "world/measure.hpp"

namespace vecinos {

World::World(const Config& cfg)
    : config(cfg),
      calendar(cfg.simulation.start, cfg.simulation.end, cfg.simulation.days_per_tick),
      date(cfg.simulation.start) {}

StepContext World::step_context() const {
  return {config.simulation.seed, config.simulation.run, tick, dt(), date};
}

namespace {

// Build steps, in the order build_world takes them; each reads only what earlier steps made.

void build_political_actors(World& w) {
  w.politics.build(w.config, political_drivers(w), w.step_context());
  w.politics.connect(w.config, w.elite);
}

// The policies in force at the start (`policy:` and the start levels of other sections).
void set_start_policy(World& w) {
  const Config& cfg = w.config;
  const PolicyParams& p = cfg.policy;
  PolicyState& s = w.policy;
  s = PolicyState{};
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
  s.removal_capacity = p.removal_capacity;
  s.mx_accepts_third_country = p.mx_accepts_third_country;
  s.third_country_share = p.mx_accepts_third_country ? cfg.effects.tcn_share : 0.0;
  s.atf_cooperation = cfg.markets.guns.initial_atf_cooperation;
  s.leader_bond = cfg.relationship.leader_bond;
  s.inaugurated = cfg.simulation.start >= cfg.calendar.inauguration;
  for (const auto& [id, pres] : cfg.presidents) {
    if (pres.country == Country::us) s.approval_us = pres.approval;
    if (pres.country == Country::mx) s.approval_mx = pres.approval;
  }
  // A country without a legislature has no seat share (NaN: not computed).
  s.us_congress_share = s.mx_congress_share = std::nan("");
  for (const auto& [id, l] : cfg.legislatures) {
    if (l.country == Country::us) s.us_congress_share = l.ruling_share;
    if (l.country == Country::mx) s.mx_congress_share = l.ruling_share;
  }
}

void build_markets(World& w) {
  w.markets.build(w.config.markets, market_drivers(w), w.step_context());
}

void build_people(World& w) {
  w.migrants.build(w.config.migrants, migrant_drivers(w), w.step_context());
  w.start_flows = w.migrants.expected_flows(migrant_drivers(w));
  w.base.encounters = w.start_flows.encounters / 12.0;  // per month
}

void build_cartels(World& w) {
  w.cartels.build(w.config.cartels, cartel_drivers(w), w.step_context());
  for (std::size_t r = 0; r < kRegions; ++r)
    w.base.region_members[r] = w.cartels.members_in_region(r);
}

void build_firms(World& w) {
  w.firms.build(w.config.firms, firm_drivers(w), w.step_context());
}

void list_event_actors(World& w) {
  for (const auto& a : w.politics.actors()) w.event_actors.push_back(a.id);
  for (std::string_view c : kCollectiveNames) w.event_actors.emplace_back(c);
  w.proposals.assign(w.politics.size(), -1);
}

// The levels of the start that mechanisms compare with, from the first measurement.
void set_start_levels(World& w) {
  w.policy.tension = relationship_tension(w);
  w.indicators = measure(w);
  w.base.trade = w.indicators[Ind::trade_us_mx_usd];
  w.base.remittances = w.indicators[Ind::remittances_usd];
  w.base.overdoses = w.indicators[Ind::us_overdose_deaths];
  w.base.homicides = w.indicators[Ind::mx_homicides];
  w.base.approval_us = w.policy.approval_us;
  w.base.approval_mx = w.policy.approval_mx;
  w.base.mx_exports = w.firms.exports_usd();
  w.base.cartel_revenue = std::max(1.0, w.cartels.total_revenue());
  w.base.prc_announced = w.markets.prc_announced_usd();
}

}  // namespace

World build_world(const Config& cfg) {
  World w(cfg);
  build_political_actors(w);
  set_start_policy(w);
  build_markets(w);
  build_people(w);
  build_cartels(w);
  build_firms(w);
  list_event_actors(w);
  set_start_levels(w);
  return w;
}

}  // namespace vecinos
