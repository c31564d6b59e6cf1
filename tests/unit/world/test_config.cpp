#include <doctest/doctest.h>

#include <string>

#include "tests/support/process.hpp"
#include "world/config.hpp"

using namespace vecinos;

namespace {

const std::string kBaseDir = VECINOS_SOURCE_DIR "/configs";

// Loads `text` as a scenario extending the baseline; returns the diagnostics (empty when valid).
std::vector<Diagnostic> errors_of(const std::string& text, std::vector<Override> sets = {}) {
  try {
    (void)load_config_text(text, "scenario.yaml", sets, kBaseDir);
    return {};
  } catch (const ConfigError& e) {
    return e.diagnostics();
  }
}

bool has(const std::vector<Diagnostic>& d, const std::string& key, const std::string& fragment) {
  for (const auto& x : d)
    if (x.key == key && x.message.find(fragment) != std::string::npos) return true;
  return false;
}

const Diagnostic* find_key(const std::vector<Diagnostic>& d, const std::string& key) {
  for (const auto& x : d)
    if (x.key == key) return &x;
  return nullptr;
}

}  // namespace

TEST_CASE("the baseline loads and holds every actor the seed names") {
  const LoadedConfig c = load_config(kBaseDir + "/baseline.yaml");
  CHECK(c.config.presidents.at("us").name == "Donald Trump");
  CHECK(c.config.presidents.at("mx").name == "Claudia Sheinbaum");
  for (const char* id : {"homan", "noem", "waltz", "rubio", "salazar", "de_la_fuente"})
    CHECK(c.config.officials.count(id) == 1);
  CHECK(c.config.legislatures.count("us_congress") == 1);
  CHECK(c.config.legislatures.count("mx_congress") == 1);
  CHECK(c.config.simulation.start == Date(2024, 11, 6));
}

TEST_CASE("a misspelt key is reported with file:line:column and a suggestion") {
  const auto d = errors_of("extends: baseline.yaml\npresidents:\n  mx:\n    forbarance: 0.7\n");
  const Diagnostic* e = find_key(d, "presidents.mx.forbarance");
  REQUIRE(e != nullptr);
  CHECK(e->where.file == "scenario.yaml");
  CHECK(e->where.line == 4);
  CHECK(e->where.column == 5);
  CHECK(e->message.find("unknown key") != std::string::npos);
  CHECK(e->message.find("did you mean 'forbearance'?") != std::string::npos);
  CHECK(e->str().rfind("scenario.yaml:4:5: presidents.mx.forbarance: unknown key", 0) == 0);
}

TEST_CASE("wrong types are rejected with what was expected") {
  const auto d = errors_of(
      "extends: baseline.yaml\nsimulation:\n  days_per_tick: seven\n  seed: [1, 2]\n"
      "presidents:\n  us:\n    approval: high\n    position: 0.5\n");
  CHECK(has(d, "simulation.days_per_tick", "is not an integer"));
  CHECK(has(d, "simulation.seed", "expected an integer, got a list"));
  CHECK(has(d, "presidents.us.approval", "is not a number"));
  CHECK(has(d, "presidents.us.position", "expected a map with keys migration"));
}

TEST_CASE("out-of-range values, NaN and infinity are rejected with the allowed range") {
  const auto d = errors_of(
      "extends: baseline.yaml\nsimulation:\n  days_per_tick: 0\npresidents:\n  mx:\n"
      "    forbearance: 1.5\n    hawkishness: .nan\n    approval: .inf\n"
      "    position: {migration: -0.1, drugs_security: 0.35, guns: 0.85, legal_investment: 0.25,"
      " china: 0.30, foreign_alignment: 0.30}\n");
  CHECK(has(d, "simulation.days_per_tick", "allowed: 1 .. 366"));
  CHECK(has(d, "presidents.mx.forbearance", "1.5 is out of range; allowed: 0 .. 1"));
  CHECK(has(d, "presidents.mx.hawkishness", "NaN is not allowed"));
  CHECK(has(d, "presidents.mx.approval", "infinite"));
  CHECK(has(d, "presidents.mx.position.migration", "out of range"));
}

TEST_CASE("duplicate keys are reported (yaml-cpp would keep one silently)") {
  const auto d = errors_of("extends: baseline.yaml\nsimulation:\n  seed: 1\n  seed: 2\n");
  const Diagnostic* e = find_key(d, "simulation.seed");  // named by its path
  REQUIRE(e != nullptr);
  CHECK(e->where.line == 4);
  CHECK(e->message.find("duplicate key (first given at line 3)") != std::string::npos);
}

TEST_CASE("missing required keys are named") {
  const auto d = errors_of(
      "extends: baseline.yaml\nofficials:\n  newcomer:\n    country: us\n    position: {migration: "
      "0.5,"
      " drugs_security: 0.5, guns: 0.5, legal_investment: 0.5, china: 0.5, foreign_alignment: "
      "0.5}\n");
  CHECK(has(d, "officials.newcomer.name", "missing required key"));
  CHECK(has(d, "officials.newcomer.advises", "missing required key"));
  CHECK(has(d, "officials.newcomer.salience", "missing required key"));
  const Diagnostic* e = find_key(d, "officials.newcomer.name");
  REQUIRE(e != nullptr);
  CHECK(e->where.line == 4);  // the entry's map starts on line 4
}

TEST_CASE("bad dates are rejected") {
  const auto d = errors_of(
      "extends: baseline.yaml\nsimulation:\n  start: 2025-02-30\n"
      "calendar:\n  inauguration: next january\n");
  CHECK(has(d, "simulation.start", "ISO date"));
  CHECK(has(d, "calendar.inauguration", "ISO date"));
}

