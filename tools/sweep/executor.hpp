#pragma once
// Runs a sweep's tasks as child processes, each `vecinos run BASE --set ... --seed S -o
// OUTPUT/task-NNNNNN.h5` (TaskList::run_arguments): the very command that runs the task alone,
// so its history is the same file. A task that fails (bad override, error, crash) is recorded
// in task-NNNNNN.failed with its exit status and error output; the others go on.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "model/sweep/tasks.hpp"
#include "tools/sweep/child_process.hpp"

namespace vecinos::sweep {

struct ExecutorOptions {
  std::filesystem::path exe;  ///< the vecinos binary
  int threads = 1;            ///< --threads of each task
  int tick_delay_ms = 0;      ///< tests: passed on as --test-tick-delay-ms (slower tasks)
  std::optional<std::uint64_t> crash_task;  ///< tests: this task's process gets SIGSEGV
};

struct TaskResult {
  std::uint64_t index = 0;
  bool complete = false;
  bool interrupted = false;  ///< stopped by stop_all (its history stays .partial)
  double seconds = 0.0;
  std::string why;  ///< a failure in one line
};

class TaskExecutor {
 public:
  TaskExecutor(const TaskList& tasks, ExecutorOptions options);
  TaskExecutor(const TaskExecutor&) = delete;
  TaskExecutor& operator=(const TaskExecutor&) = delete;
  ~TaskExecutor();

  [[nodiscard]] std::size_t running() const { return running_.size(); }
  /// Starts task `index` (its old .failed record is removed first).
  void start(std::uint64_t index);
  /// Waits up to `timeout` for tasks to finish (returns early when a signal arrives).
  std::vector<TaskResult> poll(std::chrono::milliseconds timeout);
  /// Sends `sig` to every running task and waits for all of them.
  std::vector<TaskResult> stop_all(int sig);

 private:
  struct Running {
    Task task;
    std::vector<std::string> argv;
    std::unique_ptr<ChildProcess> child;
    std::chrono::steady_clock::time_point start;
  };
  TaskResult finish(Running& r, bool stopping);

  const TaskList& tasks_;
  ExecutorOptions options_;
  std::vector<Running> running_;
};

struct RunOptions {
  std::size_t jobs = 1;  ///< tasks at a time
  ExecutorOptions exec;
  bool progress_bar = false;
};

struct RunSummary {
  std::uint64_t tasks = 0;    ///< tasks asked for
  std::uint64_t skipped = 0;  ///< complete before this run
  std::uint64_t complete = 0, failed = 0;
  std::vector<std::uint64_t> failed_tasks;
};

/// The tasks among `indices` whose history is not complete yet (a readable file with status
/// complete). An invalid history (damaged, truncated) is moved to task-NNNNNN.h5.damaged,
/// which is said on `log`.
std::vector<std::uint64_t> tasks_to_run(const TaskList& tasks,
                                        const std::vector<std::uint64_t>& indices,
                                        std::ostream* log = nullptr);

/// Runs the tasks of `indices` that are not complete, `jobs` at a time, reporting progress on
/// `log`. When `stop` becomes non-zero, the running tasks get SIGTERM (their histories stay
/// .partial, so a re-run resumes them) and Interrupted(stop) is thrown.
RunSummary run_tasks(const TaskList& tasks, const std::vector<std::uint64_t>& indices,
                     const RunOptions& options, const std::atomic<int>& stop, std::ostream& log);

/// "3, 5-9, 12" for sorted task numbers.
std::string ranges_text(const std::vector<std::uint64_t>& sorted);

}  // namespace vecinos::sweep
