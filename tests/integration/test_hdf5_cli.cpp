// `vecinos run -o`, --force, default names, --no-history, signals and SIGKILL, read back with
// `vecinos inspect`.
#include <doctest/doctest.h>

#include <regex>

#include <fmt/format.h>

#include "output/history_file.hpp"
#include "tests/support/process.hpp"

using namespace vecinos::test;

namespace {
const std::string kBaseline = "'" + source_path("configs/baseline.yaml") + "'";
const std::string kExe = std::string("'") + VECINOS_EXE + "'";
/// A short run (about 16 weekly ticks).
const std::string kShort = " --set simulation.end=2025-03-01";

std::string q(const std::filesystem::path& p) {
  return fmt::format("'{}'", p.string());
}

/// The number of recorded ticks `vecinos inspect` reports, or -1.
int inspected_ticks(const std::string& out) {
  std::smatch m;
  if (!std::regex_search(out, m, std::regex("ticks +([0-9]+) recorded"))) return -1;
  return std::stoi(m[1]);
}

/// Starts a slowed-down run (10 ms a tick, so over 2 s) in the background, waits until `wait_shell`
/// succeeds (at most ~10 s), sends `signal`, and reports the run's exit code as "rc=N".
ProcessResult signal_run(const std::filesystem::path& file, const std::string& wait_shell,
                         const std::string& signal, const std::string& extra = "") {
  const std::string cmd = "(" + kExe + " run " + kBaseline + " -q --threads 2 -o " + q(file) +
                          " --test-tick-delay-ms 10 --set recording.flush_every=5 " + extra +
                          " & pid=$!; i=0; until " + wait_shell +
                          "; do i=$((i+1)); [ $i -gt 500 ] && break; sleep 0.02; done; kill -" +
                          signal + " $pid; wait $pid; echo rc=$?)";
  return run_shell(cmd);
}
}  // namespace

TEST_CASE("vecinos run -o writes a complete history, names it, and inspect reads it") {
  TempDir dir("hdf5-cli-run");
  const auto file = dir / "out.h5";
  const auto r = run_vecinos("run " + kBaseline + kShort + " --threads 2 -o " + q(file));
  REQUIRE_MESSAGE(r.exit_code == 0, r.err);
  CHECK(r.out.find("history: " + file.string()) != std::string::npos);
  CHECK(std::filesystem::exists(file));
  CHECK_FALSE(std::filesystem::exists(file.string() + ".partial"));
  const auto i = run_vecinos("inspect " + q(file));
  REQUIRE_MESSAGE(i.exit_code == 0, i.err);
  CHECK(i.out.find("status      complete\n") != std::string::npos);
  CHECK(i.out.find(fmt::format("schema      {} ", vecinos::kSchemaVersion)) != std::string::npos);
  CHECK(i.out.find("\ntime ") == std::string::npos);  // the dimension scale is not an indicator
  CHECK(i.out.find("agents      political: ") != std::string::npos);
  CHECK(inspected_ticks(i.out) > 10);
  CHECK(i.out.find("relationship_tension") != std::string::npos);
}

TEST_CASE("an existing history is kept (exit 2) unless --force replaces it") {
  TempDir dir("hdf5-cli-force");
  const auto file = dir.write("out.h5", "not yet a history");
  const auto refused = run_vecinos("run " + kBaseline + kShort + " -q -o " + q(file));
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find(file.string() + ": a history already exists there; pass --force") !=
        std::string::npos);
  CHECK(slurp(file) == "not yet a history");
  const auto forced = run_vecinos("run " + kBaseline + kShort + " -q --force -o " + q(file));
  REQUIRE_MESSAGE(forced.exit_code == 0, forced.err);
  CHECK(run_vecinos("inspect " + q(file)).out.find("status      complete") != std::string::npos);
  CHECK(run_vecinos("inspect " + q(dir / "missing.h5")).exit_code == 2);
  CHECK(run_vecinos("inspect " + kBaseline).exit_code == 2);  // not HDF5
}

