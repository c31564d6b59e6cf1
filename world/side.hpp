#pragma once
// The two sides of the relationship, and the collective actors that events can name.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "agents/country.hpp"

namespace vecinos {

/// A side of the bilateral relationship.
enum class Side : std::uint8_t { us, mx };
constexpr std::size_t index(Side s) {
  return static_cast<std::size_t>(s);
}
constexpr Side other(Side s) {
  return s == Side::us ? Side::mx : Side::us;
}
/// The side a country's actors speak for (none for third countries such as Canada).
constexpr std::optional<Side> side_of(Country c) {
  if (c == Country::us) return Side::us;
  if (c == Country::mx) return Side::mx;
  return std::nullopt;
}

/// Actors of events that are not political actors: they follow the political actors in the
/// world's list of event actors, in this order.
enum class Collective : std::uint8_t { us_government, mx_government, cartels, prc, cuba, canada };
inline constexpr std::array<std::string_view, 6> kCollectiveNames = {
    "us_government", "mx_government", "cartels", "prc", "cuba", "canada"};
constexpr std::size_t index(Collective c) {
  return static_cast<std::size_t>(c);
}

}  // namespace vecinos
