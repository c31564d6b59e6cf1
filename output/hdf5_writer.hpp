#pragma once
// Records a run as an HDF5 history (output/SCHEMA.md): an Observer that copies each tick's
// values into a snapshot on the simulation thread and hands it, through a bounded queue
// (recording.queue_ticks snapshots), to one writer thread that makes every HDF5 call. The
// simulation and the writing overlap; memory stays bounded because the simulation waits when
// the queue is full.
//
// The file is written as FILE.creating, published as FILE.partial at its first flush, and
// renamed to FILE only when the run completes (a run shorter than the flush interval goes from
// FILE.creating to FILE directly). A run stopped by a signal or an error leaves FILE.partial
// with status incomplete or failed; a killed run leaves FILE.partial readable up to its last
// flush (recording.flush_every, no closer than min_flush_interval), or no history when it was
// killed before its first flush.
#include <atomic>
#include <chrono>
#include <exception>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <variant>

#include "output/bounded_queue.hpp"
#include "output/file_lock.hpp"
#include "output/recording_plan.hpp"
#include "output/snapshot.hpp"
#include "world/observer.hpp"
#include "world/recording.hpp"

namespace vecinos {

class HistoryFile;

/// The right to write the history FILE, held by one process at a time: an exclusive lock on
/// FILE.creating, where the writer builds the file until every dataset exists, and on an old
/// FILE.partial that it will replace. The locks die with the process (output/file_lock.hpp), so
/// a killed run never blocks the next one. See claim_history and claim_default_history.
struct HistoryClaim {
  std::filesystem::path file;  ///< FILE
  FileLock creating;           ///< on FILE.creating (after publishing: on FILE.partial)
  FileLock old_partial;        ///< on an existing FILE.partial (replaced when published)
};

/// Claims FILE for writing. Throws InputError (exit 2) when another process is writing it, when
/// FILE exists and `overwrite` is off, or when FILE or FILE.partial is a directory; warns on
/// stderr and goes on when the file system has no locks.
HistoryClaim claim_history(const std::filesystem::path& file, bool overwrite);

struct Hdf5WriterOptions {
  std::filesystem::path path;  ///< the complete file; FILE.partial while being written
  bool overwrite = false;      ///< replace an existing FILE (`--force`)
  int threads = 1;             ///< worker threads of the run (a root attribute)
  /// The tables to record; empty means agent_tables(), every table the model offers.
  std::vector<AgentTable> tables;
  /// Flushes come every recording.flush_every ticks but no closer than this in wall time
  /// (a fast run would otherwise spend its time flushing; a kill loses at most this much).
  std::chrono::milliseconds min_flush_interval{500};
  /// The claim on the file, when the caller already holds it (claim_default_history); the
  /// writer claims `path` itself otherwise.
  std::optional<HistoryClaim> claim;
  /// Tests: the process kills itself (SIGKILL) after the file's root is written and before its
  /// datasets exist, the window in which HDF5's file on disk cannot be opened yet.
  bool test_kill_while_creating = false;
  /// The largest history the run may write, in bytes, as estimated from the recording plan at
  /// the start (0: no limit). A larger one is refused (InputError) before anything is written.
  std::uint64_t max_bytes = 0;
};

/// The bytes a history of `plan` will take, about (the per-tick datasets and the network
/// weights; events and static tables, which are small, are not counted).
std::uint64_t estimated_history_bytes(const RecordingPlan& plan, std::size_t edges);

class Hdf5Writer final : public WorldObserver {
 public:
  /// Claims FILE (claim_history) unless the options hold a claim; creates FILE's directory.
  explicit Hdf5Writer(Hdf5WriterOptions options);
  ~Hdf5Writer() override;

  void on_start(const World& world) override;
  void on_tick(const World& world) override;
  /// Writes the rest, stamps the status and renames FILE.partial to FILE when complete.
  /// Throws the writer's error when the run completed but its history could not be written.
  void on_finish(const World& world, RunStatus status) override;

  [[nodiscard]] const std::filesystem::path& path() const { return options_.path; }
  [[nodiscard]] const std::filesystem::path& partial_path() const { return partial_; }
  /// The writer thread's error, when it failed (empty otherwise).
  [[nodiscard]] const std::string& error() const { return error_text_; }

 private:
  struct Finish {
    RunStatus status;
    std::string end_time;
  };
  using Message = std::variant<TickSnapshot, Finish>;

  void writer_loop(const StartRecord& start);
  /// FILE.creating becomes FILE.partial (replacing an older one, whose lock is held).
  void replace_partial(HistoryFile& file);
  /// The finished file at `from` becomes FILE.
  void publish_complete(const std::filesystem::path& from);
  void push(Message m);
  /// A snapshot of the current tick (in a spare one's buffers, when there is one).
  std::optional<TickSnapshot> take(const World& world, bool final);
  void join();
  [[noreturn]] void rethrow_writer_error();

  Hdf5WriterOptions options_;
  std::filesystem::path partial_, creating_;
  HistoryClaim claim_;
  std::optional<RecordingPlan> plan_;
  std::optional<SnapshotTaker> taker_;
  std::unique_ptr<BoundedQueue<Message>> queue_;  ///< sized by recording.queue_ticks
  /// Written snapshots handed back to the simulation thread, whose next take() reuses their
  /// buffers (no allocation, no fresh pages per tick). At most queue_ticks + 1 are kept.
  std::mutex spare_mutex_;
  std::vector<TickSnapshot> spare_;
  std::thread thread_;
  std::string start_time_, host_;
  std::atomic<bool> failed_{false};
  std::exception_ptr error_;
  std::string error_text_;
};

/// FILE.partial for FILE.
std::filesystem::path partial_path_of(const std::filesystem::path& file);
/// FILE.creating for FILE: the file while HDF5 creates its objects (not yet readable).
std::filesystem::path creating_path_of(const std::filesystem::path& file);

/// The default history of a run: DIR/<stem>-seed<N>.h5, or DIR/<stem>-seed<N>-<k>.h5 with the
/// smallest k >= 2 when that is taken (as a complete or partial file, or claimed by a run that
/// is creating it), so a default never overwrites and concurrent runs get different names.
HistoryClaim claim_default_history(const std::filesystem::path& dir, std::string_view stem,
                                   std::uint64_t seed);

}  // namespace vecinos
