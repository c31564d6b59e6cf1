#pragma once
// `vecinos sweep collect DIR`: one index file for a sweep, DIR/sweep.h5 (layout in
// docs/sweeps.md): a table with one row per task (its point, replicate, seed, status, file),
// the parameter values, the outcome summaries of complete tasks, and HDF5 external links
// /runs/task-NNNNNN to each complete run's /indicators.
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
};

struct CollectSummary {
  std::filesystem::path index_file;  ///< DIR/sweep.h5
  std::vector<CollectedTask> tasks;
  std::uint64_t complete = 0;
  [[nodiscard]] bool all_complete() const { return complete == tasks.size(); }
};

/// Reads every task's history in the sweep's output directory and writes OUTPUT/sweep.h5 (also
/// when tasks are missing: their rows say so).
CollectSummary collect(const TaskList& tasks);

}  // namespace vecinos::sweep
