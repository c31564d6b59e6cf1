#pragma once
// `vecinos sweep collect DIR`: one index file for a sweep, DIR/sweep.h5 (layout in
// docs/sweeps.md): a table with one row per task (its point, replicate, seed, status, file),
// the parameter values, the outcome summaries of complete tasks, the named path each follows
// and its first actions, the design (unit coordinates of sampled points), and HDF5 external
// links /runs/task-NNNNNN to each complete run's /indicators.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "model/sweep/tasks.hpp"

namespace vecinos::sweep {

struct CollectedTask {
  std::uint64_t index = 0;
  std::string status;            ///< complete, failed, incomplete, missing or invalid
  std::string note;              ///< why a task is invalid; its .failed record when failed
  std::vector<double> outcomes;  ///< one per sweep outcome; NaN unless complete
  std::string path;              ///< the named path it follows ("" unless complete)
  std::string sequence;          ///< its first distinct actions, "actor action > ..."
};

/// A path's share of the complete runs, with Wilson's (1927) 95 % score interval.
struct PathShare {
  std::string name;
  std::uint64_t runs = 0, total = 0;
  double lo = 0.0, hi = 0.0;
};

/// Each path's share of one group of complete runs: a design point, a parameter's value or a
/// bin of its values (tools/sweep/path_groups.hpp).
struct PathGroup {
  std::string label;             ///< "3" (a point), "0.2" or "mx" (a value), "(0.31, 0.47]" (a bin)
  double lo = 0.0;               ///< a bin's edges (lo, hi]; the first bin holds lo too
  double hi = 0.0;               ///< (both 0 for points and values)
  std::uint64_t runs = 0;        ///< complete runs in the group
  std::vector<PathShare> paths;  ///< in the order of CollectSummary::paths
};

struct CollectSummary {
  std::filesystem::path index_file;  ///< DIR/sweep.h5
  std::vector<CollectedTask> tasks;
  std::uint64_t complete = 0;
  std::vector<PathShare> paths;     ///< the sweep's paths, then "unclassified" if any run is
  std::vector<PathGroup> by_point;  ///< the paths' shares at every point of the design
  std::vector<std::string> warnings;
  [[nodiscard]] bool all_complete() const { return complete == tasks.size(); }
};

/// Reads every task's history in the sweep's output directory and writes OUTPUT/sweep.h5 (also
/// when tasks are missing: their rows say so).
CollectSummary collect(const TaskList& tasks);

/// The first `length` distinct (actor, action) pairs of an event list in order, joined as
/// "actor action > actor action" (every action of a run counts once, at its first time).
std::string event_sequence(const std::vector<std::string>& actor,
                           const std::vector<std::string>& action, std::size_t length);

/// Wilson's score interval for k successes of n at 95 % (z = 1.959964); {NaN, NaN} if n = 0.
std::pair<double, double> wilson_interval(std::uint64_t k, std::uint64_t n);

/// The lines `vecinos sweep collect` prints for the paths ("path rupture: 12 of 128 runs ...").
std::string path_report(const CollectSummary& sum);

}  // namespace vecinos::sweep
