// `vecinos bargain FILE.csv`: KTAB's spatial model of politics on a KTAB SMP CSV file
// (model/bargain/SMP.md), printed as a table or as JSON; `--benchmark` times a random problem.
#include <algorithm>
#include <bit>
#include <chrono>
#include <cstdint>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <tbb/task_arena.h>

#include "model/bargain/smp.hpp"
#include "model/bargain/smp_csv.hpp"
#include "model/errors.hpp"
#include "tools/cli/commands.hpp"

namespace vecinos::cli {

namespace {
struct BargainArgs {
  std::string file;
  int turns = bargain::Options{}.max_turns;
  std::optional<std::uint64_t> seed;
  std::vector<std::string> model;
  bool json = false;
  int threads = 0;
  bool benchmark = false;
  int actors = 100, dims = 6, repeat = 5;
};

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20)
          out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
        else
          out += c;
    }
  }
  return out + "\"";
}

// Numbers to 10 significant digits: enough for the model, free of binary noise (79.54, not
// 79.53999999999999).
std::string num(double x) {
  return fmt::format("{:.10g}", x);
}

template <class T, class F>
std::string json_list(const std::vector<T>& xs, F&& item) {
  std::string out = "[";
  for (std::size_t i = 0; i < xs.size(); ++i) out += (i ? ", " : "") + item(xs[i]);
  return out + "]";
}

// Positions and the outcome on the file's 0..100 scale.
std::string to_json(const bargain::Problem& p, const bargain::Result& r) {
  auto scaled = [](const std::vector<double>& v) {
    return json_list(v, [](double x) { return num(100.0 * x); });
  };
  std::ostringstream out;
  out << "{\n  \"actors\": "
      << json_list(p.actors, [](const bargain::Actor& a) { return json_string(a.name); })
      << ",\n  \"dimensions\": " << json_list(p.dimensions, json_string) << ",\n  \"turns\": [";
  for (std::size_t t = 0; t < r.turns.size(); ++t) {
    const bargain::Turn& turn = r.turns[t];
    out << (t ? ",\n" : "\n") << "    {\"positions\": " << json_list(turn.positions, scaled)
        << ", \"probabilities\": " << json_list(turn.probabilities, num) << "}";
  }
  out << "\n  ],\n  \"outcome\": " << scaled(r.outcome) << "\n}\n";
  return out.str();
}

std::string to_table(const bargain::Problem& p, const bargain::Result& r) {
  const std::size_t last = r.turns.size() - 1;
  std::size_t name_w = 7;
  for (const auto& a : p.actors) name_w = std::max(name_w, a.name.size());
  std::vector<std::size_t> dim_w;
  for (const auto& d : p.dimensions) dim_w.push_back(std::max<std::size_t>(6, d.size()));
  auto row = [&](std::string_view name, const std::vector<double>& xs, std::string_view tail) {
    std::string s = fmt::format("{:<{}}", name, name_w);
    for (std::size_t k = 0; k < xs.size(); ++k)
      s += fmt::format("  {:>{}.1f}", 100.0 * xs[k], dim_w[k]);
    return s + std::string(tail) + "\n";
  };
  std::string head = fmt::format("{:<{}}", "actor", name_w);
  for (std::size_t k = 0; k < dim_w.size(); ++k)
    head += fmt::format("  {:>{}}", p.dimensions[k], dim_w[k]);
  head += "     prob\n";
  auto table = [&](std::string_view title, const bargain::Turn& t) {
    std::string s = fmt::format("\n{}\n{}", title, head);
    for (std::size_t i = 0; i < p.actors.size(); ++i)
      s += row(p.actors[i].name, t.positions[i], fmt::format("  {:7.4f}", t.probabilities[i]));
    return s;
  };
  std::ostringstream out;
  out << p.name << (p.description.empty() ? "" : ": " + p.description) << "\n"
      << fmt::format("{} actors, {} dimensions; {} turns, {}\n", p.actors.size(),
                     p.dimensions.size(), last,
                     r.converged ? "positions came to rest" : "stopped at the turn limit")
      << "(positions on the file's 0-100 scale; prob = the actor's share of the outcome "
         "probability)\n"
      << table("turn 0 (initial)", r.turns[0])
      << table(fmt::format("turn {} (final)", last), r.turns[last])
      << row("outcome", r.outcome, "  (probability-weighted mean)");
  return out.str();
}

