// vecinos: the command line. Thin: parses arguments and calls the library.
#include <csignal>
#include <iostream>

#include <fmt/format.h>

#include "model/errors.hpp"
#include "model/version.hpp"
#include "tools/cli/commands.hpp"

namespace {
vecinos::cli::StopFlag g_stop{0};  // written only by the signal handler
extern "C" void on_signal(int sig) {
  g_stop.store(sig);
}
}  // namespace

int main(int argc, char** argv) {
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

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }

  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
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
