#include "output/snapshot.hpp"

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "output/hdf5_handle.hpp"
#include "world/config.hpp"
#include "world/world.hpp"

namespace vecinos {

namespace {
/// Columns of at least this many recorded agents are also split across threads. Each agent's
/// slot is written by one task, so the bytes do not depend on the thread count. (Value
/// functions only read the world, so they may run concurrently.)
constexpr std::size_t kParallelAgents = 1 << 14;

/// Agents whose values are taken at once, into a buffer on the stack, before conversion.
constexpr std::size_t kFillBlock = 1024;

template <class T>
void copy_range(const World& w, const NumberColumn& c, const std::vector<std::uint64_t>& agents,
                std::size_t lo, std::size_t hi, unsigned char* out) {
  std::array<double, kFillBlock> values{};
  for (std::size_t b = lo; b < hi; b += kFillBlock) {
    const std::size_t n = std::min(kFillBlock, hi - b);
    c.value.fill(w, agents.data() + b, n, values.data());
    for (std::size_t k = 0; k < n; ++k) {
      const T v = h5::to_storage<T>(values[k]);
      std::memcpy(out + (b + k) * sizeof(T), &v, sizeof(T));
    }
  }
}

/// The column's values for `agents`, in its storage type, into `out`.
void column_bytes(const World& w, const NumberColumn& c, const std::vector<std::uint64_t>& agents,
                  std::vector<unsigned char>& out) {
  out.resize(agents.size() * h5::dtype_size(c.dtype));
  h5::with_storage_type(c.dtype, [&](auto type) {
    using T = decltype(type);
    if (agents.size() < kParallelAgents)
      return copy_range<T>(w, c, agents, 0, agents.size(), out.data());
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, agents.size(), 4096),
                      [&](const tbb::blocked_range<std::size_t>& r) {
                        copy_range<T>(w, c, agents, r.begin(), r.end(), out.data());
                      });
  });
}

/// Several columns at once, in parallel (one task per column), into `out` (whose buffers are
/// reused: a snapshot's columns have the same sizes at every tick).
struct ColumnJob {
  const NumberColumn* column;
  const std::vector<std::uint64_t>* agents;
};
void columns_bytes(const World& w, const std::vector<ColumnJob>& jobs,
                   std::vector<std::vector<unsigned char>>& out) {
  out.resize(jobs.size());
  tbb::parallel_for(std::size_t{0}, jobs.size(), [&](std::size_t j) {
    column_bytes(w, *jobs[j].column, *jobs[j].agents, out[j]);
  });
}
}  // namespace

StartRecord SnapshotTaker::start(const World& w) const {
  StartRecord s;
  s.seed = w.config.simulation.seed;
  s.run = w.config.simulation.run;
  s.config_yaml = resolved_yaml(w.config);
  s.event_actors = w.event_actors;
  // Vertex i of the elite network is political actor i, listed first in event_actors.
  for (std::size_t v = 0; v < w.elite.vertex_count(); ++v)
    s.vertex_names.push_back(v < w.event_actors.size() ? w.event_actors[v] : std::to_string(v));
  s.edge_count = w.elite.edge_count();
  for (const TablePlan& p : plan_.tables()) {
    StartRecord::TableStatic t;
    for (const TextColumn& c : p.table.static_text) {
      std::vector<std::string> values;
      values.reserve(p.agents.size());
      for (auto a : p.agents) values.push_back(c.value(w, a));
      t.text.push_back(std::move(values));
    }
    std::vector<ColumnJob> jobs;
    for (const NumberColumn& c : p.table.static_number) jobs.push_back({&c, &p.agents});
    columns_bytes(w, jobs, t.numbers);
    s.tables.push_back(std::move(t));
  }
  return s;
}

void SnapshotTaker::copy_state(const World& w, TickSnapshot& s) const {
  s.indicators = w.indicators.values();
  std::vector<ColumnJob> jobs;
  for (const TablePlan& p : plan_.tables()) {
    if (plan_.params().agents)
      for (const NumberColumn& c : p.table.state) jobs.push_back({&c, &p.agents});
    for (const Series& a : p.table.aggregates) s.aggregates.push_back(a.value(w));
  }
  columns_bytes(w, jobs, s.columns);
}

void TickSnapshot::clear() {
  tick = 0;
  date.clear();
  state = network = flush = false;
  indicators = {};
  for (auto& c : columns) c.clear();  // keeps each column's buffer (columns_bytes resizes it)
  aggregates.clear();
  new_edges.clear();
  weights.clear();
  events.clear();
}

std::optional<TickSnapshot> SnapshotTaker::take(const World& w, bool final, TickSnapshot reuse) {
  TickSnapshot s = std::move(reuse);
  s.clear();
  s.tick = w.tick;
  s.state = w.tick != last_state_ && (final || plan_.records_state(w.tick));
  s.network =
      plan_.params().network && w.tick != last_network_ && (final || plan_.records_network(w.tick));
  s.flush = final || w.tick - last_flush_ >= plan_.params().flush_every;
  if (plan_.params().events && w.tick != last_events_) {
    s.events = w.events;
    last_events_ = w.tick;
  }
  if (plan_.params().network) {
    for (auto id = static_cast<std::uint32_t>(edges_seen_); id < w.elite.edge_count(); ++id) {
      const auto e = w.elite.edge(id);
      s.new_edges.push_back({static_cast<std::int32_t>(e.source),
                             static_cast<std::int32_t>(e.target), static_cast<std::uint8_t>(e.type),
                             w.tick});
    }
    edges_seen_ = w.elite.edge_count();
  }
  if (!s.state && !s.network && !s.flush && s.events.empty() && s.new_edges.empty())
    return std::nullopt;
  s.date = w.date.iso();
  if (s.state) {
    copy_state(w, s);
    last_state_ = w.tick;
  }
  if (s.network) {
    s.weights.resize(w.elite.edge_count());
    for (std::uint32_t id = 0; id < s.weights.size(); ++id) s.weights[id] = w.elite.edge(id).weight;
    last_network_ = w.tick;
  }
  if (s.flush) last_flush_ = w.tick;
  return s;
}

}  // namespace vecinos
