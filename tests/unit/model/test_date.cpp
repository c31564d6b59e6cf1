#include <doctest/doctest.h>

#include "model/date.hpp"

using vecinos::Date;

TEST_CASE("dates round-trip through days since the epoch and ISO text") {
  CHECK(Date(1970, 1, 1).days_since_epoch() == 0);
  CHECK(Date(2024, 11, 6).iso() == "2024-11-06");
  CHECK(Date(2000, 3, 1) - Date(2000, 2, 28) == 2);  // 2000 is a leap year
  CHECK(Date(1900, 3, 1) - Date(1900, 2, 28) == 1);  // 1900 is not
  for (int d = -250000; d < 2500000; d += 997) {     // years 1285 .. 8814
    const Date x = Date::from_days(d);
    REQUIRE(Date::parse(x.iso()).has_value());
    CHECK(Date::parse(x.iso())->days_since_epoch() == d);
  }
}

TEST_CASE("ISO date parsing rejects impossible and malformed dates") {
  CHECK(Date::parse("2024-02-29").has_value());
  CHECK_FALSE(Date::parse("2023-02-29").has_value());
  CHECK_FALSE(Date::parse("2024-13-01").has_value());
  CHECK_FALSE(Date::parse("2024-04-31").has_value());
  CHECK_FALSE(Date::parse("2024-4-1").has_value());
  CHECK_FALSE(Date::parse("20241106").has_value());
  CHECK_FALSE(Date::parse("2024-11-0x").has_value());
  CHECK_FALSE(Date::parse("").has_value());
}
