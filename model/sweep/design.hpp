#pragma once
// Sampling designs of a sweep (docs/sweeps.md): grid and list combine given values; random,
// lhs (Latin hypercube) and sobol place `n` points in the unit cube [0, 1)^d, later scaled to
// each parameter's bounds; saltelli and morris (saltelli.hpp) place them for sensitivity
// analysis. Every random draw comes from vecinos::Rng keyed by the sweep seed, so a design
// depends only on (seed, n, d) and its own options.
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "model/rng.hpp"

namespace vecinos::sweep {

/// posterior draws parameter sets from a calibration's posterior (OUTPUT/posterior.csv of
/// `vecinos calibrate`): point p is particle j with probability proportional to its weight.
enum class Design { grid, list, random, lhs, sobol, saltelli, morris, posterior };
std::string_view name(Design d);
std::optional<Design> design_named(std::string_view text);
/// True for the designs that sample bounds (random, lhs, sobol, saltelli, morris): not grid,
/// list or posterior.
bool samples_bounds(Design d);

/// Random streams of the sweep (the second word of the Philox key is kSweepKey, so they never
/// meet a simulation's streams, whose key is (seed, run)).
inline constexpr std::uint64_t kSweepKey = 0x7377656570;  // "sweep"
inline constexpr StreamId kRandomDesign = 1;              ///< random: counter (point, dimension)
inline constexpr StreamId kLhsOrder = 2;          ///< lhs: the permutation of strata, per dimension
inline constexpr StreamId kLhsJitter = 3;         ///< lhs: position inside a stratum (point, dim)
inline constexpr StreamId kSobolShift = 4;        ///< sobol: digital shift per dimension
inline constexpr StreamId kTaskSeed = 5;          ///< seeds of the tasks (point, replicate)
inline constexpr StreamId kSaltelliScramble = 6;  ///< saltelli: matrix scramble and shift (dim)
inline constexpr StreamId kMorrisStart = 7;       ///< morris: start level (trajectory, dim)
inline constexpr StreamId kMorrisDirection = 8;   ///< morris: up or down (trajectory, dim)
inline constexpr StreamId kMorrisOrder = 9;       ///< morris: order of the moves (trajectory)
inline constexpr StreamId kPosteriorDraw = 10;    ///< posterior: the particle of a point (point)

/// The indices into each list of point `point` of the Cartesian product of lists of the given
/// sizes (none zero), in row-major order: the first list varies slowest (like nested loops in
/// the order the parameters are written).
std::vector<std::size_t> grid_index(std::uint64_t point, std::span<const std::size_t> sizes);

/// Every point of the Cartesian product of lists of the given sizes, in row-major order: the first
/// list varies slowest (like nested loops in the order the parameters are written).
std::vector<std::vector<std::size_t>> grid_indices(std::span<const std::size_t> sizes);

// The batch functions below give every point of a sampled design at once; they are
// all_points(UnitPoints{...}) (unit_points.hpp), which also gives any single point alone.

/// `n` points uniform in [0, 1)^dims: coordinate d of point i is
/// Rng(seed, kSweepKey, i, d, kRandomDesign).uniform().
std::vector<std::vector<double>> random_points(std::uint64_t n, std::size_t dims,
                                               std::uint64_t seed);

/// A Latin hypercube of `n` points in [0, 1)^dims (McKay, Beckman and Conover 1979): in each
/// dimension the n strata [k/n, (k+1)/n) hold exactly one point each. Dimension d's strata are
/// a Fisher-Yates permutation drawn from Rng(seed, kSweepKey, 0, d, kLhsOrder); point i sits at
/// (stratum + u)/n with u = Rng(seed, kSweepKey, i, d, kLhsJitter).uniform().
std::vector<std::vector<double>> lhs_points(std::uint64_t n, std::size_t dims, std::uint64_t seed);

/// Points 1 .. n of the Sobol' sequence (point 0, the origin, is skipped), so the first point
/// is (1/2, ..., 1/2). With `scramble`, each dimension is XORed with a random 32-bit digital
/// shift from Rng(seed, kSweepKey, 0, d, kSobolShift), which keeps the net's stratification.
std::vector<std::vector<double>> sobol_points(std::uint64_t n, std::size_t dims, std::uint64_t seed,
                                              bool scramble);

}  // namespace vecinos::sweep
