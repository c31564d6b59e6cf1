// `vecinos calibrate FILE` (docs/calibration.md).
#include <unistd.h>

#include <csignal>
#include <iostream>
#include <sstream>
#include <thread>

#include <fmt/format.h>

#include "model/calibrate/calibration.hpp"
#include "tools/calibrate/driver.hpp"
#include "tools/cli/commands.hpp"
#include "tools/cli/sweep_commands.hpp"
#include "world/model_info.hpp"

namespace vecinos::cli {
namespace {

std::vector<std::string> words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

}  // namespace

Action add_calibrate(CLI::App& app, const StopFlag& stop, void (*on_signal)(int)) {
  auto file = std::make_shared<std::string>();
  auto o = std::make_shared<calibrate::DriverOptions>();
  auto mpi = std::make_shared<std::string>();
  auto slurm = std::make_shared<bool>(false);
  auto jobs = std::make_shared<std::size_t>(0);
  app.add_option("FILE", *file, "calibration file (YAML)")->required();
  app.add_option("-j,--jobs", *jobs,
                 "runs at a time (default: all cores locally; 1 per rank with --mpi)")
      ->check(CLI::Range(1, 4096));
  app.add_option("--threads", o->threads, "worker threads of each run (default 1)")
      ->check(CLI::Range(1, 1024));
  auto* m = app.add_option("--mpi", *mpi,
                           "run each generation with this MPI launcher, e.g. --mpi 'mpirun -np 4' "
                           "(it starts `vecinos sweep run --mpi`)");
  app.add_flag("--slurm", *slurm,
               "run each generation as Slurm job arrays (sbatch --wait); the options below shape "
               "them")
      ->excludes(m);
  app.add_option("--partition", o->slurm.partition, "Slurm: partition");
  app.add_option("--time", o->slurm.time, "Slurm: time limit of one array element");
  app.add_option("--pack", o->slurm.pack, "Slurm: runs per array element (default 1)")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1000000}));
  app.add_option("--cpus-per-task", o->slurm.cpus_per_task,
                 "Slurm: CPUs per array element; its runs go this many at a time")
      ->check(CLI::Range(1, 1024));
  app.add_option("--array-max", o->slurm.array_max, "Slurm: the cluster's MaxArraySize")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{4000001}));
  app.add_option("--sbatch-option", o->slurm.sbatch_options, "Slurm: another #SBATCH line")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("--sbatch", o->sbatch, "Slurm: the submit command (default sbatch)")->group("");
  auto check = std::make_shared<bool>(false);
  app.add_flag("--check", *check,
               "check the file against its episodes' configs and print what it would fit; run "
               "nothing");
  return [file, o, mpi, slurm, jobs, check, &stop, on_signal] {
    std::signal(SIGUSR1, on_signal);
    const calibrate::Calibration c = calibrate::load_calibration(*file, model_info());
    if (*check) {
      std::cout << calibrate::describe(c);
      return 0;
    }
    o->exe = self_exe();
    if (!mpi->empty()) {
      o->engine = calibrate::Engine::mpi;
      o->mpirun = words(*mpi);
    } else if (*slurm) {
      o->engine = calibrate::Engine::slurm;
    }
    o->jobs = *jobs > 0 ? *jobs
              : o->engine == calibrate::Engine::local
                  ? std::max(1u, std::thread::hardware_concurrency())
                  : 1;
    o->progress_bar = false;
    set_cooperative(true);
    const auto gens = calibrate::run_calibration(c, *o, stop, std::cerr);
    set_cooperative(false);
    std::cout << calibrate::posterior_table(c, gens);
    std::size_t runs = 0;
    double seconds = 0.0;
    std::uint64_t simulated = 0;
    for (const auto& g : gens) {
      runs += g.proposals.size() * c.episodes.size();
      seconds += g.seconds;
      simulated += g.simulated;
    }
    std::cout << fmt::format(
        "{} generations, {} runs ({} simulated now) in {:.1f} s{}; output {}/calibration.h5\n",
        gens.size(), runs, simulated, seconds,
        simulated > 0 ? fmt::format(", {:.1f} runs/s", static_cast<double>(simulated) / seconds)
                      : std::string(),
        c.output.string());
    return 0;
  };
}

}  // namespace vecinos::cli
