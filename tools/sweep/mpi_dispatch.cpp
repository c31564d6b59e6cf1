// The MPI master/worker dispatcher (mpi_dispatch.hpp), with Open MPI's C API.
#include "tools/sweep/mpi_dispatch.hpp"

// The C API only: no C++ bindings (deprecated since MPI-2.2, removed in MPI-3).
#define OMPI_SKIP_MPICXX 1
#define MPICH_SKIP_MPICXX 1
#include <mpi.h>
#include <poll.h>
#include <signal.h>

#include <array>

#include <fmt/format.h>

#include "model/errors.hpp"
#include "tools/sweep/progress.hpp"
#include "tools/sweep/task_files.hpp"

namespace vecinos::sweep {
namespace {

// Worker -> master: {kind, task (-1: none), complete (0/1), milliseconds}.
constexpr int kToMaster = 1;
// Master -> worker: a task index, or -1 for "no more tasks".
constexpr int kToWorker = 2;
enum Kind : std::int64_t { kRequest = 0, kResult = 1, kBye = 2 };
using Message = std::array<std::int64_t, 4>;

void sleep_ms(int ms) {
  ::poll(nullptr, 0, ms);
}

/// Stops this rank's tasks and ends the whole MPI job (mpirun stops the other ranks).
[[noreturn]] void abort_job(TaskExecutor& exec, int sig, std::ostream& log, int rank) {
  const std::size_t n = exec.running();
  (void)exec.stop_all(SIGTERM);
  log << fmt::format(
      "vecinos sweep: rank {} stopped by signal {}: {} running tasks stopped (their histories "
      "stay .partial); run the same command again to resume\n",
      rank, sig, n);
  log.flush();
  MPI_Abort(MPI_COMM_WORLD, 128 + sig);
  throw Interrupted(sig);  // not reached
}

int master(const TaskList& tasks, const std::vector<std::uint64_t>& indices,
           const RunOptions& options, const std::atomic<int>& stop, std::ostream& log, int size) {
  const auto todo = tasks_to_run(tasks, indices, &log);
  const std::uint64_t skipped = indices.size() - todo.size();
  log << fmt::format("vecinos sweep: {} tasks on {} worker ranks, {} at a time each\n", todo.size(),
                     size - 1, options.jobs);
  Progress progress(todo.size(), skipped, false, log);
  TaskExecutor none(tasks, options.exec);  // the master runs nothing itself
  std::size_t next = 0;
  int byes = 0;
  std::vector<std::uint64_t> failed;
  while (byes < size - 1) {
    if (const int sig = stop.load(); sig != 0) abort_job(none, sig, log, 0);
    int flag = 0;
    MPI_Status st;
    MPI_Iprobe(MPI_ANY_SOURCE, kToMaster, MPI_COMM_WORLD, &flag, &st);
    if (flag == 0) {
      sleep_ms(1);
      continue;
    }
    Message m{};
    MPI_Recv(m.data(), 4, MPI_INT64_T, st.MPI_SOURCE, kToMaster, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    if (m[1] >= 0) {
      const auto idx = static_cast<std::uint64_t>(m[1]);
      const bool ok = m[2] != 0;
      std::string why;
      if (!ok) {
        why = fmt::format("see {}", failed_path(tasks.output(tasks.task(idx))).string());
        failed.push_back(idx);
      }
      progress.finished(idx, ok, static_cast<double>(m[3]) / 1000.0, why,
                        fmt::format("rank {}", st.MPI_SOURCE));
    }
    if (m[0] == kRequest) {
      const std::int64_t task = next < todo.size() ? static_cast<std::int64_t>(todo[next++]) : -1;
      MPI_Send(&task, 1, MPI_INT64_T, st.MPI_SOURCE, kToWorker, MPI_COMM_WORLD);
    } else if (m[0] == kBye) {
      ++byes;
    }
  }
  std::sort(failed.begin(), failed.end());
  log << fmt::format("sweep: {} tasks: {} complete ({} already), {} failed{}\n", indices.size(),
                     skipped + progress.completed(), skipped, failed.size(),
                     failed.empty() ? "" : " (tasks " + ranges_text(failed) + ")");
  return failed.empty() ? 0 : 1;
}

void worker(const TaskList& tasks, const RunOptions& options, const std::atomic<int>& stop,
            std::ostream& log, int rank) {
  TaskExecutor exec(tasks, options.exec);
  const std::size_t slots = std::max<std::size_t>(1, options.jobs);
  std::size_t outstanding = 0;
  auto send = [](const Message& m) {
    MPI_Send(m.data(), 4, MPI_INT64_T, 0, kToMaster, MPI_COMM_WORLD);
  };
  bool no_more = false;
  for (std::size_t i = 0; i < slots; ++i, ++outstanding) send({kRequest, -1, 0, 0});
  while (outstanding > 0 || exec.running() > 0) {
    if (const int sig = stop.load(); sig != 0) abort_job(exec, sig, log, rank);
    int flag = 0;
    MPI_Iprobe(0, kToWorker, MPI_COMM_WORLD, &flag, MPI_STATUS_IGNORE);
    while (flag != 0) {
      std::int64_t task = -1;
      MPI_Recv(&task, 1, MPI_INT64_T, 0, kToWorker, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
      --outstanding;
      if (task >= 0)
        exec.start(static_cast<std::uint64_t>(task));
      else
        no_more = true;
      MPI_Iprobe(0, kToWorker, MPI_COMM_WORLD, &flag, MPI_STATUS_IGNORE);
    }
    // Short waits while a request is unanswered, so new work starts promptly.
    const auto wait = std::chrono::milliseconds(outstanding > 0 ? 1 : 250);
    if (exec.running() == 0) {
      sleep_ms(1);
      continue;
    }
    for (const auto& r : exec.poll(wait)) {
      const Message m{no_more ? kResult : kRequest, static_cast<std::int64_t>(r.index),
                      r.complete ? 1 : 0, static_cast<std::int64_t>(r.seconds * 1000.0)};
      send(m);
      if (!no_more) ++outstanding;
    }
  }
  send({kBye, -1, 0, 0});
}

}  // namespace

bool mpi_supported() {
  return true;
}

void require_mpi() {}

int run_tasks_mpi(const TaskList& tasks, const std::vector<std::uint64_t>& indices,
                  const RunOptions& options, const std::atomic<int>& stop, std::ostream& log) {
  MPI_Init(nullptr, nullptr);
  int rank = 0, size = 1;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  int code = 0;
  try {
    if (size == 1) {
      const RunSummary s = run_tasks(tasks, indices, options, stop, log);
      log << fmt::format(
          "sweep: {} tasks: {} complete ({} already), {} failed{}\n", s.tasks,
          s.skipped + s.complete, s.skipped, s.failed,
          s.failed_tasks.empty() ? "" : " (tasks " + ranges_text(s.failed_tasks) + ")");
      code = s.failed == 0 ? 0 : 1;
    } else if (rank == 0) {
      code = master(tasks, indices, options, stop, log, size);
    } else {
      worker(tasks, options, stop, log, rank);
    }
  } catch (const Interrupted&) {
    if (size > 1) MPI_Abort(MPI_COMM_WORLD, 128 + stop.load());
    MPI_Finalize();
    throw;
  } catch (const std::exception& e) {
    // One rank failing alone would leave the others waiting for it: end the whole job.
    log << fmt::format("vecinos sweep: rank {}: error: {}\n", rank, e.what());
    log.flush();
    MPI_Abort(MPI_COMM_WORLD, 1);
  }
  MPI_Finalize();
  return code;
}

}  // namespace vecinos::sweep
