#pragma once
// Summaries of a run: of an indicator's series (one value per recorded tick), of a threshold on
// it, and of the occurrences of an event (sweep.hpp, Stat).
#include <cstdint>
#include <span>

#include "model/sweep/sweep.hpp"

namespace vecinos::sweep {

/// final: the value at the last recorded tick; first: at tick 0; change: final - first;
/// mean, min, max, sum: over the recorded ticks, skipping NaN (values no mechanism computed).
/// NaN when the series is empty (or holds only NaN, for mean, min, max).
double summarize(std::span<const double> series, Stat stat);

/// A threshold on a series recorded on days `days` (days from the start, one per value):
/// ever: 1 if it holds at some recorded tick, else 0; when: the days to the first tick where it
/// holds (NaN if never); at_end: 1 if it holds at the last tick. NaN values never hold. NaN
/// when the series is empty.
double summarize_threshold(std::span<const double> series, std::span<const std::int32_t> days,
                           Relation relation, double threshold, Stat stat);

/// An event that happened on `days` (days from the start, ascending): count, ever (0/1),
/// when (the first, NaN if it never happened).
double summarize_events(std::span<const std::int32_t> days, Stat stat);

/// Any outcome of a task: the indicator's series and days for indicators and thresholds, the
/// days of the matching events for events; days count from `start`, the date of the first
/// recorded tick, which places the outcome's window (ticks and events outside it are dropped).
double summarize(const Outcome& o, std::span<const double> series,
                 std::span<const std::int32_t> days, std::span<const std::int32_t> event_days,
                 Date start = {});

}  // namespace vecinos::sweep
