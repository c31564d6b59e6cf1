#include "output/hdf5_writer.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <iostream>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "model/errors.hpp"
#include "output/hdf5_handle.hpp"
#include "output/history_file.hpp"
#include "world/indicators.hpp"
#include "world/world.hpp"

namespace vecinos {

namespace {
std::string utc_now() {
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(std::time(nullptr)));
}

std::string host_name() {
  char buf[256] = {};
  if (::gethostname(buf, sizeof buf - 1) != 0) return "unknown";
  return buf;
}
}  // namespace

std::filesystem::path partial_path_of(const std::filesystem::path& file) {
  std::filesystem::path p = file;
  p += ".partial";
  return p;
}

std::filesystem::path creating_path_of(const std::filesystem::path& file) {
  std::filesystem::path p = file;
  p += ".creating";
  return p;
}

namespace {

/// Takes an exclusive lock on `p`; false when another process holds it. A file system without
/// locks gets a warning (unless HDF5_USE_FILE_LOCKING=FALSE says the user knows) and counts as
/// locked: the run goes on as it did before locks.
FileLock::Outcome lock_history_file(FileLock& lock, const std::filesystem::path& p, bool create) {
  std::string why;
  const auto outcome = lock.try_lock(p, FileLock::Mode::exclusive, create, false, &why);
  if (outcome == FileLock::Outcome::unsupported) {
    // NOLINTNEXTLINE(concurrency-mt-unsafe): nothing in vecinos sets the environment
    const char* env = std::getenv("HDF5_USE_FILE_LOCKING");
    if (env == nullptr || std::string_view(env) != "FALSE")
      std::cerr << fmt::format(
          "vecinos: warning: {}: this file system does not lock files ({}); another process "
          "writing the same history at the same time would not be noticed\n",
          p.string(), why);
  }
  return outcome;
}

[[noreturn]] void throw_busy(const std::filesystem::path& file, const std::filesystem::path& held) {
  throw InputError(fmt::format(
      "{}: another process is writing this history ({} is locked by it); wait for that run to "
      "end, or write another file with -o",
      file.string(), held.string()));
}

void check_not_directory(const std::filesystem::path& p) {
  std::error_code ec;
  if (std::filesystem::is_directory(p, ec))
    throw InputError(fmt::format("{}: is a directory, not a history file", p.string()));
}

}  // namespace

HistoryClaim claim_history(const std::filesystem::path& file, bool overwrite) {
  if (file.empty()) throw InputError("the history file name is empty");
  check_not_directory(file);
  check_not_directory(partial_path_of(file));
  check_not_directory(creating_path_of(file));
  std::error_code ec;
  auto refuse_existing = [&] {
    if (std::filesystem::exists(file, ec) && !overwrite)
      throw InputError(fmt::format(
          "{}: a history already exists there; pass --force to replace it, or -o to write "
          "another file",
          file.string()));
  };
  refuse_existing();
  const auto dir = file.parent_path();
  if (!dir.empty()) {
    std::filesystem::create_directories(dir, ec);
    if (ec)
      throw InputError(
          fmt::format("{}: cannot create the directory: {}", dir.string(), ec.message()));
  }
  HistoryClaim c;
  c.file = file;
  try {
    if (lock_history_file(c.creating, creating_path_of(file), true) == FileLock::Outcome::busy)
      throw_busy(file, creating_path_of(file));
    if (lock_history_file(c.old_partial, partial_path_of(file), false) == FileLock::Outcome::busy) {
      // Leave no empty FILE.creating behind (it is ours to remove: we hold its lock).
      std::error_code rm;
      if (c.creating.held() && std::filesystem::file_size(creating_path_of(file), rm) == 0)
        std::filesystem::remove(creating_path_of(file), rm);
      throw_busy(file, partial_path_of(file));
    }
  } catch (const RuntimeError& e) {
    throw InputError(e.what());  // the directory cannot be written (permissions, read-only)
  }
  refuse_existing();  // a run that held the locks may have completed it meanwhile
  return c;
}

HistoryClaim claim_default_history(const std::filesystem::path& dir, std::string_view stem,
                                   std::uint64_t seed) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec)
    throw InputError(
        fmt::format("{}: cannot create the directory: {}", dir.string(), ec.message()));
  auto taken = [&](const std::filesystem::path& file) {
    return std::filesystem::exists(file, ec) || std::filesystem::exists(partial_path_of(file), ec);
  };
  for (int k = 1; k < 100000; ++k) {
    const std::string name = k == 1 ? fmt::format("{}-seed{}.h5", stem, seed)
                                    : fmt::format("{}-seed{}-{}.h5", stem, seed, k);
    const std::filesystem::path file = dir / name;
    if (taken(file)) continue;
    HistoryClaim c;
    c.file = file;
    FileLock::Outcome outcome{};
    try {
      outcome = lock_history_file(c.creating, creating_path_of(file), true);
    } catch (const RuntimeError& e) {
      throw InputError(e.what());
    }
    if (outcome == FileLock::Outcome::busy) continue;  // another run is creating it
    if (outcome == FileLock::Outcome::unsupported) {
      // No locks: claim the name by creating FILE.creating exclusively (a leftover of a killed
      // run then costs the name).
      std::filesystem::remove(creating_path_of(file), ec);
      const int fd = ::open(creating_path_of(file).c_str(), O_WRONLY | O_CREAT | O_EXCL, 0644);
      if (fd < 0) continue;
      ::close(fd);
    }
    if (taken(file)) {  // published by a run that held the lock until just now
      c.creating.release();
      continue;
    }
    return c;
  }
  throw InputError(fmt::format("{}: no free history name for {}", dir.string(), stem));
}

