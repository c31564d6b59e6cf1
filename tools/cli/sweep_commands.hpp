#pragma once
// `vecinos sweep plan|run|slurm|collect` (docs/sweeps.md): the subcommands' registrars.
#include <filesystem>

#include "tools/cli/commands.hpp"

namespace vecinos::cli {

/// A signal handler that stores the signal in the stop flag (main's), for the signals a sweep
/// catches beyond SIGINT/SIGTERM (SIGUSR1: Slurm's warning before the time limit).
using SignalHandler = void (*)(int);

Action add_sweep_plan(CLI::App& app);
Action add_sweep_run(CLI::App& app, const StopFlag& stop, SignalHandler on_signal);
Action add_sweep_slurm(CLI::App& app);
Action add_sweep_collect(CLI::App& app);

/// This program's own path (/proc/self/exe), which runs the tasks.
std::filesystem::path self_exe();

}  // namespace vecinos::cli