TEST_CASE("without -o the history is runs/<config>-seed<N>.h5, never overwritten") {
  TempDir dir("hdf5-cli-default");
  const std::string cd = "cd " + q(dir.path()) + " && ";
  const auto first = run_shell(cd + kExe + " run " + kBaseline + kShort + " --seed 7");
  REQUIRE_MESSAGE(first.exit_code == 0, first.err);
  CHECK(first.out.find("history: runs/baseline-seed7.h5") != std::string::npos);
  const auto second = run_shell(cd + kExe + " run " + kBaseline + kShort + " --seed 7 -q");
  REQUIRE_MESSAGE(second.exit_code == 0, second.err);
  CHECK(std::filesystem::exists(dir / "runs/baseline-seed7.h5"));
  CHECK(std::filesystem::exists(dir / "runs/baseline-seed7-2.h5"));
  const auto none = run_shell(cd + kExe + " run " + kBaseline + kShort + " --seed 8 --no-history");
  CHECK(none.exit_code == 0);
  CHECK(none.out.find("history:") == std::string::npos);
  CHECK_FALSE(std::filesystem::exists(dir / "runs/baseline-seed8.h5"));
  CHECK_FALSE(std::filesystem::exists(dir / "runs/baseline-seed8.h5.partial"));
}

TEST_CASE("SIGTERM stops a run with exit 143 and keeps FILE.partial, status incomplete") {
  TempDir dir("hdf5-cli-term");
  const auto file = dir / "t.h5";
  const auto r = signal_run(file, "[ -s " + q(file.string() + ".partial") + " ]", "TERM");
  CHECK(r.out.find("rc=143") != std::string::npos);
  CHECK(r.err.find("history kept in " + file.string() + ".partial (status incomplete)") !=
        std::string::npos);
  CHECK_FALSE(std::filesystem::exists(file));
  const auto i = run_vecinos("inspect " + q(file.string() + ".partial"));
  REQUIRE_MESSAGE(i.exit_code == 0, i.err);
  CHECK(i.out.find("status      incomplete\n") != std::string::npos);
  CHECK(inspected_ticks(i.out) >= 1);
}

TEST_CASE("SIGINT stops a run with exit 130 and keeps FILE.partial") {
  TempDir dir("hdf5-cli-int");
  const auto file = dir / "i.h5";
  const auto r = signal_run(file, "[ -s " + q(file.string() + ".partial") + " ]", "INT");
  CHECK(r.out.find("rc=130") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(file));
  CHECK(run_vecinos("inspect " + q(file)).out.find("status      incomplete") != std::string::npos);
}

TEST_CASE("a SIGKILLed run leaves FILE.partial readable up to its last flush") {
  TempDir dir("hdf5-cli-kill");
  const auto file = dir / "k.h5";
  const std::string partial = q(file.string() + ".partial");
  // wait until inspect sees at least 11 flushed ticks, then kill without warning
  const std::string flushed = kExe + " inspect " + partial +
                              " 2>/dev/null | grep -Eq 'ticks +(1[1-9]|[2-9][0-9]|[0-9]{3,}) "
                              "recorded'";
  const auto r = signal_run(file, flushed, "KILL");
  CHECK(r.out.find("rc=137") != std::string::npos);
  const auto i = run_vecinos("inspect " + partial);
  REQUIRE_MESSAGE(i.exit_code == 0, i.err);
  CHECK(i.out.find("status      incomplete (the writer stopped without closing it") !=
        std::string::npos);
  const int ticks = inspected_ticks(i.out);
  std::smatch m;
  REQUIRE(std::regex_search(i.out, m, std::regex("recorded: .* of ([0-9]+)\n")));
  CHECK(ticks >= 11);
  CHECK(ticks <= std::stoi(m[1]));  // killed before the end (the last tick is recorded last)
}