Hdf5Writer::Hdf5Writer(Hdf5WriterOptions options)
    : options_(std::move(options)),
      partial_(partial_path_of(options_.path)),
      creating_(creating_path_of(options_.path)) {
  if (options_.claim) {
    claim_ = std::move(*options_.claim);
    options_.claim.reset();
  } else {
    claim_ = claim_history(options_.path, options_.overwrite);
  }
  if (options_.tables.empty()) options_.tables = agent_tables();
}

Hdf5Writer::~Hdf5Writer() {
  const bool started = thread_.joinable();
  if (queue_) queue_->close();
  if (thread_.joinable()) thread_.join();
  if (!started && claim_.creating.held()) {
    // The run never began writing (a refusal, a world that failed to build): leave no empty
    // FILE.creating behind.
    std::error_code ec;
    if (std::filesystem::file_size(creating_, ec) == 0 && !ec)
      std::filesystem::remove(creating_, ec);
  }
}

std::uint64_t estimated_history_bytes(const RecordingPlan& plan, std::size_t edges) {
  const auto rows = static_cast<std::uint64_t>(plan.state_rows());
  std::uint64_t row_bytes = 4 + 10 + 8 * kIndicatorCount;  // tick, date, indicators
  for (const TablePlan& t : plan.tables()) {
    if (plan.params().agents)
      for (const NumberColumn& c : t.table.state)
        row_bytes += h5::dtype_size(c.dtype) * static_cast<std::uint64_t>(t.agents.size());
    row_bytes += 8 * static_cast<std::uint64_t>(t.table.aggregates.size());
  }
  std::uint64_t total = rows * row_bytes;
  if (plan.params().network)
    total += static_cast<std::uint64_t>(plan.network_rows()) * (4 + 8 * edges);
  return total;
}

void Hdf5Writer::on_start(const World& world) {
  plan_.emplace(make_plan(world, std::move(options_.tables)));
  taker_.emplace(*plan_);
  StartRecord start = taker_->start(world);
  if (options_.max_bytes > 0) {
    const std::uint64_t bytes = estimated_history_bytes(*plan_, start.edge_count);
    if (bytes > options_.max_bytes)
      throw InputError(fmt::format(
          "{}: this run's history would take about {:.1f} GB, more than the limit of {:.1f} GB; "
          "record less (recording.every, recording.agents: false, recording.panel_size, "
          "recording.full_populations: false) or raise the limit (--max-history-gb, 0 for none)",
          options_.path.string(), static_cast<double>(bytes) / 1e9,
          static_cast<double>(options_.max_bytes) / 1e9));
  }
  queue_ = std::make_unique<BoundedQueue<Message>>(
      static_cast<std::size_t>(plan_->params().queue_ticks));
  start_time_ = utc_now();
  host_ = host_name();
  // The writer thread creates the file while the simulation starts: a creation error is
  // thrown at the next tick (or at the end).
  thread_ = std::thread(&Hdf5Writer::writer_loop, this, std::move(start));
  if (auto s = take(world, false)) push(std::move(*s));
}

void Hdf5Writer::on_tick(const World& world) {
  if (failed_.load(std::memory_order_acquire)) rethrow_writer_error();
  if (auto s = take(world, false)) push(std::move(*s));
}

void Hdf5Writer::on_finish(const World& world, RunStatus status) {
  if (!thread_.joinable()) return;
  if (!failed_.load(std::memory_order_acquire)) {
    // A run stopped between ticks holds a consistent state: record it as the last tick. A
    // failed run may have stopped inside a step, so its state is not recorded.
    if (status != RunStatus::failed)
      if (auto s = take(world, /*final=*/true)) push(std::move(*s));
    push(Finish{status, utc_now()});
  }
  join();
  if (failed_.load(std::memory_order_acquire) && status == RunStatus::complete)
    rethrow_writer_error();
}

std::optional<TickSnapshot> Hdf5Writer::take(const World& world, bool final) {
  TickSnapshot reuse;
  {
    const std::lock_guard<std::mutex> lock(spare_mutex_);
    if (!spare_.empty()) {
      reuse = std::move(spare_.back());
      spare_.pop_back();
    }
  }
  return taker_->take(world, final, std::move(reuse));
}

void Hdf5Writer::push(Message m) {
  if (!queue_->push(std::move(m))) rethrow_writer_error();
}

