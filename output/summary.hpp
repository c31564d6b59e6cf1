#pragma once
// The short human summary `vecinos run` prints at the end of a run.
#include <array>
#include <chrono>
#include <string>

#include "world/actions.hpp"
#include "world/indicators.hpp"
#include "world/observer.hpp"

namespace vecinos {

struct World;

/// Remembers the first tick's indicators and reports them beside the last tick's, with the
/// run's acts: how many of each, and when the rarest happened first.
class SummaryObserver final : public WorldObserver {
 public:
  void on_start(const World& world) override;
  void on_tick(const World& world) override;
  void on_finish(const World& world, RunStatus status) override;
  /// The summary text (after on_finish).
  [[nodiscard]] const std::string& text() const { return text_; }

 private:
  std::array<double, kIndicatorCount> first_{};
  std::string first_date_;
  std::array<int, kActionCount> count_{};
  std::array<std::string, kActionCount> first_seen_{};
  std::array<std::string, kActionCount> first_actor_{};
  std::chrono::steady_clock::time_point started_{};
  std::string text_;
};

}  // namespace vecinos
