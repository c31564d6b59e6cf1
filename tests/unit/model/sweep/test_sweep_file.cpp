// Unit tests of sweep files: loading, checks against the base with file:line:column errors,
// tasks, seeds and the canonical form (model/sweep/sweep.hpp, tasks.hpp, outcome.hpp).
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <set>

#include "model/sweep/outcome.hpp"
#include "model/sweep/sweep.hpp"
#include "model/sweep/tasks.hpp"
#include "world/config.hpp"
#include "world/model_info.hpp"

using namespace vecinos;
using namespace vecinos::sweep;

namespace {

const std::filesystem::path kConfigs = VECINOS_SOURCE_DIR "/configs";

Sweep load(const std::string& text) {
  return load_sweep_text(text, "sweep.yaml", kConfigs, model_info());
}

std::vector<Diagnostic> errors_of(const std::string& text) {
  try {
    (void)load(text);
    return {};
  } catch (const ConfigError& e) {
    return e.diagnostics();
  }
}

/// The diagnostic for `key` at line:column whose message holds `fragment`, or nullptr.
const Diagnostic* find(const std::vector<Diagnostic>& d, const std::string& key, int line,
                       int column, const std::string& fragment) {
  for (const auto& x : d)
    if (x.key == key && x.where.line == line && x.where.column == column &&
        x.where.file == "sweep.yaml" && x.message.find(fragment) != std::string::npos)
      return &x;
  return nullptr;
}

std::string all(const std::vector<Diagnostic>& d) {
  std::string s;
  for (const auto& x : d) s += x.str() + "\n";
  return s;
}

const std::string kHead = "base: baseline.yaml\noutput: ../runs/test-sweep\n";

}  // namespace

