#pragma once
// `vecinos calibrate FILE` (docs/calibration.md): the ABC loop of model/calibrate/abc.hpp with
// every generation simulated by the sweep engine, unchanged. Generation g of episode e is the
// sweep OUTPUT/gen-NNN/<e>.yaml (calibration.hpp, generation_sweep), run locally (`--jobs N`,
// as `vecinos sweep run`), under MPI (`mpirun ... vecinos sweep run --mpi` as a child) or as
// Slurm job arrays (the script of `vecinos sweep slurm`, submitted with `sbatch --wait`), and
// read back with `vecinos sweep collect`'s reader.
//
// Resume: every proposal and seed is a function of the calibration file and the distances
// before it, and the sweep engine skips tasks whose history is complete; so a calibration run
// again after a kill, a requeue or a full disk replays the finished generations from their
// histories (no simulation is repeated) and goes on where it stopped, with bit-identical
// results. OUTPUT/calibration.h5 is rewritten through a temporary file after each generation.
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "model/calibrate/calibration.hpp"
#include "tools/sweep/slurm.hpp"

namespace vecinos::calibrate {

enum class Engine { local, mpi, slurm };

struct DriverOptions {
  Engine engine = Engine::local;
  std::filesystem::path exe;        ///< the vecinos binary (tasks, MPI ranks, Slurm elements)
  std::size_t jobs = 1;             ///< local: tasks at a time; mpi: tasks per rank
  int threads = 1;                  ///< worker threads of each run
  std::vector<std::string> mpirun;  ///< mpi: the launcher and its options ("mpirun -np 4")
  sweep::SlurmOptions slurm;        ///< slurm: the array's options
  std::string sbatch = "sbatch";    ///< slurm: the submit command (found on PATH)
  bool progress_bar = false;
};

/// What one generation simulated and what it kept.
struct GenerationRecord {
  std::vector<Proposal> proposals;
  std::vector<std::vector<double>> statistics;  ///< per proposal, per target (NaN: none)
  std::vector<double> distances;                ///< per proposal (NaN: failed)
  std::vector<std::uint64_t> failed_runs;       ///< per proposal: runs without a complete history
  Population population;
  double seconds = 0.0;         ///< wall time of this generation in this invocation
  std::uint64_t simulated = 0;  ///< runs simulated now (not found complete from before)
};

/// Runs (or resumes) the calibration; returns every generation. Progress goes to `log`. A
/// signal (`stop` non-zero) stops the running simulations and throws Interrupted.
std::vector<GenerationRecord> run_calibration(const Calibration& c, const DriverOptions& o,
                                              const std::atomic<int>& stop, std::ostream& log);

/// Writes OUTPUT/calibration.h5 (layout in docs/calibration.md) through a temporary file;
/// `complete` says whether the stopping rule was reached.
void write_calibration_file(const Calibration& c, const std::vector<GenerationRecord>& gens,
                            bool complete, const std::string& stop_reason);

/// OUTPUT/posterior.csv, rewritten after every generation: header `weight,<key path>,...`, one
/// row per particle of the population (shortest round-trip numbers), with the parameters of
/// every episode only (a `path@episode` value belongs to its episode's config). The sweep design
/// `posterior` draws from it (docs/sweeps.md).
std::string posterior_csv(const Calibration& c, const Population& p);

/// What a calibration fits, as `vecinos calibrate --check` prints it: the episodes with their
/// periods, the parameters with their priors and episodes, the targets with observed values,
/// scales and weights, and the simulations of the first generation.
std::string describe(const Calibration& c);

/// The posterior table the command prints: per parameter its prior, the posterior mean, sd,
/// 5/50/95 % quantiles and the shrinkage 1 - sd_posterior / sd_prior (the prior's sd estimated
/// from generation 0's draws).
std::string posterior_table(const Calibration& c, const std::vector<GenerationRecord>& gens);

}  // namespace vecinos::calibrate