// FNV-1a over the bits of every turn's positions and probabilities: equal digests mean
// bit-identical results (for comparing builds and thread counts).
std::uint64_t result_digest(const bargain::Result& r) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  auto mix = [&h](double x) {
    const auto bits = std::bit_cast<std::uint64_t>(x);
    for (int b = 0; b < 64; b += 8) h = (h ^ ((bits >> b) & 0xffU)) * 0x100000001b3ULL;
  };
  for (const bargain::Turn& t : r.turns) {
    for (const auto& row : t.positions)
      for (const double x : row) mix(x);
    for (const double p : t.probabilities) mix(p);
  }
  return h;
}

int run_benchmark(const BargainArgs& a, const bargain::Options& options) {
  const std::uint64_t seed = a.seed.value_or(1);
  const bargain::Problem problem = bargain::random_problem(a.actors, a.dims, seed);
  std::cout << fmt::format(
      "vecinos bargain --benchmark: random problem of {} actors x {} dimensions (seed {}), "
      "{} threads\n",
      a.actors, a.dims, seed, tbb::this_task_arena::max_concurrency());
  std::vector<double> ms;
  for (int run = 1; run <= a.repeat; ++run) {
    const auto start = std::chrono::steady_clock::now();
    const bargain::Result r = bargain::solve(problem, options);
    const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
    ms.push_back(took.count());
    std::cout << fmt::format("run {}: {} turns, {}, {:.1f} ms, result digest {:016x}\n", run,
                             r.turns.size() - 1, r.converged ? "converged" : "turn limit",
                             took.count(), result_digest(r));
  }
  std::sort(ms.begin(), ms.end());
  std::cout << fmt::format("solve to convergence: best {:.1f} ms, median {:.1f} ms\n", ms.front(),
                           ms[ms.size() / 2]);
  return 0;
}
}  // namespace

Action add_bargain(CLI::App& app) {
  auto a = std::make_shared<BargainArgs>();
  app.add_option("FILE", a->file, "bargaining problem in KTAB's SMP CSV format");
  app.add_option("--turns", a->turns, "stop after this many turns at most (default 100)")
      ->check(CLI::Range(0, 100000));
  app.add_option("--seed", a->seed, "random seed (only the Stochastic state transition draws)");
  app.add_option("--model", a->model,
                 "a KTAB model parameter, e.g. --model PCEModel=MarkovIncentive (repeatable)")
      ->allow_extra_args(false);  // one KEY=VALUE per --model, so FILE may follow it
  app.add_flag("--json", a->json, "print JSON: actors, dimensions, turns, outcome");
  app.add_option("--threads", a->threads, "worker threads (default: all cores)")
      ->check(CLI::Range(1, 1024));
  app.add_flag("--benchmark", a->benchmark, "time solves of a random problem instead of FILE");
  app.add_option("--actors", a->actors, "benchmark: number of actors (default 100)")
      ->check(CLI::Range(2, 100000));
  app.add_option("--dims", a->dims, "benchmark: number of dimensions (default 6)")
      ->check(CLI::Range(1, 1000));
  app.add_option("--repeat", a->repeat, "benchmark: number of timed solves (default 5)")
      ->check(CLI::Range(1, 1000));
  return [a] {
    bargain::Options options;
    options.max_turns = a->turns;
    if (a->seed) options.seed = *a->seed;
    for (const auto& kv : a->model) {
      const auto eq = kv.find('=');
      if (eq == std::string::npos)
        throw InputError(fmt::format("--model '{}': expected KEY=VALUE", kv));
      bargain::set_parameter(options, kv.substr(0, eq), kv.substr(eq + 1));
    }
    if (!a->benchmark && a->file.empty())
      throw InputError("vecinos bargain: give a FILE.csv, or --benchmark");
    tbb::task_arena arena(a->threads > 0 ? a->threads : tbb::task_arena::automatic);
    return arena.execute([&] {
      if (a->benchmark) return run_benchmark(*a, options);
      const bargain::Problem problem = bargain::read_smp_csv(a->file);
      const bargain::Result result = bargain::solve(problem, options);
      std::cout << (a->json ? to_json(problem, result) : to_table(problem, result));
      return 0;
    });
  };
}

}  // namespace vecinos::cli
