#include "model/sweep/design.hpp"

#include <array>
#include <utility>

#include "model/sweep/unit_points.hpp"

namespace vecinos::sweep {
namespace {
constexpr std::array<std::pair<std::string_view, Design>, 8> kDesigns = {{
    {"grid", Design::grid},
    {"list", Design::list},
    {"random", Design::random},
    {"lhs", Design::lhs},
    {"sobol", Design::sobol},
    {"saltelli", Design::saltelli},
    {"morris", Design::morris},
    {"posterior", Design::posterior},
}};
}  // namespace

std::string_view name(Design d) {
  for (const auto& [n, x] : kDesigns)
    if (x == d) return n;
  return "?";
}

std::optional<Design> design_named(std::string_view text) {
  for (const auto& [n, x] : kDesigns)
    if (n == text) return x;
  return std::nullopt;
}

bool samples_bounds(Design d) {
  return d != Design::grid && d != Design::list && d != Design::posterior;
}

std::vector<std::size_t> grid_index(std::uint64_t point, std::span<const std::size_t> sizes) {
  std::vector<std::size_t> idx(sizes.size(), 0);
  // The last list varies fastest: it is the lowest digit of the mixed radix.
  for (std::size_t d = sizes.size(); d-- > 0;) {
    idx[d] = static_cast<std::size_t>(point % sizes[d]);
    point /= sizes[d];
  }
  return idx;
}

std::vector<std::vector<std::size_t>> grid_indices(std::span<const std::size_t> sizes) {
  std::size_t total = 1;
  for (std::size_t s : sizes) total *= s;
  std::vector<std::vector<std::size_t>> out;
  if (sizes.empty() || total == 0) return out;
  out.reserve(total);
  for (std::size_t k = 0; k < total; ++k) out.push_back(grid_index(k, sizes));
  return out;
}

std::vector<std::vector<double>> random_points(std::uint64_t n, std::size_t dims,
                                               std::uint64_t seed) {
  return all_points(UnitPoints({Design::random, n, dims, seed}));
}

std::vector<std::vector<double>> lhs_points(std::uint64_t n, std::size_t dims, std::uint64_t seed) {
  return all_points(UnitPoints({Design::lhs, n, dims, seed}));
}

std::vector<std::vector<double>> sobol_points(std::uint64_t n, std::size_t dims, std::uint64_t seed,
                                              bool scramble) {
  return all_points(UnitPoints({Design::sobol, n, dims, seed, scramble}));
}

}  // namespace vecinos::sweep
