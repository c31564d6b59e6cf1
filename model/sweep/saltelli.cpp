#include "model/sweep/saltelli.hpp"

#include <bit>
#include <numeric>
#include <stdexcept>

#include "model/sweep/design.hpp"
#include "model/sweep/unit_points.hpp"

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
  return all_points(UnitPoints({Design::saltelli, n, dims, seed, scramble, second_order}));
}

std::vector<std::vector<double>> morris_points(std::uint64_t r, std::size_t dims,
                                               std::uint64_t levels, std::uint64_t seed) {
  return all_points(UnitPoints({Design::morris, r, dims, seed, false, false, levels}));
}

}  // namespace vecinos::sweep
