#include "tools/sweep/task_files.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>

#include <fstream>
#include <sstream>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "model/errors.hpp"
#include "model/version.hpp"
#include "output/history_info.hpp"
#include "world/model_info.hpp"

namespace vecinos::sweep {
namespace {
constexpr std::string_view kHeader = "# vecinos sweep definition (written by vecinos ";

std::string read_all(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// The text without its leading comment lines.
std::string_view body(std::string_view text) {
  while (!text.empty() && text.front() == '#') {
    const auto nl = text.find('\n');
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
  }
  return text;
}
}  // namespace

std::string_view name(TaskState s) {
  switch (s) {
    case TaskState::complete: return "complete";
    case TaskState::invalid: return "invalid";
    case TaskState::failed: return "failed";
    case TaskState::incomplete: return "incomplete";
    case TaskState::missing: return "missing";
  }
  return "?";
}

std::filesystem::path failed_path(const std::filesystem::path& output) {
  std::filesystem::path p = output;
  p.replace_extension(".failed");
  return p;
}

std::filesystem::path damaged_path(const std::filesystem::path& output) {
  std::filesystem::path p = output;
  p += ".damaged";
  return p;
}

TaskState task_state(const std::filesystem::path& output, std::string* why) {
  std::error_code ec;
  if (std::filesystem::exists(output, ec)) {
    std::string reason;
    const std::string status = history_status(output, reason);
    if (status == "complete") return TaskState::complete;
    if (!status.empty()) reason = fmt::format("its status is {}", status);
    if (why != nullptr) *why = reason;
    return TaskState::invalid;
  }
  if (std::filesystem::exists(failed_path(output), ec)) return TaskState::failed;
  std::filesystem::path partial = output;
  partial += ".partial";
  if (std::filesystem::exists(partial, ec)) return TaskState::incomplete;
  return TaskState::missing;
}

std::string sweep_file_text(const Sweep& s) {
  return fmt::format("{}{}); the tasks' outputs in this directory follow from it. Do not edit.\n{}",
                     kHeader, version(), canonical_yaml(s));
}

void write_file_atomically(const std::filesystem::path& path, std::string_view text) {
  std::filesystem::path tmp = path;
  tmp += fmt::format(".tmp-{}", ::getpid());
  {
    errno = 0;
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush())
      throw RuntimeError(fmt::format("{}: cannot write: {}", tmp.string(),
                                     errno != 0 ? std::strerror(errno) : "write failed"));
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::error_code ignored;
    std::filesystem::remove(tmp, ignored);
    throw RuntimeError(fmt::format("{}: cannot write: {}", path.string(), ec.message()));
  }
}

void prepare_output(const Sweep& s) {
  std::error_code ec;
  std::filesystem::create_directories(s.output, ec);
  if (ec)
    throw InputError(
        fmt::format("{}: cannot create the output directory: {}", s.output.string(), ec.message()));
  const auto recorded = s.output / "sweep.yaml";
  const std::string text = sweep_file_text(s);
  if (std::filesystem::exists(recorded, ec)) {
    const std::string old = read_all(recorded);
    if (body(old) == body(text)) return;
    throw InputError(fmt::format(
        "{}: the output directory holds another sweep (its sweep.yaml differs from {}); its task "
        "files would be mixed with this sweep's. Use another `output:` directory, or remove {} "
        "to start over.\n--- recorded\n{}--- this sweep\n{}",
        s.output.string(), s.file.string(), s.output.string(), body(old), body(text)));
  }
  write_file_atomically(recorded, text);
}

FileLock lock_sweep_directory(const std::filesystem::path& output, SweepLockMode mode,
                              std::ostream& log) {
  std::error_code ec;
  std::filesystem::create_directories(output, ec);
  if (ec)
    throw InputError(
        fmt::format("{}: cannot create the output directory: {}", output.string(), ec.message()));
  const auto path = output / "sweep.lock";
  FileLock lock;
  std::string why;
  FileLock::Outcome outcome{};
  try {
    outcome = lock.try_lock(
        path, mode == SweepLockMode::exclusive ? FileLock::Mode::exclusive : FileLock::Mode::shared,
        true, /*inheritable=*/true, &why);
  } catch (const RuntimeError& e) {
    throw InputError(e.what());  // a read-only directory, permissions
  }
  if (outcome == FileLock::Outcome::unsupported) {
    log << fmt::format(
        "vecinos sweep: warning: {}: this file system does not lock files ({}); a second sweep "
        "run on this directory at the same time would not be refused\n",
        path.string(), why);
    return lock;
  }
  if (outcome != FileLock::Outcome::locked) {
    std::string holder = read_all(path);
    while (!holder.empty() && (holder.back() == '\n' || holder.back() == ' ')) holder.pop_back();
    throw InputError(fmt::format(
        "{}: another `vecinos sweep run` is using this sweep's output directory ({}), or the "
        "tasks of one that was killed are still running; wait for it to end (a Slurm array's "
        "elements may share the directory with each other, not with a local or MPI run)",
        output.string(), holder.empty() ? std::string("a Slurm array element") : holder));
  }
  if (mode == SweepLockMode::exclusive) {
    char host[256] = {};
    ::gethostname(host, sizeof host - 1);
    const std::string who = fmt::format("pid {} on {}, started {:%Y-%m-%d %H:%M:%S} UTC",
                                        ::getpid(), host, fmt::gmtime(std::time(nullptr)));
    if (::ftruncate(lock.fd(), 0) == 0) {
      const auto n = ::pwrite(lock.fd(), who.data(), who.size(), 0);
      (void)n;
    }
  }
  return lock;
}

Sweep load_recorded_sweep(const std::filesystem::path& dir) {
  const auto recorded = dir / "sweep.yaml";
  std::error_code ec;
  if (!std::filesystem::is_regular_file(recorded, ec))
    throw InputError(fmt::format(
        "{}: no sweep.yaml here: not the output directory of a sweep that was run (vecinos "
        "sweep run writes it)",
        dir.string()));
  return load_sweep(recorded, model_info());
}

}  // namespace vecinos::sweep
