#pragma once
// Observers watch a run: recording, progress and the digest attach here, and the model knows
// nothing about them. Observers only read the state they are given.
#include <string_view>

namespace vecinos {

enum class RunStatus : unsigned char { complete, incomplete, failed };
std::string_view name(RunStatus s);

/// An observer of runs whose state is of type State.
template <class State>
class Observer {
 public:
  Observer() = default;
  Observer(const Observer&) = delete;
  Observer& operator=(const Observer&) = delete;
  virtual ~Observer() = default;
  /// Before the first step; the state holds tick 0.
  virtual void on_start(const State& /*state*/) {}
  /// After each step; the state holds the new tick.
  virtual void on_tick(const State& /*state*/) {}
  /// At the end, also when the run stops early (status incomplete or failed).
  virtual void on_finish(const State& /*state*/, RunStatus /*status*/) {}
};

}  // namespace vecinos
