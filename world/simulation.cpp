#include "world/simulation.hpp"

#include <cmath>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include "model/errors.hpp"
#include "world/decisions.hpp"
#include "world/domestic.hpp"
#include "world/drivers.hpp"
#include "world/measure.hpp"
#include "world/usmca_review.hpp"

namespace vecinos {

namespace {

// The target of an action when a scenario or a president does not name one (world/actions.cpp).
std::uint32_t default_target(const World& w, std::size_t actor, Action a) {
  switch (info(a).target) {
    case DefaultTarget::cuba: return w.collective(Collective::cuba);
    case DefaultTarget::prc: return w.collective(Collective::prc);
    case DefaultTarget::cartels: return w.collective(Collective::cartels);
    case DefaultTarget::counterpart: break;
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

// The USMCA review: bargained (world/usmca_review.hpp), logged as the U.S. president's act
// with the size of the change of terms as its magnitude.
void settle_review(World& w, std::size_t us) {
  w.policy.usmca_status = UsmcaStatus::under_review;
  const ReviewResult r = review_usmca(w);
  w.last_review = r;
  apply_event(w, make_event(w, us, r.action, std::max(1e-9, r.change)));
}

}  // namespace

Simulation::Simulation(const Config& cfg) : world_(std::make_unique<World>(build_world(cfg))) {}

RunStatus Simulation::run(const RunOptions& options) {
  return run_loop(*this, std::span<WorldObserver* const>(observers_), options);
}

void Simulation::step() {
  World& w = *world_;
  const StepContext ctx = w.step_context();
  w.events.clear();
  apply_calendar(ctx);
  decide(ctx);
  resolve(ctx);
  // The clock moves once, at the end of the step; the new tick is then measured.
  w.tick += 1;
  w.date = w.calendar.date(w.tick);
  w.indicators = measure(w);
}

// Phase 1: scheduled events of this step's dates and actions forced by the scenario.
void Simulation::apply_calendar(const StepContext& ctx) {
  World& w = *world_;
  PolicyState& p = w.policy;
  const bool decisions = w.config.decisions.enabled;
  const std::size_t us = w.politics.us_president();
  w.calendar_events = events_in_step(w.calendar, w.config.calendar, ctx.tick);
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
  if (decisions && p.usmca_next_review_tick == ctx.tick) settle_review(w, us);
  if (p.usmca_termination_tick == ctx.tick && p.usmca_status == UsmcaStatus::withdrawal_notice)
    apply_event(w, make_event(w, us, Action::usmca_terminate, 1.0));
  for (const ForcedEvent& f : w.config.events) {
    if (!w.calendar.in_step(f.date, ctx.tick)) continue;
    const auto actor = static_cast<std::size_t>(w.politics.find(f.actor));
    apply_event(w, make_event(w, actor, f.action, f.magnitude), /*forced=*/true);
  }
}

// Phase 2: every agent reads tick t and writes only its own slot of t+1.
void Simulation::decide(const StepContext& ctx) {
  World& w = *world_;
  const std::size_t n = w.politics.size();
  chosen_.assign(n, -1);
  next_proposal_.assign(n, -1);
  w.politics.decide(political_drivers(w), ctx);
  if (w.config.decisions.enabled) {
    const auto tick = static_cast<std::uint64_t>(ctx.tick);
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, 4),
                      [&](const tbb::blocked_range<std::size_t>& r) {
                        for (std::size_t i = r.begin(); i != r.end(); ++i) {
                          if (w.politics.actor(i).kind == ActorKind::president) {
                            if (auto a = choose_action(w, i, tick))
                              chosen_[i] = static_cast<int>(*a);
                          } else if (auto a = proposal(w, i)) {
                            next_proposal_[i] = static_cast<int>(*a);
                          }
                        }
                      });
  }
  w.migrants.decide(migrant_drivers(w), ctx);
  w.cartels.decide(cartel_drivers(w), ctx);
  w.firms.decide(firm_drivers(w), ctx);
}

// Phase 3: in a fixed order, actions by actor index, then each component's new state, the
// aggregate processes, domestic politics, edge weights and the running totals.
void Simulation::resolve(const StepContext& ctx) {
  World& w = *world_;
  PolicyState& p = w.policy;
  const double dt = ctx.dt;
  w.politics.resolve(ctx);
  w.proposals.swap(next_proposal_);
  for (std::size_t i = 0; i < chosen_.size(); ++i)
    if (chosen_[i] >= 0) apply_event(w, make_event(w, i, static_cast<Action>(chosen_[i]), 0.0));
  advance_policy(w, dt);

  w.cartels.resolve(ctx);
  w.migrants.resolve(ctx);
  w.firms.resolve(ctx);
  const double returned =
      (w.migrants.flow(Transition::mx_removed) + w.migrants.flow(Transition::mx_returned)) / dt;
  w.tallies.returnees_last_year +=
      (1.0 - std::exp(-dt)) * (returned - w.tallies.returnees_last_year);
  w.markets.update(market_drivers(w), ctx);
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
    if (e.type == EdgeType::lobbying && from.owner)
      w.elite.set_weight(
          id, from.influence * (1.0 + from.grievance_gain * w.firms.grievance(index(*from.owner))));
  }
  tally_flows(w);
  p.tension = relationship_tension(w);
}

}  // namespace vecinos
