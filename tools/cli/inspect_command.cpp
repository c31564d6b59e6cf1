// `vecinos inspect FILE.h5`: what a run history holds (status, schema, sizes, final values), or
// what a sweep index holds (tools/sweep/index_info.hpp).
#include <cmath>
#include <iostream>

#include <fmt/format.h>

#include "model/errors.hpp"
#include "output/hdf5_writer.hpp"
#include "output/history_info.hpp"
#include "tools/cli/commands.hpp"
#include "tools/sweep/index_info.hpp"

namespace vecinos::cli {

namespace {
std::string bytes_text(std::uintmax_t b) {
  if (b >= (1u << 30)) return fmt::format("{:.1f} GiB", static_cast<double>(b) / (1u << 30));
  if (b >= (1u << 20)) return fmt::format("{:.1f} MiB", static_cast<double>(b) / (1u << 20));
  if (b >= (1u << 10)) return fmt::format("{:.1f} KiB", static_cast<double>(b) / (1u << 10));
  return fmt::format("{} bytes", b);
}

std::string value_text(double v) {
  if (std::isnan(v)) return "-";
  return fmt::format("{:.6g}", v);
}

void print(const HistoryInfo& h, std::ostream& out) {
  out << fmt::format("file        {} ({})\n", h.path.string(), bytes_text(h.file_bytes));
  out << fmt::format("status      {}{}\n", h.status,
                     h.swmr_open ? " (the writer stopped without closing it: readable up to "
                                   "its last flush)"
                                 : "");
  out << fmt::format("schema      {} (vecinos {}, git {})\n", h.schema_version, h.program_version,
                     h.git_hash);
  out << fmt::format("run         seed {}, run {}, {} threads on {}, {} .. {}\n", h.seed, h.run,
                     h.threads, h.host, h.start_time, h.end_time.empty() ? "?" : h.end_time);
  if (h.ticks > 0)
    out << fmt::format("ticks       {} recorded: tick {} ({}) .. tick {} ({}) of {}\n", h.ticks,
                       h.first_tick, h.first_date, h.final_tick, h.final_date, h.last_tick);
  else
    out << fmt::format("ticks       0 recorded (of {})\n", h.last_tick);
  for (const auto& t : h.tables)
    out << fmt::format("agents      {}: {} of {} recorded ({}), {} state columns, {} aggregates\n",
                       t.kind, t.agents, t.count, t.recorded, t.state_columns, t.aggregates);
  if (h.has_network)
    out << fmt::format("network     {} edges, {} weight snapshots\n", h.edges, h.network_snapshots);
  if (h.has_events) out << fmt::format("events      {}\n", h.events);
  out << fmt::format("\n{:<28} {:>14}  {}\n", "indicator", "final", "units");
  for (const auto& i : h.indicators)
    out << fmt::format("{:<28} {:>14}  {}\n", i.name, value_text(i.final), i.units);
}
}  // namespace

Action add_inspect(CLI::App& app) {
  auto file = std::make_shared<std::string>();
  app.add_option("FILE", *file,
                 "history file (.h5, or a .h5.partial of a stopped run), or a sweep index "
                 "(DIR/sweep.h5, or the sweep's directory DIR)")
      ->required();
  return [file] {
    std::filesystem::path p = *file;
    std::error_code ec;
    if (std::filesystem::is_directory(p, ec)) {
      if (!std::filesystem::exists(p / "sweep.h5", ec))
        throw InputError(
            fmt::format("vecinos inspect: {} is a directory without sweep.h5; "
                        "collect it first: vecinos sweep collect {}",
                        p.string(), p.string()));
      p /= "sweep.h5";
    }
    if (sweep::is_sweep_index(p)) {
      sweep::print_index(p, std::cout);
      return 0;
    }
    if (!std::filesystem::exists(p, ec) && std::filesystem::exists(partial_path_of(p), ec)) {
      std::cerr << fmt::format("vecinos inspect: {} does not exist; reading {}\n", p.string(),
                               partial_path_of(p).string());
      p = partial_path_of(p);
    }
    const HistoryInfo info = read_history_info(p);
    print(info, std::cout);
    if (!info.problems.empty()) {
      for (const auto& problem : info.problems)
        std::cerr << fmt::format("vecinos inspect: {}: {}\n", p.string(), problem);
      return 2;  // a damaged file is bad input
    }
    return 0;
  };
}

}  // namespace vecinos::cli
