#pragma once
// Summaries of an indicator's series (one value per recorded tick of a run).
#include <span>

#include "model/sweep/sweep.hpp"

namespace vecinos::sweep {

/// final: the value at the last recorded tick; first: at tick 0; change: final - first;
/// mean, min, max, sum: over the recorded ticks, skipping NaN (values no mechanism computed).
/// NaN when the series is empty (or holds only NaN, for mean, min, max).
double summarize(std::span<const double> series, Stat stat);

}  // namespace vecinos::sweep
