#pragma once
// The scheduled events of ../shared/MODEL-BRIEF.md ("Time") and the step each falls in.
#include <array>
#include <string_view>
#include <vector>

#include "model/calendar.hpp"
#include "model/date.hpp"

namespace vecinos {

/// Dates of the calendar events (`calendar:`): facts with a legal source, so each is given by
/// the config that cites it (configs/baseline.yaml); none has a default.
struct CalendarParams {
  Date inauguration;
  Date usmca_review;
  Date us_midterms;
  Date us_election;
  Date mx_midterms;
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
