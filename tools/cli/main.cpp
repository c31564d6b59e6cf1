// vecinos: the command line. Thin: parses arguments and calls the library.
#include <sys/prctl.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include <fmt/format.h>

#include "model/errors.hpp"
#include "model/version.hpp"
#include "output/hdf5_handle.hpp"
#include "tools/cli/commands.hpp"

namespace {
vecinos::cli::StopFlag g_stop{0};        // written only by the signal handler
std::atomic<bool> g_cooperative{false};  // a command is polling g_stop (set_cooperative)
static_assert(std::atomic<bool>::is_always_lock_free &&
              vecinos::cli::StopFlag::is_always_lock_free);

// Until a command says it polls the stop flag (a running simulation or sweep, which must stop
// its writer or its tasks cleanly), a signal ends the process at once with 128 + signal:
// loading a config, validating, planning, bargaining or reading a file holds nothing that needs
// more than the kernel's cleanup (and a half-written .partial stays one).
extern "C" void on_signal(int sig) {
  if (!g_cooperative.load()) ::_exit(128 + sig);
  g_stop.store(sig);
}

/// A task started by `vecinos sweep run` stops (SIGTERM, history left .partial) when its runner
/// dies, whatever kills it (tools/sweep/child_process.hpp).
void die_with_parent() {
  // Read once at start-up, before any thread exists.
  const char* parent = std::getenv("VECINOS_DIE_WITH_PARENT");  // NOLINT(concurrency-mt-unsafe)
  if (parent == nullptr || *parent == '\0') return;
  ::prctl(PR_SET_PDEATHSIG, SIGTERM);
  char* end = nullptr;
  const long long pid = std::strtoll(parent, &end, 10);
  if (end != parent && *end == '\0' && ::getppid() != static_cast<pid_t>(pid)) ::raise(SIGTERM);
}
}  // namespace

void vecinos::cli::set_cooperative(bool polling) {
  g_cooperative.store(polling);
  if (!polling && g_stop.load() != 0) ::_exit(128 + g_stop.load());
}

namespace {

int run_main(int argc, char** argv) {
  vecinos::h5::skip_cleanup_at_exit();
  CLI::App app{"vecinos: agent-based simulator of the U.S.-Mexico security relationship"};
  app.require_subcommand(1);
  app.set_version_flag("--version",
                       fmt::format("vecinos {} (git {})", vecinos::version(), vecinos::git_hash()));
  std::vector<std::pair<CLI::App*, vecinos::cli::Action>> commands;
  auto add = [&](const char* name, const char* help, auto registrar) {
    CLI::App* sub = app.add_subcommand(name, help);
    commands.emplace_back(sub, registrar(*sub));
  };
  add("run", "run a simulation from a config file",
      [](CLI::App& a) { return vecinos::cli::add_run(a, g_stop); });
  add("validate", "check config files without running them",
      [](CLI::App& a) { return vecinos::cli::add_validate(a); });
  add("config", "describe the config keys",
      [](CLI::App& a) { return vecinos::cli::add_config(a); });
  add("bargain", "bargain with KTAB's spatial model of politics on an SMP CSV file",
      [](CLI::App& a) { return vecinos::cli::add_bargain(a); });
  add("inspect", "describe a run history (status, sizes, final indicators) or a sweep index",
      [](CLI::App& a) { return vecinos::cli::add_inspect(a); });
  add("report", "write the HTML report of a collected sweep (python3 -m vecinos.report)",
      [](CLI::App& a) { return vecinos::cli::add_report(a); });
  add("bench", "time a configuration (no recording): ticks/s, agent-updates/s, peak memory",
      [](CLI::App& a) { return vecinos::cli::add_bench(a, g_stop); });
  add("sweep", "parameter sweeps: plan, run (locally, Slurm, MPI), slurm script, collect",
      [](CLI::App& a) { return vecinos::cli::add_sweep(a, g_stop, on_signal); });
  add("calibrate", "fit parameters to history by ABC-SMC, each generation a sweep",
      [](CLI::App& a) { return vecinos::cli::add_calibrate(a, g_stop, on_signal); });

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }

  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  // A full disk under a file size limit (ulimit -f) makes writes fail with EFBIG, reported with
  // the file's name, instead of killing the process.
  std::signal(SIGXFSZ, SIG_IGN);
  die_with_parent();
  try {
    for (auto& [sub, action] : commands)
      if (sub->parsed()) return action();
  } catch (const vecinos::Interrupted& e) {
    std::cerr << "vecinos: " << e.what() << "\n";
    return 128 + e.signal;
  } catch (const vecinos::InputError& e) {
    std::cerr << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "vecinos: error: " << e.what() << "\n";
    return 1;
  }
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  // Whatever escapes the commands' own handlers (CLI11 setting up, a failing allocation)
  // ends the program with 1 and a message instead of std::terminate.
  try {
    return run_main(argc, argv);
  } catch (const std::exception& e) {
    std::fputs("vecinos: error: ", stderr);
    std::fputs(e.what(), stderr);
    std::fputs("\n", stderr);
  } catch (...) {
    std::fputs("vecinos: error: unknown exception\n", stderr);
  }
  return 1;
}
