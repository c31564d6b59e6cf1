#pragma once
// Progress of one run on stderr (issue 12, item 16): on a terminal, a line redrawn in place
// with the tick, the date, the share done and an estimate of the time left; otherwise (logs,
// Slurm, CI) one line every `interval`. Nothing at all for a run that ends within the first
// `quiet_start` of wall time, so short runs and tests print no progress. `vecinos run -q`
// silences it.
#include <chrono>
#include <ostream>

#include "world/observer.hpp"

namespace vecinos {

struct ProgressOptions {
  bool terminal = false;                        ///< redraw one line (\r) instead of writing lines
  std::chrono::milliseconds interval{5000};     ///< between lines when not on a terminal
  std::chrono::milliseconds quiet_start{2000};  ///< nothing is printed before this
  std::chrono::milliseconds redraw{250};        ///< between redraws on a terminal
};

class ProgressObserver final : public WorldObserver {
 public:
  ProgressObserver(std::ostream& out, ProgressOptions options);
  void on_start(const World& world) override;
  void on_tick(const World& world) override;
  void on_finish(const World& world, RunStatus status) override;

 private:
  using Clock = std::chrono::steady_clock;
  void print(const World& world, bool final);

  std::ostream& out_;
  ProgressOptions options_;
  Clock::time_point start_, last_;
  int steps_ = 0;
  bool printed_ = false;
};

/// "1m 05s", "12s", "2h 03m".
std::string duration_text(double seconds);

}  // namespace vecinos
