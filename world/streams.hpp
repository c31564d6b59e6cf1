#pragma once
// Every random stream of the model, checked once so that no two components share one
// (ns-3's AssignStreams idea). Draws of political actors are keyed by a stable hash of their
// config id (PoliticalActor::key), never by their index, so adding an actor to a config leaves
// every other actor's draws as they were. Each agent kind declares its own streams in its header
// (agents/*.hpp); the streams of the composition layer are declared here. A draw is keyed by
// (seed, run) with counter (tick, agent, stream, block); see model/rng.hpp.
#include <cstddef>

#include "agents/cartels.hpp"
#include "agents/firms.hpp"
#include "agents/migrants.hpp"
#include "model/bargain/options.hpp"
#include "model/calibrate/streams.hpp"
#include "model/rng.hpp"

namespace vecinos::streams {

inline constexpr StreamId kPresidentChoice = 1;  ///< presidents' logit choice of action
inline constexpr StreamId kForbearance = 2;      ///< whether an insult is let pass
inline constexpr StreamId kLegislature = 3;      ///< legislative votes (gating)
inline constexpr StreamId kElections = 4;        ///< election outcomes
inline constexpr StreamId kMagnanimity = 5;      ///< whether a president holds back an escalation
/// The recording panel's choice of individuals (output/recording_plan.cpp; never feeds the model).
inline constexpr StreamId kRecordingPanel = 0x00726563;  // "rec"
// The bargaining component (model/bargain, domain-free) owns two more; the USMCA review
// bargains with the simulation's seed mixed with the tick (world/usmca_review.cpp).
inline constexpr StreamId kBargain = bargain::kBargainStream;  ///< SMP's stochastic option
inline constexpr StreamId kBargainProblem =
    bargain::kRandomProblemStream;  ///< random test problems

// The calibration core's draws are keyed (calibration seed, generation) with counter (particle,
// attempt, stream): a key a simulation's (seed, run) can equal, so its streams join the check.
// The sweep designs' draws (model/sweep/design.hpp) carry kSweepKey in the key and cannot meet.
inline constexpr StreamId kCalibratePrior = calibrate::streams::kPriorDraw;
inline constexpr StreamId kCalibrateProposal = calibrate::streams::kProposal;
inline constexpr StreamId kCalibrateSeed = calibrate::streams::kSimulationSeed;

/// True when no two components share a stream.
constexpr bool all_distinct() {
  constexpr StreamId kIds[] = {kPresidentChoice, kForbearance,       kLegislature,  kElections,
                               kMagnanimity,     kMigrantBuild,      kMigrantKin,   kMigrantEvent,
                               kCartelBuild,     kCartelEvent,       kCartelTarget, kFirmBuild,
                               kFirmDecision,    kRecordingPanel,    kBargain,      kBargainProblem,
                               kCalibratePrior,  kCalibrateProposal, kCalibrateSeed};
  for (std::size_t i = 0; i < std::size(kIds); ++i)
    for (std::size_t j = i + 1; j < std::size(kIds); ++j)
      if (kIds[i] == kIds[j]) return false;
  return true;
}
static_assert(all_distinct(), "two components share a random stream");

}  // namespace vecinos::streams
