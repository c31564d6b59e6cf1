#include "tools/sweep/executor.hpp"

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>

#include <algorithm>
#include <fstream>

#include <fmt/format.h>

#include "model/errors.hpp"
#include "tools/sweep/progress.hpp"
#include "tools/sweep/task_files.hpp"

namespace vecinos::sweep {
namespace {

std::string first_line(const std::string& text) {
  std::size_t begin = 0;
  while (begin < text.size()) {
    const auto nl = text.find('\n', begin);
    std::string line = text.substr(begin, nl == std::string::npos ? nl : nl - begin);
    if (line.find_first_not_of(" \t\r") != std::string::npos) return line;
    if (nl == std::string::npos) break;
    begin = nl + 1;
  }
  return {};
}

double seconds_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

TaskExecutor::TaskExecutor(const TaskList& tasks, ExecutorOptions options)
    : tasks_(tasks), options_(std::move(options)) {}

TaskExecutor::~TaskExecutor() {
  if (!running_.empty()) (void)stop_all(SIGTERM);
}

void TaskExecutor::start(std::uint64_t index) {
  Running r;
  r.task = tasks_.task(index);
  const auto out = tasks_.output(r.task);
  std::error_code ec;
  std::filesystem::remove(failed_path(out), ec);
  r.argv = {options_.exe.string()};
  const auto args = tasks_.run_arguments(r.task);
  r.argv.insert(r.argv.end(), args.begin(), args.end());
  r.argv.insert(r.argv.end(), {"--threads", std::to_string(options_.threads)});
  if (options_.tick_delay_ms > 0)
    r.argv.insert(r.argv.end(), {"--test-tick-delay-ms", std::to_string(options_.tick_delay_ms)});
  r.start = std::chrono::steady_clock::now();
  r.child = std::make_unique<ChildProcess>(r.argv);
  if (options_.crash_task && *options_.crash_task == index) r.child->signal(SIGSEGV);
  running_.push_back(std::move(r));
}

TaskResult TaskExecutor::finish(Running& r, bool stopping) {
  const int status = r.child->wait();
  TaskResult res;
  res.index = r.task.index;
  res.seconds = seconds_since(r.start);
  const auto out = tasks_.output(r.task);
  std::error_code ec;
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0 && std::filesystem::exists(out, ec)) {
    res.complete = true;
    return res;
  }
  if (stopping) {
    res.interrupted = true;
    return res;
  }
  const std::string how = describe_wait_status(status);
  const std::string err = r.child->error_text();
  res.why = how;
  if (const auto line = first_line(err); !line.empty()) res.why += ": " + line;
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
    res.why += ": the run ended without writing its history";
  const std::string record = fmt::format(
      "task {} failed: {}\npoint {}, replicate {}, seed {}\ncommand: {}\nerror output:\n{}",
      r.task.index, how, r.task.point, r.task.replicate, r.task.seed, shell_command(r.argv),
      err.empty() ? "(none)\n" : err);
  try {
    write_file_atomically(failed_path(out), record);
  } catch (const std::exception& e) {
    // The failure is still reported (and the task stays not complete); only its record is lost.
    res.why += fmt::format(" (and its .failed record could not be written: {})", e.what());
  }
  return res;
}

std::vector<TaskResult> TaskExecutor::poll(std::chrono::milliseconds timeout) {
  std::vector<TaskResult> done;
  if (running_.empty()) return done;
  std::vector<pollfd> fds;
  for (const auto& r : running_) fds.push_back({r.child->fd(), POLLIN, 0});
  const int n = ::poll(fds.data(), fds.size(), static_cast<int>(timeout.count()));
  if (n <= 0) return done;  // timeout, or a signal (the caller checks its stop flag)
  // A finished task leaves running_ only after finish() returned: nothing here throws with a
  // task half removed (finish reports its own write errors in the result).
  for (std::size_t i = running_.size(); i-- > 0;) {
    Running& r = running_[i];
    const bool ready = (fds[i].revents & (POLLIN | POLLHUP | POLLERR | POLLNVAL)) != 0;
    if (ready && !r.child->drain()) {
      done.push_back(finish(r, false));
      running_.erase(running_.begin() + static_cast<std::ptrdiff_t>(i));
    }
  }
  std::reverse(done.begin(), done.end());
  return done;
}

std::vector<TaskResult> TaskExecutor::stop_all(int sig) {
  for (auto& r : running_)
    if (r.child) r.child->signal(sig);
  std::vector<TaskResult> done;
  for (auto& r : running_)
    if (r.child) done.push_back(finish(r, true));
  running_.clear();
  return done;
}

std::vector<std::uint64_t> tasks_to_run(const TaskList& tasks,
                                        const std::vector<std::uint64_t>& indices,
                                        std::ostream* log) {
  std::vector<std::uint64_t> todo;
  for (std::uint64_t i : indices) {
    const auto out = tasks.output(tasks.task(i));
    std::string why;
    const TaskState state = task_state(out, &why);
    if (state == TaskState::complete) continue;
    if (state == TaskState::invalid) {
      // Not a complete history (truncated, garbage, another status): keep it aside for
      // inspection and run the task again.
      std::error_code ec;
      std::filesystem::rename(out, damaged_path(out), ec);
      if (log != nullptr)
        *log << fmt::format("task {}: {} is not a complete history ({}); {}, running it again\n", i,
                            out.filename().string(), why,
                            ec ? "it cannot be moved aside: " + ec.message()
                               : "moved to " + damaged_path(out).filename().string());
    }
    todo.push_back(i);
  }
  return todo;
}

RunSummary run_tasks(const TaskList& tasks, const std::vector<std::uint64_t>& indices,
                     const RunOptions& options, const std::atomic<int>& stop, std::ostream& log) {
  RunSummary sum;
  sum.tasks = indices.size();
  const auto todo = tasks_to_run(tasks, indices, &log);
  sum.skipped = indices.size() - todo.size();
  Progress progress(todo.size(), sum.skipped, options.progress_bar, log);
  TaskExecutor exec(tasks, options.exec);
  const std::size_t jobs = std::max<std::size_t>(1, options.jobs);
  std::size_t next = 0;
  auto record = [&](const TaskResult& r) {
    if (r.interrupted) return;
    progress.finished(r.index, r.complete, r.seconds, r.why);
    if (r.complete) {
      ++sum.complete;
    } else {
      ++sum.failed;
      sum.failed_tasks.push_back(r.index);
    }
  };
  while ((next < todo.size() || exec.running() > 0) && stop.load() == 0) {
    while (next < todo.size() && exec.running() < jobs && stop.load() == 0)
      exec.start(todo[next++]);
    for (const auto& r : exec.poll(std::chrono::milliseconds(250))) record(r);
    progress.tick();
  }
  if (const int sig = stop.load(); sig != 0) {
    const std::size_t stopped = exec.running();
    for (const auto& r : exec.stop_all(SIGTERM)) record(r);
    progress.done();
    log << fmt::format(
        "sweep stopped by signal {}: {} running tasks stopped (their histories stay .partial), "
        "{} not started; run the same command again to resume\n",
        sig, stopped, todo.size() - next);
    throw Interrupted(sig);
  }
  progress.done();
  std::sort(sum.failed_tasks.begin(), sum.failed_tasks.end());
  return sum;
}

std::string ranges_text(const std::vector<std::uint64_t>& v) {
  std::string out;
  for (std::size_t i = 0; i < v.size();) {
    std::size_t j = i;
    while (j + 1 < v.size() && v[j + 1] == v[j] + 1) ++j;
    if (!out.empty()) out += ", ";
    out += j == i ? fmt::format("{}", v[i]) : fmt::format("{}-{}", v[i], v[j]);
    i = j + 1;
  }
  return out;
}

}  // namespace vecinos::sweep
