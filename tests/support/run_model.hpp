#pragma once
// Runs the model in-process for tests and keeps what they compare: indicators and events.
#include <string>
#include <vector>

#include "world/config.hpp"
#include "world/simulation.hpp"
#include "world/world.hpp"

namespace vecinos::test {

/// Indicators at every tick (tick 0 first) and every event of the run.
struct History {
  std::vector<std::array<double, kIndicatorCount>> ind;
  std::vector<Event> events;
  std::vector<std::string> dates;
  [[nodiscard]] double at(int tick, Ind i) const {
    return ind.at(static_cast<std::size_t>(tick))[static_cast<std::size_t>(i)];
  }
  [[nodiscard]] double last(Ind i) const { return ind.back()[static_cast<std::size_t>(i)]; }
  /// Mean over ticks [from, to).
  [[nodiscard]] double mean(int from, int to, Ind i) const {
    double s = 0;
    for (int t = from; t < to; ++t) s += at(t, i);
    return s / (to - from);
  }
  [[nodiscard]] int count(Action a) const {
    int n = 0;
    for (const auto& e : events) n += e.action == a ? 1 : 0;
    return n;
  }
};

/// Fills a History as the run goes.
class Recorder final : public WorldObserver {
 public:
  explicit Recorder(History& h) : h_(h) {}
  void on_start(const World& w) override { record(w); }
  void on_tick(const World& w) override {
    record(w);
    h_.events.insert(h_.events.end(), w.events.begin(), w.events.end());
  }

 private:
  void record(const World& w) {
    h_.ind.push_back(w.indicators.values());
    h_.dates.push_back(w.date.iso());
  }
  History& h_;
};

/// Overrides that make a run small and fast (fewer agents stand for more people).
inline std::vector<Override> small(std::vector<Override> sets = {}) {
  sets.push_back({"migrants.scale=1000"});
  sets.push_back({"firms.agents=600"});
  sets.push_back({"firms.scale=50"});
  return sets;
}

inline Config config_of(const std::string& rel_path, const std::vector<Override>& sets) {
  return load_config(std::string(VECINOS_SOURCE_DIR) + "/" + rel_path, sets).config;
}

/// Runs `config` to its end and returns the history (and, if asked, keeps the final world).
inline History run_model(const Config& cfg, int threads = 2) {
  Simulation sim(cfg);
  History h;
  Recorder rec(h);
  sim.add_observer(rec);
  sim.run({threads, nullptr});
  return h;
}

inline History run_file(const std::string& rel_path, std::vector<Override> sets, int threads = 2) {
  return run_model(config_of(rel_path, sets), threads);
}

}  // namespace vecinos::test
