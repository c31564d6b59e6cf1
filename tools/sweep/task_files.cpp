#include "tools/sweep/task_files.hpp"

#include <unistd.h>

#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "model/errors.hpp"
#include "model/version.hpp"
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

TaskState task_state(const std::filesystem::path& output) {
  std::error_code ec;
  if (std::filesystem::exists(output, ec)) return TaskState::complete;
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
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) throw RuntimeError(fmt::format("{}: cannot write", tmp.string()));
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
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
