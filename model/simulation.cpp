#include "model/simulation.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include "model/errors.hpp"

namespace vecinos {

std::string_view name(RunStatus s) {
  switch (s) {
    case RunStatus::complete:
      return "complete";
    case RunStatus::incomplete:
      return "incomplete";
    case RunStatus::failed:
      return "failed";
  }
  return "?";
}

Simulation::Simulation(const Config& cfg) : world_(std::make_unique<World>(cfg)) {
  World& w = *world_;
  for (const auto& [id, p] : cfg.presidents) {
    if (p.country == Country::us) w.indicators[Ind::approval_us_president] = p.approval;
    if (p.country == Country::mx) w.indicators[Ind::approval_mx_president] = p.approval;
  }
  update_indicators();
}

RunStatus Simulation::run(const RunOptions& options) {
  tbb::task_arena arena(options.threads < 1 ? 1 : options.threads);
  for (Observer* o : observers_) o->on_start(*world_);
  try {
    arena.execute([&] {
      while (world_->tick < steps()) {
        if (options.stop != nullptr && options.stop->load() != 0)
          throw Interrupted(options.stop->load());
        step();
        for (Observer* o : observers_) o->on_tick(*world_);
      }
    });
  } catch (const Interrupted&) {
    for (Observer* o : observers_) o->on_finish(*world_, RunStatus::incomplete);
    throw;
  } catch (...) {
    for (Observer* o : observers_) o->on_finish(*world_, RunStatus::failed);
    throw;
  }
  for (Observer* o : observers_) o->on_finish(*world_, RunStatus::complete);
  return RunStatus::complete;
}

void Simulation::step() {
  apply_calendar();
  decide();
  resolve();
}

void Simulation::apply_calendar() {
  World& w = *world_;
  w.calendar_events = w.calendar.events_in_step(w.tick);
}

void Simulation::decide() {
  World& w = *world_;
  const std::size_t n = w.politics.size();
  next_position_.resize(n);
  // Each actor reads positions of tick t and writes only its own slot of t+1.
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, 8),
                    [&](const tbb::blocked_range<std::size_t>& r) {
                      for (std::size_t i = r.begin(); i != r.end(); ++i)
                        next_position_[i] = w.politics.influenced_position(i, w.elite);
                    });
}

void Simulation::resolve() {
  World& w = *world_;
  w.politics.commit_positions(next_position_);
  w.tick += 1;
  w.date = w.calendar.date(w.tick);
  update_indicators();
}

void Simulation::update_indicators() {
  World& w = *world_;
  const auto& pol = w.politics;
  const auto us = pol.us_president(), mx = pol.mx_president();
  // Tension from disagreement: the presidents' distance, each weighting issues by its own
  // salience, averaged.
  const double d_us = weighted_distance(pol.position(us), pol.position(mx), pol.actor(us).salience);
  const double d_mx = weighted_distance(pol.position(us), pol.position(mx), pol.actor(mx).salience);
  w.indicators[Ind::relationship_tension] = 0.5 * (d_us + d_mx);
  w.indicators[Ind::leader_bond] = w.leader_bond;
}

}  // namespace vecinos
