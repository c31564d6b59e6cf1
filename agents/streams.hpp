#pragma once
// Every random stream of the model, listed once so that no two components share one
// (ns-3's AssignStreams idea). A draw is keyed by (seed, run) with counter
// (tick, agent, stream, block); see model/rng.hpp.
#include <cstddef>

#include "model/bargain/options.hpp"
#include "model/rng.hpp"

namespace vecinos::streams {

inline constexpr StreamId kPresidentChoice = 1;  ///< presidents' logit choice of action
inline constexpr StreamId kForbearance = 2;      ///< whether an insult is let pass
inline constexpr StreamId kLegislature = 3;      ///< legislative votes (gating)
inline constexpr StreamId kElections = 4;        ///< election outcomes
inline constexpr StreamId kMigrantBuild = 10;    ///< initial attributes of people
inline constexpr StreamId kMigrantKin = 11;      ///< kin ties
inline constexpr StreamId kMigrantEvent = 12;    ///< what happens when a person's event fires
inline constexpr StreamId kCartelBuild = 20;     ///< initial cells
inline constexpr StreamId kCartelEvent = 21;     ///< cells' random events
inline constexpr StreamId kCartelTarget = 22;    ///< which cells lose leaders
inline constexpr StreamId kFirmBuild = 30;       ///< initial firms
inline constexpr StreamId kFirmDecision = 31;    ///< firms' choices
/// The recording panel's choice of individuals (output/recording_plan.cpp; never feeds the model).
inline constexpr StreamId kRecordingPanel = 0x00726563;  // "rec"
// The bargaining component (model/bargain, domain-free) owns two more; the USMCA review
// bargains with the simulation's seed mixed with the tick (agents/usmca_review.cpp).
inline constexpr StreamId kBargain = bargain::kBargainStream;  ///< SMP's stochastic option
inline constexpr StreamId kBargainProblem =
    bargain::kRandomProblemStream;  ///< random test problems

/// True when no two components share a stream.
constexpr bool all_distinct() {
  constexpr StreamId kIds[] = {kPresidentChoice, kForbearance,  kLegislature,   kElections,
                               kMigrantBuild,    kMigrantKin,   kMigrantEvent,  kCartelBuild,
                               kCartelEvent,     kCartelTarget, kFirmBuild,     kFirmDecision,
                               kRecordingPanel,  kBargain,      kBargainProblem};
  for (std::size_t i = 0; i < std::size(kIds); ++i)
    for (std::size_t j = i + 1; j < std::size(kIds); ++j)
      if (kIds[i] == kIds[j]) return false;
  return true;
}
static_assert(all_distinct(), "two components share a random stream");

}  // namespace vecinos::streams
