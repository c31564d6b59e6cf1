#include <doctest/doctest.h>

#include "world/calendar_events.hpp"

using namespace vecinos;

TEST_SUITE("unit") {
  //! Each scheduled event of the baseline's calendar falls in exactly one step of its run.
  TEST_CASE("each scheduled event falls in exactly one step") {
    const Calendar c(Date(2024, 11, 6), Date(2029, 1, 20), 7);
    CalendarParams cal;
    cal.inauguration = Date(2025, 1, 20);
    cal.usmca_review = Date(2026, 7, 1);
    cal.us_midterms = Date(2026, 11, 3);
    cal.us_election = Date(2028, 11, 7);
    cal.mx_midterms = Date(2027, 6, 6);
    int seen[kCalendarEventCount] = {};
    for (int t = 0; t < c.steps(); ++t) {
      for (CalendarEvent e : events_in_step(c, cal, t)) {
        seen[static_cast<std::size_t>(e)]++;
        CHECK(c.date(t) <= date_of(cal, e));
        CHECK(date_of(cal, e) < c.date(t + 1));
      }
    }
    for (int n : seen) CHECK(n == 1);
    // Inauguration 2025-01-20 falls in the step starting 2025-01-15 (tick 10).
    CHECK(events_in_step(c, cal, 10) == std::vector<CalendarEvent>{CalendarEvent::inauguration});
    CHECK(name(CalendarEvent::usmca_review) == "usmca_review");
  }
}
