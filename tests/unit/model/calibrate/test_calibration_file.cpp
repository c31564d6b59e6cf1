// Unit tests of calibration files (model/calibrate/calibration.hpp): loading, errors at
// file:line:column with "did you mean", parameters checked against each episode's config, the
// distance, and the generation sweep a calibration hands to the sweep engine. Also the outcome
// windows (from, to, at) that targets use (model/sweep/outcome.hpp).
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "model/calibrate/calibration.hpp"
#include "model/schema_values.hpp"
#include "model/sweep/outcome.hpp"
#include "model/sweep/tasks.hpp"
#include "world/model_info.hpp"

using namespace vecinos;
using namespace vecinos::calibrate;

namespace {

const std::filesystem::path kCalConfigs = VECINOS_SOURCE_DIR "/configs";

Calibration cal_load(const std::string& text) {
  return load_calibration_text(text, "cal.yaml", kCalConfigs, model_info());
}

std::vector<Diagnostic> cal_errors(const std::string& text) {
  try {
    (void)cal_load(text);
    return {};
  } catch (const ConfigError& e) {
    return e.diagnostics();
  }
}

std::string cal_all(const std::vector<Diagnostic>& d) {
  std::string s;
  for (const auto& x : d) s += x.str() + "\n";
  return s;
}

bool cal_has(const std::vector<Diagnostic>& d, const std::string& key, int line, int column,
             const std::string& fragment) {
  for (const auto& x : d)
    if (x.key == key && x.where.line == line && x.where.column == column &&
        x.where.file == "cal.yaml" && x.message.find(fragment) != std::string::npos)
      return true;
  return false;
}

// Lines 1-12; targets follow from line 13.
const std::string kCalHead =
    "output: ../runs/test-calibration\n"
    "seed: 3\n"
    "particles: 40\n"
    "alpha: 0.5\n"
    "min_acceptance: 0.1\n"
    "max_generations: 3\n"
    "episodes:\n"
    "  short: {base: baseline.yaml, set: {simulation.end: 2025-06-01}}\n"
    "parameters:\n"
    "  decisions.temperature: {prior: log_uniform, min: 0.2, max: 2}\n"
    "  presidents.mx.forbearance: {prior: truncated_normal, mean: 0.7, sd: 0.1, min: 0, max: 1}\n"
    "targets:\n";

const std::string kCalTargets =
    "  - {indicator: relationship_tension, stat: mean, from: 2025-02-01, to: 2025-05-31, "
    "observed: 0.4, scale: 0.1, source: assumed for the test}\n"
    "  - {indicator: border_encounters, at: 2025-04-30, stat: final, observed: 60000, scale: "
    "20000, weight: 2}\n"
    "  - {event: impose_tariff, actor: us, stat: when, observed: 2025-03-04, scale: 30, missing: "
    "300}\n";

}  // namespace