TEST_SUITE("sweep files") {
  TEST_CASE("a grid sweep loads: paths resolved, tasks = points x replicates") {
    const Sweep s = load(kHead +
                         "replicates: 3\nseed: 7\ndesign: grid\n"
                         "parameters:\n"
                         "  presidents.mx.forbearance: [0.2, 0.5, 0.8]\n"
                         "  presidents.us.tariff_propensity: [0.1, 0.9]\n"
                         "set:\n  simulation.end: 2025-03-01\n"
                         "outcomes:\n  - {indicator: trade_us_mx_usd, stat: final}\n");
    CHECK(s.base == kConfigs / "baseline.yaml");
    CHECK(s.output == (kConfigs / "../runs/test-sweep").lexically_normal());
    CHECK(s.points() == 6);
    CHECK(s.tasks() == 18);
    REQUIRE(s.outcomes.size() == 1);
    CHECK(s.outcomes[0].column() == "trade_us_mx_usd.final");
    const TaskList tasks(s);
    REQUIRE(tasks.size() == 18);
    // Task 7: point 2 (forbearance 0.5, tariff 0.1), replicate 1.
    const Task t = tasks.task(7);
    CHECK(t.point == 2);
    CHECK(t.replicate == 1);
    CHECK(tasks.values(2) == std::vector<std::string>{"0.5", "0.1"});
    CHECK(tasks.output(t) == s.output / "task-000007.h5");
    const auto o = tasks.overrides(t);
    REQUIRE(o.size() == 4);
    CHECK(o[0].text == "simulation.end=2025-03-01");
    CHECK(o[1].text == "presidents.mx.forbearance=0.5");
    CHECK(o[2].text == "presidents.us.tariff_propensity=0.1");
    CHECK(o[3].text == "simulation.seed=" + std::to_string(t.seed));
    // The task's overrides load.
    const Config c = load_config(s.base, o).config;
    CHECK(c.presidents.at("mx").forbearance == 0.5);
    CHECK(c.simulation.seed == t.seed);
  }

  TEST_CASE("task seeds: derived from (sweep seed, point, replicate), distinct, below 2^53") {
    std::set<std::uint64_t> seen;
    for (std::uint64_t p = 0; p < 20; ++p)
      for (std::uint64_t r = 0; r < 20; ++r) {
        const auto s = task_seed(7, p, r);
        CHECK(s >= 1);
        CHECK(s < (std::uint64_t{1} << 53));
        seen.insert(s);
      }
    CHECK(seen.size() == 400);
    CHECK(task_seed(7, 3, 4) == task_seed(7, 3, 4));
    CHECK(task_seed(7, 3, 4) != task_seed(8, 3, 4));
    CHECK(task_file_name(123) == "task-000123.h5");
    CHECK(task_file_name(1234567) == "task-1234567.h5");
  }

  TEST_CASE("list: zipped values, lhs: samples scaled to bounds, integers rounded") {
    const Sweep l = load(kHead +
                         "design: list\nparameters:\n"
                         "  presidents.mx.forbearance: [0.2, 0.5]\n"
                         "  presidents.us.tariff_propensity: [0.3, 0.4]\n");
    const TaskList lt(l);
    REQUIRE(lt.points() == 2);
    CHECK(lt.values(1) == std::vector<std::string>{"0.5", "0.4"});

    const Sweep h = load(kHead +
                         "design: lhs\nsamples: 10\nseed: 3\nparameters:\n"
                         "  presidents.mx.forbearance: {min: 0.2, max: 0.6}\n"
                         "  firms.agents: {min: 100, max: 200}\n");
    CHECK_FALSE(h.parameters[0].integer);
    CHECK(h.parameters[1].integer);
    const TaskList ht(h);
    REQUIRE(ht.points() == 10);
    std::set<int> strata;
    for (std::uint64_t p = 0; p < 10; ++p) {
      const double f = std::stod(ht.values(p)[0]);
      CHECK(f >= 0.2);
      CHECK(f <= 0.6);
      strata.insert(static_cast<int>((f - 0.2) / 0.04));
      const std::string agents = ht.values(p)[1];
      CHECK(agents.find_first_not_of("0123456789") == std::string::npos);
      CHECK(std::stoi(agents) >= 100);
      CHECK(std::stoi(agents) <= 200);
    }
    CHECK(strata.size() == 10);
  }

  TEST_CASE("canonical form: self-contained, and loads back to the same tasks") {
    const Sweep s = load(kHead +
                         "replicates: 2\nseed: 5\ndesign: sobol\nsamples: 8\nscramble: true\n"
                         "parameters:\n  presidents.mx.forbearance: {min: 0.1, max: 0.9}\n"
                         "  relationship.leader_bond: {min: 0, max: 1}\n"
                         "set: {simulation.end: 2025-03-01, presidents.us.name: \"A, B\"}\n"
                         "outcomes:\n  - {indicator: leader_bond, stat: mean}\n");
    const std::string text = canonical_yaml(s);
    CHECK(text.find("base: " + (kConfigs / "baseline.yaml").string()) != std::string::npos);
    CHECK(text.find("output: .\n") != std::string::npos);
    CHECK(text.find("presidents.us.name: \"A, B\"\n") != std::string::npos);
    const Sweep again = load_sweep_text(text, "sweep.yaml", s.output, model_info());
    CHECK(again.output == s.output);
    CHECK(canonical_yaml(again) == text);
    const TaskList a(s), b(again);
    REQUIRE(a.size() == 16);
    for (std::uint64_t i = 0; i < a.size(); ++i)
      CHECK(a.run_arguments(a.task(i)) == b.run_arguments(b.task(i)));
  }

  TEST_CASE("an unknown key: file:line:column and a suggestion") {
    const auto d =
        errors_of(kHead + "replicate: 3\nparameters:\n  presidents.mx.forbearance: [0.5]\n");
    REQUIRE(d.size() == 1);
    CHECK(d[0].str().rfind("sweep.yaml:3:1: replicate: unknown key; did you mean 'replicates'?",
                           0) == 0);
  }

  TEST_CASE("a bad parameter path: the schema's error at the sweep file's line") {
    const auto d = errors_of(kHead +
                             "parameters:\n"
                             "  presidents.mx.forbarance: [0.2, 0.5]\n"
                             "  presidents.xx.forbearance: [0.5]\n"
                             "  presidents.us.approval: [0.5, 1.5]\n"
                             "  simulation.seed: [1, 2]\n");
    INFO(all(d));
    CHECK(d.size() == 4);
    // Reported once, at the key, with the schema's suggestion.
    CHECK(find(d, "presidents.mx.forbarance", 4, 3, "unknown key; did you mean 'forbearance'?"));
    // A map entry the base does not have.
    CHECK(find(d, "presidents.xx.forbearance", 5, 3,
               "the base config has no 'xx' in presidents; did you mean 'mx'? (ids: mx, us)"));
    // An out-of-range value, at the value.
    CHECK(find(d, "presidents.us.approval", 6, 33, "1.5 is out of range; allowed: 0 .. 1"));
    CHECK(find(d, "simulation.seed", 7, 3, "derived from the sweep's `seed`"));
  }

  TEST_CASE("bad bounds: reversed, missing, misspelt, not numeric, not whole") {
    const auto d = errors_of(kHead +
                             "design: random\nsamples: 4\nparameters:\n"
                             "  presidents.mx.forbearance: {min: 0.9, max: 0.1}\n"
                             "  presidents.us.forbearance: {min: 0.1}\n"
                             "  presidents.us.hawkishness: {min: 0.1, maks: 0.2}\n"
                             "  presidents.us.approval: {min: low, max: 0.5}\n"
                             "  firms.agents: {min: 100.5, max: 300}\n"
                             "  presidents.us.country: {min: 0, max: 1}\n"
                             "  presidents.mx.magnanimity: {min: 0.5, max: 2}\n");
    INFO(all(d));
    CHECK(find(d, "presidents.mx.forbearance.max", 6, 46,
               "max (0.1) must be greater than min (0.9)"));
    CHECK(find(d, "presidents.us.forbearance", 7, 30, "missing 'max'"));
    CHECK(find(d, "presidents.us.hawkishness.maks", 8, 41, "unknown key; did you mean 'max'?"));
    CHECK(find(d, "presidents.us.approval.min", 9, 33, "expected a number, got 'low'"));
    CHECK(find(d, "firms.agents.min", 10, 23, "firms.agents holds whole numbers"));
    CHECK(find(d, "presidents.us.country", 11, 3, "this key holds a choice"));
    CHECK(find(d, "presidents.mx.magnanimity", 12, 46, "2 is out of range"));
  }

  TEST_CASE("unknown indicator or statistic, with suggestions") {
    const auto d = errors_of(kHead +
                             "parameters:\n  presidents.mx.forbearance: [0.5]\n"
                             "outcomes:\n"
                             "  - {indicator: trade_us_mx, stat: final}\n"
                             "  - {indicator: relationship_tension, stat: maxx}\n"
                             "  - {indicator: leader_bond, stats: mean}\n");
    INFO(all(d));
    CHECK(find(d, "outcomes[0].indicator", 6, 17,
               "'trade_us_mx' is not an indicator; did you mean 'trade_us_mx_usd'?"));
    CHECK(find(d, "outcomes[1].stat", 7, 45,
               "'maxx' is not a statistic; allowed: final | first | mean | min | max | sum | "
               "change (did you mean 'max'?)"));
    CHECK(find(d, "outcomes[2].stats", 8, 30, "unknown key; did you mean 'stat'?"));
  }

  TEST_CASE("design and parameter shape must agree") {
    const auto d = errors_of(kHead +
                             "design: grid\nsamples: 4\nparameters:\n"
                             "  presidents.mx.forbearance: {min: 0.1, max: 0.9}\n"
                             "  presidents.us.forbearance: 0.5\n");
    INFO(all(d));
    CHECK(find(d, "samples", 4, 10, "the grid design takes no samples"));
    CHECK(find(d, "presidents.mx.forbearance", 6, 30, "design grid takes a list of values"));
    CHECK(find(d, "presidents.us.forbearance", 7, 30, "expected a non-empty list of values"));

    const auto l = errors_of(kHead +
                             "design: list\nparameters:\n"
                             "  presidents.mx.forbearance: [0.1, 0.2]\n"
                             "  presidents.us.forbearance: [0.5]\n");
    CHECK(find(l, "presidents.us.forbearance", 6, 3, "must have the same length"));

    const auto h = errors_of(kHead +
                             "design: lhs\nparameters:\n"
                             "  presidents.mx.forbearance: [0.1, 0.2]\n");
    INFO(all(h));
    CHECK(find(h, "samples", 1, 1, "missing required key"));
    CHECK(find(h, "presidents.mx.forbearance", 5, 30, "design lhs samples between bounds"));

    const auto x =
        errors_of(kHead + "design: latin\nparameters:\n  presidents.mx.forbearance: [0.1]\n");
    CHECK(find(x, "design", 3, 9, "'latin' is not a design"));
  }

  TEST_CASE("settings are checked like --set, at their line, the base must exist") {
    const auto d = errors_of(kHead +
                             "parameters:\n  presidents.mx.forbearance: [0.1]\n"
                             "set:\n  presidents.us.hawkishnes: 0.3\n"
                             "  presidents.mx.forbearance: 0.2\n");
    INFO(all(d));
    CHECK(find(d, "presidents.us.hawkishnes", 6, 3, "unknown key; did you mean 'hawkishness'?"));
    CHECK(find(d, "set.presidents.mx.forbearance", 7, 3, "also a parameter"));
    const auto b = errors_of("base: nowhere.yaml\noutput: x\nparameters:\n  a.b: [1]\n");
    REQUIRE(b.size() == 1);
    CHECK(b[0].str().find("sweep.yaml:1:7: base: cannot read config file") == 0);
  }

  TEST_CASE("outcome statistics") {
    const std::vector<double> x = {1.0, std::nan(""), 3.0, 2.0};
    CHECK(summarize(x, Stat::final) == 2.0);
    CHECK(summarize(x, Stat::first) == 1.0);
    CHECK(summarize(x, Stat::change) == 1.0);
    CHECK(summarize(x, Stat::mean) == 2.0);
    CHECK(summarize(x, Stat::min) == 1.0);
    CHECK(summarize(x, Stat::max) == 3.0);
    CHECK(summarize(x, Stat::sum) == 6.0);
    CHECK(std::isnan(summarize(std::vector<double>{}, Stat::mean)));
    CHECK(std::isnan(summarize(std::vector<double>{std::nan("")}, Stat::max)));
  }
}
