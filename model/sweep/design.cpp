#include "model/sweep/design.hpp"

#include <array>
#include <numeric>
#include <utility>

#include "model/sweep/sobol.hpp"

namespace vecinos::sweep {
namespace {
constexpr std::array<std::pair<std::string_view, Design>, 7> kDesigns = {{
    {"grid", Design::grid},
    {"list", Design::list},
    {"random", Design::random},
    {"lhs", Design::lhs},
    {"sobol", Design::sobol},
    {"saltelli", Design::saltelli},
    {"morris", Design::morris},
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
  return d != Design::grid && d != Design::list;
}

std::vector<std::vector<std::size_t>> grid_indices(std::span<const std::size_t> sizes) {
  std::size_t total = 1;
  for (std::size_t s : sizes) total *= s;
  std::vector<std::vector<std::size_t>> out;
  if (sizes.empty() || total == 0) return out;
  out.reserve(total);
  std::vector<std::size_t> idx(sizes.size(), 0);
  for (std::size_t k = 0; k < total; ++k) {
    out.push_back(idx);
    // Odometer: the last list varies fastest.
    for (std::size_t d = sizes.size(); d-- > 0;) {
      if (++idx[d] < sizes[d]) break;
      idx[d] = 0;
    }
  }
  return out;
}

std::vector<std::vector<double>> random_points(std::uint64_t n, std::size_t dims,
                                               std::uint64_t seed) {
  std::vector<std::vector<double>> out(n, std::vector<double>(dims));
  for (std::uint64_t i = 0; i < n; ++i)
    for (std::size_t d = 0; d < dims; ++d)
      out[i][d] = Rng(seed, kSweepKey, i, d, kRandomDesign).uniform();
  return out;
}

std::vector<std::vector<double>> lhs_points(std::uint64_t n, std::size_t dims, std::uint64_t seed) {
  std::vector<std::vector<double>> out(n, std::vector<double>(dims));
  std::vector<std::uint64_t> strata(n);
  for (std::size_t d = 0; d < dims; ++d) {
    std::iota(strata.begin(), strata.end(), std::uint64_t{0});
    Rng order(seed, kSweepKey, 0, d, kLhsOrder);
    for (std::uint64_t i = n; i > 1; --i) std::swap(strata[i - 1], strata[order.below(i)]);
    for (std::uint64_t i = 0; i < n; ++i) {
      const double u = Rng(seed, kSweepKey, i, d, kLhsJitter).uniform();
      out[i][d] = (static_cast<double>(strata[i]) + u) / static_cast<double>(n);
    }
  }
  return out;
}

std::vector<std::vector<double>> sobol_points(std::uint64_t n, std::size_t dims, std::uint64_t seed,
                                              bool scramble) {
  const Sobol sobol(dims);
  std::vector<std::uint32_t> shift(dims, 0);
  if (scramble)
    for (std::size_t d = 0; d < dims; ++d)
      shift[d] =
          static_cast<std::uint32_t>(Rng(seed, kSweepKey, 0, d, kSobolShift).next_u64() >> 32);
  std::vector<std::vector<double>> out(n, std::vector<double>(dims));
  for (std::uint64_t i = 0; i < n; ++i) {
    const auto b = sobol.bits(i + 1);
    for (std::size_t d = 0; d < dims; ++d)
      out[i][d] = static_cast<double>(b[d] ^ shift[d]) * 0x1.0p-32;
  }
  return out;
}

}  // namespace vecinos::sweep
