#pragma once
// The date of every tick (domain-free; the model's scheduled events are in
// world/calendar_events.hpp).
//
// Tick t's state is dated start + t * days_per_tick. Stepping from tick t to t+1 covers the
// days [date(t), date(t+1)); whatever is dated in that interval happens in that step.
#include "model/date.hpp"

namespace vecinos {

class Calendar {
 public:
  /// A run from `start` to the first tick dated on or after `end`, in ticks of `days_per_tick`.
  Calendar(Date start, Date end, int days_per_tick);

  [[nodiscard]] Date date(int tick) const { return start_ + tick * days_per_tick_; }
  /// Number of steps: the first tick dated on or after the end date.
  [[nodiscard]] int steps() const { return steps_; }
  [[nodiscard]] int days_per_tick() const { return days_per_tick_; }
  /// True when `d` falls in the step from `tick` to `tick + 1`.
  [[nodiscard]] bool in_step(Date d, int tick) const {
    return d >= date(tick) && d < date(tick + 1);
  }

 private:
  Date start_;
  int days_per_tick_;
  int steps_;
};

}  // namespace vecinos
