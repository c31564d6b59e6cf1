#pragma once
// The tick loop and its determinism contract (../shared/ARCHITECTURE.md, "One tick"):
//  1. calendar: scheduled events of this step are applied;
//  2. decide, in parallel: each agent reads tick t and writes only its own slot of t+1;
//  3. resolve, in a fixed order: actions gathered by agent id, indicators updated with
//     deterministic reductions, edge weights changed;
//  4. observers record tick t+1.
// Random numbers are counter-based (model/rng.hpp). The same config and seed give
// bit-identical states for any number of threads.
#include <memory>
#include <optional>
#include <vector>

#include "model/run_loop.hpp"
#include "world/config.hpp"
#include "world/observer.hpp"
#include "world/world.hpp"

namespace vecinos {

class Simulation {
 public:
  explicit Simulation(const Config& cfg);

  /// Observers are called in the order they were added; they must outlive the run.
  void add_observer(WorldObserver& o) { observers_.push_back(&o); }

  /// Runs every step; returns complete, or throws (observers are told incomplete/failed first).
  RunStatus run(const RunOptions& options);
  /// One step from tick t to t+1 (on the calling thread's arena).
  void step();

  [[nodiscard]] const World& world() const { return *world_; }
  /// The world, to change between steps (controlled experiments and tests).
  [[nodiscard]] World& world() { return *world_; }
  [[nodiscard]] int steps() const { return world_->calendar.steps(); }
  /// For the run loop (model/run_loop.hpp).
  [[nodiscard]] const World& state() const { return *world_; }
  [[nodiscard]] bool done() const { return world_->tick >= steps(); }
  /// Wall time spent in the people's decide and resolve so far (vecinos bench; not state).
  [[nodiscard]] double people_seconds() const { return people_seconds_; }

 private:
  void apply_calendar(const StepContext& ctx);
  void decide(const StepContext& ctx);
  void resolve(const StepContext& ctx);

  std::unique_ptr<World> world_;
  std::vector<WorldObserver*> observers_;
  /// Action chosen by each president this step (-1 none, kHeldBack an escalation held back).
  std::vector<int> chosen_;
  static constexpr int kHeldBack = -2;
  std::vector<int> next_proposal_;
  double people_seconds_ = 0;
};

}  // namespace vecinos
