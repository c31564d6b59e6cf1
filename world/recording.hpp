#pragma once
// What a run offers to record, described by the world itself so that writers (output/) need no
// domain knowledge: groups of agents with static attributes and per-tick state columns,
// population aggregates, and named series. The HDF5 writer walks these tables.
//
// Every value function only reads the world and must be safe to call concurrently (the writer
// fills columns in parallel between ticks).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "world/indicators.hpp"

namespace vecinos {

struct World;
class Politics;
class Cartels;
class Firms;
class Migrants;

/// Storage type of a recorded column (values are produced as double and stored as this).
enum class DType : std::uint8_t { f64, f32, i64, i32, u8 };

struct NumberColumn {
  std::string name, units, description;
  DType dtype = DType::f64;
  std::function<double(const World&, std::size_t agent)> value;
  /// When set, the sum of this column over all agents equals this indicator at every tick
  /// (a concordance the tests check on recorded files).
  std::optional<Ind> sums_to = {};
};

struct TextColumn {
  std::string name, description;
  std::function<std::string(const World&, std::size_t agent)> value;
};

/// A series of one number per tick (population aggregates).
struct Series {
  std::string name, units, description;
  std::function<double(const World&)> value;
};

/// One agent kind: recorded under /agents/<kind>.
struct AgentTable {
  std::string kind;
  std::string description;
  /// Number of agents; fixed for the whole run.
  std::function<std::size_t(const World&)> count;
  std::vector<TextColumn> static_text;      ///< [agent], written once
  std::vector<NumberColumn> static_number;  ///< [agent], written once
  std::vector<NumberColumn> state;          ///< [tick, agent]
  /// Large populations (millions): by default only `aggregates` and a panel of agents are
  /// recorded; the recording options choose the panel size or everything.
  bool population = false;
  std::vector<Series> aggregates;  ///< [tick]
};

/// The table of each agent kind (world/recording.cpp); an agent kind of the world must have one
/// (world/kinds.hpp checks).
AgentTable recording_table(std::type_identity<Politics>);
AgentTable recording_table(std::type_identity<Cartels>);
AgentTable recording_table(std::type_identity<Firms>);
AgentTable recording_table(std::type_identity<Migrants>);

/// Every agent table of the model, in a fixed order (world/recording.cpp).
std::vector<AgentTable> agent_tables();

}  // namespace vecinos
