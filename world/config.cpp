#include "world/config.hpp"

#include <set>

#include <fmt/format.h>

namespace vecinos {
namespace {

void describe_config(schema::Record<Config>& cfg) {
  auto& sim = cfg.section("simulation", &Config::simulation, "time span, tick length and seed");
  sim.add("start", &SimulationParams::start, "first simulated day")
      .unit("date")
      .range(Date(1900, 1, 1), Date(2200, 1, 1));
  sim.add("end", &SimulationParams::end,
          "last simulated day (the run stops at the first tick on or after it)")
      .unit("date")
      .range(Date(1900, 1, 1), Date(2200, 1, 1));
  sim.add("days_per_tick", &SimulationParams::days_per_tick, "length of one tick")
      .unit("days")
      .range(1, 366);
  sim.add("seed", &SimulationParams::seed, "random seed: the first word of the Philox key");
  sim.add("run", &SimulationParams::run, "replicate number: the second word of the Philox key");

  auto& cal = cfg.section("calendar", &Config::calendar, "dates of scheduled events");
  cal.add("inauguration", &CalendarParams::inauguration,
          "U.S. inauguration; before it the president-elect can only threaten and talk")
      .unit("date")
      .required();
  cal.add("usmca_review", &CalendarParams::usmca_review, "USMCA joint review")
      .unit("date")
      .required();
  cal.add("us_midterms", &CalendarParams::us_midterms, "U.S. midterm elections")
      .unit("date")
      .required();
  cal.add("us_election", &CalendarParams::us_election, "U.S. presidential election")
      .unit("date")
      .required();
  cal.add("mx_midterms", &CalendarParams::mx_midterms, "Mexican federal midterm elections")
      .unit("date")
      .required();

  describe_political(cfg);
  describe_network(cfg);

  auto& rel = cfg.section("relationship", &Config::relationship,
                          "state of the bilateral relationship at the start");
  rel.add("leader_bond", &RelationshipParams::leader_bond,
          "personal bond between the two presidents")
      .unit("0..1")
      .range(0.0, 1.0);

  describe(cfg.section("policy", &Config::policy, "policy levels at the start"));
  describe(cfg.section("decisions", &Config::decisions, "the presidents' decision model"));
  describe(cfg.section("domestic", &Config::domestic, "approval, domestic pressure and elections"));
  describe(cfg.section("markets", &Config::markets,
                       "aggregate processes: trade, drugs, guns, the PRC, Cuba"));
  describe(cfg.section("cartels", &Config::cartels, "criminal organisations and their cells"));
  describe(cfg.section("firms", &Config::firms, "firms producing in Mexico"));
  describe(cfg.section("migrants", &Config::migrants,
                       "migrant populations, one agent per person or per `scale`"));
  describe(cfg.section("usmca", &Config::usmca,
                       "the USMCA joint review, settled by bargaining (model/bargain)"));
  describe(cfg.list("events", &Config::events, "dated actions forced by a scenario"));

  auto& rec = cfg.section("recording", &Config::recording,
                          "what the HDF5 history holds and how it is written");
  rec.add("every", &RecordingParams::every,
          "record every k-th tick (tick 0 and the last tick are always recorded)")
      .unit("ticks")
      .range(1, 10000);
  rec.add("agents", &RecordingParams::agents, "record per-agent state columns");
  rec.add("network", &RecordingParams::network, "record the network's weight history");
  rec.add("network_every", &RecordingParams::network_every,
          "ticks between snapshots of the network weights")
      .unit("ticks")
      .range(1, 10000);
  rec.add("events", &RecordingParams::events, "record the event log");
  rec.add("compression", &RecordingParams::compression,
          "compress datasets with the shuffle and deflate filters");
  rec.add("deflate_level", &RecordingParams::deflate_level, "deflate level when compression is on")
      .range(1, 9);
  rec.add("panel_size", &RecordingParams::panel_size,
          "individuals of each large population recorded in full (a random panel)")
      .unit("agents")
      .range(0, 100000000);
  rec.add("full_populations", &RecordingParams::full_populations,
          "record every individual of every population (large files)");
  rec.add("flush_every", &RecordingParams::flush_every,
          "ticks between flushes to disk, so a killed run's file reads up to the last flush")
      .unit("ticks")
      .range(1, 10000);
  rec.add("queue_ticks", &RecordingParams::queue_ticks,
          "tick snapshots buffered between the simulation and the writer thread")
      .unit("ticks")
      .range(1, 1024);
}

std::string ids_hint(const std::vector<std::string>& ids) {
  return fmt::format("known ids: {}", fmt::join(ids, ", "));
}

// Checks that involve more than one key.
void cross_check(Config& cfg, const schema::OriginTable& origins, Diagnostics& diags) {
  auto where = [&](const std::string& path) {
    auto it = origins.find(path);
    return it != origins.end() ? it->second : Origin{};
  };
  if (cfg.simulation.end <= cfg.simulation.start)
    diags.error(where("simulation.end"), "simulation.end",
                fmt::format("must be after simulation.start ({})", cfg.simulation.start.iso()));

  std::vector<std::string> all_ids, president_ids;
  std::set<std::string> seen;
  auto note_id = [&](const std::string& group, const std::string& id) {
    if (!seen.insert(id).second)
      diags.error(where(group + "." + id), group + "." + id,
                  "this id is already used by another actor; ids must be unique across "
                  "presidents, officials and legislatures");
    all_ids.push_back(id);
  };
  for (const auto& [id, p] : cfg.presidents) {
    note_id("presidents", id);
    president_ids.push_back(id);
  }
  for (const auto& [id, o] : cfg.officials) note_id("officials", id);
  for (const auto& [id, l] : cfg.legislatures) note_id("legislatures", id);
  for (const auto& [id, b] : cfg.lobbies) note_id("lobbies", id);

  auto check_salience = [&](const std::string& path, const IssueVector& s) {
    double sum = 0.0;
    for (double x : s) sum += x;
    if (std::abs(sum - 1.0) > 0.01) {
      diags.error(where(path), path,
                  fmt::format("the six salience weights must sum to 1 (they sum to {})",
                              schema::format_real(sum)));
    }
  };
  auto check_advises = [&](const std::string& path, const std::string& target) {
    if (seen.count(target) != 0 &&
        std::find(president_ids.begin(), president_ids.end(), target) != president_ids.end())
      return;
    std::string msg = fmt::format("'{}' is not a president id", target);
    if (auto s = closest_match(target, president_ids); !s.empty())
      msg += fmt::format("; did you mean '{}'?", s);
    diags.error(where(path), path, msg + " (" + ids_hint(president_ids) + ")");
  };

  for (auto& [id, p] : cfg.presidents) check_salience("presidents." + id + ".salience", p.salience);
  for (auto& [id, o] : cfg.officials) {
    check_salience("officials." + id + ".salience", o.salience);
    check_advises("officials." + id + ".advises", o.advises);
  }
  for (auto& [id, l] : cfg.legislatures) {
    check_salience("legislatures." + id + ".salience", l.salience);
    check_advises("legislatures." + id + ".advises", l.advises);
  }

  for (auto& [id, b] : cfg.lobbies) {
    check_salience("lobbies." + id + ".salience", b.salience);
    check_advises("lobbies." + id + ".lobbies", b.lobbies);
  }
  for (std::size_t i = 0; i < cfg.events.size(); ++i) {
    const std::string path = fmt::format("events[{}].actor", i);
    const auto& who = cfg.events[i].actor;
    if (std::find(president_ids.begin(), president_ids.end(), who) != president_ids.end()) continue;
    std::string msg =
        fmt::format("'{}' is not a president id; forced actions are taken by presidents", who);
    if (auto s = closest_match(who, president_ids); !s.empty())
      msg += fmt::format("; did you mean '{}'?", s);
    diags.error(where(path), path, msg + " (" + ids_hint(president_ids) + ")");
  }
  for (const auto& [id, o] : cfg.cartels.organizations) {
    const std::string path = "cartels.organizations." + id + ".regions";
    if (o.regions.empty())
      diags.error(where(path), path, "an organisation needs at least one region");
  }
  for (Country c : {Country::us, Country::mx}) {
    int n = 0;
    for (const auto& [id, p] : cfg.presidents) n += p.country == c ? 1 : 0;
    if (n != 1)
      diags.error(
          where("presidents"), "presidents",
          fmt::format("exactly one president with country {} is needed (found {})", name(c), n));
  }

  for (std::size_t i = 0; i < cfg.network.edges.size(); ++i) {
    const auto& e = cfg.network.edges[i];
    for (const auto* end : {&e.from, &e.to}) {
      const std::string path =
          fmt::format("network.edges[{}].{}", i, end == &e.from ? "from" : "to");
      if (seen.count(*end) != 0) continue;
      std::string msg = fmt::format("'{}' is not an actor id", *end);
      if (auto s = closest_match(*end, all_ids); !s.empty())
        msg += fmt::format("; did you mean '{}'?", s);
      diags.error(where(path), path, msg + " (" + ids_hint(all_ids) + ")");
    }
    if (e.from == e.to)
      diags.error(where(fmt::format("network.edges[{}]", i)), fmt::format("network.edges[{}]", i),
                  "an edge needs two different actors");
  }
}

LoadedConfig finish(MergedTree merged, Diagnostics& diags) {
  LoadedConfig out;
  out.files = std::move(merged.files);
  const auto& s = config_schema();
  s.reset(out.config);
  schema::LoadContext ctx{diags, out.origins};
  s.load(merged.tree, &out.config, "", ctx);
  if (diags.empty()) cross_check(out.config, out.origins, diags);
  diags.throw_if_any();
  return out;
}

}  // namespace

const schema::Record<Config>& config_schema() {
  static const auto kSchema = [] {
    auto s = std::make_unique<schema::Record<Config>>("vecinos run configuration");
    describe_config(*s);
    return s;
  }();
  return *kSchema;
}

LoadedConfig load_config(const std::filesystem::path& file, std::span<const Override> sets) {
  Diagnostics diags;
  return finish(load_merged_tree(file, sets, diags), diags);
}

LoadedConfig load_config_text(std::string_view text, const std::string& name,
                              std::span<const Override> sets,
                              const std::filesystem::path& base_dir) {
  Diagnostics diags;
  return finish(load_merged_text(text, name, sets, base_dir, diags), diags);
}

std::string resolved_yaml(const Config& cfg) {
  return to_yaml(config_schema().save(cfg));
}

}  // namespace vecinos
