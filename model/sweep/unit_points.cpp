#include "model/sweep/unit_points.hpp"

#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

namespace vecinos::sweep {

UnitPoints::UnitPoints(const UnitDesign& d) : d_(d) {
  switch (d.design) {
    case Design::grid:
    case Design::list:
    case Design::posterior:
      throw std::invalid_argument(
          fmt::format("UnitPoints: the {} design does not sample bounds", name(d.design)));
    case Design::random: break;
    case Design::lhs: {
      if (d.samples > std::numeric_limits<std::uint32_t>::max())
        throw std::invalid_argument("lhs: fewer than 2^32 points");
      // Dimension d's strata: a Fisher-Yates permutation drawn from one stream per dimension.
      const auto n = static_cast<std::uint32_t>(d.samples);
      strata_.assign(d.dims, std::vector<std::uint32_t>(n));
      for (std::size_t k = 0; k < d.dims; ++k) {
        auto& s = strata_[k];
        std::iota(s.begin(), s.end(), std::uint32_t{0});
        Rng order(d.seed, kSweepKey, 0, k, kLhsOrder);
        for (std::uint64_t i = n; i > 1; --i) std::swap(s[i - 1], s[order.below(i)]);
      }
      break;
    }
    case Design::sobol:
      sobol_.emplace(d.dims);
      shift_.assign(d.dims, 0);
      if (d.scramble)
        for (std::size_t k = 0; k < d.dims; ++k)
          shift_[k] = static_cast<std::uint32_t>(
              Rng(d.seed, kSweepKey, 0, k, kSobolShift).next_u64() >> 32);
      break;
    case Design::saltelli:
      if (d.dims < 1 || 2 * d.dims > kSobolMaxDimensions)
        throw std::invalid_argument("saltelli: 1 .. " + std::to_string(kSobolMaxDimensions / 2) +
                                    " parameters");
      sobol_.emplace(2 * d.dims);
      if (d.scramble) scramble_.emplace(2 * d.dims, d.seed);
      break;
    case Design::morris:
      if (d.levels < 2 || d.levels % 2 != 0)
        throw std::invalid_argument("morris: the number of levels must be even and at least 2");
      break;
  }
}

std::uint64_t UnitPoints::size() const {
  switch (d_.design) {
    case Design::saltelli: return d_.samples * saltelli_block(d_.dims, d_.second_order);
    case Design::morris: return d_.samples * (d_.dims + 1);
    default: return d_.samples;
  }
}

std::vector<double> UnitPoints::operator()(std::uint64_t p) const {
  if (p >= size())
    throw std::out_of_range(fmt::format("design point {}: the design has {} points", p, size()));
  std::vector<double> x(d_.dims);
  switch (d_.design) {
    case Design::random:
      for (std::size_t k = 0; k < d_.dims; ++k)
        x[k] = Rng(d_.seed, kSweepKey, p, k, kRandomDesign).uniform();
      return x;
    case Design::lhs:
      // Point p sits at a uniform position inside its stratum.
      for (std::size_t k = 0; k < d_.dims; ++k) {
        const double u = Rng(d_.seed, kSweepKey, p, k, kLhsJitter).uniform();
        x[k] = (static_cast<double>(strata_[k][p]) + u) / static_cast<double>(d_.samples);
      }
      return x;
    case Design::sobol: {
      // Point 0 of the sequence, the origin, is skipped.
      const auto b = sobol_->bits(p + 1);
      for (std::size_t k = 0; k < d_.dims; ++k)
        x[k] = static_cast<double>(b[k] ^ shift_[k]) * 0x1.0p-32;
      return x;
    }
    case Design::saltelli: return saltelli(p);
    case Design::morris: return morris(p);
    default: return x;
  }
}

std::vector<double> UnitPoints::saltelli(std::uint64_t p) const {
  const std::size_t dims = d_.dims;
  const std::uint64_t block = saltelli_block(dims, d_.second_order);
  const std::uint64_t row = p / block, slot = p % block;
  // Row j of A and B: the first and last dims columns of base point j (scrambled) or j + 1.
  const auto bits = sobol_->bits(d_.scramble ? row : row + 1);
  std::vector<double> a(dims), b(dims);
  for (std::size_t k = 0; k < 2 * dims; ++k) {
    const std::uint32_t v = d_.scramble ? (*scramble_)(k, bits[k]) : bits[k];
    (k < dims ? a[k] : b[k - dims]) = static_cast<double>(v) * 0x1.0p-32;
  }
  // Slots: A, AB^1 .. AB^k, [BA^1 .. BA^k,] B.
  if (slot == 0) return a;
  if (slot == block - 1) return b;
  if (slot <= dims) {
    a[slot - 1] = b[slot - 1];  // AB^i: A with column i from B
    return a;
  }
  const std::size_t i = slot - dims - 1;
  b[i] = a[i];  // BA^i: B with column i from A
  return b;
}

std::vector<double> UnitPoints::morris(std::uint64_t p) const {
  const std::size_t dims = d_.dims;
  const std::uint64_t t = p / (dims + 1), step = p % (dims + 1);
  const std::uint64_t half = d_.levels / 2;  // delta in grid steps
  const double grid = 1.0 / static_cast<double>(d_.levels - 1);
  std::vector<std::uint64_t> base(dims), level(dims), order(dims);
  std::vector<bool> up(dims);
  for (std::size_t k = 0; k < dims; ++k) {
    base[k] = Rng(d_.seed, kSweepKey, t, k, kMorrisStart).below(half);
    up[k] = Rng(d_.seed, kSweepKey, t, k, kMorrisDirection).below(2) == 0;
    level[k] = up[k] ? base[k] : base[k] + half;
  }
  std::iota(order.begin(), order.end(), std::uint64_t{0});
  Rng perm(d_.seed, kSweepKey, t, 0, kMorrisOrder);
  for (std::size_t i = dims; i > 1; --i) std::swap(order[i - 1], order[perm.below(i)]);
  // Point `step` of the trajectory: the first `step` parameters of the order have moved.
  for (std::uint64_t s = 0; s < step; ++s) {
    const std::size_t k = order[s];
    level[k] = up[k] ? base[k] + half : base[k];
  }
  std::vector<double> x(dims);
  for (std::size_t k = 0; k < dims; ++k) x[k] = static_cast<double>(level[k]) * grid;
  return x;
}

std::vector<std::vector<double>> all_points(const UnitPoints& u) {
  std::vector<std::vector<double>> out;
  out.reserve(u.size());
  for (std::uint64_t p = 0; p < u.size(); ++p) out.push_back(u(p));
  return out;
}

}  // namespace vecinos::sweep
