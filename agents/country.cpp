#include "agents/country.hpp"

namespace vecinos {

std::span<const std::pair<std::string_view, Country>> names(Country) {
  static constexpr std::pair<std::string_view, Country> kTable[] = {
      {"us", Country::us}, {"mx", Country::mx}, {"ca", Country::ca}};
  return kTable;
}

std::string_view name(Country c) {
  for (const auto& [n, v] : names(c))
    if (v == c) return n;
  return "?";
}

}  // namespace vecinos
