#pragma once
// The random streams of the calibration core, declared once. Every draw is keyed by
// (calibration seed, generation) with counter (particle index, attempt, stream), so any
// proposal of any generation can be recomputed on its own (resume, Slurm arrays, MPI ranks).
#include "model/rng.hpp"

namespace vecinos::calibrate::streams {

inline constexpr StreamId kPriorDraw = 0x41424300;       ///< generation 0: draws from the prior
inline constexpr StreamId kProposal = 0x41424301;        ///< later: ancestor and perturbation
inline constexpr StreamId kSimulationSeed = 0x41424302;  ///< the seed handed to a simulation

}  // namespace vecinos::calibrate::streams
