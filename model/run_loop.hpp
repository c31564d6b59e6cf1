#pragma once
// The generic run loop: step a model until it is done, on a oneTBB arena of a chosen size,
// telling its observers before, after each step and at the end, and stopping between steps
// when asked (a signal). Any model with
//   const State& state() const;   bool done() const;   void step();
// runs here; world/simulation.hpp is the one of vecinos.
#include <atomic>
#include <concepts>
#include <span>

#include <tbb/task_arena.h>

#include "model/errors.hpp"
#include "model/observer.hpp"

namespace vecinos {

struct RunOptions {
  int threads = 1;  ///< worker threads (oneTBB arena size)
  /// Checked between ticks; when it becomes non-zero the run stops as incomplete and
  /// `run` throws Interrupted with that signal number.
  const std::atomic<int>* stop = nullptr;
};

template <class M>
concept SteppedModel = requires(M& m, const M& cm) {
  m.step();
  { cm.done() } -> std::convertible_to<bool>;
  cm.state();
};

/// Runs every remaining step; returns complete, or throws (observers are told incomplete or
/// failed first). Observers are called in order and must outlive the run.
template <SteppedModel M,
          class State = std::remove_cvref_t<decltype(std::declval<const M&>().state())>>
RunStatus run_loop(M& model, std::span<Observer<State>* const> observers,
                   const RunOptions& options) {
  tbb::task_arena arena(options.threads < 1 ? 1 : options.threads);
  for (auto* o : observers) o->on_start(model.state());
  try {
    arena.execute([&] {
      while (!model.done()) {
        if (options.stop != nullptr && options.stop->load() != 0)
          throw Interrupted(options.stop->load());
        model.step();
        for (auto* o : observers) o->on_tick(model.state());
      }
    });
  } catch (const Interrupted&) {
    for (auto* o : observers) o->on_finish(model.state(), RunStatus::incomplete);
    throw;
  } catch (...) {
    for (auto* o : observers) o->on_finish(model.state(), RunStatus::failed);
    throw;
  }
  for (auto* o : observers) o->on_finish(model.state(), RunStatus::complete);
  return RunStatus::complete;
}

}  // namespace vecinos
