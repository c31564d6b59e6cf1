// `vecinos run CONFIG`: one simulation, with a summary, optional digest and HDF5 history.
#include <iostream>
#include <thread>

#include <fmt/format.h>

#include "model/config.hpp"
#include "model/simulation.hpp"
#include "output/digest.hpp"
#include "output/summary.hpp"
#include "tools/cli/commands.hpp"

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
};
}  // namespace

Action add_run(CLI::App& app, const StopFlag& stop) {
  auto a = std::make_shared<RunArgs>();
  app.add_option("CONFIG", a->config, "config file (YAML)")->required();
  app.add_option("--seed", a->seed, "random seed (overrides simulation.seed)");
  app.add_option("--threads", a->threads, "worker threads (default: all cores)")
      ->check(CLI::Range(1, 1024));
  app.add_option("--set", a->sets, "override a config key: --set key.path=value (repeatable)");
  app.add_flag("--digest", a->digest, "print a hash of the complete final state");
  app.add_flag("-q,--quiet", a->quiet, "print no summary");
  return [a, &stop] {
    std::vector<Override> sets;
    for (const auto& s : a->sets) sets.push_back({s});
    if (a->seed) sets.push_back({fmt::format("simulation.seed={}", *a->seed)});
    const LoadedConfig loaded = load_config(a->config, sets);
    const int threads = a->threads > 0
                            ? a->threads
                            : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));

    Simulation sim(loaded.config);
    SummaryObserver summary;
    DigestObserver digest;
    sim.add_observer(summary);
    sim.add_observer(digest);
    sim.run({threads, &stop});
    if (!a->quiet) std::cout << summary.text();
    if (a->digest) std::cout << "digest " << digest.digest() << "\n";
    return 0;
  };
}

}  // namespace vecinos::cli
