#pragma once
// Civil dates (proleptic Gregorian) as a count of days since 1970-01-01.
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace vecinos {

class Date {
 public:
  constexpr Date() = default;
  /// The date year-month-day; the caller guarantees it is valid (see `parse` for checked input).
  Date(int year, int month, int day);

  /// Parses an ISO date "YYYY-MM-DD"; empty when the text is not a valid calendar date.
  static std::optional<Date> parse(std::string_view text);
  static constexpr Date from_days(std::int32_t days) {
    Date d;
    d.days_ = days;
    return d;
  }
  static bool valid(int year, int month, int day);

  [[nodiscard]] constexpr std::int32_t days_since_epoch() const { return days_; }
  [[nodiscard]] int year() const;
  [[nodiscard]] int month() const;
  [[nodiscard]] int day() const;
  [[nodiscard]] std::string iso() const;

  constexpr Date operator+(std::int32_t days) const { return from_days(days_ + days); }
  constexpr std::int32_t operator-(Date other) const { return days_ - other.days_; }
  constexpr auto operator<=>(const Date&) const = default;

 private:
  std::int32_t days_ = 0;
};

}  // namespace vecinos
