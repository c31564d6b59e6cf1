#pragma once
// What a history file holds, read back for `vecinos inspect`: status, schema, sizes and the
// final indicator values. Reads complete files and .partial files (also those of killed runs,
// opened in SWMR-read mode).
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "output/hdf5_handle.hpp"

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
  /// Damage found in a file whose status is complete: per-tick datasets of unequal length
  /// (a complete file has every row), in words naming the dataset.
  std::vector<std::string> problems;
};

/// How many times an SWMR reader re-reads a piece of metadata whose checksum fails before it
/// gives up (HDF5's default is 100 per piece, which on a damaged file adds up to hours).
inline constexpr unsigned kSwmrReadAttempts = 3;

/// Opens a history read-only: a plain open first, and in SWMR-read mode (with bounded retries)
/// only when the file is still marked open for writing (a killed or running writer). Throws
/// InputError naming the file when it is missing, not HDF5, truncated or damaged.
h5::Handle open_history(const std::filesystem::path& path, bool& swmr);

/// The root `status` of a history ("complete", "incomplete", "failed"), or empty with `why`
/// set when the file cannot be read as a vecinos history.
std::string history_status(const std::filesystem::path& path, std::string& why);

/// Reads `path`; throws InputError when it is not a vecinos history (or missing, truncated,
/// damaged), and when its schema_version is newer than this program's.
HistoryInfo read_history_info(const std::filesystem::path& path);

}  // namespace vecinos
