#include "model/calendar.hpp"

#include "model/config.hpp"

namespace vecinos {

std::string_view name(CalendarEvent e) {
  switch (e) {
    case CalendarEvent::inauguration: return "inauguration";
    case CalendarEvent::usmca_review: return "usmca_review";
    case CalendarEvent::us_midterms: return "us_midterms";
    case CalendarEvent::us_election: return "us_election";
    case CalendarEvent::mx_midterms: return "mx_midterms";
  }
  return "?";
}

Calendar::Calendar(const SimulationParams& sim, const CalendarParams& cal)
    : start_(sim.start),
      days_per_tick_(sim.days_per_tick),
      steps_((sim.end - sim.start + sim.days_per_tick - 1) / sim.days_per_tick),
      dates_{cal.inauguration, cal.usmca_review, cal.us_midterms, cal.us_election,
             cal.mx_midterms} {}

std::vector<CalendarEvent> Calendar::events_in_step(int tick) const {
  std::vector<CalendarEvent> out;
  const Date from = date(tick), to = date(tick + 1);
  for (std::size_t i = 0; i < kCalendarEventCount; ++i)
    if (dates_[i] >= from && dates_[i] < to) out.push_back(static_cast<CalendarEvent>(i));
  return out;
}

}  // namespace vecinos
