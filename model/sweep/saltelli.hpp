#pragma once
// Designs for global sensitivity analysis (docs/sweeps.md, docs/analysis.md).
//
// saltelli: the A, B and AB_i matrices of Saltelli's (2002) design, from which Sobol' indices
// are estimated (Saltelli et al. 2010; Jansen 1999). The base is a 2k-dimensional Sobol'
// sequence, scrambled by a random linear matrix scramble and digital shift (Matousek 1998),
// which keeps its net structure; A is its first k columns, B the last k. Base row j gives
// k + 2 points (A_j, AB_j^1 .. AB_j^k, B_j), or 2k + 2 with the BA_j^i matrices for
// second-order indices (A_j, AB_j^1 .. AB_j^k, BA_j^1 .. BA_j^k, B_j), where AB^i is A with
// column i from B and BA^i is B with column i from A.
//
// morris: r trajectories on a p-level grid (Morris 1991): a random grid point, then each
// parameter once, in a random order, moved by delta = p / (2 (p - 1)) up or down.
#include <cstdint>
#include <vector>

namespace vecinos::sweep {

/// Points per base row of a Saltelli design of `dims` parameters.
constexpr std::uint64_t saltelli_block(std::size_t dims, bool second_order) {
  return second_order ? 2 * dims + 2 : dims + 2;
}

/// The n base rows of a Saltelli design in [0, 1)^dims, row by row as in the header comment.
/// With `scramble` the base is Sobol' points 0 .. n-1 scrambled from the seed; without, points
/// 1 .. n of the plain sequence (the origin skipped). dims <= kSobolMaxDimensions / 2.
std::vector<std::vector<double>> saltelli_points(std::uint64_t n, std::size_t dims,
                                                 std::uint64_t seed, bool scramble,
                                                 bool second_order);

/// The linear matrix scramble and digital shift of Sobol' coordinate `bits` in dimension `d`
/// (exposed for the tests): bit b of the result (b = 31 is the first binary digit) is the parity
/// of the input's bits b .. 31 masked by a random lower-triangular row with unit diagonal, then
/// XORed with a random shift.
class LinearScramble {
 public:
  LinearScramble(std::size_t dims, std::uint64_t seed);
  [[nodiscard]] std::uint32_t operator()(std::size_t d, std::uint32_t bits) const;

 private:
  std::vector<std::uint32_t> rows_;   ///< [d * 32 + b]: the bits that output bit b reads
  std::vector<std::uint32_t> shift_;  ///< [d]
};

/// r Morris trajectories of dims + 1 points on the grid {0, 1/(p-1), ..., 1} (levels p even,
/// >= 2): trajectory t starts at level Rng(seed, kSweepKey, t, d, kMorrisStart).below(p/2)
/// (+ p/2 when moving down), moves up when Rng(seed, kSweepKey, t, d, kMorrisDirection) draws
/// an even number, and moves the parameters in the order of a Fisher-Yates permutation drawn
/// from Rng(seed, kSweepKey, t, 0, kMorrisOrder).
std::vector<std::vector<double>> morris_points(std::uint64_t r, std::size_t dims,
                                               std::uint64_t levels, std::uint64_t seed);

}  // namespace vecinos::sweep
