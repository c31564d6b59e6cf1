// `vecinos sweep` for analysis on small sweeps: the saltelli and morris plans, common random
// numbers, event outcomes when a run records no events, and `vecinos report` without Python.
#include <doctest/doctest.h>

#include <array>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "tests/integration/test_sweep_support.hpp"
#include "tests/support/process.hpp"

using namespace vecinos::test;

namespace {
std::string q(const std::filesystem::path& p) {
  return fmt::format("'{}'", p.string());
}

std::string sampled(const std::filesystem::path& out, const std::string& design) {
  return fmt::format(
      "base: {}\noutput: {}\nreplicates: 2\nseed: 5\n{}\ncommon_random_numbers: true\n"
      "parameters:\n"
      "  presidents.mx.forbearance: {{min: 0.2, max: 0.8}}\n"
      "  presidents.us.tariff_propensity: {{min: 0.1, max: 0.9}}\n"
      "set:\n  simulation.end: 2025-01-01\n  migrants.scale: 1000\n  firms.agents: 300\n"
      "  recording.events: false\n"
      "outcomes:\n"
      "  - {{indicator: relationship_tension, stat: max}}\n"
      "  - {{event: impose_tariff, stat: count}}\n"
      "paths:\n  - {{name: tense, when: relationship_tension.max > 0.5}}\n  - {{name: calm}}\n",
      source_path("configs/baseline.yaml"), out.string(), design);
}

/// task -> (point, replicate, seed) from `sweep plan`.
std::map<int, std::array<std::string, 3>> plan_rows(const std::string& out) {
  std::map<int, std::array<std::string, 3>> rows;
  const std::regex line(R"(\n +(\d+) +(\d+) +(\d+) +(\d+) )");
  for (auto it = std::sregex_iterator(out.begin(), out.end(), line); it != std::sregex_iterator();
       ++it)
    rows[std::stoi((*it)[1])] = {(*it)[2], (*it)[3], (*it)[4]};
  return rows;
}
}  // namespace

TEST_SUITE("sweep cli") {
  TEST_CASE("saltelli and morris plans: N (k + 2) and r (k + 1) points; common random numbers") {
    TempDir dir("sweep-sensitivity");
    const auto s = dir.write("s.yaml", sampled(dir / "out", "design: saltelli\nsamples: 3"));
    const auto r = run_vecinos("sweep plan " + q(s));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.out.find("design saltelli, 12 points, 2 replicates: 24 tasks") != std::string::npos);
    CHECK(r.out.find("path    tense: relationship_tension.max > 0.5") != std::string::npos);
    CHECK(r.out.find("seeds   common random numbers") != std::string::npos);
    const auto rows = plan_rows(r.out);
    REQUIRE(rows.size() == 24);
    std::map<std::string, std::set<std::string>> seeds;  // replicate -> seeds over points
    for (const auto& [task, row] : rows) seeds[row[1]].insert(row[2]);
    CHECK(seeds.size() == 2);
    CHECK(seeds["0"].size() == 1);
    CHECK(seeds["1"].size() == 1);
    CHECK(*seeds["0"].begin() != *seeds["1"].begin());

    const auto m = dir.write("m.yaml", sampled(dir / "m", "design: morris\nsamples: 4\nlevels: 4"));
    const auto rm = run_vecinos("sweep plan " + q(m));
    REQUIRE_MESSAGE(rm.exit_code == 0, rm.err);
    CHECK(rm.out.find("design morris, 12 points, 2 replicates: 24 tasks") != std::string::npos);

    const auto bad = dir.write("b.yaml", sampled(dir / "b",
                                                 "design: saltelli\nsamples: 3\n"
                                                 "second_order: maybe"));
    const auto rb = run_vecinos("sweep plan " + q(bad));
    CHECK(rb.exit_code == 2);
    CHECK(rb.err.find(bad.string() + ":7:15: second_order: write true or false") !=
          std::string::npos);
  }

  TEST_CASE("collect: event outcomes of runs without events are NaN, with a warning") {
    TempDir dir("sweep-no-events");
    const auto s = dir.write("s.yaml", sampled(dir / "out", "design: lhs\nsamples: 2"));
    const auto run = run_vecinos("sweep run " + q(s) + " --jobs 2");
    REQUIRE_MESSAGE(run.exit_code == 0, run.err);
    const auto c = run_vecinos("sweep collect " + q(dir / "out"));
    REQUIRE_MESSAGE(c.exit_code == 0, c.err);
    CHECK(c.out.find("records no events (recording.events: false), so the event outcomes are "
                     "NaN") != std::string::npos);
    CHECK(c.out.find("of 4 complete runs") != std::string::npos);
    const auto i = run_vecinos("inspect " + q(dir / "out"));
    REQUIRE_MESSAGE(i.exit_code == 0, i.err);
    CHECK(std::regex_search(i.out, std::regex(R"(impose_tariff\.count +- +- +-  count)")));
  }

  TEST_CASE("vecinos report without its Python: exit 2 and what to do") {
    TempDir dir("report-no-python");
    const auto r = run_shell(std::string("VECINOS_PYTHON=/nonexistent/python3 '") + VECINOS_EXE +
                             "' report " + q(dir.path()));
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("the Python interpreter /nonexistent/python3 does not exist; set "
                     "VECINOS_PYTHON") != std::string::npos);
    CHECK(run_vecinos("report").exit_code == 2);  // SWEEP_DIR is required
  }
}
