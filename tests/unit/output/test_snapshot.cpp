#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "output/hdf5_handle.hpp"
#include "output/recording_plan.hpp"
#include "output/snapshot.hpp"
#include "tests/support/process.hpp"
#include "world/config.hpp"
#include "world/recording.hpp"
#include "world/simulation.hpp"

using namespace vecinos;

namespace {

Config snapshot_config() {
  Config cfg = load_config(vecinos::test::source_path("configs/baseline.yaml")).config;
  cfg.simulation.end = cfg.simulation.start + 12 * cfg.simulation.days_per_tick;
  cfg.recording.panel_size = 300;
  return cfg;
}

}  // namespace

TEST_CASE("a column's bulk values are its per-agent values, for every recorded column") {
  Simulation sim(snapshot_config());
  for (int t = 0; t < 5; ++t) sim.step();
  const World& w = sim.world();
  const RecordingPlan plan = make_plan(w, agent_tables());
  std::size_t checked = 0;
  for (const TablePlan& p : plan.tables()) {
    REQUIRE_FALSE(p.agents.empty());
    for (const NumberColumn& c : p.table.state) {
      std::vector<double> bulk(p.agents.size(), -12345.0);
      c.value.fill(w, p.agents.data(), p.agents.size(), bulk.data());
      for (std::size_t k = 0; k < p.agents.size(); ++k) {
        const double one = c.value(w, static_cast<std::size_t>(p.agents[k]));
        // NaN-aware identity: the same bits either way.
        CHECK_MESSAGE((bulk[k] == one || (std::isnan(bulk[k]) && std::isnan(one))), p.table.kind,
                      "/", c.name, " agent ", p.agents[k]);
        ++checked;
      }
    }
  }
  CHECK(checked > 1000);
}

TEST_CASE("a snapshot built in a reused one holds the same values as a fresh one") {
  Simulation sim(snapshot_config());
  const RecordingPlan plan = make_plan(sim.world(), agent_tables());
  SnapshotTaker fresh_taker(plan), reuse_taker(plan);
  std::optional<TickSnapshot> spare;
  int compared = 0;
  for (int t = 0; t < 10; ++t) {
    sim.step();
    const World& w = sim.world();
    auto fresh = fresh_taker.take(w);
    auto reused = spare ? reuse_taker.take(w, false, std::move(*spare)) : reuse_taker.take(w);
    REQUIRE(fresh.has_value() == reused.has_value());
    if (!fresh) continue;
    CHECK(fresh->tick == reused->tick);
    CHECK(fresh->date == reused->date);
    CHECK(fresh->state == reused->state);
    CHECK(fresh->flush == reused->flush);
    CHECK(fresh->columns == reused->columns);
    CHECK(fresh->aggregates == reused->aggregates);
    CHECK(fresh->weights == reused->weights);
    CHECK(fresh->events.size() == reused->events.size());
    CHECK(fresh->new_edges.size() == reused->new_edges.size());
    CHECK(std::equal(fresh->indicators.begin(), fresh->indicators.end(), reused->indicators.begin(),
                     reused->indicators.end(), [](double a, double b) {
                       return a == b || (std::isnan(a) && std::isnan(b));
                     }));
    if (fresh->state) ++compared;
    spare = std::move(reused);  // the next tick is built in this one's buffers
  }
  CHECK(compared >= 9);
}

TEST_CASE("integer storage rounds half to even, saturates and maps NaN to 0") {
  CHECK(h5::to_storage<std::uint8_t>(7.0) == 7);
  CHECK(h5::to_storage<std::uint8_t>(2.5) == 2);
  CHECK(h5::to_storage<std::uint8_t>(3.5) == 4);
  CHECK(h5::to_storage<std::uint8_t>(2.4) == 2);
  CHECK(h5::to_storage<std::uint8_t>(-1.0) == 0);
  CHECK(h5::to_storage<std::uint8_t>(255.0) == 255);
  CHECK(h5::to_storage<std::uint8_t>(300.0) == 255);
  CHECK(h5::to_storage<std::uint8_t>(std::nan("")) == 0);
  CHECK(h5::to_storage<std::int32_t>(-3.5) == -4);
  CHECK(h5::to_storage<std::int32_t>(-2.0) == -2);
  CHECK(h5::to_storage<std::int32_t>(1e12) == std::numeric_limits<std::int32_t>::max());
  CHECK(h5::to_storage<std::int64_t>(-1e300) == std::numeric_limits<std::int64_t>::min());
  CHECK(h5::to_storage<std::int64_t>(12345678901.0) == 12345678901);
}
