// The HDF5 writer driven tick by tick on a world, with synthetic agent tables (a population
// recorded as a panel, a small fully recorded table), events and a network edge added mid-run;
// the file is read back with the HDF5 C API.
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <thread>

#include "model/errors.hpp"
#include "output/hdf5_handle.hpp"
#include "output/hdf5_writer.hpp"
#include "output/history_file.hpp"
#include "output/history_info.hpp"
#include "tests/support/process.hpp"
#include "world/simulation.hpp"
#include "world/world.hpp"

using namespace vecinos;
using vecinos::test::TempDir;

namespace {

constexpr std::size_t kPeople = 5000;

/// Writer options for a test: the file, whether to overwrite, the thread count, the tables and
/// the shortest interval between flushes; the rest as by default.
Hdf5WriterOptions options(std::filesystem::path file, bool overwrite, int threads,
                          std::vector<AgentTable> tables,
                          std::chrono::milliseconds min_flush = std::chrono::milliseconds(500)) {
  Hdf5WriterOptions o;
  o.path = std::move(file);
  o.overwrite = overwrite;
  o.threads = threads;
  o.tables = std::move(tables);
  o.min_flush_interval = min_flush;
  return o;
}

Config small_config(int steps) {
  Config cfg = load_config(vecinos::test::source_path("configs/baseline.yaml")).config;
  cfg.simulation.end = cfg.simulation.start + steps * cfg.simulation.days_per_tick;
  cfg.recording.panel_size = 100;
  return cfg;
}

/// A population whose state is a known function of (tick, agent), and a small table.
std::vector<AgentTable> synthetic_tables() {
  AgentTable people;
  people.kind = "people";
  people.description = "a synthetic population";
  people.population = true;
  people.count = [](const World&) { return kPeople; };
  people.static_number = {{"birth", "year", "year of birth", DType::i32,
                           [](const World&, std::size_t i) { return 1950.0 + double(i % 50); }}};
  people.state = {
      {"wealth", "USD", "tick*1000 + agent", DType::f64,
       [](const World& w, std::size_t i) { return w.tick * 1000.0 + double(i); }},
      {"flag", "0/1", "odd agent at odd tick", DType::u8,
       [](const World& w, std::size_t i) { return double((std::size_t(w.tick) + i) % 2); }}};
  people.aggregates = {{"total_wealth", "USD", "sum over everyone", [](const World& w) {
                          return double(kPeople) * w.tick * 1000.0 +
                                 double(kPeople) * double(kPeople - 1) / 2;
                        }}};
  AgentTable things;
  things.kind = "things";
  things.description = "three things";
  things.count = [](const World&) { return std::size_t{3}; };
  things.static_text = {{"label", "a label", [](const World&, std::size_t i) {
                           return std::string(i == 1 ? "zwei, größer" : "x") + std::to_string(i);
                         }}};
  things.state = {{"level", "count", "agent + tick", DType::i64,
                   [](const World& w, std::size_t i) { return double(i) + w.tick; },
                   Ind::relationship_tension}};
  return {people, things};
}

h5::Handle open(const std::filesystem::path& p) {
  return {H5Fopen(p.c_str(), H5F_ACC_RDONLY, h5::kDefault), H5Fclose, "open " + p.string()};
}

template <class T>
std::vector<T> read(hid_t f, const std::string& path, hid_t mem_type) {
  const h5::Handle ds(H5Dopen2(f, path.c_str(), h5::kDefault), H5Dclose, path);
  std::size_t n = 1;
  for (auto d : h5::dims(ds.id())) n *= d;
  std::vector<T> v(n);
  if (n > 0) h5::check(H5Dread(ds.id(), mem_type, H5S_ALL, H5S_ALL, h5::kDefault, v.data()), path);
  return v;
}

std::vector<std::string> read_strings(hid_t f, const std::string& path) {
  const h5::Handle ds(H5Dopen2(f, path.c_str(), h5::kDefault), H5Dclose, path);
  const h5::Handle type(H5Dget_type(ds.id()), H5Tclose, "type");
  const std::size_t width = H5Tget_size(type.id());
  const std::size_t n = h5::dims(ds.id()).at(0);
  std::vector<char> buf(n * width);
  if (n > 0)
    h5::check(H5Dread(ds.id(), type.id(), H5S_ALL, H5S_ALL, h5::kDefault, buf.data()), path);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < n; ++i) {
    std::string s(buf.data() + i * width, width);
    out.push_back(s.substr(0, std::strlen(s.c_str())));
  }
  return out;
}

