// `vecinos report SWEEP_DIR`: the HTML report of a collected sweep. Thin: it runs the Python
// report (python3 -m vecinos.report, tools/python/vecinos/report.py) in place of this process,
// so its output, errors and exit code (2 for bad input) are the command's.
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>

#include <fmt/format.h>

#include "model/errors.hpp"
#include "tools/cli/commands.hpp"

#ifndef VECINOS_PYTHON_DEFAULT
#define VECINOS_PYTHON_DEFAULT "/usr/bin/python3"
#endif
#ifndef VECINOS_PYTHON_PACKAGE
#define VECINOS_PYTHON_PACKAGE ""
#endif

namespace vecinos::cli {

Action add_report(CLI::App& app) {
  struct Args {
    std::string directory, out, cases;
    std::vector<std::string> outcomes, indicators;
    int bootstrap = 1000;
    std::int64_t seed = -1;
    bool timings = false;
  };
  auto a = std::make_shared<Args>();
  app.add_option("SWEEP_DIR", a->directory, "a collected sweep's directory (holds sweep.h5)")
      ->required();
  app.add_option("-o,--out", a->out, "the HTML file (default SWEEP_DIR/report.html)");
  app.add_option("--outcome", a->outcomes, "an outcome to analyse (repeatable; default: all)");
  app.add_option("--indicator", a->indicators, "an indicator for a fan chart (repeatable)");
  app.add_option("--cases", a->cases, "a rule naming the runs PRIM explains (default: each path)");
  app.add_option("--bootstrap", a->bootstrap, "bootstrap resamples (default 1000)")
      ->check(CLI::Range(0, 1000000));
  app.add_option("--seed", a->seed, "seed of the bootstrap and trees (default: the sweep's)")
      ->check(CLI::Range(std::int64_t{0}, std::int64_t{1} << 62));
  app.add_flag("--timings", a->timings, "print the time of each step");
  app.footer(
      "Runs python3 -m vecinos.report (set VECINOS_PYTHON to choose the interpreter; it needs "
      "numpy, pandas, h5py, matplotlib, scipy and scikit-learn: tools/setup-deps.sh).");
  return [a]() -> int {
    const char* env = std::getenv("VECINOS_PYTHON");
    const std::string python = env != nullptr && *env != '\0' ? env : VECINOS_PYTHON_DEFAULT;
    std::error_code ec;
    if (!std::filesystem::exists(python, ec))
      throw InputError(fmt::format(
          "vecinos report: the Python interpreter {} does not exist; set VECINOS_PYTHON to one "
          "with numpy, pandas, h5py, matplotlib, scipy and scikit-learn (tools/setup-deps.sh "
          "installs them for /usr/bin/python3)",
          python));
    const std::string package = VECINOS_PYTHON_PACKAGE;
    if (!package.empty() && std::filesystem::exists(package + "/vecinos/report.py", ec)) {
      const char* old = std::getenv("PYTHONPATH");
      const std::string path = old != nullptr && *old != '\0' ? package + ":" + old : package;
      ::setenv("PYTHONPATH", path.c_str(), 1);
    }
    if (std::getenv("MPLBACKEND") == nullptr) ::setenv("MPLBACKEND", "Agg", 1);
    std::vector<std::string> args = {python, "-m", "vecinos.report", a->directory};
    if (!a->out.empty()) args.insert(args.end(), {"-o", a->out});
    for (const auto& o : a->outcomes) args.insert(args.end(), {"--outcome", o});
    for (const auto& i : a->indicators) args.insert(args.end(), {"--indicator", i});
    if (!a->cases.empty()) args.insert(args.end(), {"--cases", a->cases});
    args.insert(args.end(), {"--bootstrap", std::to_string(a->bootstrap)});
    if (a->seed >= 0) args.insert(args.end(), {"--seed", std::to_string(a->seed)});
    if (a->timings) args.emplace_back("--timings");
    std::vector<char*> argv;
    for (auto& s : args) argv.push_back(s.data());
    argv.push_back(nullptr);
    ::execv(python.c_str(), argv.data());
    throw RuntimeError(
        fmt::format("vecinos report: cannot run {}: {}", python, std::strerror(errno)));
  };
}

}  // namespace vecinos::cli
