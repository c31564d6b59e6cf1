#pragma once
// The spatial model of politics (SMP) of KTAB, the KAPSARC Toolkit for Behavioral Analysis
// (github.com/lsyaseen/KTAB, examples/smp), as a reusable component: actors bargain over
// positions on several dimensions, turn after turn, until their positions stop moving.
// model/bargain/SMP.md gives the equations, citations, defaults and the options supported.
//
//   vecinos::bargain::Problem problem = vecinos::bargain::read_smp_csv("example.csv");
//   vecinos::bargain::Result r = vecinos::bargain::solve(problem, {});
//   r.turns.back().positions;  // where the actors ended
//   r.outcome;                 // the probability-weighted mean position
#include <vector>

#include "model/bargain/options.hpp"
#include "model/bargain/problem.hpp"

namespace vecinos::bargain {

/// One state of the bargaining: every actor's position (0..1 scale) and its share of the
/// outcome probability (an actor's position's probability divided among the actors holding
/// it, so the shares sum to 1).
struct Turn {
  std::vector<std::vector<double>> positions;  ///< [actor][dimension]
  std::vector<double> probabilities;           ///< [actor]
};

struct Result {
  std::vector<Turn> turns;      ///< turns[0] holds the initial positions
  std::vector<double> outcome;  ///< [dimension]: sum over actors of probability x position
  bool converged = false;       ///< stopped because positions came to rest, not at max_turns
};

/// Runs the model from the problem's positions; throws InputError for a bad problem or options.
/// Deterministic: the same problem and options (seed included) give the same result.
Result solve(const Problem& problem, const Options& options = {});

/// KTAB's stopping distance between two states: the sum over actors of the Euclidean length of
/// each actor's move (SMPModel::stateDist).
double state_distance(const std::vector<std::vector<double>>& a,
                      const std::vector<std::vector<double>>& b);

}  // namespace vecinos::bargain
