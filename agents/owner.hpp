#pragma once
// Whose firms: the owners of firms producing in Mexico (and the business lobbies that speak for
// them).
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <utility>

namespace vecinos {

enum class Owner : std::uint8_t { us, mx, cn };
inline constexpr std::size_t kOwners = 3;
inline constexpr std::array<std::string_view, kOwners> kOwnerNames = {"us", "mx", "cn"};
constexpr std::size_t index(Owner o) {
  return static_cast<std::size_t>(o);
}
/// Table for config schemas (found by argument-dependent lookup).
inline std::span<const std::pair<std::string_view, Owner>> names(Owner) {
  static constexpr std::pair<std::string_view, Owner> kTable[] = {
      {"us", Owner::us}, {"mx", Owner::mx}, {"cn", Owner::cn}};
  return kTable;
}

}  // namespace vecinos
