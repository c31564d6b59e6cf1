// `vecinos bench CONFIG`: how fast a configuration runs, without recording.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <thread>
#include <vector>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/partitioner.h>
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

/// Memory bandwidth the machine gives `threads` threads, in bytes per second: a STREAM triad
/// (McCalpin; a[i] = b[i] + s c[i] over three arrays of 2^24 doubles, 384 MiB, far beyond the
/// caches), best of 10 passes, counting 24 bytes per element as STREAM does.
double triad_bytes_per_second(int threads) {
  constexpr std::size_t n = std::size_t{1} << 24;
  std::vector<double> a(n), b(n), c(n);
  tbb::task_arena arena(threads);
  const auto pass = [&](double s) {
    arena.execute([&] {
      tbb::parallel_for(
          tbb::blocked_range<std::size_t>(0, n, 1 << 16),
          [&](const tbb::blocked_range<std::size_t>& r) {
            for (std::size_t i = r.begin(); i != r.end(); ++i) a[i] = b[i] + s * c[i];
          },
          tbb::static_partitioner());
    });
  };
  arena.execute([&] {
    tbb::parallel_for(
        tbb::blocked_range<std::size_t>(0, n, 1 << 16),
        [&](const tbb::blocked_range<std::size_t>& r) {
          for (std::size_t i = r.begin(); i != r.end(); ++i) a[i] = 0, b[i] = 1, c[i] = 2;
        },
        tbb::static_partitioner());
  });
  double best = 1e300;
  for (int k = 0; k < 10; ++k) {
    const auto t0 = std::chrono::steady_clock::now();
    pass(3.0);
    best = std::min(best,
                    std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  }
  if (a[n / 2] != 7.0) throw std::logic_error("triad: wrong result");  // 1 + 3 x 2
  return 24.0 * static_cast<double>(n) / best;
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
    // The people step against the memory bandwidth bound: the bytes it streams per person and
    // tick, at the rate it ran, over what a triad on the same threads moves.
    const double peak = peak_rss_gib();  // before the triad's arrays
    const double people_bytes = sim.world().migrants.step_bytes_per_agent();
    const double people_rate = static_cast<double>(sim.world().migrants.size()) * ticks *
                               people_bytes / std::max(sim.people_seconds(), 1e-9);
    const double triad = triad_bytes_per_second(threads);
    std::cout << fmt::format("people_seconds  {:.4f}\n", sim.people_seconds());
    std::cout << fmt::format("people_bytes_per_agent_tick {:.1f}\n", people_bytes);
    std::cout << fmt::format("people_gb_per_s {:.2f}\n", people_rate / 1e9);
    std::cout << fmt::format("triad_gb_per_s  {:.2f}\n", triad / 1e9);
    std::cout << fmt::format("people_fraction_of_bandwidth {:.2f}\n", people_rate / triad);
    std::cout << fmt::format("peak_rss_gib    {:.3f}\n", peak);
    std::cout << fmt::format(
        "estimated_gib   {:.3f}\n",
        static_cast<double>(estimated_memory(loaded.config).bytes) / (1024.0 * 1024.0 * 1024.0));
    return 0;
  };
}

}  // namespace vecinos::cli