TEST_CASE("an end before the start is rejected") {
  const auto d = errors_of("extends: baseline.yaml\nsimulation:\n  end: 2024-01-01\n");
  CHECK(has(d, "simulation.end", "must be after simulation.start"));
}

TEST_CASE("an extends cycle is reported") {
  test::TempDir dir("cycle");
  dir.write("a.yaml", "extends: b.yaml\n");
  dir.write("b.yaml", "extends: c.yaml\n");
  dir.write("c.yaml", "extends: a.yaml\n");
  try {
    (void)load_config(dir / "a.yaml");
    FAIL("a cycle must not load");
  } catch (const ConfigError& e) {
    REQUIRE(e.diagnostics().size() >= 1);
    const auto& first = e.diagnostics().front();
    CHECK(first.message.find("extends cycle: a.yaml -> b.yaml -> c.yaml -> a.yaml") !=
          std::string::npos);
    CHECK(first.where.line == 1);
  }
}

TEST_CASE("every error in a file is reported in one go") {
  const auto d = errors_of(
      "extends: baseline.yaml\nsimulation:\n  strat: 2025-01-01\n  days_per_tick: -1\n"
      "presidents:\n  us:\n    hawkishnes: 0.5\n");
  CHECK(d.size() == 3);
}

TEST_CASE("a scenario overrides the baseline key by key and --set overrides last") {
  const std::string text = "extends: baseline.yaml\npresidents:\n  mx:\n    forbearance: 0.85\n";
  const LoadedConfig plain = load_config_text(text, "s.yaml", {}, kBaseDir);
  CHECK(plain.config.presidents.at("mx").forbearance == 0.85);
  CHECK(plain.config.presidents.at("mx").name == "Claudia Sheinbaum");  // kept from the base
  const std::vector<Override> sets = {{"presidents.mx.forbearance=0.9"}, {"simulation.seed=77"}};
  const LoadedConfig over = load_config_text(text, "s.yaml", sets, kBaseDir);
  CHECK(over.config.presidents.at("mx").forbearance == 0.9);
  CHECK(over.config.simulation.seed == 77);
}

TEST_CASE("a bad --set names the override and the key") {
  const auto d =
      errors_of("extends: baseline.yaml\n", {{"presidents.mx.forbarance=0.9"}, {"nokey"}});
  const Diagnostic* e = find_key(d, "presidents.mx.forbarance");
  REQUIRE(e != nullptr);
  CHECK(e->where.file == "--set presidents.mx.forbarance=0.9");
  CHECK(e->message.find("did you mean 'forbearance'?") != std::string::npos);
  CHECK(d.size() == 2);
}

TEST_CASE("references to unknown actors get a suggestion") {
  const auto d = errors_of(
      "extends: baseline.yaml\nofficials:\n  homan:\n    advises: su\nnetwork:\n  edges:\n"
      "    - {from: walz, to: us, type: advice, weight: 0.2}\n");
  CHECK(has(d, "officials.homan.advises", "did you mean 'us'?"));
  CHECK(has(d, "network.edges[0].from", "did you mean 'waltz'?"));
}

TEST_CASE("salience weights must sum to 1") {
  const auto d = errors_of(
      "extends: baseline.yaml\npresidents:\n  us:\n    salience: {migration: 0.5, drugs_security: "
      "0.5,"
      " guns: 0.5, legal_investment: 0, china: 0, foreign_alignment: 0}\n");
  CHECK(has(d, "presidents.us.salience", "must sum to 1 (they sum to 1.5)"));
}

TEST_CASE("YAML syntax errors carry their position") {
  const auto d = errors_of("extends: baseline.yaml\nsimulation: [1, 2\n");
  REQUIRE_FALSE(d.empty());
  CHECK(d.front().message.find("YAML syntax") != std::string::npos);
  CHECK(d.front().where.line >= 2);
}

TEST_CASE("the resolved config loads back to the same config") {
  const LoadedConfig c = load_config(kBaseDir + "/baseline.yaml");
  const std::string text = resolved_yaml(c.config);
  const LoadedConfig again = load_config_text(text, "resolved.yaml");
  CHECK(resolved_yaml(again.config) == text);
  CHECK(again.config.presidents.at("us").salience == c.config.presidents.at("us").salience);
  CHECK(again.config.officials.at("waltz").access == c.config.officials.at("waltz").access);
}

TEST_CASE("the schema's defaults are the structs' initialisers (one declaration per default)") {
  // A Config reset by its schema and a default-constructed one write the same resolved YAML:
  // every default the schema knows comes from the struct, and no struct re-initialises the
  // members of a section it contains (the schema would not see that).
  Config from_schema;
  from_schema.simulation.days_per_tick = 3;  // reset must undo changes
  from_schema.migrants.scale = 1;
  config_schema().reset(from_schema);
  CHECK(resolved_yaml(from_schema) == resolved_yaml(Config{}));
}

TEST_CASE("the reference lists every key once with its help") {
  const auto ref = config_schema().reference();
  std::set<std::string> paths;
  for (const auto& e : ref) {
    CHECK_MESSAGE(!e.help.empty(), e.path);
    CHECK_MESSAGE(paths.insert(e.path).second, "listed twice: " << e.path);
  }
  CHECK(paths.count("simulation.days_per_tick") == 1);
  CHECK(paths.count("officials.<id>.access") == 1);
  CHECK(paths.count("presidents.<id>.position.migration") == 1);
  CHECK(paths.count("network.edges[].type") == 1);
}
