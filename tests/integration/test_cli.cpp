#include <doctest/doctest.h>

#include <filesystem>

#include "tests/support/process.hpp"

using namespace vecinos::test;

namespace {
const std::string kBaseline = "'" + source_path("configs/baseline.yaml") + "'";
}

TEST_CASE("vecinos run prints the baseline summary and exits 0") {
  const auto r =
      run_vecinos("run " + kBaseline + " --threads 2 --no-history --set simulation.end=2025-06-01");
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("vecinos run complete") != std::string::npos);
  CHECK(r.out.find("relationship_tension") != std::string::npos);
}

TEST_CASE("a misspelt key exits 2 naming file:line:column, the key and a suggestion") {
  TempDir dir("cli-typo");
  const auto cfg = dir.write("typo.yaml", "extends: " + source_path("configs/baseline.yaml") +
                                              "\npresidents:\n  mx:\n    forbarance: 0.7\n");
  const auto r = run_vecinos("run '" + cfg.string() + "'");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find(cfg.string() +
                   ":4:5: presidents.mx.forbarance: unknown key; did you mean 'forbearance'?") !=
        std::string::npos);
  CHECK(r.out.empty());
}

TEST_CASE("vecinos validate reports every file and exits 2 when any is bad") {
  TempDir dir("cli-validate");
  const auto bad = dir.write("bad.yaml", "simulation:\n  seed: -3\n");
  const auto good = run_vecinos("validate " + kBaseline);
  CHECK(good.exit_code == 0);
  CHECK(good.out.find(": ok") != std::string::npos);
  const auto both = run_vecinos("validate " + kBaseline + " '" + bad.string() + "'");
  CHECK(both.exit_code == 2);
  CHECK(both.err.find("simulation.seed") != std::string::npos);
  CHECK(both.out.find(": ok") != std::string::npos);
}

TEST_CASE("bad command lines and missing files exit 2") {
  CHECK(run_vecinos("run").exit_code == 2);
  CHECK(run_vecinos("frobnicate").exit_code == 2);
  CHECK(run_vecinos("run " + kBaseline + " --threads 0").exit_code == 2);
  const auto missing = run_vecinos("run /nonexistent/config.yaml");
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("/nonexistent/config.yaml") != std::string::npos);
  CHECK(run_vecinos("run " + kBaseline + " --set simulation.seed").exit_code == 2);
}

TEST_CASE("vecinos --version prints the version and git hash") {
  const auto r = run_vecinos("--version");
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("vecinos 0.") != std::string::npos);
  CHECK(r.out.find("(git ") != std::string::npos);
}

TEST_CASE("vecinos config --reference lists keys with type, unit, default and help") {
  const auto r = run_vecinos("config --reference");
  CHECK(r.exit_code == 0);
  CHECK(
      r.out.find("simulation.days_per_tick\n    an integer (days), default 7; allowed: 1 .. 366") !=
      std::string::npos);
  CHECK(r.out.find("presidents.<id>.forbearance") != std::string::npos);
}

TEST_CASE("every config shipped in configs/ validates") {
  std::string files;
  for (const char* dir : {"configs", "configs/scenarios"})
    for (const auto& f : std::filesystem::directory_iterator(source_path(dir)))
      if (f.path().extension() == ".yaml") files += " '" + f.path().string() + "'";
  const auto r = run_vecinos("validate" + files);
  CHECK_MESSAGE(r.exit_code == 0, r.err);
  CHECK(r.out.find("full_scale.yaml: ok") != std::string::npos);
  CHECK(r.out.find("status_quo.yaml: ok") != std::string::npos);
}

TEST_CASE("docs/config-reference.md is what vecinos config --reference --markdown prints now") {
  const auto r = run_vecinos("config --reference --markdown");
  REQUIRE(r.exit_code == 0);
  const std::string doc = slurp(source_path("docs/config-reference.md"));
  const auto table = doc.find("| key |");
  REQUIRE(table != std::string::npos);
  CHECK_MESSAGE(doc.substr(table) == r.out, "regenerate it with tools/gen-config-reference.sh");
}

TEST_CASE("vecinos bench prints ticks per second, agent-updates per second and peak memory") {
  const auto r =
      run_vecinos("bench " + kBaseline +
                  " --threads 1 --set simulation.end=2024-12-31 --set migrants.scale=1000");
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  for (const char* field :
       {"ticks           8", "ticks_per_s", "agent_updates_per_s", "peak_rss_gib", "build_seconds"})
    CHECK_MESSAGE(r.out.find(field) != std::string::npos, field);
  // The bandwidth reference: a triad rate, the people step's bytes per agent and tick (23: the
  // kin are not read, their count abroad is kept) and its share of the triad's rate.
  auto number = [&](const std::string& key) {
    const auto at = r.out.find(key + " ");
    REQUIRE_MESSAGE(at != std::string::npos, key);
    return std::stod(r.out.substr(at + key.size()));
  };
  CHECK(number("triad_gb_per_s") > 0.1);
  CHECK(number("people_bytes_per_agent_tick") == doctest::Approx(23.0).epsilon(0.02));
  CHECK(number("people_seconds") > 0.0);
  CHECK(number("people_fraction_of_bandwidth") > 0.0);
}
