#pragma once
// Observers watch a run: recording, progress and the digest attach here, and the engine knows
// nothing about them. Observers only read the world.
#include <string_view>

namespace vecinos {

struct World;

enum class RunStatus : unsigned char { complete, incomplete, failed };
std::string_view name(RunStatus s);

class Observer {
 public:
  Observer() = default;
  Observer(const Observer&) = delete;
  Observer& operator=(const Observer&) = delete;
  virtual ~Observer() = default;
  /// Before the first step; the world holds tick 0.
  virtual void on_start(const World& /*world*/) {}
  /// After each step; the world holds the new tick.
  virtual void on_tick(const World& /*world*/) {}
  /// At the end, also when the run stops early (status incomplete or failed).
  virtual void on_finish(const World& /*world*/, RunStatus /*status*/) {}
};

}  // namespace vecinos
