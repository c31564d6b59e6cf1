#include "output/recording_plan.hpp"

#include <algorithm>
#include <unordered_set>

#include "model/rng.hpp"
#include "world/streams.hpp"
#include "world/world.hpp"

namespace vecinos {

namespace {
/// The panel's own random stream (world/streams.hpp): its draws never feed the simulation.
constexpr StreamId kPanelStream = streams::kRecordingPanel;

std::size_t selected(int last_tick, int every) {
  if (last_tick <= 0) return 1;
  // ticks 0, every, 2*every, ... <= last_tick, plus last_tick when it is not a multiple
  const auto n = static_cast<std::size_t>(last_tick / every) + 1;
  return last_tick % every == 0 ? n : n + 1;
}
}  // namespace

RecordingPlan::RecordingPlan(const RecordingParams& params, int last_tick,
                             std::vector<TablePlan> tables)
    : params_(params), last_tick_(last_tick), tables_(std::move(tables)) {
  params_.every = std::max(params_.every, 1);
  params_.network_every = std::max(params_.network_every, 1);
  params_.flush_every = std::max(params_.flush_every, 1);
  params_.queue_ticks = std::max(params_.queue_ticks, 1);
}

bool RecordingPlan::records_state(int tick) const {
  return tick % params_.every == 0 || tick == last_tick_;
}

bool RecordingPlan::records_network(int tick) const {
  return params_.network && (tick % params_.network_every == 0 || tick == last_tick_);
}

std::size_t RecordingPlan::state_rows() const {
  return selected(last_tick_, params_.every);
}

std::size_t RecordingPlan::network_rows() const {
  return params_.network ? selected(last_tick_, params_.network_every) : 0;
}

std::size_t RecordingPlan::state_rows_per_flush() const {
  return static_cast<std::size_t>(std::max(1, params_.flush_every / params_.every));
}

std::size_t RecordingPlan::network_rows_per_flush() const {
  return static_cast<std::size_t>(std::max(1, params_.flush_every / params_.network_every));
}

std::uint64_t table_key(std::string_view kind) {
  std::uint64_t h = 0xcbf29ce484222325ULL;  // 64-bit FNV-1a
  for (const char c : kind) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::vector<std::uint64_t> choose_panel(std::size_t n, std::size_t k, std::uint64_t seed,
                                        std::uint64_t run, std::uint64_t table) {
  std::vector<std::uint64_t> out;
  if (k >= n) {
    out.resize(n);
    for (std::size_t i = 0; i < n; ++i) out[i] = i;
    return out;
  }
  // Floyd (Bentley & Floyd 1987): k draws, each member equally likely.
  Rng rng(seed, run, 0, table, kPanelStream);
  std::unordered_set<std::uint64_t> chosen;
  chosen.reserve(k * 2);
  for (std::uint64_t j = n - k; j < n; ++j) {
    const std::uint64_t t = rng.below(j + 1);
    chosen.insert(chosen.contains(t) ? j : t);
  }
  out.assign(chosen.begin(), chosen.end());
  std::sort(out.begin(), out.end());
  return out;
}

RecordingPlan make_plan(const World& world, std::vector<AgentTable> tables) {
  const RecordingParams& rec = world.config.recording;
  std::vector<TablePlan> plans;
  plans.reserve(tables.size());
  for (auto& table : tables) {
    TablePlan p;
    p.table = std::move(table);
    p.count = p.table.count(world);
    const bool everyone = !p.table.population || rec.full_populations;
    const std::size_t k =
        everyone ? p.count : static_cast<std::size_t>(std::max(rec.panel_size, 0));
    p.agents = choose_panel(p.count, k, world.config.simulation.seed, world.config.simulation.run,
                            table_key(p.table.kind));
    plans.push_back(std::move(p));
  }
  return {rec, world.calendar.steps(), std::move(plans)};
}

}  // namespace vecinos
