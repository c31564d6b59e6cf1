// Unit tests of the sweep-file keys for analysis (docs/sweeps.md): the saltelli and morris
// designs, common random numbers, outcomes of thresholds and events, and paths.
#include <doctest/doctest.h>

#include <set>

#include "model/sweep/saltelli.hpp"
#include "model/sweep/sweep.hpp"
#include "model/sweep/tasks.hpp"
#include "world/model_info.hpp"

using namespace vecinos;
using namespace vecinos::sweep;

namespace {

const std::filesystem::path kConfigs = VECINOS_SOURCE_DIR "/configs";
const std::string kHead = "base: baseline.yaml\noutput: ../runs/test-sweep\n";

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

std::string all(const std::vector<Diagnostic>& d) {
  std::string s;
  for (const auto& x : d) s += x.str() + "\n";
  return s;
}

bool has(const std::vector<Diagnostic>& d, const std::string& key, int line, int column,
         const std::string& fragment) {
  for (const auto& x : d)
    if (x.key == key && x.where.line == line && x.where.column == column &&
        x.message.find(fragment) != std::string::npos)
      return true;
  return false;
}

const std::string kTwo =
    "parameters:\n  presidents.mx.forbearance: {min: 0.2, max: 0.8}\n"
    "  presidents.us.tariff_propensity: {min: 0.1, max: 0.9}\n";

}  // namespace