void Hdf5Writer::join() {
  if (queue_) queue_->close();
  if (thread_.joinable()) thread_.join();
}

void Hdf5Writer::rethrow_writer_error() {
  join();
  if (error_) std::rethrow_exception(error_);
  throw RuntimeError(fmt::format("{}: the history writer stopped", partial_.string()));
}

void Hdf5Writer::replace_partial(HistoryFile& file) {
  std::error_code ec;
  std::filesystem::rename(creating_, partial_, ec);
  if (ec)
    throw RuntimeError(
        fmt::format("renaming {} to {}: {}", creating_.string(), partial_.string(), ec.message()));
  file.renamed(partial_);
  claim_.creating.renamed(partial_);
  claim_.old_partial.release();
}

void Hdf5Writer::publish_complete(const std::filesystem::path& from) {
  // Without --force, never replace a file that appeared meanwhile.
  std::string why;
  std::error_code ec;
  if (options_.overwrite)
    std::filesystem::rename(from, options_.path, ec);
  else if (!rename_no_replace(from, options_.path, why))
    ec = std::make_error_code(std::errc::file_exists);
  if (ec)
    throw RuntimeError(fmt::format("renaming {} to {}: {}", from.string(), options_.path.string(),
                                   why.empty() ? ec.message() : why));
  claim_.creating.renamed(options_.path);
  if (claim_.old_partial.held()) {
    // Completed without ever publishing FILE.partial: an older one (of a stopped run, whose
    // lock we hold) is replaced by this complete history, as publishing would have replaced it.
    std::filesystem::remove(partial_, ec);
    claim_.old_partial.release();
  }
}

void Hdf5Writer::writer_loop(const StartRecord& start) {
  bool created = false, finished = false;
  try {
    h5::silence_errors();
    // The file is built as FILE.creating. It appears as FILE.partial at its first flush, once
    // every object exists and SWMR writing has started: a run killed before that leaves no
    // .partial that cannot be opened (HDF5 writes the superblock first and the rest at the
    // first flush). A run that ends before its first flush is finished in normal mode and
    // renamed to FILE (or FILE.partial when it did not complete) at the end.
    std::function<void()> after_root;
    if (options_.test_kill_while_creating) after_root = [] { std::raise(SIGKILL); };
    HistoryFile file(creating_, *plan_, start, {options_.threads, host_, start_time_}, after_root);
    auto publish = [&] {
      file.start_swmr();
      file.flush();
      replace_partial(file);
      created = true;
    };
    if (options_.min_flush_interval.count() <= 0) publish();
    auto last_flush = std::chrono::steady_clock::now();
    while (auto m = queue_->pop()) {
      if (auto* s = std::get_if<TickSnapshot>(&*m)) {
        file.append(*s);
        const bool flush = s->flush;
        {
          const std::lock_guard<std::mutex> lock(spare_mutex_);
          if (spare_.size() <= static_cast<std::size_t>(plan_->params().queue_ticks))
            spare_.push_back(std::move(*s));
        }
        const auto now = std::chrono::steady_clock::now();
        if (flush && now - last_flush >= options_.min_flush_interval) {
          if (created)
            file.flush();
          else
            publish();
          last_flush = now;
        }
        continue;
      }
      const Finish& f = std::get<Finish>(*m);
      file.finish(f.status, f.end_time);
      finished = true;
      if (f.status == RunStatus::complete) {
        publish_complete(created ? partial_ : creating_);
      } else if (!created) {
        replace_partial(file);  // a stopped or failed run is kept as FILE.partial
        created = true;
      }
      break;
    }
    // Closed without a Finish (the run never reached on_finish): keep what was recorded.
    if (!finished) {
      file.finish(RunStatus::incomplete, utc_now());
      finished = true;
      if (!created) {
        replace_partial(file);
        created = true;
      }
    }
  } catch (const std::exception& e) {
    // An operating-system error under HDF5's stack (a full disk, a file size limit, an I/O
    // error) is said in one line with the file: that is what the user can act on.
    const std::string os = h5::os_error_of(e.what());
    const auto& written = created ? partial_ : creating_;
    error_text_ = os.empty()
                      ? e.what()
                      : fmt::format("{}: cannot write the history: {}", written.string(), os);
    error_ =
        os.empty() ? std::current_exception() : std::make_exception_ptr(RuntimeError(error_text_));
    failed_.store(true, std::memory_order_release);
    queue_->abandon();
    if (created && !finished) mark_history(partial_, RunStatus::failed, utc_now());
    if (!created && finished) {
      // Finished but not renamed to FILE (a file appeared there meanwhile): keep it as
      // FILE.partial, as a published run would have been kept.
      std::error_code ec;
      std::filesystem::rename(creating_, partial_, ec);
    } else if (!created) {
      // Never published: FILE.creating is not a readable history. An older FILE.partial, if
      // any, is left as it was.
      std::error_code ec;
      std::filesystem::remove(creating_, ec);
    }
  }
}

}  // namespace vecinos
