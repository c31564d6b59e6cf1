#pragma once
// The scheduled events of ../shared/MODEL-BRIEF.md ("Time") and the step each falls in.
#include <array>
#include <string_view>
#include <vector>

#include "model/calendar.hpp"
#include "model/date.hpp"

namespace vecinos {

/// Dates of the calendar events (`calendar:`).
struct CalendarParams {
  Date inauguration{2025, 1, 20};
  Date usmca_review{2026, 7, 1};
  Date us_midterms{2026, 11, 3};
  Date us_election{2028, 11, 7};
  Date mx_midterms{2027, 6, 6};
};

enum class CalendarEvent : unsigned char {
  inauguration,
  usmca_review,
  us_midterms,
  us_election,
  mx_midterms
};
inline constexpr std::size_t kCalendarEventCount = 5;
std::string_view name(CalendarEvent e);

/// The date of a scheduled event.
Date date_of(const CalendarParams& p, CalendarEvent e);
/// Events falling in the step from `tick` to `tick + 1`, in the order of the enum.
std::vector<CalendarEvent> events_in_step(const Calendar& c, const CalendarParams& p, int tick);

}  // namespace vecinos