TEST_SUITE("sweep files") {
  TEST_CASE("saltelli: N (k + 2) points, or N (2k + 2) with second order, scaled to bounds") {
    const Sweep s = load(kHead + "design: saltelli\nsamples: 8\nreplicates: 2\n" + kTwo);
    CHECK(s.scramble);  // a scrambled base by default
    CHECK(s.points() == 8 * 4);
    CHECK(s.tasks() == 64);
    const TaskList t(s);
    REQUIRE(t.points() == 32);
    // AB_1 of base row 1 (point 5) has A's second value and B's first.
    CHECK(t.values(5)[0] == t.values(7)[0]);
    CHECK(t.values(5)[1] == t.values(4)[1]);
    CHECK(t.unit(5)[0] == t.unit(7)[0]);
    CHECK(t.unit(4) == saltelli_points(8, 2, s.seed, true, false)[4]);
    const Sweep s2 =
        load(kHead + "design: saltelli\nsamples: 8\nsecond_order: true\nscramble: false\n" + kTwo);
    CHECK(s2.points() == 8 * 6);
    CHECK_FALSE(s2.scramble);
  }

  TEST_CASE("morris: r (k + 1) points on the grid of `levels`") {
    const Sweep s = load(kHead + "design: morris\nsamples: 5\nlevels: 6\n" + kTwo);
    CHECK(s.points() == 15);
    const TaskList t(s);
    std::set<std::string> values;
    for (std::uint64_t p = 0; p < t.points(); ++p) values.insert(t.values(p)[0]);
    CHECK(values.size() <= 6);
    CHECK(values.count("0.2") + values.count("0.8") > 0);  // the grid includes the bounds
  }

  TEST_CASE("common random numbers: replicate r has one seed at every point") {
    const Sweep s = load(
        kHead + "design: lhs\nsamples: 4\nreplicates: 3\ncommon_random_numbers: true\n" + kTwo);
    const TaskList t(s);
    for (std::uint64_t i = 0; i < t.size(); ++i)
      CHECK(t.task(i).seed == task_seed(s.seed, 0, t.task(i).replicate));
    CHECK(t.task(0).seed != t.task(1).seed);
    const Sweep plain = load(kHead + "design: lhs\nsamples: 4\nreplicates: 3\n" + kTwo);
    const TaskList u(plain);
    CHECK(u.task(3).seed != u.task(0).seed);  // point 1 replicate 0 vs point 0 replicate 0
  }

  TEST_CASE("outcomes of thresholds and events, named paths, the canonical form keeps them") {
    const Sweep s = load(kHead +
                         "design: grid\nparameters:\n  presidents.mx.forbearance: [0.5]\n"
                         "common_random_numbers: true\nsequence_length: 3\n"
                         "outcomes:\n"
                         "  - {indicator: trade_us_mx_usd, stat: final}\n"
                         "  - {indicator: usmca_status, at_least: 4, stat: ever}\n"
                         "  - {name: tariff_at_end, indicator: tariff_us_on_mx, above: 0, "
                         "stat: at_end}\n"
                         "  - {event: military_strike, actor: us, stat: when}\n"
                         "  - {event: impose_tariff, stat: count}\n"
                         "paths:\n"
                         "  - {name: rupture, when: \"`usmca_status>=4.ever` or "
                         "us.military_strike.when >= 0\", description: strikes or the "
                         "end of USMCA}\n"
                         "  - {name: trade_war, when: tariff_at_end}\n"
                         "  - {name: managed}\n");
    REQUIRE(s.outcomes.size() == 5);
    CHECK(s.outcomes[1].column() == "usmca_status>=4.ever");
    CHECK(s.outcomes[2].column() == "tariff_at_end");
    CHECK(s.outcomes[3].column() == "us.military_strike.when");
    CHECK(s.outcomes[4].column() == "impose_tariff.count");
    REQUIRE(s.paths.size() == 3);
    CHECK(s.paths[0].rule->names() ==
          std::vector<std::string>{"usmca_status>=4.ever", "us.military_strike.when"});
    CHECK_FALSE(s.paths[2].rule.has_value());
    const std::string text = canonical_yaml(s);
    const Sweep again = load_sweep_text(text, "sweep.yaml", s.output, model_info());
    CHECK(canonical_yaml(again) == text);
    REQUIRE(again.paths.size() == 3);
    CHECK(again.paths[0].description == "strikes or the end of USMCA");
    CHECK(again.common_random_numbers);
    CHECK(again.sequence_length == 3);
    CHECK(again.outcomes[3].actor == "us");
  }

  TEST_CASE("errors in the new keys: file:line:column, what is allowed, a suggestion") {
    const auto d = errors_of(kHead + "design: saltelli\nsamples: 4\nlevels: 4\n" + kTwo +
                             "outcomes:\n"
                             "  - {indicator: usmca_status, at_least: 4, stat: max}\n"
                             "  - {event: military_strik, stat: count}\n"
                             "  - {event: military_strike, above: 1, stat: count}\n"
                             "  - {indicator: leader_bond, stat: final}\n"
                             "paths:\n"
                             "  - {name: other}\n"
                             "  - {name: low, when: \"leader_bond.fnal < 0.2\"}\n"
                             "  - {name: bad, when: \"leader_bond.final < \"}\n"
                             "  - {name: unclassified, when: leader_bond.final}\n");
    INFO(all(d));
    CHECK(has(d, "levels", 5, 9, "levels applies to the morris design only"));
    CHECK(has(d, "outcomes[0].stat", 10, 50,
              "'max' is not a statistic of a threshold; allowed: ever | when | at_end"));
    CHECK(has(d, "outcomes[1].event", 11, 13,
              "'military_strik' is not an action; did you mean 'military_strike'?"));
    CHECK(has(d, "outcomes[2].above", 12, 37, "thresholds apply to indicators"));
    CHECK(has(d, "paths[0]", 15, 5, "only the last path may"));
    CHECK(has(d, "paths[1].when", 16, 23,
              "'leader_bond.fnal' is not an outcome of this sweep; did you mean "
              "'leader_bond.final'?"));
    CHECK(has(d, "paths[2].when", 17, 23, "ends early"));
    CHECK(has(d, "paths[3].name", 18, 12, "'unclassified' is reserved"));
    const auto m = errors_of(kHead + "design: morris\nsamples: 4\nlevels: 5\n" + kTwo);
    CHECK(has(m, "levels", 5, 9, "needs an even number of levels"));
    const auto x = errors_of(kHead + "design: lhs\nsamples: 4\nsecond_order: true\n" + kTwo);
    CHECK(has(x, "second_order", 5, 15, "applies to the saltelli design only"));
  }
}
