#pragma once
// How each kind of config value is parsed, printed and described.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "model/date.hpp"
#include "model/suggest.hpp"

namespace vecinos::schema {

/// Shortest text that reads back as the same double ("0.1", "1e-07", "2").
std::string format_real(double v);
bool parse_real(std::string_view text, double& out, std::string& why);
bool parse_integer(std::string_view text, std::int64_t& out, std::string& why);

template <class V, class Enable = void>
struct ValueTraits;

template <>
struct ValueTraits<double> {
  static constexpr bool ordered = true;
  static constexpr bool plain = true;
  static std::string_view type_name() { return "a number"; }
  static std::string allowed() { return "finite numbers"; }
  static bool parse(std::string_view t, bool, double& v, std::string& why) {
    return parse_real(t, v, why);
  }
  static std::string format(double v) { return format_real(v); }
};

template <class I>
struct ValueTraits<I, std::enable_if_t<std::is_integral_v<I> && !std::is_same_v<I, bool>>> {
  static constexpr bool ordered = true;
  static constexpr bool plain = true;
  static std::string_view type_name() { return "an integer"; }
  static std::string allowed() {
    return fmt::format("{} .. {}", std::numeric_limits<I>::min(), std::numeric_limits<I>::max());
  }
  static bool parse(std::string_view t, bool, I& v, std::string& why) {
    std::int64_t x = 0;
    if constexpr (std::is_same_v<I, std::uint64_t>) {
      std::uint64_t u = 0;
      auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), u);
      if (ec != std::errc{} || p != t.data() + t.size()) {
        why = "expected a whole number >= 0";
        return false;
      }
      v = u;
      return true;
    } else {
      if (!parse_integer(t, x, why)) return false;
      if (x < static_cast<std::int64_t>(std::numeric_limits<I>::min()) ||
          x > static_cast<std::int64_t>(std::numeric_limits<I>::max())) {
        why = "too large";
        return false;
      }
      v = static_cast<I>(x);
      return true;
    }
  }
  static std::string format(I v) { return fmt::format("{}", v); }
};

template <>
struct ValueTraits<bool> {
  static constexpr bool ordered = false;
  static constexpr bool plain = true;
  static std::string_view type_name() { return "a boolean"; }
  static std::string allowed() { return "true | false"; }
  static bool parse(std::string_view t, bool, bool& v, std::string& why) {
    if (t == "true" || t == "True" || t == "TRUE") return v = true, true;
    if (t == "false" || t == "False" || t == "FALSE") return v = false, true;
    why = "write true or false";
    return false;
  }
  static std::string format(bool v) { return v ? "true" : "false"; }
};

template <>
struct ValueTraits<std::string> {
  static constexpr bool ordered = false;
  static constexpr bool plain = false;
  static std::string_view type_name() { return "a string"; }
  static std::string allowed() { return "text"; }
  static bool parse(std::string_view t, bool, std::string& v, std::string&) {
    v = std::string(t);
    return true;
  }
  static std::string format(const std::string& v) { return v; }
};

template <>
struct ValueTraits<Date> {
  static constexpr bool ordered = true;
  static constexpr bool plain = true;
  static std::string_view type_name() { return "a date"; }
  static std::string allowed() { return "ISO dates YYYY-MM-DD"; }
  static bool parse(std::string_view t, bool, Date& v, std::string& why) {
    if (auto d = Date::parse(t)) return v = *d, true;
    why = "write an ISO date YYYY-MM-DD that exists in the calendar";
    return false;
  }
  static std::string format(Date v) { return v.iso(); }
};

/// Enums: the enum's namespace provides `names(E) -> std::span<const
/// std::pair<std::string_view,E>>` (found by argument-dependent lookup).
template <class E>
struct ValueTraits<E, std::enable_if_t<std::is_enum_v<E>>> {
  static constexpr bool ordered = false;
  static constexpr bool plain = true;
  static std::string_view type_name() { return "a choice"; }
  static std::string allowed() {
    std::string s;
    for (const auto& [n, e] : names(E{})) s += (s.empty() ? "" : " | ") + std::string(n);
    return s;
  }
  static bool parse(std::string_view t, bool, E& v, std::string& why) {
    std::vector<std::string> all;
    for (const auto& [n, e] : names(E{})) {
      if (n == t) return v = e, true;
      all.emplace_back(n);
    }
    why = "allowed: " + allowed();
    if (auto s = closest_match(t, all); !s.empty()) why += fmt::format(" (did you mean '{}'?)", s);
    return false;
  }
  static std::string format(E v) {
    for (const auto& [n, e] : names(E{}))
      if (e == v) return std::string(n);
    return "?";
  }
};

}  // namespace vecinos::schema
