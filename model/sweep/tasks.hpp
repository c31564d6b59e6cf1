#pragma once
// The tasks of a sweep: every point of the design times every replicate. Task i is point
// i / replicates, replicate i % replicates; its history is OUTPUT/task-<i, 6 digits>.h5. The
// numbering depends only on the sweep definition, so a task keeps its index and file name
// across runs, machines, Slurm array elements and MPI ranks.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "model/config_loader.hpp"
#include "model/sweep/sweep.hpp"

namespace vecinos::sweep {

struct Task {
  std::uint64_t index = 0, point = 0, replicate = 0;
  std::uint64_t seed = 0;  ///< simulation.seed of the task's run
};

/// The seed of replicate r of point p: the first 64-bit word of
/// Philox4x64-10 keyed (sweep seed, kSweepKey) at counter (p, r, kTaskSeed, 0), shifted right
/// by 11 bits (a whole number below 2^53, exact in every tool), 1 if that is 0. With
/// common_random_numbers every point uses p = 0: replicate r has one seed at all points.
std::uint64_t task_seed(std::uint64_t sweep_seed, std::uint64_t point, std::uint64_t replicate);

/// "task-000123.h5" (at least 6 digits).
std::string task_file_name(std::uint64_t index);

class TaskList {
 public:
  /// Builds the design's points (the sweep must outlive the list).
  explicit TaskList(const Sweep& s);

  [[nodiscard]] const Sweep& sweep() const { return sweep_; }
  [[nodiscard]] std::uint64_t size() const { return points_.size() * sweep_.replicates; }
  [[nodiscard]] std::uint64_t points() const { return points_.size(); }
  [[nodiscard]] Task task(std::uint64_t index) const;
  /// The parameter values of point p, in the order of the parameters, as `--set` value text.
  [[nodiscard]] const std::vector<std::string>& values(std::uint64_t point) const {
    return points_.at(point);
  }
  /// Sampled designs: the unit-cube coordinates of point p, before scaling to the bounds
  /// (empty for grid and list).
  [[nodiscard]] std::vector<double> unit(std::uint64_t point) const {
    return unit_.empty() ? std::vector<double>{} : unit_.at(point);
  }
  /// The history file of a task: OUTPUT/task-NNNNNN.h5.
  [[nodiscard]] std::filesystem::path output(const Task& t) const;
  /// The task's overrides, in the order `vecinos run` applies them: the sweep's `set:`, the
  /// parameter values, then simulation.seed.
  [[nodiscard]] std::vector<Override> overrides(const Task& t) const;
  /// Arguments of `vecinos run` (after the program name) that run the task alone:
  /// run BASE --set ... --seed S -o OUTPUT/task-NNNNNN.h5 -q
  [[nodiscard]] std::vector<std::string> run_arguments(const Task& t) const;

 private:
  const Sweep& sweep_;
  std::vector<std::vector<std::string>> points_;
  std::vector<std::vector<double>> unit_;  ///< sampled designs: coordinates in [0, 1]
};

/// A command line for the shell: each argument quoted when needed.
std::string shell_command(const std::vector<std::string>& argv);

}  // namespace vecinos::sweep
