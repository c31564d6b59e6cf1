#include "world/simulation.hpp"

#include <cmath>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include "model/errors.hpp"
#include "world/decisions.hpp"
#include "world/domestic.hpp"
#include "world/measure.hpp"
#include "world/usmca_review.hpp"

namespace vecinos {

namespace {

CartelDrivers cartel_drivers(const World& w) {
  CartelDrivers d;
  d.border_enforcement = w.policy.border_enforcement;
  d.mx_border_troops = w.policy.mx_border_troops;
  d.security_cooperation = w.policy.security_cooperation;
  d.drug_demand = w.markets.drug_demand();
  d.drug_revenue_usd = w.markets.drug_revenue_usd();
  d.guns_per_year = w.markets.guns_smuggled();
  d.returnees_recent = w.returnees_last_year;
  d.economy = w.markets.economy();
  d.migrant_crossings =
      w.tick > 0
          ? (w.migrants.flow(Transition::mx_crossed) + w.migrants.flow(Transition::other_crossed)) /
                w.dt()
          : w.start_flows.crossings;
  return d;
}

FirmDrivers firm_drivers(const World& w) {
  FirmDrivers d;
  d.tariff_us_on_mx = w.policy.tariff_us_on_mx;
  d.tariff_us_on_cn = w.policy.tariff_us_on_cn;
  d.initial_tariff_us_on_cn = w.config.policy.tariff_us_on_cn;
  d.mfn_tariff = w.policy.usmca_status >= 4 ? w.config.markets.economy.usmca_exit_tariff : 0.0;
  d.usmca_status = w.policy.usmca_status;
  d.legal_certainty = w.policy.legal_certainty;
  d.initial_legal_certainty = w.config.policy.legal_certainty;
  d.nearshoring_incentives = w.policy.nearshoring_incentives;
  for (std::size_t r = 0; r < kRegions; ++r)
    d.cartel_presence[r] = w.base.region_members[r] > 0
                               ? w.cartels.members_in_region(r) / w.base.region_members[r] - 1.0
                               : 0.0;
  d.prc_push = w.markets.prc_push();
  return d;
}

// The target of an action when a scenario or a president does not name one.
std::uint32_t default_target(const World& w, std::size_t actor, Action a) {
  switch (a) {
    case Action::oil_to_cuba: return w.collective("cuba");
    case Action::tariff_chinese_goods:
    case Action::screen_prc_investment: return w.collective("prc");
    case Action::designate_cartels_terrorist:
    case Action::military_strike:
    case Action::threaten_strike: return w.collective("cartels");
    default: break;
  }
  const bool us = w.politics.actor(actor).country == Country::us;
  return static_cast<std::uint32_t>(us ? w.politics.mx_president() : w.politics.us_president());
}

Event make_event(const World& w, std::size_t actor, Action a, double magnitude) {
  Event e;
  e.actor = static_cast<std::uint32_t>(actor);
  e.action = a;
  e.target = default_target(w, actor, a);
  e.magnitude = magnitude > 0 ? magnitude : default_magnitude(w, a);
  return e;
}

// The USMCA review: bargained (agents/usmca_review.hpp), logged as the U.S. president's act
// with the size of the change of terms as its magnitude.
void settle_review(World& w, std::size_t us) {
  w.policy.usmca_status = 1;
  const ReviewResult r = review_usmca(w);
  w.last_review = r;
  apply_event(w, make_event(w, us, r.action, std::max(1e-9, r.change)));
}

}  // namespace

Simulation::Simulation(const Config& cfg) : world_(std::make_unique<World>(cfg)) {
  World& w = *world_;
  // Levels at the start that mechanisms compare with.
  w.base.encounters = w.start_flows.encounters / 12.0;
  for (std::size_t r = 0; r < kRegions; ++r)
    w.base.region_members[r] = w.cartels.members_in_region(r);
  measure(w);
  w.base.trade = w.indicators[Ind::trade_us_mx_usd];
  w.base.remittances = w.indicators[Ind::remittances_usd];
  w.base.overdoses = w.indicators[Ind::us_overdose_deaths];
  w.base.homicides = w.indicators[Ind::mx_homicides];
  w.base.approval_us = w.policy.approval_us;
  w.base.approval_mx = w.policy.approval_mx;
  w.base.fdi_cn = w.indicators[Ind::fdi_cn_mx_usd];
  w.base.legal_certainty = w.policy.legal_certainty;
  w.base.mx_exports = w.firms.exports_usd();
  w.base.cartel_revenue = std::max(1.0, w.cartels.total_revenue());
}

RunStatus Simulation::run(const RunOptions& options) {
  return run_loop(*this, std::span<WorldObserver* const>(observers_), options);
}

void Simulation::step() {
  world_->events.clear();
  apply_calendar();
  decide();
  resolve();
}

// Phase 1: scheduled events of this step's dates and actions forced by the scenario.
void Simulation::apply_calendar() {
  World& w = *world_;
  PolicyState& p = w.policy;
  const bool decisions = w.config.decisions.enabled;
  const std::size_t us = w.politics.us_president();
  w.calendar_events = events_in_step(w.calendar, w.config.calendar, w.tick);
  for (CalendarEvent e : w.calendar_events) {
    switch (e) {
      case CalendarEvent::inauguration:
        p.inaugurated = true;
        // A new administration: each cabinet settles its president's line (bargaining).
        if (decisions && w.config.decisions.cabinet_line)
          for (std::size_t i : {w.politics.us_president(), w.politics.mx_president()})
            w.politics.set_anchor(i, settle_cabinet_line(w, i));
        break;
      case CalendarEvent::usmca_review:
        if (decisions) settle_review(w, us);
        break;
      default: hold_election(w, e); break;
    }
  }
  if (decisions && p.usmca_next_review_tick == w.tick) settle_review(w, us);
  if (p.usmca_termination_tick == w.tick && p.usmca_status == 3)
    apply_event(w, make_event(w, us, Action::usmca_terminate, 1.0));
  const Date from = w.calendar.date(w.tick), to = w.calendar.date(w.tick + 1);
  for (const ForcedEvent& f : w.config.events) {
    if (f.date < from || f.date >= to) continue;
    const auto actor = static_cast<std::size_t>(w.politics.find(f.actor));
    apply_event(w, make_event(w, actor, f.action, f.magnitude), /*forced=*/true);
  }
}

// Phase 2: every agent reads tick t and writes only its own slot of t+1.
void Simulation::decide() {
  World& w = *world_;
  const std::size_t n = w.politics.size();
  next_position_.resize(n);
  chosen_.assign(n, -1);
  next_proposal_.assign(n, -1);
  const bool decisions = w.config.decisions.enabled;
  const auto tick = static_cast<std::uint64_t>(w.tick);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, 4),
                    [&](const tbb::blocked_range<std::size_t>& r) {
                      for (std::size_t i = r.begin(); i != r.end(); ++i) {
                        next_position_[i] = w.politics.influenced_position(i, w.elite);
                        if (!decisions) continue;
                        if (w.politics.actor(i).kind == ActorKind::president) {
                          if (auto a = choose_action(w, i, tick)) chosen_[i] = static_cast<int>(*a);
                        } else if (auto a = proposal(w, i)) {
                          next_proposal_[i] = static_cast<int>(*a);
                        }
                      }
                    });
  const auto& sim = w.config.simulation;
  w.migrants.decide(migrant_drivers(w), sim.seed, sim.run, w.tick, w.dt());
  w.cartels.decide(cartel_drivers(w), w.dt());
  w.firms.decide(firm_drivers(w), sim.seed, sim.run, w.tick, w.dt());
}

