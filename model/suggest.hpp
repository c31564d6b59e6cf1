#pragma once
// "Did you mean ...?" suggestions for misspelt names.
#include <span>
#include <string>
#include <string_view>

namespace vecinos {

/// Edit distance (insertions, deletions, substitutions, adjacent transpositions).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word` when it is close enough to be a likely typo, else "".
std::string closest_match(std::string_view word, std::span<const std::string> candidates);

}  // namespace vecinos