TEST_SUITE("calibration files") {
  TEST_CASE("a calibration file loads: settings, priors, episodes with their period, targets") {
    const Calibration c = cal_load(kCalHead + kCalTargets);
    CHECK(c.seed == 3);
    CHECK(c.settings.particles == 40);
    CHECK(c.settings.kept() == 20);
    CHECK(c.settings.max_generations == 3);
    REQUIRE(c.parameters.size() == 2);
    CHECK(c.parameters[0].path == "decisions.temperature");
    CHECK(c.settings.priors[0].describe() == "log_uniform(0.2, 2)");
    CHECK(c.settings.priors[1].kind() == PriorKind::truncated_normal);
    REQUIRE(c.episodes.size() == 1);
    CHECK(c.episodes[0].start == Date(2024, 11, 6));
    CHECK(c.episodes[0].end == Date(2025, 6, 1));
    REQUIRE(c.targets.size() == 3);
    CHECK(c.targets[0].name == "relationship_tension.mean.2025-02-01..2025-05-31");
    CHECK(c.targets[0].source == "assumed for the test");
    CHECK(c.targets[1].name == "border_encounters.final...2025-04-30");
    CHECK(c.targets[1].weight == 2.0);
    // An observed date of a `when` target becomes days from the episode's start.
    CHECK(c.targets[2].observed == doctest::Approx(Date(2025, 3, 4) - Date(2024, 11, 6)));
    CHECK(c.targets[2].missing == 300.0);
    CHECK(c.output == (kCalConfigs / "../runs/test-calibration").lexically_normal());
  }

  TEST_CASE("the distance: weighted root mean square of scaled differences, missing for NaN") {
    const Calibration c = cal_load(kCalHead + kCalTargets);
    const double nan = std::numeric_limits<double>::quiet_NaN();
    // z = (0.5 - 0.4) / 0.1 = 1, (100000 - 60000) / 20000 = 2 (weight 2), (118 - 118) / 30 = 0
    const double when = c.targets[2].observed;
    CHECK(distance(c, std::vector<double>{0.5, 100000, when}) ==
          doctest::Approx(std::sqrt((1.0 + 2.0 * 4.0 + 0.0) / 4.0)));
    // The tariff never came: `missing` (300 days) stands in.
    const double z3 = (300.0 - when) / 30.0;
    CHECK(distance(c, std::vector<double>{0.4, 60000, nan}) ==
          doctest::Approx(std::sqrt(z3 * z3 / 4.0)));
    // Without `missing`, a NaN makes the particle fail.
    CHECK(std::isnan(distance(c, std::vector<double>{nan, 60000, when})));
  }

  TEST_CASE("bad calibration files: every problem, at its line and column, with did you mean") {
    const auto d = cal_errors(
        "output: out\n"
        "particles: 3\n"
        "alpah: 0.5\n"
        "episodes:\n"
        "  short: {base: baseline.yaml, sett: {}}\n"
        "parameters:\n"
        "  decisions.temperature: {prior: log_unifrom, min: 0.2, max: 2}\n"
        "  decisions.action_cost: {prior: uniform, min: 0.5, max: 0.1}\n"
        "targets:\n"
        "  - {episode: shrot, indicator: border_encounter, stat: mean, observed: 1, scale: 1}\n"
        "  - {indicator: leader_bond, stat: final, observed: 1}\n"
        "  - {indicator: leader_bond, stat: mean, at: 2025-01-01, observed: 1, scale: 1}\n");
    INFO(cal_all(d));
    CHECK(cal_has(d, "alpah", 3, 1, "did you mean 'alpha'?"));
    CHECK(cal_has(d, "particles", 2, 12, "keep 1"));
    CHECK(cal_has(d, "episodes.short.sett", 5, 32, "did you mean 'set'?"));
    CHECK(
        cal_has(d, "parameters.decisions.temperature.prior", 7, 34, "did you mean 'log_uniform'?"));
    CHECK(cal_has(d, "parameters.decisions.action_cost", 8, 26, "must be below"));
    CHECK(cal_has(d, "targets[0].episode", 10, 15, "did you mean 'short'?"));
    CHECK(cal_has(d, "targets[0].indicator", 10, 33, "did you mean 'border_encounters'?"));
    CHECK(cal_has(d, "targets[1].scale", 11, 5, "missing 'scale'"));
    CHECK(cal_has(d, "targets[2].at", 12, 46, "the stat is final"));
  }

  TEST_CASE("parameters are checked against each episode's config, with the schema's message") {
    const auto d = cal_errors(
        "output: out\n"
        "episodes:\n"
        "  short: {base: baseline.yaml}\n"
        "parameters:\n"
        "  decisions.temperatur: {prior: uniform, min: 0.2, max: 2}\n"
        "  presidents.mx.forbearance: {prior: uniform, min: 0.5, max: 3}\n"
        "targets:\n"
        "  - {indicator: leader_bond, stat: final, observed: 1, scale: 1}\n");
    INFO(cal_all(d));
    CHECK(cal_has(d, "decisions.temperatur", 5, 3, "did you mean 'temperature'"));
    bool range = false;
    for (const auto& x : d)
      range = range || (x.key == "presidents.mx.forbearance" && x.where.line == 6 &&
                        x.message.find("3") != std::string::npos);
    CHECK(range);
    // A window outside the episode's period, and an episode no target uses.
    const auto w = cal_errors(
        "output: out\n"
        "episodes:\n"
        "  short: {base: baseline.yaml, set: {simulation.end: 2025-06-01}}\n"
        "  unused: {base: baseline.yaml}\n"
        "parameters:\n"
        "  decisions.temperature: {prior: uniform, min: 0.2, max: 2}\n"
        "targets:\n"
        "  - {episode: short, indicator: leader_bond, stat: mean, from: 2019-01-01, to: "
        "2019-06-30, observed: 1, scale: 1}\n");
    INFO(cal_all(w));
    CHECK(cal_has(w, "targets[0]", 8, 5, "lies outside episode short's period"));
  }

  TEST_CASE("key@episode: a value of its own per episode, checked against that episode only") {
    const std::string text =
        "output: out\n"
        "episodes:\n"
        "  a: {base: baseline.yaml, set: {simulation.end: 2025-06-01}}\n"
        "  b: {base: baseline.yaml, set: {simulation.end: 2025-09-01}}\n"
        "parameters:\n"
        "  decisions.temperature: {prior: uniform, min: 0.2, max: 2}\n"
        "  migrants.attempt_transit@a: {prior: uniform, min: 1, max: 3}\n"
        "  migrants.attempt_transit@b: {prior: uniform, min: 2, max: 6}\n"
        "targets:\n"
        "  - {episode: a, indicator: leader_bond, stat: final, observed: 0.5, scale: 0.1}\n"
        "  - {episode: b, event: impose_tariff, stat: when, observed: 2025-03-01, scale: 30, "
        "missing: 2025-09-01}\n";
    const Calibration c = cal_load(text);
    REQUIRE(c.parameters.size() == 3);
    CHECK(c.parameters[1].name == "migrants.attempt_transit@a");
    CHECK(c.parameters[1].path == "migrants.attempt_transit");
    CHECK(c.parameters[1].applies_to(0));
    CHECK(!c.parameters[1].applies_to(1));
    CHECK(c.parameters[0].applies_to(1));
    // A `missing` date of a `when` target is days from its episode's start.
    CHECK(c.targets[1].missing == doctest::Approx(Date(2025, 9, 1) - Date(2024, 11, 6)));
    // Each episode's sweep varies the shared key and its own value of the other.
    const auto proposals = propose(c.settings, c.seed);
    const std::string ya = generation_sweep(c, 0, 0, proposals);
    const std::string yb = generation_sweep(c, 1, 0, proposals);
    CHECK(ya.find("decisions.temperature: [") != std::string::npos);
    CHECK(ya.find("migrants.attempt_transit: [" +
                  vecinos::schema::format_real(proposals[0].theta[1])) != std::string::npos);
    CHECK(yb.find("migrants.attempt_transit: [" +
                  vecinos::schema::format_real(proposals[0].theta[2])) != std::string::npos);
    // An unknown episode after '@', and a key given for all and for one episode.
    std::string bad = text;
    bad.replace(bad.find("attempt_transit@b"), 17, "attempt_transit@c");
    bad.insert(bad.find("targets:"),
               "  decisions.action_cost: {prior: uniform, min: 0, max: 2}\n"
               "  decisions.action_cost@a: {prior: uniform, min: 0, max: 2}\n");
    const auto d = cal_errors(bad);
    INFO(cal_all(d));
    CHECK(cal_has(d, "parameters.migrants.attempt_transit@c", 8, 3,
                  "'c' after '@' is not an episode of this file"));
    CHECK(cal_has(d, "parameters.decisions.action_cost@a", 10, 3, "is already a parameter"));
  }

  TEST_CASE("a generation is a list sweep: point i is proposal i, targets are its outcomes") {
    const Calibration c = cal_load(kCalHead + kCalTargets);
    const auto proposals = propose(c.settings, c.seed);
    REQUIRE(proposals.size() == 40);
    const std::string text = generation_sweep(c, 0, 0, proposals);
    const sweep::Sweep s = sweep::load_sweep_text(text, "gen.yaml", kCalConfigs, model_info());
    CHECK(s.design == sweep::Design::list);
    CHECK(s.points() == 40);
    CHECK(s.seed == generation_seed(c, 0));
    CHECK(s.output == generation_dir(c, 0, 0));
    REQUIRE(s.outcomes.size() == 3);
    CHECK(s.outcomes[0].column() == c.targets[0].name);
    const sweep::TaskList tasks(s);
    // The values are the proposals' own doubles (shortest round-trip text).
    for (std::size_t i : {std::size_t{0}, std::size_t{17}, std::size_t{39}}) {
      const auto v = tasks.values(i);
      CHECK(std::stod(v[0]) == proposals[i].theta[0]);
      CHECK(std::stod(v[1]) == proposals[i].theta[1]);
    }
    // Reduced recording unless the file says otherwise; different seeds per generation.
    CHECK(text.find("recording.agents: false") != std::string::npos);
    CHECK(generation_seed(c, 0) != generation_seed(c, 1));
  }
}