std::vector<hsize_t> shape(hid_t f, const std::string& path) {
  const h5::Handle ds(H5Dopen2(f, path.c_str(), h5::kDefault), H5Dclose, path);
  return h5::dims(ds.id());
}

/// Drives a writer by hand: ticks 1..steps, two events at tick 2, an edge added at tick 4.
void drive(Hdf5Writer& writer, World& w, int steps) {
  writer.on_start(w);
  for (int t = 1; t <= steps; ++t) {
    w.tick = t;
    w.date = w.calendar.date(t);
    w.events.clear();
    if (t == 2) {
      w.events.push_back({t, w.date, 0, Action::insult, 1, 0.5, -2.0});
      w.events.push_back({t, w.date, 1, Action::conciliate, 0, 1.0, 3.4});
    }
    if (t == 4) w.elite.add_edge(0, 1, EdgeType::coercion, 0.7);
    writer.on_tick(w);
  }
  writer.on_finish(w, RunStatus::complete);
}

}  // namespace

TEST_CASE("the writer records time, panels, full tables, events and a growing network") {
  TempDir dir("hdf5-writer");
  const int steps = 9;
  Config cfg = small_config(steps);
  cfg.recording.network_every = 2;
  cfg.recording.flush_every = 2;
  cfg.recording.queue_ticks = 1;  // the simulation waits for the writer at every tick
  World w = build_world(cfg);
  const std::size_t edges0 = w.elite.edge_count();
  const auto file = dir / "h.h5";
  {
    Hdf5Writer writer(options(file, false, 3, synthetic_tables(), std::chrono::milliseconds(0)));
    drive(writer, w, steps);  // flushes every 2 ticks
  }
  CHECK(std::filesystem::exists(file));
  CHECK_FALSE(std::filesystem::exists(partial_path_of(file)));
  const h5::Handle f = open(file);
  const hid_t id = f.id();
  CHECK(h5::string_attribute(id, "status") == "complete");
  CHECK(h5::int_attribute(id, "threads") == 3);
  CHECK(h5::int_attribute(id, "schema_version") == vecinos::kSchemaVersion);
  CHECK(h5::int_attribute(id, "last_tick") == steps);

  const auto ticks = read<std::int32_t>(id, "time/tick", H5T_NATIVE_INT32);
  REQUIRE(ticks.size() == steps + 1);
  for (int t = 0; t <= steps; ++t) CHECK(ticks[std::size_t(t)] == t);
  CHECK(read_strings(id, "time/date").back() == w.calendar.date(steps).iso());

  // /indicators/time: the dates as days since 1970-01-01, a dimension scale of every indicator
  const auto days = read<std::int32_t>(id, "indicators/time", H5T_NATIVE_INT32);
  REQUIRE(days.size() == steps + 1);
  for (int t = 0; t <= steps; ++t)
    CHECK(days[std::size_t(t)] == w.calendar.date(t).days_since_epoch());
  {
    const h5::Handle scale(H5Dopen2(id, "indicators/time", h5::kDefault), H5Dclose, "time");
    CHECK(h5::string_attribute(scale.id(), "CLASS") == "DIMENSION_SCALE");
    CHECK(h5::string_attribute(scale.id(), "units") == "days since 1970-01-01");
    const h5::Handle ind(H5Dopen2(id, "indicators/trade_us_mx_usd", h5::kDefault), H5Dclose, "i");
    CHECK(H5Aexists(ind.id(), "DIMENSION_LIST") > 0);
  }

  // the population: a panel of 100, its state a known function of (tick, agent)
  const auto panel = read<std::int64_t>(id, "agents/people/agent_index", H5T_NATIVE_INT64);
  REQUIRE(panel.size() == 100);
  CHECK(std::is_sorted(panel.begin(), panel.end()));
  CHECK(shape(id, "agents/people/state/wealth") == std::vector<hsize_t>{steps + 1, 100});
  const auto wealth = read<double>(id, "agents/people/state/wealth", H5T_NATIVE_DOUBLE);
  bool all_equal = true;
  for (std::size_t t = 0; t <= steps; ++t)
    for (std::size_t a = 0; a < 100; ++a)
      all_equal &= wealth[t * 100 + a] == double(t) * 1000.0 + double(panel[a]);
  CHECK(all_equal);
  const auto flag = read<std::uint8_t>(id, "agents/people/state/flag", H5T_NATIVE_UINT8);
  CHECK(flag[1 * 100 + 0] == std::uint8_t((1 + panel[0]) % 2));
  const auto birth = read<std::int32_t>(id, "agents/people/static/birth", H5T_NATIVE_INT32);
  CHECK(birth[5] == 1950 + panel[5] % 50);
  const auto total = read<double>(id, "agents/people/aggregates/total_wealth", H5T_NATIVE_DOUBLE);
  CHECK(total.size() == steps + 1);
  CHECK(total[3] == 5000.0 * 3000.0 + 5000.0 * 4999.0 / 2);

  // the small table: every agent, integer state, UTF-8 labels, its sums_to attribute
  CHECK(read<std::int64_t>(id, "agents/things/agent_index", H5T_NATIVE_INT64) ==
        std::vector<std::int64_t>{0, 1, 2});
  CHECK(read_strings(id, "agents/things/static/label")[1] == "zwei, größer1");
  const auto level = read<std::int64_t>(id, "agents/things/state/level", H5T_NATIVE_INT64);
  CHECK(level[4 * 3 + 2] == 6);
  {
    const h5::Handle ds(H5Dopen2(id, "agents/things/state/level", h5::kDefault), H5Dclose, "l");
    CHECK(h5::string_attribute(ds.id(), "sums_to") == "relationship_tension");
  }

  // events: two rows with codes into the names tables
  const auto actors = read<std::int32_t>(id, "events/actor", H5T_NATIVE_INT32);
  REQUIRE(actors.size() == 2);
  CHECK(actors == std::vector<std::int32_t>{0, 1});
  CHECK(read<std::int32_t>(id, "events/action", H5T_NATIVE_INT32)[0] == int(Action::insult));
  CHECK(read<double>(id, "events/goldstein", H5T_NATIVE_DOUBLE)[1] == 3.4);
  CHECK(read_strings(id, "events/date")[0] == w.calendar.date(2).iso());
  CHECK(read_strings(id, "events/actor_names") == w.event_actors);
  CHECK(read_strings(id, "events/action_names")[std::size_t(Action::conciliate)] == "conciliate");

  // network: snapshots at 0 2 4 6 8 9; the edge added at tick 4 is NaN before
  CHECK(read<std::int32_t>(id, "network/tick", H5T_NATIVE_INT32) ==
        std::vector<std::int32_t>{0, 2, 4, 6, 8, 9});
  const auto created = read<std::int32_t>(id, "network/created_tick", H5T_NATIVE_INT32);
  REQUIRE(created.size() == edges0 + 1);
  CHECK(created.back() == 4);
  CHECK(read<std::uint8_t>(id, "network/type", H5T_NATIVE_UINT8).back() ==
        std::uint8_t(EdgeType::coercion));
  const auto weight = read<double>(id, "network/weight", H5T_NATIVE_DOUBLE);
  const std::size_t e = edges0 + 1;
  REQUIRE(weight.size() == 6 * e);
  CHECK(std::isnan(weight[1 * e + edges0]));
  CHECK(weight[2 * e + edges0] == 0.7);
  CHECK(weight[0] == w.elite.edge(0).weight);

  // the config text is the resolved config
  const h5::Handle cds(H5Dopen2(id, "config", h5::kDefault), H5Dclose, "config");
  const h5::Handle vt = h5::vlen_string_type();
  char* text = nullptr;
  h5::check(H5Dread(cds.id(), vt.id(), H5S_ALL, H5S_ALL, h5::kDefault, &text), "config");
  CHECK(std::string(text) == resolved_yaml(cfg));
  H5free_memory(text);

  // and inspect's reader agrees
  const HistoryInfo info = read_history_info(file);
  CHECK(info.status == "complete");
  CHECK(info.ticks == steps + 1);
  CHECK(info.events == 2);
  CHECK(info.edges == edges0 + 1);
  REQUIRE(info.tables.size() == 2);
  CHECK(info.tables[0].recorded == "panel");
  CHECK(info.tables[0].count == 5000);
}

