#pragma once
// Every random stream of the model, listed once so that no two components share one
// (ns-3's AssignStreams idea). A draw is keyed by (seed, run) with counter
// (tick, agent, stream, block); see model/rng.hpp.
#include "model/bargain/options.hpp"
#include "model/rng.hpp"

namespace vecinos::streams {

inline constexpr StreamId kPresidentChoice = 1;  ///< presidents' logit choice of action
inline constexpr StreamId kForbearance = 2;      ///< whether an insult is let pass
inline constexpr StreamId kLegislature = 3;      ///< legislative votes (gating)
inline constexpr StreamId kElections = 4;        ///< election outcomes
inline constexpr StreamId kUsmcaReview = 5;      ///< the joint review's outcome
inline constexpr StreamId kMigrantBuild = 10;    ///< initial attributes of people
inline constexpr StreamId kMigrantKin = 11;      ///< kin ties
inline constexpr StreamId kMigrantEvent = 12;    ///< what happens when a person's event fires
inline constexpr StreamId kMigrantPanel = 13;    ///< recording panel (output only)
inline constexpr StreamId kCartelBuild = 20;     ///< initial cells
inline constexpr StreamId kCartelEvent = 21;     ///< cells' random events
inline constexpr StreamId kCartelTarget = 22;    ///< which cells lose leaders
inline constexpr StreamId kFirmBuild = 30;       ///< initial firms
inline constexpr StreamId kFirmDecision = 31;    ///< firms' choices

}  // namespace vecinos::streams
