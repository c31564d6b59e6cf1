// `vecinos bench CONFIG`: how fast a configuration runs, without recording.
#include <sys/resource.h>

#include <chrono>
#include <iostream>
#include <memory>
#include <thread>

#include <tbb/task_arena.h>

#include <fmt/format.h>

#include "tools/cli/commands.hpp"
#include "world/config.hpp"
#include "world/footprint.hpp"
#include "world/simulation.hpp"

namespace vecinos::cli {

namespace {
double peak_rss_gib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / (1024.0 * 1024.0);  // ru_maxrss is in KiB on Linux
}

std::size_t agent_count(const World& w) {
  return w.politics.size() + w.cartels.size() + w.firms.size() + w.migrants.size();
}
}  // namespace

Action add_bench(CLI::App& app, const StopFlag& stop) {
  struct Args {
    std::string config;
    int threads = 0;
    std::vector<std::string> sets;
    double max_memory_gb = -1;
  };
  auto a = std::make_shared<Args>();
  app.add_option("CONFIG", a->config, "config file (YAML)")->required();
  app.add_option("--threads", a->threads, "worker threads (default: all cores)")
      ->check(CLI::Range(1, 1024));
  app.add_option("--set", a->sets, "override a config key: --set key.path=value (repeatable)")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("--max-memory-gb", a->max_memory_gb,
                 "refuse a config that would need more than this many GB of memory (default: "
                 "this machine's memory; 0: no limit)")
      ->check(CLI::NonNegativeNumber);
  return [a, &stop] {
    std::vector<Override> sets;
    for (const auto& s : a->sets) sets.push_back({s});
    const LoadedConfig loaded = load_config(a->config, sets);
    check_memory(loaded.config, a->config, a->max_memory_gb);
    const int threads = a->threads > 0
                            ? a->threads
                            : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    using clock = std::chrono::steady_clock;
    // The world is built on the same number of threads as it runs on.
    tbb::task_arena arena(threads);
    std::unique_ptr<Simulation> built;
    const auto t0 = clock::now();
    arena.execute([&] { built = std::make_unique<Simulation>(loaded.config); });
    Simulation& sim = *built;
    const auto t1 = clock::now();
    set_cooperative(true);  // the run polls the stop flag between ticks
    sim.run({threads, &stop});
    const auto t2 = clock::now();
    const double build = std::chrono::duration<double>(t1 - t0).count();
    const double run = std::chrono::duration<double>(t2 - t1).count();
    const auto agents = agent_count(sim.world());
    const int ticks = sim.world().tick;
    std::cout << fmt::format("config          {}\n", a->config);
    std::cout << fmt::format("threads         {}\n", threads);
    std::cout << fmt::format("agents          {}\n", agents);
    std::cout << fmt::format("ticks           {}\n", ticks);
    std::cout << fmt::format("build_seconds   {:.2f}\n", build);
    std::cout << fmt::format("run_seconds     {:.2f}\n", run);
    std::cout << fmt::format("total_seconds   {:.2f}\n", build + run);
    std::cout << fmt::format("ticks_per_s     {:.2f}\n", ticks / run);
    std::cout << fmt::format("agent_updates_per_s {:.3g}\n",
                             static_cast<double>(agents) * ticks / run);
    std::cout << fmt::format("peak_rss_gib    {:.3f}\n", peak_rss_gib());
    std::cout << fmt::format(
        "estimated_gib   {:.3f}\n",
        static_cast<double>(estimated_memory(loaded.config).bytes) / (1024.0 * 1024.0 * 1024.0));
    return 0;
  };
}

}  // namespace vecinos::cli
