#pragma once
// The options of the spatial model of politics, with KTAB's defaults (SMPModel and Model in
// KTAB's examples/smp/libsrc/smp.h and KTAB/kmodel/libsrc/kmodel.h) and KTAB's names for them,
// so a scenario written for KTAB's `ModelParameters` reads the same here.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/rng.hpp"

namespace vecinos::bargain {

/// How much influence an actor exerts for one option over another, given the difference in
/// its utilities (KTAB VotingRule). Names: Binary, PropBin, Prop, PropCbc, Cubic, ASymProsp.
enum class VotingRule { binary, prop_bin, proportional, prop_cubic, cubic, asym_prospect };

/// How the strengths of two coalitions become a probability of victory (KTAB VPModel).
/// Names: Linear, Square, Quartic, Octic, Binary.
enum class VictoryModel { linear, square, quartic, octic, binary };

/// How pairwise victory probabilities become outcome probabilities (KTAB PCEModel, the
/// probabilistic Condorcet election). Names: Conditional, MarkovIncentive, MarkovUniform.
enum class PceModel { conditional, markov_incentive, markov_uniform };

/// Whether each actor adopts its most likely bargain or draws one (KTAB StateTransMode).
/// Names: Deterministic, Stochastic.
enum class StateTransition { deterministic, stochastic };

/// The range of risk attitudes inferred from probabilities (KTAB BigRRange): Min [0, 1],
/// Mid [-1/2, 1], Max [-1, 1].
enum class BigRRange { min, mid, max };

/// How an actor's estimate of another's risk attitude mixes its own (KTAB BigRAdjust).
/// Names: None, OneThird, Half, TwoThirds, Full (the weight given to the other's true value).
enum class BigRAdjust { none, one_third, half, two_thirds, full };

/// Whether a third party that joins a losing coalition is dragged to the winner's position
/// (KTAB ThirdPartyCommit). Names: NoCommit, SemiCommit, FullCommit.
enum class ThirdPartyCommit { none, semi, full };

/// How two actors interpolate a bargain on each dimension (KTAB InterVecBrgn): weights
/// salience^n times probability^m. Names: S1P1, S2P2, S2PMax.
enum class Interpolation { s1p1, s2p2, s2pmax };

/// Whose view of the contest shapes the bargain (KTAB SMPBargnModel). Names:
/// InitOnlyInterp, InitRcvrInterp, PWCompInterp.
enum class BargainModel { init_only, init_rcvr, power_weighted };

/// KTAB's default seed (KBase::dSeed); only the stochastic state transition draws.
inline constexpr std::uint64_t kDefaultSeed = 0xD67CC16FE69C185CULL;

/// The random stream of the bargaining component (see model/rng.hpp). The counter is
/// (turn, actor, this stream), under (seed, run 0).
inline constexpr StreamId kBargainStream = 0x534D5000;  // "SMP"
/// The stream of random_problem (problem.hpp), one counter per actor.
inline constexpr StreamId kRandomProblemStream = 0x534D5001;

struct Options {
  // Stopping rule of KTAB's SMPModel::configExec / smpStopFn.
  int max_turns = 100;               ///< stop after this many turns whatever happens
  int min_turns = 2;                 ///< never stop for quiet before this many turns
  double min_delta_ratio = 0.02;     ///< quiet: last change / first change below this
  double min_sig_delta = 1e-4;       ///< added to the first change, against 0/0
  double position_tolerance = 1e-3;  ///< positions closer than this (0..1 scale) are one

  std::uint64_t seed = kDefaultSeed;

  VictoryModel victory = VictoryModel::linear;
  VotingRule voting = VotingRule::proportional;
  PceModel pce = PceModel::conditional;
  StateTransition transition = StateTransition::deterministic;
  BigRRange risk_range = BigRRange::mid;
  BigRAdjust risk_adjust = BigRAdjust::one_third;
  ThirdPartyCommit commitment = ThirdPartyCommit::semi;
  Interpolation interpolation = Interpolation::s2p2;
  BargainModel bargain_model = BargainModel::init_only;
};

/// Sets one model parameter by KTAB's names, e.g. ("PCEModel", "MarkovIncentive").
/// Throws InputError naming the allowed keys or values.
void set_parameter(Options& options, std::string_view key, std::string_view value);

/// The nine model parameters as (KTAB key, KTAB value name), in KTAB's order.
std::vector<std::pair<std::string, std::string>> parameters(const Options& options);

/// Checks the numeric options; throws InputError.
void validate(const Options& options);

}  // namespace vecinos::bargain
