#include "world/config.hpp"

#include <set>

#include "model/calendar.hpp"
#include "world/calendar_events.hpp"

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
  rel.add("tension", &RelationshipParams::tension,
          "tension between the two governments at the start (what bilateral events move)")
      .unit("0..1")
      .range(0.001, 0.999);

  describe(cfg.section("policy", &Config::policy, "policy levels at the start"));
  describe(cfg.section("decisions", &Config::decisions, "the presidents' decision model"));
  describe(cfg.section("effects", &Config::effects,
                       "sizes and thresholds of the effects of actions and of the policy state's "
                       "own dynamics"));
  describe(cfg.section("status", &Config::status,
                       "weights that place the policy in force on each issue's 0..1 scale (the "
                       "status quo presidents compare their positions with)"));
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

// Forced events (`events:`): inside the simulation window, an action the actor's side can take,
// a magnitude the action accepts.
template <class Where>
void check_forced_events(const Config& cfg, const std::vector<std::string>& president_ids,
                         Where&& where, Diagnostics& diags) {
  const Calendar calendar(cfg.simulation.start, cfg.simulation.end, cfg.simulation.days_per_tick);
  const Date first = calendar.date(0), last = calendar.date(calendar.steps());
  for (std::size_t i = 0; i < cfg.events.size(); ++i) {
    const ForcedEvent& f = cfg.events[i];
    const std::string at = fmt::format("events[{}]", i);
    const auto president = cfg.presidents.find(f.actor);
    if (president == cfg.presidents.end()) {
      std::string msg = fmt::format(
          "'{}' is not a president id; forced actions are taken by presidents", f.actor);
      if (auto s = closest_match(f.actor, president_ids); !s.empty())
        msg += fmt::format("; did you mean '{}'?", s);
      diags.error(where(at + ".actor"), at + ".actor", msg + " (" + ids_hint(president_ids) + ")");
      continue;
    }
    if (f.date < first || f.date >= last)
      diags.error(where(at + ".date"), at + ".date",
                  fmt::format("{} is outside the simulation window ({} .. {}, the day before the "
                              "last tick's date)",
                              f.date.iso(), first.iso(), (last + (-1)).iso()));
    const ActionInfo& a = info(f.action);
    const auto side = side_of(president->second.country);
    if (a.sides == kNobody) {
      diags.error(where(at + ".action"), at + ".action",
                  fmt::format("{} is a consequence, not an act: {}", a.name, a.meaning));
    } else if (side && !side_may_take(f.action, *side)) {
      diags.error(where(at + ".action"), at + ".action",
                  fmt::format("the {} side cannot take {} ({})", name(president->second.country),
                              a.name, a.meaning));
    }
    if (a.max_magnitude <= 0 && f.magnitude != 0) {
      diags.error(where(at + ".magnitude"), at + ".magnitude",
                  fmt::format("{} takes no magnitude (leave it out or 0)", a.name));
    } else if (f.magnitude > a.max_magnitude) {
      std::string hint = a.unit == "fraction"
                             ? fmt::format(" (rates are fractions: 0.25 is 25%, so {} means {}%)",
                                           schema::format_real(f.magnitude),
                                           schema::format_real(100 * f.magnitude))
                             : std::string();
      diags.error(
          where(at + ".magnitude"), at + ".magnitude",
          fmt::format("{} is out of range for {}: 0 .. {} {}{}", schema::format_real(f.magnitude),
                      a.name, schema::format_real(a.max_magnitude), a.unit, hint));
    }
  }
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
  check_forced_events(cfg, president_ids, where, diags);
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
  // Only the two sides act; a third country takes part in the USMCA review as `usmca.canada`.
  auto no_third_country = [&](const std::string& group, const std::string& id, Country c) {
    if (side_of(c)) return;
    const std::string path = group + "." + id + ".country";
    diags.error(where(path), path,
                fmt::format("actors of country {} would never act: only U.S. and Mexican actors "
                            "take part in the model's decisions (Canada bargains in the USMCA "
                            "review as usmca.canada)",
                            name(c)));
  };
  for (const auto& [id, p] : cfg.presidents) no_third_country("presidents", id, p.country);
  for (const auto& [id, o] : cfg.officials) no_third_country("officials", id, o.country);
  for (const auto& [id, l] : cfg.legislatures) no_third_country("legislatures", id, l.country);
  for (const auto& [id, b] : cfg.lobbies) no_third_country("lobbies", id, b.country);

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

// A calendar date before the start is in the past of the run: the start state already holds
// its outcome (an inauguration before the start: the president is in office from tick 0), and
// the event itself does not happen. Historical starts rely on this (configs starting after
// the inauguration); it is a note, not an error, so that nobody mistakes it for a scheduled
// event.
std::vector<Diagnostic> past_calendar_notes(const Config& cfg, const schema::OriginTable& origins) {
  std::vector<Diagnostic> out;
  for (std::size_t e = 0; e < kCalendarEventCount; ++e) {
    const auto event = static_cast<CalendarEvent>(e);
    const Date d = date_of(cfg.calendar, event);
    if (d >= cfg.simulation.start) continue;
    const std::string path = fmt::format("calendar.{}", name(event));
    const auto it = origins.find(path);
    std::string what = event == CalendarEvent::inauguration
                           ? "the president is in office from the start"
                           : "it does not happen in this run";
    out.push_back({it != origins.end() ? it->second : Origin{}, path,
                   fmt::format("{} is before simulation.start ({}): treated as past; {}", d.iso(),
                               cfg.simulation.start.iso(), what)});
  }
  return out;
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
  out.notes = past_calendar_notes(out.config, out.origins);
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

std::string notes_text(const LoadedConfig& c) {
  std::string out;
  for (const auto& n : c.notes) out += "note: " + n.str() + "\n";
  return out;
}

std::string resolved_yaml(const Config& cfg) {
  return to_yaml(config_schema().save(cfg));
}

}  // namespace vecinos
