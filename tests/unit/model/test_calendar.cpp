#include <doctest/doctest.h>

#include "model/calendar.hpp"

using namespace vecinos;

TEST_SUITE("unit") {
  //! Ticks are dated start + t * days; the run ends at the first tick on or after the end date.
  TEST_CASE("every tick has a date and the steps cover the run") {
    const Calendar c(Date(2024, 11, 6), Date(2029, 1, 20), 7);
    CHECK(c.date(0) == Date(2024, 11, 6));
    CHECK(c.date(1) == Date(2024, 11, 13));
    CHECK(c.date(c.steps()) >= Date(2029, 1, 20));
    CHECK(c.date(c.steps() - 1) < Date(2029, 1, 20));
    CHECK(c.steps() == 220);
    // A day belongs to exactly one step: [date(t), date(t+1)).
    CHECK(c.in_step(Date(2024, 11, 6), 0));
    CHECK(c.in_step(Date(2024, 11, 12), 0));
    CHECK_FALSE(c.in_step(Date(2024, 11, 13), 0));
    CHECK(c.in_step(Date(2024, 11, 13), 1));
    const Calendar daily(Date(2024, 1, 1), Date(2024, 1, 11), 1);
    CHECK(daily.steps() == 10);
  }
}
