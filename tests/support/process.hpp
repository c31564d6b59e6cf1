#pragma once
// Runs a command through the shell for integration tests, capturing its exit code and output.
#include <sys/wait.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace vecinos::test {

struct ProcessResult {
  int exit_code = -1;
  std::string out, err;
};

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// A fresh directory under the build tree, removed when the object goes out of scope.
class TempDir {
 public:
  explicit TempDir(const std::string& tag) {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::path(VECINOS_BINARY_DIR) / "test-tmp" /
            (tag + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  [[nodiscard]] std::filesystem::path operator/(const std::string& name) const {
    return path_ / name;
  }
  /// Writes a file in the directory and returns its path.
  std::filesystem::path write(const std::string& name, const std::string& text) const {
    const auto p = path_ / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }

 private:
  std::filesystem::path path_;
};

/// Runs `command` (a shell command line) and returns its exit code, stdout and stderr.
inline ProcessResult run_shell(const std::string& command) {
  static std::atomic<int> counter{0};
  const auto base = std::filesystem::path(VECINOS_BINARY_DIR) / "test-tmp";
  std::filesystem::create_directories(base);
  const std::string tag = std::to_string(::getpid()) + "-" + std::to_string(counter++);
  const auto out = base / ("out-" + tag), err = base / ("err-" + tag);
  const std::string full = command + " >'" + out.string() + "' 2>'" + err.string() + "'";
  const int status = std::system(full.c_str());
  ProcessResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = slurp(out);
  r.err = slurp(err);
  std::filesystem::remove(out);
  std::filesystem::remove(err);
  return r;
}

/// Runs the vecinos binary with the given arguments (already shell-quoted where needed).
inline ProcessResult run_vecinos(const std::string& args) {
  return run_shell(std::string("'") + VECINOS_EXE + "' " + args);
}

inline std::string source_path(const std::string& rel) {
  return (std::filesystem::path(VECINOS_SOURCE_DIR) / rel).string();
}

}  // namespace vecinos::test
