#include "world/simulation.hpp"

#include <algorithm>
#include <chrono>
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

Event make_event(const World& w, std::size_t actor, Action a, double magnitude, Date date,
                 bool forced) {
  Event e;
  e.actor = static_cast<std::uint32_t>(actor);
  e.action = a;
  e.target = default_target(w, actor, a);
  e.magnitude = magnitude > 0 ? magnitude : default_magnitude(w, a);
  e.date = date;
  e.forced = forced;
  return e;
}

// The USMCA review: bargained (world/usmca_review.hpp), logged as the U.S. president's act
// with the size of the change of terms as its magnitude. Only an agreement still in force or
// under renegotiation is reviewed.
void settle_review(World& w, std::size_t us, Date date) {
  PolicyState& p = w.policy;
  if (p.usmca_status == UsmcaStatus::withdrawal_notice || p.usmca_status == UsmcaStatus::terminated)
    return;
  p.usmca_status = UsmcaStatus::under_review;
  const ReviewResult r = review_usmca(w);
  w.last_review = r;
  Event e = make_event(w, us, r.action, 1.0, date, false);
  apply_event(w, e);
}

// What phase 1 applies, in date order (scheduled before forced on the same day).
struct Dated {
  Date date;
  int order;  ///< 0 calendar, 1 annual review, 2 termination, 3 forced
  std::size_t index;
};

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

// Phase 1: deadlines, scheduled events of this step's dates and actions forced by the
// scenario, in date order, each dated on its own day.
void Simulation::apply_calendar(const StepContext& ctx) {
  World& w = *world_;
  PolicyState& p = w.policy;
  const bool decisions = w.config.decisions.enabled;
  const std::size_t us = w.politics.us_president();
  judge_deadlines(w);
  w.calendar_events = events_in_step(w.calendar, w.config.calendar, ctx.tick);
  std::vector<Dated> items;
  for (std::size_t i = 0; i < w.calendar_events.size(); ++i)
    items.push_back({date_of(w.config.calendar, w.calendar_events[i]), 0, i});
  if (p.usmca_next_review && w.calendar.in_step(*p.usmca_next_review, ctx.tick))
    items.push_back({*p.usmca_next_review, 1, 0});
  if (p.usmca_termination && w.calendar.in_step(*p.usmca_termination, ctx.tick))
    items.push_back({*p.usmca_termination, 2, 0});
  for (std::size_t i = 0; i < w.config.events.size(); ++i)
    if (w.calendar.in_step(w.config.events[i].date, ctx.tick))
      items.push_back({w.config.events[i].date, 3, i});
  std::stable_sort(items.begin(), items.end(), [](const Dated& a, const Dated& b) {
    return a.date != b.date ? a.date < b.date : a.order < b.order;
  });
  for (const Dated& it : items) {
    w.date = it.date;  // the day being applied (phase 1 only; the step's date is restored below)
    switch (it.order) {
      case 0: {
        const CalendarEvent e = w.calendar_events[it.index];
        switch (e) {
          case CalendarEvent::inauguration:
            p.inaugurated = true;
            // A new administration: each cabinet settles its president's line (bargaining).
            if (decisions && w.config.decisions.cabinet_line)
              for (std::size_t i : {w.politics.us_president(), w.politics.mx_president()})
                w.politics.set_anchor(i, settle_cabinet_line(w, i));
            break;
          case CalendarEvent::usmca_review:
            if (decisions) settle_review(w, us, it.date);
            break;
          default: hold_election(w, e); break;
        }
        break;
      }
      case 1:
        p.usmca_next_review.reset();
        if (decisions) settle_review(w, us, it.date);
        break;
      case 2:
        apply_event(w, make_event(w, us, Action::usmca_terminate, 1.0, it.date, false));
        break;
      default: {
        const ForcedEvent& f = w.config.events[it.index];
        const auto actor = static_cast<std::size_t>(w.politics.find(f.actor));
        apply_event(w, make_event(w, actor, f.action, f.magnitude, f.date, true));
        break;
      }
    }
  }
  w.date = ctx.date;
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
                          const PoliticalActor& a = w.politics.actor(i);
                          if (a.kind == ActorKind::president) {
                            if (!a.decides) continue;
                            const Choice c = choose_action(w, i, tick);
                            if (c.action) chosen_[i] = static_cast<int>(*c.action);
                            if (c.held_back) chosen_[i] = kHeldBack;
                          } else if (auto p = proposal(w, i)) {
                            next_proposal_[i] = static_cast<int>(*p);
                          }
                        }
                      });
  }
  const auto people_start = std::chrono::steady_clock::now();
  w.migrants.decide(migrant_drivers(w), ctx);
  people_seconds_ +=
      std::chrono::duration<double>(std::chrono::steady_clock::now() - people_start).count();
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
  // Acts chosen in the step are dated on its last day (after any scheduled or forced event).
  const Date last_day = w.calendar.date(ctx.tick + 1) + (-1);
  for (std::size_t i = 0; i < chosen_.size(); ++i) {
    if (chosen_[i] == kHeldBack) p.escalations_held_back += 1;
    if (chosen_[i] >= 0)
      apply_event(w, make_event(w, i, static_cast<Action>(chosen_[i]), 0.0, last_day, false));
  }
  advance_policy(w, dt);

  w.cartels.resolve(ctx);
  const auto people_start = std::chrono::steady_clock::now();
  w.migrants.resolve(ctx);
  people_seconds_ +=
      std::chrono::duration<double>(std::chrono::steady_clock::now() - people_start).count();
  w.firms.resolve(ctx);
  const double returned =
      (w.migrants.flow(Transition::mx_removed) + w.migrants.flow(Transition::mx_returned)) / dt;
  w.tallies.returnees_last_year +=
      (1.0 - std::exp(-dt)) * (returned - w.tallies.returnees_last_year);
  const double sent = (w.migrants.flow(Transition::other_sent_to_mx) +
                       w.migrants.flow(Transition::other_sent_to_mx_interior)) /
                      dt;
  w.tallies.third_country_last_year +=
      (1.0 - std::exp(-dt)) * (sent - w.tallies.third_country_last_year);
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
