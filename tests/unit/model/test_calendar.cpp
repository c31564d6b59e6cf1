#include <doctest/doctest.h>

#include "model/calendar.hpp"
#include "model/config.hpp"

using namespace vecinos;

TEST_CASE("every tick has a date and each scheduled event falls in exactly one step") {
  SimulationParams sim;  // 2024-11-06 .. 2029-01-20, 7 days
  CalendarParams cal;
  const Calendar c(sim, cal);
  CHECK(c.date(0) == Date(2024, 11, 6));
  CHECK(c.date(1) == Date(2024, 11, 13));
  CHECK(c.date(c.steps()) >= sim.end);
  CHECK(c.date(c.steps() - 1) < sim.end);
  int seen[kCalendarEventCount] = {};
  for (int t = 0; t < c.steps(); ++t) {
    for (CalendarEvent e : c.events_in_step(t)) {
      seen[static_cast<std::size_t>(e)]++;
      CHECK(c.date(t) <= c.date_of(e));
      CHECK(c.date_of(e) < c.date(t + 1));
    }
  }
  for (int n : seen) CHECK(n == 1);
  // Inauguration 2025-01-20 falls in the step starting 2025-01-15 (tick 10).
  CHECK(c.events_in_step(10) == std::vector<CalendarEvent>{CalendarEvent::inauguration});
}
