#pragma once
// What a history records, decided once at the start of a run from the recording options and
// the world's own tables (model/recording.hpp): which ticks, which agents of each table (all,
// or a panel of a large population), and when the network is snapshotted. No HDF5 here.
#include <cstdint>
#include <string_view>
#include <vector>

#include "world/config.hpp"
#include "world/recording.hpp"

namespace vecinos {

/// How one agent table is recorded.
struct TablePlan {
  AgentTable table;
  std::size_t count = 0;              ///< agents in the table
  std::vector<std::uint64_t> agents;  ///< recorded agents (indices into the table), ascending
  [[nodiscard]] bool all() const { return agents.size() == count; }
};

class RecordingPlan {
 public:
  /// `last_tick` is the run's final tick (Calendar::steps()).
  RecordingPlan(const RecordingParams& params, int last_tick, std::vector<TablePlan> tables);

  [[nodiscard]] const RecordingParams& params() const { return params_; }
  [[nodiscard]] int last_tick() const { return last_tick_; }
  [[nodiscard]] const std::vector<TablePlan>& tables() const { return tables_; }

  /// Indicators, time and agent state are recorded at tick 0, every `every` ticks, and the last.
  [[nodiscard]] bool records_state(int tick) const;
  /// Network weights: tick 0, every `network_every` ticks, and the last.
  [[nodiscard]] bool records_network(int tick) const;
  /// Number of ticks records_state / records_network select over the whole run.
  [[nodiscard]] std::size_t state_rows() const;
  [[nodiscard]] std::size_t network_rows() const;
  /// State rows and network rows written between two flushes (at least 1).
  [[nodiscard]] std::size_t state_rows_per_flush() const;
  [[nodiscard]] std::size_t network_rows_per_flush() const;

 private:
  RecordingParams params_;
  int last_tick_;
  std::vector<TablePlan> tables_;
};

/// Builds the plan for a world: each table of `tables` sized from the world, its panel chosen.
RecordingPlan make_plan(const World& world, std::vector<AgentTable> tables);

/// `k` distinct agents of `n` (all when k >= n), ascending: a uniform random sample drawn from
/// the stream of (seed, run, table) by Floyd's algorithm, so the same seed gives the same panel.
/// `table` is table_key(kind), so a panel does not change when other tables are added.
std::uint64_t table_key(std::string_view kind);
std::vector<std::uint64_t> choose_panel(std::size_t n, std::size_t k, std::uint64_t seed,
                                        std::uint64_t run, std::uint64_t table);

}  // namespace vecinos
