#pragma once
// Helpers of the reliability tests: a vecinos process started in the background (to signal,
// kill or race it), waiting for files, small configs, and flipping bytes of files.
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "tests/support/process.hpp"

extern char** environ;  // NOLINT: passed on to the children

namespace vecinos::test {

/// Overrides that make `vecinos run` small and quick (as tests/support/run_model.hpp does).
inline const std::string kSmallRun =
    " --set migrants.scale=1000 --set firms.agents=600 --set firms.scale=50"
    " --set recording.panel_size=50";

inline std::string quoted(const std::string& s) {
  return "'" + s + "'";
}

/// A vecinos process in the background; stdout and stderr go to files.
class Background {
 public:
  Background(const std::string& args, const std::filesystem::path& dir) {
    static int counter = 0;
    out_ = dir / ("bg-out-" + std::to_string(counter));
    err_ = dir / ("bg-err-" + std::to_string(counter++));
    const std::string cmd = "exec " + quoted(VECINOS_EXE) + " " + args + " >" +
                            quoted(out_.string()) + " 2>" + quoted(err_.string());
    const char* argv[] = {"/bin/sh", "-c", cmd.c_str(), nullptr};
    if (::posix_spawn(&pid_, "/bin/sh", nullptr, nullptr, const_cast<char**>(argv), environ) != 0)
      pid_ = -1;
  }
  Background(const Background&) = delete;
  Background& operator=(const Background&) = delete;
  ~Background() {
    if (pid_ > 0 && !status_) {
      ::kill(pid_, SIGKILL);
      int st = 0;
      ::waitpid(pid_, &st, 0);
    }
  }
  [[nodiscard]] pid_t pid() const { return pid_; }
  void signal(int sig) const {
    if (pid_ > 0 && !status_) ::kill(pid_, sig);
  }
  /// The exit code (128 + signal when killed), or nothing when still running after `ms`.
  std::optional<int> wait_for(int ms) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
    while (!status_) {
      int st = 0;
      const pid_t r = ::waitpid(pid_, &st, WNOHANG);
      if (r == pid_) {
        status_ = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
        break;
      }
      if (std::chrono::steady_clock::now() > end) return std::nullopt;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return status_;
  }
  [[nodiscard]] std::string err() const { return slurp(err_); }
  [[nodiscard]] std::string out() const { return slurp(out_); }

 private:
  pid_t pid_ = -1;
  std::optional<int> status_;
  std::filesystem::path out_, err_;
};

/// Waits up to `ms` for `pred` to hold.
template <class Pred>
bool eventually(Pred pred, int ms = 20000) {
  const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  while (!pred()) {
    if (std::chrono::steady_clock::now() > end) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

inline bool present(const std::filesystem::path& p) {
  std::error_code ec;
  return std::filesystem::exists(p, ec);
}

/// Processes whose command line contains `text` (other than this one).
inline std::vector<pid_t> processes_mentioning(const std::string& text) {
  std::vector<pid_t> out;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator("/proc", ec)) {
    const std::string name = e.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::string cmd = slurp(e.path() / "cmdline");
    for (char& c : cmd)
      if (c == '\0') c = ' ';
    const pid_t pid = std::stoi(name);
    // A zombie has an empty command line; it is not running.
    if (pid != ::getpid() && cmd.find(text) != std::string::npos) out.push_back(pid);
  }
  return out;
}

/// Flips the bits of byte `offset` of a file.
inline void flip_byte(const std::filesystem::path& p, std::uintmax_t offset) {
  std::fstream f(p, std::ios::in | std::ios::out | std::ios::binary);
  f.seekg(static_cast<std::streamoff>(offset));
  char c = 0;
  f.get(c);
  f.seekp(static_cast<std::streamoff>(offset));
  f.put(static_cast<char>(~c));
}

}  // namespace vecinos::test
