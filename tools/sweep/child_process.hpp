#pragma once
// A child process whose error output is captured through a pipe (for the tasks of a sweep:
// each task is `vecinos run ...` in its own process, so a crash or a bad override stays in that
// task). Started with posix_spawn: stdin and stdout are /dev/null, stderr is the pipe.
#include <sys/types.h>

#include <string>
#include <string_view>
#include <vector>

namespace vecinos::sweep {

/// Set in a task's environment to the runner's pid: the task asks the kernel for SIGTERM when
/// the runner dies (PR_SET_PDEATHSIG; tools/cli/main.cpp), and stops at once when the runner
/// is already gone.
inline constexpr std::string_view kDieWithParentVariable = "VECINOS_DIE_WITH_PARENT";

class ChildProcess {
 public:
  /// Starts argv[0] (a path) with arguments argv; throws RuntimeError when it cannot. With
  /// `die_with_parent` the child gets kDieWithParentVariable; without it (a launcher such as
  /// mpirun or sbatch, whose own children would see another parent) the variable is removed.
  explicit ChildProcess(const std::vector<std::string>& argv, bool die_with_parent = true);
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;
  /// A child still running is killed (SIGKILL) and reaped.
  ~ChildProcess();

  [[nodiscard]] pid_t pid() const { return pid_; }
  /// The read end of the stderr pipe (-1 after end of file).
  [[nodiscard]] int fd() const { return fd_; }
  /// Reads what the child wrote; false once the pipe reached end of file.
  bool drain();
  /// Waits for the child to exit and returns its wait status (see waitpid).
  int wait();
  void signal(int sig) const;
  /// The end of what the child wrote on stderr (at most 64 KiB).
  [[nodiscard]] const std::string& error_text() const { return err_; }

 private:
  pid_t pid_ = -1;
  int fd_ = -1;
  bool reaped_ = false;
  int status_ = 0;
  std::string err_;
};

/// "exit code 2", "killed by signal 11 (Segmentation fault)".
std::string describe_wait_status(int status);

}  // namespace vecinos::sweep
