#pragma once
// The files of a sweep's tasks in its output directory (docs/sweeps.md):
//   task-000123.h5           the complete history (renamed from .partial when the run ends)
//   task-000123.h5.partial   a run that was stopped, killed or failed (status attribute says)
//   task-000123.failed       why the task failed: exit status, command, its error output
//   sweep.yaml               the sweep's definition (canonical_yaml), so DIR describes itself
#include <cstdint>
#include <filesystem>
#include <ostream>
#include <string>
#include <string_view>

#include "model/sweep/sweep.hpp"
#include "output/file_lock.hpp"

namespace vecinos::sweep {

enum class TaskState { complete, invalid, failed, incomplete, missing };
std::string_view name(TaskState s);

/// The state of a task from the files beside its history `output` (task-NNNNNN.h5): complete
/// when the history exists, opens and has status complete (the writer renames it only when the
/// run completed); invalid when it exists but is not that (truncated, garbage, another status:
/// `why` says how); failed when a .failed record exists, incomplete when only a .partial
/// exists, else missing.
TaskState task_state(const std::filesystem::path& output, std::string* why = nullptr);

/// task-NNNNNN.h5.damaged: where a run moves an invalid history before running the task again
/// (kept for inspection; replaced by the next one).
std::filesystem::path damaged_path(const std::filesystem::path& output);

/// How a `sweep run` holds its output directory (OUTPUT/sweep.lock): a local run or an MPI
/// job's rank 0 alone (exclusive), or beside other elements of a Slurm array (shared).
enum class SweepLockMode { exclusive, shared };

/// Locks OUTPUT/sweep.lock (creating OUTPUT) for the whole `sweep run`. The lock's descriptor
/// is inherited by the tasks' processes, so a runner that is killed keeps the directory locked
/// until its last task is gone. Throws InputError (exit 2) naming the holder when another run
/// has it; on a file system without locks it warns on `log` and returns an unheld lock.
FileLock lock_sweep_directory(const std::filesystem::path& output, SweepLockMode mode,
                              std::ostream& log);

/// task-NNNNNN.failed beside task-NNNNNN.h5.
std::filesystem::path failed_path(const std::filesystem::path& output);

/// The text of OUTPUT/sweep.yaml: a comment line, then canonical_yaml(s).
std::string sweep_file_text(const Sweep& s);

/// Creates the output directory and writes OUTPUT/sweep.yaml, or checks that the one there
/// describes the same sweep; throws InputError when it does not (the outputs there belong to
/// another sweep, and resuming would mix them).
void prepare_output(const Sweep& s);

/// The sweep recorded in DIR (DIR/sweep.yaml); throws InputError when there is none.
Sweep load_recorded_sweep(const std::filesystem::path& dir);

/// Writes `text` to `path` through a temporary file and a rename (readers never see half).
void write_file_atomically(const std::filesystem::path& path, std::string_view text);

}  // namespace vecinos::sweep
