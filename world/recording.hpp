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

/// A column's values: one agent's (`value(w, i)`), or a list of agents' at once (`fill`), which
/// the recorder calls once per column and tick. Both are made from one per-agent function, which
/// `fill` calls in its own loop (inlined there): a panel of thousands of agents then costs one
/// indirect call per column, not one per agent.
class ColumnValues {
 public:
  ColumnValues() = default;
  /// From a per-agent function `double f(const World&, std::size_t agent)`: a column is
  /// written as its lambda, hence the implicit conversion.
  template <class F, class = std::enable_if_t<
                         std::is_invocable_r_v<double, const F&, const World&, std::size_t>>>
  // NOLINTNEXTLINE(google-explicit-constructor,hicpp-explicit-conversions)
  ColumnValues(F f)
      : fill_([f](const World& w, const std::uint64_t* agents, std::size_t n, double* out) {
          for (std::size_t k = 0; k < n; ++k) out[k] = f(w, static_cast<std::size_t>(agents[k]));
        }),
        one_(std::move(f)) {}

  double operator()(const World& w, std::size_t agent) const { return one_(w, agent); }
  /// out[k] = value of agents[k], for k < n.
  void fill(const World& w, const std::uint64_t* agents, std::size_t n, double* out) const {
    fill_(w, agents, n, out);
  }
  explicit operator bool() const { return static_cast<bool>(one_); }

 private:
  std::function<void(const World&, const std::uint64_t*, std::size_t, double*)> fill_;
  std::function<double(const World&, std::size_t)> one_;
};

struct NumberColumn {
  std::string name, units, description;
  DType dtype = DType::f64;
  ColumnValues value;
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