// Phase 3: in a fixed order, actions by actor index, then each component's new state, the
// aggregate processes, domestic politics, edge weights and indicators.
void Simulation::resolve() {
  World& w = *world_;
  PolicyState& p = w.policy;
  const double dt = w.dt();
  const auto& sim = w.config.simulation;
  w.politics.commit_positions(next_position_);
  w.proposals.swap(next_proposal_);
  for (std::size_t i = 0; i < chosen_.size(); ++i)
    if (chosen_[i] >= 0) apply_event(w, make_event(w, i, static_cast<Action>(chosen_[i]), 0.0));
  advance_policy(w, dt);

  w.cartels.resolve(p.leaders_to_remove, p.strikes_this_tick, sim.seed, sim.run, w.tick, dt);
  p.leaders_to_remove = 0;
  p.strikes_this_tick = 0;
  w.migrants.resolve();
  w.firms.resolve(dt);
  const double returned =
      (w.migrants.flow(Transition::mx_removed) + w.migrants.flow(Transition::mx_returned)) / dt;
  w.returnees_last_year += (1.0 - std::exp(-dt)) * (returned - w.returnees_last_year);
  Markets::Inputs in;
  in.tariff_mx_on_us = p.tariff_mx_on_us;
  in.tariff_us_on_cn = p.tariff_us_on_cn;
  in.atf_cooperation = p.atf_cooperation;
  in.usmca_status = p.usmca_status;
  in.prc_screening = p.prc_screening;
  in.mx_exports_usd = w.firms.exports_usd();
  in.mx_exports0_usd = w.base.mx_exports;
  in.remittances_usd = w.migrants.remittances_usd();
  in.remittances0_usd = w.base.remittances;
  in.drug_supply_index = w.cartels.supply_index();
  in.cartel_revenue_usd = w.cartels.total_revenue();
  in.cartel_revenue0_usd = w.base.cartel_revenue;
  w.tick += 1;
  w.date = w.calendar.date(w.tick);
  w.markets.update(in, dt, w.years());
  update_domestic(w, dt);

  // Edge weights: the presidents' channel carries the bond; lobbies weigh more as their firms
  // lose expected return.
  for (std::uint32_t id = 0; id < w.elite.edge_count(); ++id) {
    const auto e = w.elite.edge(id);
    const auto& from = w.politics.actor(e.source);
    const auto& to = w.politics.actor(e.target);
    if (e.type == EdgeType::diplomatic && from.kind == ActorKind::president &&
        to.kind == ActorKind::president)
      w.elite.set_weight(id, p.leader_bond);
    if (e.type == EdgeType::lobbying && from.owner >= 0)
      w.elite.set_weight(
          id, from.influence * (1.0 + from.grievance_gain *
                                          w.firms.grievance(static_cast<std::size_t>(from.owner))));
  }
  measure(w);
}

}  // namespace vecinos
