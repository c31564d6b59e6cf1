#pragma once
// Subcommands of the `vecinos` command line. Each registers its options on a CLI11 app and
// returns the exit code (0 success, 2 bad input, 1 runtime failure, 130/143 interrupted).
#include <atomic>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

namespace vecinos::cli {

/// Set by the SIGINT/SIGTERM handler in main; commands that run simulations poll it.
using StopFlag = std::atomic<int>;

/// Says whether the command polls the stop flag now (true while a simulation or a sweep runs:
/// SIGINT/SIGTERM then set the flag). Otherwise, a signal exits the process at once with 128 +
/// signal. Turning it off exits at once when a signal came meanwhile.
void set_cooperative(bool polling);

/// A registered subcommand: call it after parsing when its app was chosen.
using Action = std::function<int()>;

Action add_run(CLI::App& app, const StopFlag& stop);
Action add_validate(CLI::App& app);
Action add_config(CLI::App& app);
/// The names `vecinos config --odd-table` accepts, and the Markdown it prints for one (empty
/// for an unknown name): the tables of model/ODD.md, from the code's tables and the schema
/// (odd_tables.cpp).
const std::vector<std::string>& odd_table_names();
std::string odd_table(std::string_view name);
Action add_bargain(CLI::App& app);
Action add_inspect(CLI::App& app);
/// `vecinos report SWEEP_DIR`: runs the Python report (report_command.cpp).
Action add_report(CLI::App& app);
Action add_bench(CLI::App& app, const StopFlag& stop);
/// `vecinos sweep ...`; `on_signal` stores a signal in `stop` (for the extra signals a sweep
/// catches: SIGUSR1 from Slurm).
Action add_sweep(CLI::App& app, const StopFlag& stop, void (*on_signal)(int));
/// `vecinos calibrate FILE` (docs/calibration.md).
Action add_calibrate(CLI::App& app, const StopFlag& stop, void (*on_signal)(int));

}  // namespace vecinos::cli