TEST_CASE("recording options leave out agent state, network and events") {
  TempDir dir("hdf5-options");
  Config cfg = small_config(4);
  cfg.recording.agents = false;
  cfg.recording.network = false;
  cfg.recording.events = false;
  cfg.recording.every = 3;
  cfg.recording.compression = true;
  World w = build_world(cfg);
  const auto file = dir / "o.h5";
  {
    Hdf5Writer writer(options(file, false, 1, synthetic_tables()));
    drive(writer, w, 4);
  }
  const h5::Handle f = open(file);
  CHECK(read<std::int32_t>(f.id(), "time/tick", H5T_NATIVE_INT32) ==
        std::vector<std::int32_t>{0, 3, 4});
  CHECK(H5Lexists(f.id(), "network", h5::kDefault) == 0);
  CHECK(H5Lexists(f.id(), "events", h5::kDefault) == 0);
  CHECK(H5Lexists(f.id(), "agents/people/state", h5::kDefault) == 0);
  CHECK(read<double>(f.id(), "agents/people/aggregates/total_wealth", H5T_NATIVE_DOUBLE).size() ==
        3);
  const h5::Handle ds(H5Dopen2(f.id(), "indicators/relationship_tension", h5::kDefault), H5Dclose,
                      "ind");
  const h5::Handle dcpl(H5Dget_create_plist(ds.id()), H5Pclose, "dcpl");
  CHECK(H5Pget_nfilters(dcpl.id()) == 3);  // shuffle + deflate + the Fletcher32 checksum
  unsigned flags = 0;
  std::size_t n = 0;
  unsigned values[4];
  char name[32];
  CHECK(H5Pget_filter2(dcpl.id(), 2, &flags, &n, values, sizeof name, name, nullptr) ==
        H5Z_FILTER_FLETCHER32);
}