TEST_SUITE("sweep outcome windows") {
  TEST_CASE("from/to keep the ticks and events inside, when counts from the start") {
    using sweep::Outcome;
    using sweep::OutcomeKind;
    using sweep::Stat;
    const Date start(2025, 1, 1);
    const std::vector<double> x = {1, 2, 3, 4, 5};
    const std::vector<std::int32_t> days = {0, 7, 14, 21, 28};
    Outcome o;
    o.stat = Stat::mean;
    o.from = start + 7;
    o.to = start + 21;
    CHECK(sweep::summarize(o, x, days, {}, start) == doctest::Approx(3.0));
    o.stat = Stat::final;
    o.from.reset();
    o.to = start + 16;  // the value at a date: the last tick at or before it
    CHECK(sweep::summarize(o, x, days, {}, start) == 3.0);
    o.kind = OutcomeKind::threshold;
    o.relation = sweep::Relation::above;
    o.threshold = 1.5;
    o.stat = Stat::when;
    o.from = start + 10;
    o.to.reset();
    CHECK(sweep::summarize(o, x, days, {}, start) == 14.0);
    o.kind = OutcomeKind::event;
    o.stat = Stat::count;
    const std::vector<std::int32_t> events = {3, 12, 40};
    CHECK(sweep::summarize(o, {}, {}, events, start) == 2.0);
    o.to = start + 20;
    CHECK(sweep::summarize(o, {}, {}, events, start) == 1.0);
    o.stat = Stat::when;
    CHECK(sweep::summarize(o, {}, {}, events, start) == 12.0);
    // An empty window: no value (indicator) or no event.
    o.kind = OutcomeKind::indicator;
    o.stat = Stat::mean;
    o.from = start + 100;
    o.to = start + 200;
    CHECK(std::isnan(sweep::summarize(o, x, days, {}, start)));
  }
}
