#include "model/sweep/saltelli.hpp"

#include <bit>
#include <numeric>
#include <stdexcept>

#include "model/sweep/design.hpp"
#include "model/sweep/sobol.hpp"

namespace vecinos::sweep {

LinearScramble::LinearScramble(std::size_t dims, std::uint64_t seed)
    : rows_(dims * 32), shift_(dims) {
  for (std::size_t d = 0; d < dims; ++d) {
    Rng rng(seed, kSweepKey, 0, d, kSaltelliScramble);
    for (unsigned b = 0; b < 32; ++b) {
      // Output bit b reads input bit b and a random subset of the more significant bits.
      const std::uint32_t above = b == 31 ? 0U : ~((std::uint32_t{2} << b) - 1U);
      rows_[d * 32 + b] =
          (std::uint32_t{1} << b) | (static_cast<std::uint32_t>(rng.next_u64()) & above);
    }
    shift_[d] = static_cast<std::uint32_t>(rng.next_u64() >> 32);
  }
}

std::uint32_t LinearScramble::operator()(std::size_t d, std::uint32_t bits) const {
  std::uint32_t out = 0;
  for (unsigned b = 0; b < 32; ++b)
    out |= static_cast<std::uint32_t>(std::popcount(rows_[d * 32 + b] & bits) & 1) << b;
  return out ^ shift_[d];
}

std::vector<std::vector<double>> saltelli_points(std::uint64_t n, std::size_t dims,
                                                 std::uint64_t seed, bool scramble,
                                                 bool second_order) {
  if (dims < 1 || 2 * dims > kSobolMaxDimensions)
    throw std::invalid_argument("saltelli: 1 .. " + std::to_string(kSobolMaxDimensions / 2) +
                                " parameters");
  const Sobol sobol(2 * dims);
  const LinearScramble lms(2 * dims, seed);
  std::vector<std::vector<double>> out;
  out.reserve(n * saltelli_block(dims, second_order));
  std::vector<double> a(dims), b(dims);
  for (std::uint64_t j = 0; j < n; ++j) {
    const auto bits = sobol.bits(scramble ? j : j + 1);
    for (std::size_t d = 0; d < 2 * dims; ++d) {
      const std::uint32_t x = scramble ? lms(d, bits[d]) : bits[d];
      (d < dims ? a[d] : b[d - dims]) = static_cast<double>(x) * 0x1.0p-32;
    }
    out.push_back(a);
    for (std::size_t i = 0; i < dims; ++i) {
      auto ab = a;
      ab[i] = b[i];
      out.push_back(std::move(ab));
    }
    if (second_order) {
      for (std::size_t i = 0; i < dims; ++i) {
        auto ba = b;
        ba[i] = a[i];
        out.push_back(std::move(ba));
      }
    }
    out.push_back(b);
  }
  return out;
}

std::vector<std::vector<double>> morris_points(std::uint64_t r, std::size_t dims,
                                               std::uint64_t levels, std::uint64_t seed) {
  if (levels < 2 || levels % 2 != 0)
    throw std::invalid_argument("morris: the number of levels must be even and at least 2");
  const std::uint64_t half = levels / 2;  // delta in grid steps
  const double step = 1.0 / static_cast<double>(levels - 1);
  std::vector<std::vector<double>> out;
  out.reserve(r * (dims + 1));
  std::vector<std::uint64_t> base(dims), order(dims);
  std::vector<bool> up(dims);
  for (std::uint64_t t = 0; t < r; ++t) {
    std::vector<std::uint64_t> level(dims);
    for (std::size_t d = 0; d < dims; ++d) {
      base[d] = Rng(seed, kSweepKey, t, d, kMorrisStart).below(half);
      up[d] = Rng(seed, kSweepKey, t, d, kMorrisDirection).below(2) == 0;
      level[d] = up[d] ? base[d] : base[d] + half;
    }
    std::iota(order.begin(), order.end(), std::uint64_t{0});
    Rng perm(seed, kSweepKey, t, 0, kMorrisOrder);
    for (std::size_t i = dims; i > 1; --i) std::swap(order[i - 1], order[perm.below(i)]);
    auto point = [&] {
      std::vector<double> x(dims);
      for (std::size_t d = 0; d < dims; ++d) x[d] = static_cast<double>(level[d]) * step;
      return x;
    };
    out.push_back(point());
    for (std::size_t s = 0; s < dims; ++s) {
      const std::size_t d = order[s];
      level[d] = up[d] ? base[d] + half : base[d];
      out.push_back(point());
    }
  }
  return out;
}

}  // namespace vecinos::sweep
