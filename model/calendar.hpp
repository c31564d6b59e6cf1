#pragma once
// The date of every tick and the scheduled events that fall in each tick.
//
// Tick t's state is dated start + t * days_per_tick. Stepping from tick t to t+1 covers the
// days [date(t), date(t+1)); events dated in that interval are applied in phase 1 of that step.
#include <span>
#include <string_view>
#include <vector>

#include "model/date.hpp"

namespace vecinos {

struct SimulationParams;
struct CalendarParams;

enum class CalendarEvent : unsigned char {
  inauguration,
  usmca_review,
  us_midterms,
  us_election,
  mx_midterms
};
inline constexpr std::size_t kCalendarEventCount = 5;
std::string_view name(CalendarEvent e);

class Calendar {
 public:
  Calendar(const SimulationParams& sim, const CalendarParams& cal);

  [[nodiscard]] Date date(int tick) const { return start_ + tick * days_per_tick_; }
  /// Number of steps: the first tick dated on or after the end date.
  [[nodiscard]] int steps() const { return steps_; }
  [[nodiscard]] int days_per_tick() const { return days_per_tick_; }
  /// Events falling in the step from `tick` to `tick + 1`.
  [[nodiscard]] std::vector<CalendarEvent> events_in_step(int tick) const;
  /// The date of a scheduled event.
  [[nodiscard]] Date date_of(CalendarEvent e) const { return dates_[static_cast<std::size_t>(e)]; }
  /// True once the event's date has been reached at the state of `tick`.
  [[nodiscard]] bool passed(CalendarEvent e, int tick) const { return date(tick) > date_of(e); }

 private:
  Date start_;
  int days_per_tick_;
  int steps_;
  std::array<Date, kCalendarEventCount> dates_;
};

}  // namespace vecinos
