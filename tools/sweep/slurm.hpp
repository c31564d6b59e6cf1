#pragma once
// Slurm job arrays for a sweep (docs/sweeps.md, "Slurm"). `vecinos sweep slurm FILE` prints a
// batch script; each array element runs `vecinos sweep run OUTPUT/sweep.yaml --slurm`, which
// takes its tasks from the environment:
//   element  e = VECINOS_SWEEP_OFFSET + SLURM_ARRAY_TASK_ID
//   tasks    e * VECINOS_SWEEP_PACK .. (e + 1) * VECINOS_SWEEP_PACK - 1 (the last may be short)
// A sweep with more elements than MaxArraySize allows in one array is submitted as several
// arrays with different offsets (the script submits them all when run with bash).
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "model/sweep/tasks.hpp"

namespace vecinos::sweep {

struct SlurmOptions {
  std::string partition;           ///< --partition (empty: the cluster's default)
  std::string time = "01:00:00";   ///< --time of one array element
  std::uint64_t array_max = 1001;  ///< Slurm's MaxArraySize: indices 0 .. array_max-1
  std::uint64_t throttle = 0;      ///< elements running at once (`%`), 0 for no limit
  std::uint64_t pack = 1;          ///< tasks per array element
  int cpus_per_task = 1;           ///< CPUs of an element; its tasks run this many at a time
  std::string mem;                 ///< --mem (empty: the cluster's default)
  std::string job_name;            ///< default: vecinos-<output directory name>
  std::vector<std::string> sbatch_options;  ///< more #SBATCH lines, e.g. --account=proj
  int signal_seconds = 60;  ///< USR1 this long before the time limit (stop, requeue)
  int tick_delay_ms = 0;    ///< tests: slower tasks
};

/// One job array: elements OFFSET + 0 .. OFFSET + size - 1.
struct ArrayChunk {
  std::uint64_t offset = 0, size = 0;
};
/// The --array value of a chunk: "0-(size-1)", with "%throttle" when throttled.
std::string array_spec(const ArrayChunk& c, std::uint64_t throttle);
/// `elements` split into arrays of at most `array_max` elements.
std::vector<ArrayChunk> array_chunks(std::uint64_t elements, std::uint64_t array_max);

/// The sbatch script for the sweep recorded at `sweep_file` (OUTPUT/sweep.yaml).
std::string slurm_script(const TaskList& tasks, const SlurmOptions& o,
                         const std::filesystem::path& exe, const std::filesystem::path& sweep_file);

/// Tasks [first, last) of one array element.
struct TaskRange {
  std::uint64_t first = 0, last = 0;
};
/// The tasks of element (offset + array_index); empty past the end of the sweep.
TaskRange element_tasks(std::uint64_t array_index, std::uint64_t offset, std::uint64_t pack,
                        std::uint64_t tasks);

}  // namespace vecinos::sweep
