#pragma once
// What a history file holds, read back for `vecinos inspect`: status, schema, sizes and the
// final indicator values. Reads complete files and .partial files (also those of killed runs,
// opened in SWMR-read mode).
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace vecinos {

struct HistoryInfo {
  std::filesystem::path path;
  std::uintmax_t file_bytes = 0;
  bool swmr_open = false;  ///< the file was still marked open for writing (a killed run)
  std::int64_t schema_version = 0;
  std::string status, program_version, git_hash, host, start_time, end_time;
  std::int64_t seed = 0, run = 0, threads = 0, last_tick = 0;
  /// Recorded ticks readable in every per-tick dataset (the shortest common length).
  std::size_t ticks = 0;
  std::int64_t first_tick = 0, final_tick = 0;
  std::string first_date, final_date;
  struct Table {
    std::string kind, recorded;
    std::int64_t count = 0;
    std::size_t agents = 0, state_columns = 0, aggregates = 0;
  };
  std::vector<Table> tables;
  bool has_network = false;
  std::size_t edges = 0, network_snapshots = 0;
  bool has_events = false;
  std::size_t events = 0;
  struct Indicator {
    std::string name, units;
    double final = 0;
  };
  std::vector<Indicator> indicators;  ///< values at the last readable tick
};

/// Reads `path`; throws InputError when it is not a vecinos history (or missing), and when
/// its schema_version is newer than this program's.
HistoryInfo read_history_info(const std::filesystem::path& path);

}  // namespace vecinos
