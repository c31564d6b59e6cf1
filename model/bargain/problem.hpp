#pragma once
// A bargaining problem of the spatial model of politics: actors with a capability and, on each
// dimension, a position and a salience. Inside the library every position and salience is on
// the 0..1 scale; files use 0..100 (see smp_csv.hpp).
#include <cstdint>
#include <string>
#include <vector>

namespace vecinos::bargain {

struct Actor {
  std::string name, description;
  double capability = 0.0;       ///< > 0; only ratios between actors matter
  std::vector<double> position;  ///< per dimension, 0..1
  std::vector<double> salience;  ///< per dimension, 0..1, summing to at most 1 (and above 0)
};

struct Problem {
  std::string name, description;
  std::vector<std::string> dimensions;
  std::vector<Actor> actors;
};

/// Checks sizes and ranges; throws InputError naming the actor and dimension at fault.
void validate(const Problem& problem);

/// A random problem in the style of KTAB's SMPActor::randomize: capability uniform on
/// [10, 200], total salience uniform on [0.75, 0.99] spread over the dimensions by uniform
/// [0.1, 1] weights, positions uniform on [0, 1]. Drawn from vecinos::Rng keyed by `seed`.
Problem random_problem(int actors, int dimensions, std::uint64_t seed);

}  // namespace vecinos::bargain
