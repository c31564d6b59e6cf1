#pragma once
// Progress of a sweep: a bar with the estimated time left when stderr is a terminal, else one
// line per finished task (for logs: Slurm output files, CI).
#include <chrono>
#include <cstdint>
#include <ostream>
#include <string>

namespace vecinos::sweep {

class Progress {
 public:
  /// `to_run` tasks will run; `skipped` were complete already. `bar`: redraw one line.
  Progress(std::uint64_t to_run, std::uint64_t skipped, bool bar, std::ostream& out);
  /// A task finished: `ok` complete, else failed with `why` (one line); `where` says where it
  /// ran (e.g. "rank 3"), or is empty.
  void finished(std::uint64_t index, bool ok, double seconds, const std::string& why,
                const std::string& where = {});
  /// Redraws the bar (elapsed time and estimate move on); no-op without a bar.
  void tick();
  /// Ends the bar's line.
  void done();

  [[nodiscard]] std::uint64_t completed() const { return ok_; }
  [[nodiscard]] std::uint64_t failed() const { return failed_; }

 private:
  [[nodiscard]] std::string status() const;
  std::uint64_t to_run_, skipped_, ok_ = 0, failed_ = 0;
  bool bar_;
  std::ostream& out_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_{};
};

/// "42s", "3m05s", "2h10m".
std::string duration_text(double seconds);

}  // namespace vecinos::sweep
