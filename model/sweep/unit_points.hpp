#pragma once
// Any one point of a sampled design (random, lhs, sobol, saltelli, morris), computed without
// the others: `vecinos sweep run --task I` and a Slurm array element of a 10^7-point design
// need only their own points. Point p is row p of the design as docs/sweeps.md and the batch
// functions of design.hpp and saltelli.hpp describe it (those are built from this class).
// Memory is constant in the number of points except for lhs, which keeps each dimension's
// permutation of the strata (4 bytes per point and dimension).
#include <cstdint>
#include <optional>
#include <vector>

#include "model/sweep/design.hpp"
#include "model/sweep/saltelli.hpp"
#include "model/sweep/sobol.hpp"

namespace vecinos::sweep {

struct UnitDesign {
  Design design = Design::random;  ///< a design that samples bounds
  std::uint64_t samples = 0;       ///< points; saltelli: base rows; morris: trajectories
  std::size_t dims = 0;
  std::uint64_t seed = 1;
  bool scramble = false;      ///< sobol, saltelli
  bool second_order = false;  ///< saltelli
  std::uint64_t levels = 4;   ///< morris
};

class UnitPoints {
 public:
  /// Throws std::invalid_argument for a design that does not sample bounds, too many
  /// dimensions (sobol: kSobolMaxDimensions, saltelli: half of it), morris levels that are odd
  /// or below 2, or an lhs of 2^32 points or more.
  explicit UnitPoints(const UnitDesign& d);

  /// Points of the design (saltelli: samples x saltelli_block; morris: samples x (dims + 1)).
  [[nodiscard]] std::uint64_t size() const;
  /// Point p in [0, 1)^dims (morris: on the grid {0, 1/(p-1), ..., 1}); throws
  /// std::out_of_range when p >= size().
  [[nodiscard]] std::vector<double> operator()(std::uint64_t p) const;

 private:
  [[nodiscard]] std::vector<double> saltelli(std::uint64_t p) const;
  [[nodiscard]] std::vector<double> morris(std::uint64_t p) const;

  UnitDesign d_;
  std::optional<Sobol> sobol_;                      ///< sobol (dims), saltelli (2 dims)
  std::vector<std::uint32_t> shift_;                ///< sobol scrambled: digital shift per dim
  std::optional<LinearScramble> scramble_;          ///< saltelli scrambled
  std::vector<std::vector<std::uint32_t>> strata_;  ///< lhs: stratum of each point, per dim
};

/// Every point of a design, in order.
std::vector<std::vector<double>> all_points(const UnitPoints& u);

}  // namespace vecinos::sweep
