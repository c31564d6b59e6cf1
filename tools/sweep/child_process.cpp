#include "tools/sweep/child_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string_view>
#include <system_error>

#include <fmt/format.h>

#include "model/errors.hpp"

extern char** environ;  // NOLINT: the process environment, passed on to children

namespace vecinos::sweep {
namespace {
constexpr std::size_t kMaxErrorText = std::size_t{64} * 1024;

/// posix_spawn's C structures, released on every path.
struct SpawnSetup {
  posix_spawn_file_actions_t actions{};
  posix_spawnattr_t attr{};
  SpawnSetup() {
    posix_spawn_file_actions_init(&actions);
    posix_spawnattr_init(&attr);
  }
  SpawnSetup(const SpawnSetup&) = delete;
  SpawnSetup& operator=(const SpawnSetup&) = delete;
  ~SpawnSetup() {
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
  }
};
}  // namespace

ChildProcess::ChildProcess(const std::vector<std::string>& argv, bool die_with_parent) {
  if (argv.empty()) throw RuntimeError("starting a task: no command");
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0)
    throw RuntimeError(fmt::format("starting a task: pipe: {}",
                                   std::error_code(errno, std::generic_category()).message()));
  // Only our end is non-blocking (the child's stderr stays an ordinary blocking pipe).
  ::fcntl(fds[0], F_SETFL, O_NONBLOCK);
  SpawnSetup s;
  posix_spawn_file_actions_addopen(&s.actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&s.actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_adddup2(&s.actions, fds[1], 2);
  // Signals the parent catches or ignores start at their defaults in the child, unblocked.
  sigset_t defaults, none;
  sigemptyset(&defaults);
  for (int sig : {SIGINT, SIGTERM, SIGUSR1, SIGUSR2, SIGPIPE, SIGHUP}) sigaddset(&defaults, sig);
  sigemptyset(&none);
  posix_spawnattr_setsigdefault(&s.attr, &defaults);
  posix_spawnattr_setsigmask(&s.attr, &none);
  posix_spawnattr_setflags(&s.attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);

  std::vector<char*> args;
  args.reserve(argv.size() + 1);
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  // The environment, plus the variable that makes the child stop when this process dies
  // (kDieWithParentVariable: vecinos sets PR_SET_PDEATHSIG to SIGTERM), so a runner killed with
  // SIGKILL leaves no task running. The command line stays the task's own.
  const std::string die_with =
      fmt::format("{}={}", kDieWithParentVariable, static_cast<long long>(::getpid()));
  std::vector<char*> env;
  for (char** e = environ; *e != nullptr; ++e)
    if (std::string_view(*e).substr(0, kDieWithParentVariable.size() + 1) !=
        std::string(kDieWithParentVariable) + "=")
      env.push_back(*e);
  if (die_with_parent) env.push_back(const_cast<char*>(die_with.c_str()));
  env.push_back(nullptr);
  const int rc =
      ::posix_spawn(&pid_, argv[0].c_str(), &s.actions, &s.attr, args.data(), env.data());
  ::close(fds[1]);
  if (rc != 0) {
    ::close(fds[0]);
    throw RuntimeError(fmt::format("starting {}: {}", argv[0],
                                   std::error_code(rc, std::generic_category()).message()));
  }
  fd_ = fds[0];
}

ChildProcess::~ChildProcess() {
  if (!reaped_ && pid_ > 0) {
    ::kill(pid_, SIGKILL);
    int st = 0;
    while (::waitpid(pid_, &st, 0) < 0 && errno == EINTR) {
    }
  }
  if (fd_ >= 0) ::close(fd_);
}

bool ChildProcess::drain() {
  if (fd_ < 0) return false;
  char buf[4096];
  while (true) {
    const ssize_t n = ::read(fd_, buf, sizeof buf);
    if (n > 0) {
      err_.append(buf, static_cast<std::size_t>(n));
      if (err_.size() > kMaxErrorText) err_.erase(0, err_.size() - kMaxErrorText);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return true;
    ::close(fd_);  // end of file (or an error: treat alike)
    fd_ = -1;
    return false;
  }
}

int ChildProcess::wait() {
  if (reaped_) return status_;
  // Whatever is left in the pipe (the child may still be writing until it exits).
  if (fd_ >= 0) {
    ::fcntl(fd_, F_SETFL, 0);
    while (drain()) {
    }
  }
  while (::waitpid(pid_, &status_, 0) < 0) {
    if (errno != EINTR) {
      status_ = 0;
      break;
    }
  }
  reaped_ = true;
  return status_;
}

void ChildProcess::signal(int sig) const {
  if (!reaped_ && pid_ > 0) ::kill(pid_, sig);
}

std::string describe_wait_status(int status) {
  if (WIFEXITED(status)) return fmt::format("exit code {}", WEXITSTATUS(status));
  if (WIFSIGNALED(status)) {
    // sigdescr_np (glibc 2.32) is thread-safe, unlike strsignal.
    const char* what = ::sigdescr_np(WTERMSIG(status));
    return fmt::format("killed by signal {} ({})", WTERMSIG(status),
                       what != nullptr ? what : "unknown signal");
  }
  return fmt::format("wait status {}", status);
}

}  // namespace vecinos::sweep
