#include "output/hdf5_writer.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "model/errors.hpp"
#include "output/hdf5_handle.hpp"
#include "output/history_file.hpp"
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

std::filesystem::path claim_default_history(const std::filesystem::path& dir, std::string_view stem,
                                            std::uint64_t seed) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec)
    throw InputError(
        fmt::format("{}: cannot create the directory: {}", dir.string(), ec.message()));
  for (int k = 1; k < 100000; ++k) {
    const std::string name = k == 1 ? fmt::format("{}-seed{}.h5", stem, seed)
                                    : fmt::format("{}-seed{}-{}.h5", stem, seed, k);
    const std::filesystem::path file = dir / name;
    if (std::filesystem::exists(file, ec)) continue;
    const int fd = ::open(partial_path_of(file).c_str(), O_WRONLY | O_CREAT | O_EXCL, 0644);
    if (fd < 0) {
      if (errno == EEXIST) continue;
      throw InputError(fmt::format("{}: cannot create: {}", partial_path_of(file).string(),
                                   std::strerror(errno)));
    }
    ::close(fd);
    return file;
  }
  throw InputError(fmt::format("{}: no free history name for {}", dir.string(), stem));
}

Hdf5Writer::Hdf5Writer(Hdf5WriterOptions options)
    : options_(std::move(options)), partial_(partial_path_of(options_.path)) {
  if (options_.path.empty()) throw InputError("the history file name is empty");
  std::error_code ec;
  if (std::filesystem::exists(options_.path, ec) && !options_.overwrite)
    throw InputError(fmt::format(
        "{}: a history already exists there; pass --force to replace it, or -o to write "
        "another file",
        options_.path.string()));
  if (std::filesystem::is_directory(options_.path, ec))
    throw InputError(fmt::format("{}: is a directory, not a history file", options_.path.string()));
  const auto dir = options_.path.parent_path();
  if (!dir.empty()) {
    std::filesystem::create_directories(dir, ec);
    if (ec)
      throw InputError(
          fmt::format("{}: cannot create the directory: {}", dir.string(), ec.message()));
  }
  if (options_.tables.empty()) options_.tables = agent_tables();
}

Hdf5Writer::~Hdf5Writer() {
  if (queue_) queue_->close();
  if (thread_.joinable()) thread_.join();
}

void Hdf5Writer::on_start(const World& world) {
  plan_.emplace(make_plan(world, std::move(options_.tables)));
  taker_.emplace(*plan_);
  queue_ = std::make_unique<BoundedQueue<Message>>(
      static_cast<std::size_t>(plan_->params().queue_ticks));
  start_time_ = utc_now();
  host_ = host_name();
  // The writer thread creates the file while the simulation starts: a creation error is
  // thrown at the next tick (or at the end).
  thread_ = std::thread(&Hdf5Writer::writer_loop, this, taker_->start(world));
  if (auto s = taker_->take(world)) push(std::move(*s));
}

void Hdf5Writer::on_tick(const World& world) {
  if (failed_.load(std::memory_order_acquire)) rethrow_writer_error();
  if (auto s = taker_->take(world)) push(std::move(*s));
}

void Hdf5Writer::on_finish(const World& world, RunStatus status) {
  if (!thread_.joinable()) return;
  if (!failed_.load(std::memory_order_acquire)) {
    // A run stopped between ticks holds a consistent state: record it as the last tick. A
    // failed run may have stopped inside a step, so its state is not recorded.
    if (status != RunStatus::failed)
      if (auto s = taker_->take(world, /*final=*/true)) push(std::move(*s));
    push(Finish{status, utc_now()});
  }
  join();
  if (failed_.load(std::memory_order_acquire) && status == RunStatus::complete)
    rethrow_writer_error();
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

void Hdf5Writer::writer_loop(StartRecord start) {
  bool created = false, finished = false;
  try {
    h5::silence_errors();
    HistoryFile file(partial_, *plan_, start, {options_.threads, host_, start_time_});
    created = true;
    auto last_flush = std::chrono::steady_clock::now();
    while (auto m = queue_->pop()) {
      if (auto* s = std::get_if<TickSnapshot>(&*m)) {
        file.append(*s);
        const auto now = std::chrono::steady_clock::now();
        if (s->flush && now - last_flush >= options_.min_flush_interval) {
          file.flush();
          last_flush = now;
        }
        continue;
      }
      const Finish& f = std::get<Finish>(*m);
      file.finish(f.status, f.end_time);
      finished = true;
      if (f.status == RunStatus::complete) {
        std::error_code ec;
        std::filesystem::rename(partial_, options_.path, ec);
        if (ec)
          throw RuntimeError(fmt::format("renaming {} to {}: {}", partial_.string(),
                                         options_.path.string(), ec.message()));
      }
      break;
    }
    // Closed without a Finish (the run never reached on_finish): keep what was recorded.
    if (!finished) file.finish(RunStatus::incomplete, utc_now());
  } catch (const std::exception& e) {
    error_text_ = e.what();
    error_ = std::current_exception();
    failed_.store(true, std::memory_order_release);
    queue_->abandon();
    if (created && !finished) mark_history(partial_, RunStatus::failed, utc_now());
  }
}

}  // namespace vecinos
