#pragma once
// The HDF5 history of one run, laid out as output/SCHEMA.md describes. Single-threaded: the
// writer thread (hdf5_writer.hpp) owns one of these and makes every HDF5 call through it.
//
// Crash safety: the file is created with the latest format; start_swmr() (called by the writer
// before it first publishes the file as FILE.partial) switches it to SWMR writing, so the
// metadata on disk is always consistent from then on; flush() writes the buffered rows and
// H5Fflush, after which a killed run's file reads up to that tick. A run that ends before its
// first flush never needs SWMR: its file is finished in normal mode (cheaper: SWMR makes every
// dataset's close write its metadata) and published complete.
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "output/hdf5_rows.hpp"
#include "output/snapshot.hpp"
#include "world/observer.hpp"

namespace vecinos {

/// Version of the layout in output/SCHEMA.md; readers refuse versions they do not know.
inline constexpr std::int64_t kSchemaVersion = 3;

/// Facts about the execution (root attributes, never datasets).
struct RunFacts {
  int threads = 1;
  std::string host;
  std::string start_time;  ///< ISO 8601 UTC
};

class HistoryFile {
 public:
  /// Creates (truncating) `path` with every group and dataset and writes the static data. The
  /// root `status` reads "incomplete" until finish().
  /// `after_root` (tests) is called once the root's attributes are written, before the rest.
  HistoryFile(const std::filesystem::path& path, const RecordingPlan& plan,
              const StartRecord& start, const RunFacts& facts,
              const std::function<void()>& after_root = {});
  HistoryFile(const HistoryFile&) = delete;
  HistoryFile& operator=(const HistoryFile&) = delete;
  ~HistoryFile();

  /// The file was renamed to `path` (messages and finish() use it).
  void renamed(const std::filesystem::path& path) { path_ = path; }
  /// Buffers the snapshot's rows (written a chunk at a time; the caller flushes).
  void append(const TickSnapshot& s);
  /// Writes the buffered rows and starts SWMR writing (once; no new objects or attributes
  /// after this).
  void start_swmr();
  [[nodiscard]] bool swmr() const { return swmr_; }
  /// Writes every buffered row and flushes the file to disk.
  void flush();
  /// Writes everything, stamps `status` and `end_time` and closes the file (in SWMR mode it
  /// closes first and reopens outside SWMR mode, where attributes can be written).
  void finish(RunStatus status, const std::string& end_time);

 private:
  struct TableSets {
    std::vector<h5::RowDataset> state, aggregates;
    /// The dimension scales `state/time` and `aggregates/time` (days since 1970-01-01).
    h5::RowDataset state_time, aggregates_time;
  };
  void create_root(const StartRecord& start, const RunFacts& facts);
  void create_time_and_indicators();
  void create_agents(const StartRecord& start);
  void create_network(const StartRecord& start);
  void create_events(const StartRecord& start);
  void write_pending();
  void close_datasets();

  std::filesystem::path path_;
  const RecordingPlan& plan_;
  h5::Handle file_;
  bool swmr_ = false;  ///< SWMR writing has started
  h5::Handle date_type_;
  h5::RowDataset tick_, date_;
  h5::RowDataset time_scale_;  ///< /indicators/time: days since 1970-01-01, a dimension scale
  std::vector<h5::RowDataset> indicators_;
  std::vector<TableSets> tables_;
  std::vector<h5::RowDataset> edge_cols_;  ///< source, target, type, created_tick
  h5::RowDataset net_tick_, weight_;
  /// /network/time (snapshot dates) and /network/edge (edge ids): dimension scales.
  h5::RowDataset net_time_, edge_scale_;
  std::vector<h5::RowDataset>
      event_cols_;  ///< tick, date, actor, action, target, magnitude, goldstein
};

/// Sets `status` and `end_time` on an existing history, ignoring failures (error paths).
void mark_history(const std::filesystem::path& path, RunStatus status,
                  const std::string& end_time) noexcept;

}  // namespace vecinos
