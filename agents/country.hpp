#pragma once
// Countries that have actors in the model.
#include <span>
#include <string_view>
#include <utility>

namespace vecinos {

enum class Country : unsigned char { us, mx, ca };
std::span<const std::pair<std::string_view, Country>> names(Country);
std::string_view name(Country c);

}  // namespace vecinos