TEST_CASE("the writer refuses to overwrite a history unless told to") {
  TempDir dir("hdf5-overwrite");
  const auto file = dir.write("done.h5", "old");
  CHECK_THROWS_AS(Hdf5Writer(options(file, false, 1, {})), InputError);
  CHECK_NOTHROW(Hdf5Writer(options(file, true, 1, {})));
  CHECK_THROWS_AS(Hdf5Writer(options(dir / "done.h5" / "x.h5", false, 1, {})), InputError);
}

namespace {
struct FailAt final : WorldObserver {
  void on_tick(const World& w) override {
    if (w.tick == 3) throw RuntimeError("injected failure");
  }
};
}  // namespace

TEST_CASE("a run that fails keeps FILE.partial with status failed") {
  TempDir dir("hdf5-failed");
  Simulation sim(small_config(8));
  const auto file = dir / "f.h5";
  Hdf5Writer writer(options(file, false, 1, {}));
  FailAt fail;
  sim.add_observer(writer);
  sim.add_observer(fail);
  CHECK_THROWS_AS(sim.run({1, nullptr}), RuntimeError);
  CHECK_FALSE(std::filesystem::exists(file));
  const HistoryInfo info = read_history_info(partial_path_of(file));
  CHECK(info.status == "failed");
  CHECK(info.final_tick == 3);  // the ticks recorded before the failure
}

