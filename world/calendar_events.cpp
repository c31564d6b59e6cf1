#include "world/calendar_events.hpp"

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

Date date_of(const CalendarParams& p, CalendarEvent e) {
  switch (e) {
    case CalendarEvent::inauguration: return p.inauguration;
    case CalendarEvent::usmca_review: return p.usmca_review;
    case CalendarEvent::us_midterms: return p.us_midterms;
    case CalendarEvent::us_election: return p.us_election;
    case CalendarEvent::mx_midterms: return p.mx_midterms;
  }
  return p.inauguration;
}

std::vector<CalendarEvent> events_in_step(const Calendar& c, const CalendarParams& p, int tick) {
  std::vector<CalendarEvent> out;
  for (std::size_t i = 0; i < kCalendarEventCount; ++i) {
    const auto e = static_cast<CalendarEvent>(i);
    if (c.in_step(date_of(p, e), tick)) out.push_back(e);
  }
  return out;
}

}  // namespace vecinos
