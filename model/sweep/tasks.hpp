#pragma once
// The tasks of a sweep: every point of the design times every replicate. Task i is point
// i / replicates, replicate i % replicates; its history is OUTPUT/task-<i, 6 digits>.h5. The
// numbering depends only on the sweep definition, so a task keeps its index and file name
// across runs, machines, Slurm array elements and MPI ranks.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "model/config_loader.hpp"
#include "model/sweep/sweep.hpp"
#include "model/sweep/unit_points.hpp"

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

/// The tasks of a sweep and the parameter values of each. A point's values are computed when
/// asked for, from the point's index alone (grid: its digits in the mixed radix of the list
/// sizes; sampled designs: UnitPoints), so building the list costs nothing per point and a Slurm
/// element or `sweep run --task I` of a 10^7-point design computes only its own points.
class TaskList {
 public:
  /// The sweep must outlive the list. Throws std::invalid_argument for a design its sampler
  /// refuses (the sweep loader reports these first, at their lines).
  explicit TaskList(const Sweep& s);

  [[nodiscard]] const Sweep& sweep() const { return sweep_; }
  [[nodiscard]] std::uint64_t size() const { return points_ * sweep_.replicates; }
  [[nodiscard]] std::uint64_t points() const { return points_; }
  [[nodiscard]] Task task(std::uint64_t index) const;
  /// The parameter values of point p, in the order of the parameters, as `--set` value text;
  /// throws std::out_of_range when p >= points().
  [[nodiscard]] std::vector<std::string> values(std::uint64_t point) const;
  /// Sampled designs: the unit-cube coordinates of point p, before scaling to the bounds
  /// (empty for grid and list).
  [[nodiscard]] std::vector<double> unit(std::uint64_t point) const;
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
  std::uint64_t points_ = 0;
  std::shared_ptr<const UnitPoints> unit_;  ///< sampled designs
};

/// A command line for the shell: each argument quoted when needed.
std::string shell_command(const std::vector<std::string>& argv);

}  // namespace vecinos::sweep
