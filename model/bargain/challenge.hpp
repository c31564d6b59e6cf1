#pragma once
// Challenges in the spatial model of politics: how an actor estimates its chances and its gain
// from challenging another (KTAB SMPState::probEduChlg, Actor::vProbLittle and
// Actor::thirdPartyVoteSU), and whom it chooses to challenge (SMPState::bestChallenge).
#include <cstddef>
#include <optional>

#include "model/bargain/assessment.hpp"
#include "model/bargain/options.hpp"

namespace vecinos::bargain {

struct ChallengeEstimate {
  double p_win = 0.0;  ///< probability that the initiator i defeats the receiver j
  double gain = 0.0;   ///< expected change of k's utility from the challenge, against status quo
};

/// h's estimate of i challenging j: the chance i prevails once third parties join the side
/// they prefer, and the expected gain to k (a sum of two positions' utilities, so in [-2, 2]).
ChallengeEstimate estimate_challenge(const Assessment& a, const Options& options, std::size_t h,
                                     std::size_t k, std::size_t i, std::size_t j);

struct Target {
  std::size_t receiver = 0;
  double p_win = 0.0;  ///< the initiator's estimate that it prevails
  double gain = 0.0;   ///< the initiator's expected gain
};

/// Smallest expected gain worth a challenge (KTAB bestChallenge, minSigEDU).
inline constexpr double kMinChallengeGain = 1e-5;

/// The receiver of i's most advantageous challenge by i's own estimate (the first of equals),
/// or nothing when no challenge gains more than kMinChallengeGain.
std::optional<Target> best_target(const Assessment& a, const Options& options, std::size_t i);

}  // namespace vecinos::bargain