TEST_CASE("a run stopped between ticks records its last tick and is incomplete") {
  TempDir dir("hdf5-stopped");
  Config cfg = small_config(8);
  cfg.recording.every = 5;
  Simulation sim(cfg);
  const auto file = dir / "s.h5";
  Hdf5Writer writer(options(file, false, 1, {}));
  struct StopAt final : WorldObserver {
    std::atomic<int>* flag;
    void on_tick(const World& w) override {
      if (w.tick == 3) flag->store(15);
    }
  } stop;
  std::atomic<int> flag{0};
  stop.flag = &flag;
  sim.add_observer(stop);
  sim.add_observer(writer);
  CHECK_THROWS_AS(sim.run({1, &flag}), Interrupted);
  const h5::Handle f = open(partial_path_of(file));
  CHECK(h5::string_attribute(f.id(), "status") == "incomplete");
  CHECK(read<std::int32_t>(f.id(), "time/tick", H5T_NATIVE_INT32) ==
        std::vector<std::int32_t>{0, 3});
}

TEST_CASE("a history whose .partial is a directory is refused as bad input") {
  TempDir dir("hdf5-uncreatable");
  const auto file = dir / "u.h5";
  std::filesystem::create_directories(partial_path_of(file));  // FILE.partial is a directory
  const std::string expected = partial_path_of(file).string() + ": is a directory";
  CHECK_THROWS_WITH_AS(Hdf5Writer(options(file, false, 1, {})), doctest::Contains(expected.c_str()),
                       InputError);
  CHECK_FALSE(std::filesystem::exists(file));
}

TEST_CASE("a run shorter than the flush interval goes from FILE.creating to FILE complete") {
  TempDir dir("hdf5-unpublished");
  const auto file = dir / "short.h5";
  // An older FILE.partial (a stopped run) is replaced by the complete history.
  dir.write("short.h5.partial", "an older partial history");
  Simulation sim(small_config(8));
  Hdf5Writer writer(options(file, false, 1, {}, std::chrono::hours(1)));  // never flushes
  struct Watch final : WorldObserver {
    std::filesystem::path partial, creating;
    bool partial_seen = false, creating_seen = true;
    void on_tick(const World&) override {
      // The old .partial is still there (ours is never published while the run lasts).
      std::error_code ec;
      creating_seen = creating_seen && std::filesystem::exists(creating, ec);
      partial_seen = partial_seen || std::filesystem::file_size(partial, ec) !=
                                         std::string_view("an older partial history").size();
    }
  } watch;
  watch.partial = partial_path_of(file);
  watch.creating = creating_path_of(file);
  sim.add_observer(writer);
  sim.add_observer(watch);
  CHECK(sim.run({1, nullptr}) == RunStatus::complete);
  CHECK(watch.creating_seen);
  CHECK_FALSE(watch.partial_seen);
  CHECK_FALSE(std::filesystem::exists(partial_path_of(file)));
  CHECK_FALSE(std::filesystem::exists(creating_path_of(file)));
  const HistoryInfo info = read_history_info(file);
  CHECK(info.status == "complete");
  CHECK_FALSE(info.swmr_open);
  CHECK(info.end_time != "");
  CHECK(info.final_tick == 8);
}

TEST_CASE("a run that flushes is published as FILE.partial in SWMR mode while it runs") {
  TempDir dir("hdf5-published");
  const auto file = dir / "long.h5";
  Simulation sim(small_config(8));
  Hdf5Writer writer(options(file, false, 1, {}, std::chrono::milliseconds(0)));
  struct Watch final : WorldObserver {
    std::filesystem::path partial;
    bool partial_seen = false;
    void on_tick(const World&) override {
      // Slow ticks: the writer thread creates and publishes the file meanwhile.
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
      std::error_code ec;
      partial_seen = partial_seen || std::filesystem::exists(partial, ec);
    }
  } watch;
  watch.partial = partial_path_of(file);
  sim.add_observer(writer);
  sim.add_observer(watch);
  CHECK(sim.run({1, nullptr}) == RunStatus::complete);
  CHECK(watch.partial_seen);
  CHECK(read_history_info(file).status == "complete");
}
