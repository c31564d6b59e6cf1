#pragma once
// Tick snapshots: the values a history records, copied from the world on the simulation
// thread (cheap: only recorded agents, no I/O) and handed to the writer thread.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "output/recording_plan.hpp"
#include "world/event.hpp"
#include "world/indicators.hpp"

namespace vecinos {

/// An edge of the elite network as recorded (indices are political actors = network vertices).
struct EdgeRecord {
  std::int32_t source = 0, target = 0;
  std::uint8_t type = 0;
  std::int32_t created_tick = 0;  ///< first recorded tick at which the edge existed
};

/// What is written once, before the first tick.
struct StartRecord {
  std::uint64_t seed = 0, run = 0;
  std::string config_yaml;
  std::vector<std::string> event_actors;
  std::vector<std::string> vertex_names;
  std::size_t edge_count = 0;  ///< edges of the elite network at the start
  /// Static columns of each table's recorded agents, in plan order.
  struct TableStatic {
    std::vector<std::vector<std::string>> text;
    std::vector<std::vector<unsigned char>> numbers;  ///< typed bytes per static_number column
  };
  std::vector<TableStatic> tables;
};

/// One tick's recorded values.
struct TickSnapshot {
  std::int32_t tick = 0;
  std::string date;      ///< ISO date of the tick
  bool state = false;    ///< time, indicators, agent state and aggregates are recorded
  bool network = false;  ///< `weights` holds every edge's weight
  bool flush = false;    ///< the writer flushes the file after this snapshot
  std::array<double, kIndicatorCount> indicators{};
  std::vector<std::vector<unsigned char>> columns;  ///< state columns of every table, typed
  std::vector<double> aggregates;                   ///< aggregates of every table
  std::vector<EdgeRecord> new_edges;                ///< edges that appeared since last snapshot
  std::vector<double> weights;
  std::vector<Event> events;  ///< the events of the step that produced this tick

  /// Empties the snapshot, keeping the capacity of its buffers (for reuse by take()).
  void clear();
};

class SnapshotTaker {
 public:
  explicit SnapshotTaker(const RecordingPlan& plan) : plan_(plan) {}

  /// The static data (call once, before take()).
  [[nodiscard]] StartRecord start(const World& world) const;
  /// The snapshot of the world's current tick, or nothing when this tick records nothing.
  /// `final` forces state and network (the last tick of a run stopped early). The snapshot is
  /// built in `reuse` (a written snapshot handed back by the writer), whose buffers are reused.
  std::optional<TickSnapshot> take(const World& world, bool final = false, TickSnapshot reuse = {});

 private:
  void copy_state(const World& world, TickSnapshot& s) const;

  const RecordingPlan& plan_;
  std::size_t edges_seen_ = 0;
  int last_flush_ = 0;
  int last_state_ = -1, last_network_ = -1, last_events_ = -1;
};

}  // namespace vecinos
