// `vecinos run CONFIG`: one simulation, with a summary, optional digest and HDF5 history.
#include <unistd.h>

#include <chrono>
#include <iostream>
#include <thread>

#include <fmt/format.h>

#include "model/errors.hpp"
#include "output/digest.hpp"
#include "output/hdf5_writer.hpp"
#include "output/progress.hpp"
#include "output/summary.hpp"
#include "tools/cli/commands.hpp"
#include "world/config.hpp"
#include "world/footprint.hpp"
#include "world/simulation.hpp"

namespace vecinos::cli {

namespace {
struct RunArgs {
  std::string config;
  std::string output;
  std::optional<std::uint64_t> seed;
  int threads = 0;
  std::vector<std::string> sets;
  bool digest = false;
  bool quiet = false;
  bool force = false;
  bool no_history = false;
  int tick_delay_ms = 0;
  bool test_kill_while_creating = false;
  double max_history_gb = 20;
  double max_memory_gb = -1;  ///< negative: this machine's physical memory
};

/// Sleeps after every tick: a test-only slow-down, so that tests can signal or kill a run
/// while it is writing (the baseline runs hundreds of ticks in milliseconds).
class TickDelay final : public WorldObserver {
 public:
  explicit TickDelay(int ms) : delay_(ms) {}
  void on_tick(const World& /*world*/) override { std::this_thread::sleep_for(delay_); }

 private:
  std::chrono::milliseconds delay_;
};
}  // namespace

Action add_run(CLI::App& app, const StopFlag& stop) {
  auto a = std::make_shared<RunArgs>();
  app.add_option("CONFIG", a->config, "config file (YAML)")->required();
  app.add_option("--seed", a->seed, "random seed (overrides simulation.seed)");
  app.add_option("--threads", a->threads, "worker threads (default: all cores)")
      ->check(CLI::Range(1, 1024));
  app.add_option("--set", a->sets, "override a config key: --set key.path=value (repeatable)")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("-o,--output", a->output,
                 "HDF5 history to write (default runs/<config>-seed<N>.h5; output/SCHEMA.md)");
  app.add_flag("--force", a->force, "overwrite an existing history file given with -o");
  app.add_flag("--no-history", a->no_history, "write no HDF5 history")->excludes("--output");
  app.add_option("--max-history-gb", a->max_history_gb,
                 "refuse a run whose history would exceed this many GB, estimated at the start "
                 "(default 20; 0: no limit)")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--max-memory-gb", a->max_memory_gb,
                 "refuse a run that would need more than this many GB of memory, estimated "
                 "before the world is built (default: this machine's memory; 0: no limit)")
      ->check(CLI::NonNegativeNumber);
  app.add_flag("--digest", a->digest, "print a hash of the complete final state");
  app.add_flag("-q,--quiet", a->quiet, "print no summary and no progress");
  app.add_option("--test-tick-delay-ms", a->tick_delay_ms, "sleep after each tick (tests only)")
      ->group("")
      ->check(CLI::Range(0, 10000));
  app.add_flag("--test-kill-while-creating", a->test_kill_while_creating,
               "SIGKILL itself while the history file is being created (tests only)")
      ->group("");
  return [a, &stop] {
    std::vector<Override> sets;
    for (const auto& s : a->sets) sets.push_back({s});
    if (a->seed) sets.push_back({fmt::format("simulation.seed={}", *a->seed)});
    const LoadedConfig loaded = load_config(a->config, sets);
    if (!a->quiet) std::cerr << notes_text(loaded);
    check_memory(loaded.config, a->config, a->max_memory_gb);
    const int threads = a->threads > 0
                            ? a->threads
                            : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));

    // An explicit -o is checked before the world is built (a refusal should not wait for
    // it); a default name is claimed after, so a world that fails to build leaves no file.
    std::optional<Hdf5Writer> history;
    auto writer_options = [&](std::filesystem::path path, bool overwrite) {
      Hdf5WriterOptions o;
      o.path = std::move(path);
      o.overwrite = overwrite;
      o.threads = threads;
      o.test_kill_while_creating = a->test_kill_while_creating;
      o.max_bytes = static_cast<std::uint64_t>(a->max_history_gb * 1e9);
      return o;
    };
    if (!a->no_history && !a->output.empty()) history.emplace(writer_options(a->output, a->force));
    Simulation sim(loaded.config);
    if (!a->no_history && a->output.empty()) {
      HistoryClaim claim = claim_default_history(
          "runs", std::filesystem::path(a->config).stem().string(), loaded.config.simulation.seed);
      Hdf5WriterOptions o = writer_options(claim.file, false);
      o.claim = std::move(claim);
      history.emplace(std::move(o));
    }

    SummaryObserver summary;
    DigestObserver digest;
    TickDelay delay(a->tick_delay_ms);
    if (a->tick_delay_ms > 0) sim.add_observer(delay);
    // Progress on stderr for runs that take a while (nothing in their first two seconds).
    ProgressOptions popts;
    popts.terminal = ::isatty(STDERR_FILENO) == 1;
    ProgressObserver progress(std::cerr, popts);
    if (!a->quiet) sim.add_observer(progress);
    sim.add_observer(summary);
    if (a->digest) sim.add_observer(digest);
    if (history) sim.add_observer(*history);
    try {
      set_cooperative(true);  // the run polls the stop flag between ticks
      sim.run({threads, &stop});
    } catch (const Interrupted&) {
      if (history)
        std::cerr << fmt::format("vecinos: history kept in {} (status incomplete)\n",
                                 history->partial_path().string());
      throw;
    } catch (const std::exception&) {
      if (history && history->error().empty())
        std::cerr << fmt::format("vecinos: history kept in {} (status failed)\n",
                                 history->partial_path().string());
      throw;
    }
    if (!a->quiet) {
      std::cout << summary.text();
      if (history) std::cout << "history: " << history->path().string() << "\n";
    }
    if (a->digest) std::cout << "digest " << digest.digest() << "\n";
    return 0;
  };
}

}  // namespace vecinos::cli
