// `vecinos sweep run` and `vecinos sweep slurm` (docs/sweeps.md).
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <thread>

#include <fmt/format.h>

#include "model/errors.hpp"
#include "model/sweep/tasks.hpp"
#include "tools/cli/sweep_commands.hpp"
#include "tools/sweep/executor.hpp"
#include "tools/sweep/mpi_dispatch.hpp"
#include "tools/sweep/slurm.hpp"
#include "tools/sweep/task_files.hpp"
#include "world/model_info.hpp"

namespace vecinos::cli {
namespace {

struct SweepRunArgs {
  std::string file;
  std::size_t jobs = 0;
  int threads = 1;
  std::optional<std::uint64_t> task;
  std::string range;
  bool slurm = false;
  bool mpi = false;
  int tick_delay_ms = 0;
  std::optional<std::uint64_t> crash_task;
};

std::uint64_t env_number(const char* name, std::optional<std::uint64_t> fallback) {
  const char* v = std::getenv(name);
  if (v == nullptr || *v == '\0') {
    if (fallback) return *fallback;
    throw InputError(fmt::format(
        "--slurm: {} is not set; --slurm runs inside a Slurm job array element (see `vecinos "
        "sweep slurm`)",
        name));
  }
  char* end = nullptr;
  const unsigned long long x = std::strtoull(v, &end, 10);
  if (end == v || *end != '\0')
    throw InputError(fmt::format("--slurm: {}={} is not a whole number", name, v));
  return x;
}

/// The task indices a run asks for: --task, --tasks A-B, a Slurm element, or all.
std::vector<std::uint64_t> chosen_tasks(const SweepRunArgs& a, std::uint64_t n) {
  std::uint64_t first = 0, last = n;  // [first, last)
  if (a.task) {
    if (*a.task >= n)
      throw InputError(fmt::format("--task {}: the sweep has tasks 0 .. {}", *a.task, n - 1));
    first = *a.task;
    last = first + 1;
  } else if (!a.range.empty()) {
    unsigned long long lo = 0, hi = 0;
    char tail = 0;
    if (std::sscanf(a.range.c_str(), "%llu-%llu%c", &lo, &hi, &tail) != 2 || lo > hi)
      throw InputError(fmt::format("--tasks {}: expected a range A-B with A <= B", a.range));
    if (hi >= n)
      throw InputError(fmt::format("--tasks {}: the sweep has tasks 0 .. {}", a.range, n - 1));
    first = lo;
    last = hi + 1;
  } else if (a.slurm) {
    const auto r = sweep::element_tasks(env_number("SLURM_ARRAY_TASK_ID", std::nullopt),
                                        env_number("VECINOS_SWEEP_OFFSET", 0),
                                        env_number("VECINOS_SWEEP_PACK", 1), n);
    first = r.first;
    last = r.last;
  }
  std::vector<std::uint64_t> out;
  for (std::uint64_t i = first; i < last; ++i) out.push_back(i);
  return out;
}

/// This process's MPI rank as the launcher tells it (before MPI_Init); 0 when not under MPI.
int mpi_rank_from_environment() {
  for (const char* name : {"OMPI_COMM_WORLD_RANK", "PMIX_RANK", "PMI_RANK"})
    if (const char* v = std::getenv(name); v != nullptr && *v != '\0') return std::atoi(v);
  return 0;
}

}  // namespace

Action add_sweep_run(CLI::App& app, const StopFlag& stop, SignalHandler on_signal) {
  auto a = std::make_shared<SweepRunArgs>();
  app.add_option("FILE", a->file, "sweep file (YAML), or the sweep.yaml of an output directory")
      ->required();
  app.add_option("-j,--jobs", a->jobs,
                 "tasks at a time (default: all cores locally; SLURM_CPUS_PER_TASK with --slurm; "
                 "1 per worker rank with --mpi)")
      ->check(CLI::Range(1, 4096));
  app.add_option("--threads", a->threads, "worker threads of each task (default 1)")
      ->check(CLI::Range(1, 1024));
  auto* task = app.add_option("--task", a->task, "run only task I");
  auto* range =
      app.add_option("--tasks", a->range, "run only tasks A-B (inclusive)")->excludes(task);
  auto* slurm = app.add_flag("--slurm", a->slurm,
                             "run the tasks of this Slurm array element (SLURM_ARRAY_TASK_ID, "
                             "VECINOS_SWEEP_OFFSET, VECINOS_SWEEP_PACK)")
                    ->excludes(task)
                    ->excludes(range);
  app.add_flag("--mpi", a->mpi, "hand the tasks out to MPI ranks (start with mpirun)")
      ->excludes(slurm);
  app.add_option("--test-tick-delay-ms", a->tick_delay_ms, "tasks sleep after each tick (tests)")
      ->group("")
      ->check(CLI::Range(0, 10000));
  app.add_option("--test-crash-task", a->crash_task, "task I's process gets SIGSEGV (tests)")
      ->group("");
  return [a, &stop, on_signal] {
    // Slurm's warning before the time limit (--signal=B:USR1, passed on by the batch script).
    std::signal(SIGUSR1, on_signal);
    if (a->mpi) sweep::require_mpi();
    const sweep::Sweep s = sweep::load_sweep(a->file, model_info());
    const sweep::TaskList tasks(s);
    const auto indices = chosen_tasks(*a, tasks.size());
    // One runner at a time per output directory (Slurm elements share it; an MPI job's rank 0
    // holds it for the job). Held, through the tasks' inherited descriptors, until the last
    // task of this run is gone.
    FileLock directory_lock;
    if (!a->mpi || mpi_rank_from_environment() == 0)
      directory_lock = sweep::lock_sweep_directory(
          s.output, a->slurm ? sweep::SweepLockMode::shared : sweep::SweepLockMode::exclusive,
          std::cerr);
    sweep::prepare_output(s);

    sweep::RunOptions o;
    o.exec.exe = self_exe();
    o.exec.threads = a->threads;
    o.exec.tick_delay_ms = a->tick_delay_ms;
    o.exec.crash_task = a->crash_task;
    o.progress_bar = ::isatty(STDERR_FILENO) == 1 && !a->slurm && !a->mpi;
    if (a->jobs > 0)
      o.jobs = a->jobs;
    else if (a->mpi)
      o.jobs = 1;
    else if (a->slurm)
      o.jobs = static_cast<std::size_t>(env_number("SLURM_CPUS_PER_TASK", 1));
    else
      o.jobs = std::max(1u, std::thread::hardware_concurrency());

    set_cooperative(true);  // from here on a signal stops the tasks, which keep .partial files
    if (a->mpi) return sweep::run_tasks_mpi(tasks, indices, o, stop, std::cerr);

    if (a->slurm)
      std::cerr << fmt::format("vecinos sweep: Slurm element {}: tasks {}\n",
                               std::getenv("SLURM_ARRAY_TASK_ID"),
                               indices.empty() ? std::string("none") : sweep::ranges_text(indices));
    const auto sum = sweep::run_tasks(tasks, indices, o, stop, std::cerr);
    std::cout << fmt::format("sweep: {} tasks: {} complete ({} already), {} failed\n", sum.tasks,
                             sum.skipped + sum.complete, sum.skipped, sum.failed);
    if (sum.failed > 0)
      std::cout << fmt::format("failed tasks: {} (see {}/task-NNNNNN.failed)\n",
                               sweep::ranges_text(sum.failed_tasks), s.output.string());
    std::cout << fmt::format("outputs in {}; collect: vecinos sweep collect {}\n",
                             s.output.string(), s.output.string());
    return sum.failed == 0 ? 0 : 1;
  };
}

Action add_sweep_slurm(CLI::App& app) {
  auto file = std::make_shared<std::string>();
  auto o = std::make_shared<sweep::SlurmOptions>();
  app.add_option("FILE", *file, "sweep file (YAML)")->required();
  app.add_option("--partition", o->partition, "partition (default: the cluster's default)");
  app.add_option("--time", o->time, "time limit of one array element (default 01:00:00)");
  app.add_option("--array-max", o->array_max,
                 "the cluster's MaxArraySize (scontrol show config): larger sweeps are split "
                 "into several arrays (default 1001)")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{4000001}));
  app.add_option("--throttle", o->throttle, "array elements running at once (`%` of --array)");
  app.add_option("--pack", o->pack, "tasks per array element (default 1)")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1000000}));
  app.add_option("--cpus-per-task", o->cpus_per_task,
                 "CPUs per array element; its tasks run this many at a time (default 1)")
      ->check(CLI::Range(1, 1024));
  app.add_option("--mem", o->mem, "memory per array element (--mem of sbatch)");
  app.add_option("--job-name", o->job_name, "job name (default vecinos-<output directory>)");
  app.add_option("--sbatch-option", o->sbatch_options,
                 "another #SBATCH line, e.g. --sbatch-option=--account=proj (repeatable)")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("--signal-seconds", o->signal_seconds,
                 "seconds before the time limit at which USR1 stops and requeues an element "
                 "(default 60)")
      ->check(CLI::Range(1, 86400));
  app.add_option("--test-tick-delay-ms", o->tick_delay_ms, "tasks sleep after each tick (tests)")
      ->group("")
      ->check(CLI::Range(0, 10000));
  return [file, o] {
    const sweep::Sweep s = sweep::load_sweep(*file, model_info());
    const sweep::TaskList tasks(s);
    sweep::prepare_output(s);
    std::error_code ec;
    std::filesystem::create_directories(s.output / "slurm", ec);
    std::cout << sweep::slurm_script(tasks, *o, self_exe(), s.output / "sweep.yaml");
    const std::uint64_t elements = (tasks.size() + o->pack - 1) / o->pack;
    const auto chunks = sweep::array_chunks(elements, o->array_max);
    std::cerr << fmt::format(
        "vecinos sweep slurm: {} tasks, {} per element: {} array elements in {} array{}; save "
        "the script and submit it with `bash SCRIPT`\n",
        tasks.size(), o->pack, elements, chunks.size(), chunks.size() == 1 ? "" : "s");
    return 0;
  };
}

}  // namespace vecinos::cli
