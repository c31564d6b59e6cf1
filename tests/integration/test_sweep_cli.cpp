// `vecinos sweep plan|run|collect` on small sweeps: plan output, resume, failure isolation,
// collect with a missing task, and a task's history equal to `vecinos run` of it alone.
#include <doctest/doctest.h>

#include <regex>

#include "tests/integration/test_sweep_support.hpp"
#include "tests/support/process.hpp"

using namespace vecinos::test;

namespace {
std::string q(const std::filesystem::path& p) {
  return fmt::format("'{}'", p.string());
}

int count(const std::string& text, const std::string& what) {
  int n = 0;
  for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
  return n;
}

std::filesystem::file_time_type mtime(const std::filesystem::path& p) {
  return std::filesystem::last_write_time(p);
}
}  // namespace

TEST_SUITE("sweep cli") {
  TEST_CASE("plan prints one line per task and the totals, --commands the runs") {
    TempDir dir("sweep-plan");
    const auto file = dir.write("s.yaml", small_sweep(dir / "out", 3));
    const auto r = run_vecinos("sweep plan " + q(file));
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.out.find("design grid, 4 points (2 x 2), 3 replicates: 12 tasks") != std::string::npos);
    // Task 7: point 2 (forbearance 0.8, tariff 0.1), replicate 1.
    const std::regex line7(R"(\n +7 +2 +1 +([0-9]+) +0\.8 +0\.1 +missing +(\S+)\n)");
    std::smatch m;
    REQUIRE(std::regex_search(r.out, m, line7));
    CHECK(m[2] == (dir / "out/task-000007.h5").string());
    CHECK(r.out.find("12 tasks (4 points x 3 replicates): 0 complete, 0 failed, 0 incomplete, "
                     "12 to run") != std::string::npos);
    CHECK(count(r.out, " missing ") == 12);
    CHECK_FALSE(std::filesystem::exists(dir / "out"));  // planning writes nothing

    const auto c = run_vecinos("sweep plan --commands " + q(file));
    REQUIRE(c.exit_code == 0);
    CHECK(count(c.out, "\n") == 12);
    CHECK(c.out.find(" run " + source_path("configs/baseline.yaml") +
                     " --set simulation.end=2025-03-01") != std::string::npos);
    CHECK(c.out.find("--set presidents.mx.forbearance=0.8 --set "
                     "presidents.us.tariff_propensity=0.1 --seed " +
                     m[1].str() + " -o " + (dir / "out/task-000007.h5").string() + " -q\n") !=
          std::string::npos);
  }

  TEST_CASE("every sweep shipped in configs/sweeps plans (its keys exist, its values are valid)") {
    int n = 0;
    for (const auto& f : std::filesystem::directory_iterator(source_path("configs/sweeps"))) {
      if (f.path().extension() != ".yaml") continue;
      ++n;
      const auto r = run_vecinos("sweep plan " + q(f.path()));
      CHECK_MESSAGE(r.exit_code == 0, (f.path().string() + ": " + r.err));
      CHECK(r.out.find(" to run\n") != std::string::npos);
    }
    CHECK(n >= 2);
  }

  TEST_CASE("a bad sweep file exits 2 with file:line:column") {
    TempDir dir("sweep-bad");
    const auto file = dir.write("s.yaml", small_sweep(dir / "out", 1, "sed: 3\n"));
    const auto r = run_vecinos("sweep plan " + q(file));
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(file.string() + ":17:1: sed: unknown key; did you mean 'seed'?") !=
          std::string::npos);
    CHECK(run_vecinos("sweep run " + q(file)).exit_code == 2);
  }

  TEST_CASE("run, delete one output, run again: only that task runs, a signal leaves .partial") {
    TempDir dir("sweep-resume");
    const auto out = dir / "out";
    const auto file = dir.write("s.yaml", small_sweep(out, 2));
    const auto first = run_vecinos("sweep run " + q(file) + " --jobs 2");
    REQUIRE_MESSAGE(first.exit_code == 0, first.err);
    CHECK(first.out.find("sweep: 8 tasks: 8 complete (0 already), 0 failed") != std::string::npos);
    CHECK(count(first.err, " complete in ") == 8);
    for (int i = 0; i < 8; ++i)
      CHECK(std::filesystem::exists(out / fmt::format("task-{:06}.h5", i)));
    CHECK(std::filesystem::exists(out / "sweep.yaml"));

    const auto kept = mtime(out / "task-000002.h5");
    std::filesystem::remove(out / "task-000005.h5");
    const auto again = run_vecinos("sweep run " + q(file) + " --jobs 2");
    REQUIRE_MESSAGE(again.exit_code == 0, again.err);
    CHECK(again.err.find("7 tasks complete already (skipped), 1 to run") != std::string::npos);
    CHECK(count(again.err, " complete in ") == 1);
    CHECK(again.err.find("task 5 complete in ") != std::string::npos);
    CHECK(std::filesystem::exists(out / "task-000005.h5"));
    CHECK(mtime(out / "task-000002.h5") == kept);

    // A run stopped by SIGTERM stops its tasks: exit 143, their histories stay .partial, and
    // the next run resumes them.
    for (int i : {1, 6}) std::filesystem::remove(out / fmt::format("task-{:06}.h5", i));
    // Wait until both tasks have started writing, then stop the sweep.
    const std::string both = "[ -e " + q(out / "task-000001.h5.partial") + " ] && [ -e " +
                             q(out / "task-000006.h5.partial") + " ]";
    const auto stopped =
        run_shell("(" + std::string("'") + VECINOS_EXE + "' sweep run " + q(file) +
                  " --jobs 2 --test-tick-delay-ms 100 & pid=$!; i=0; " + "until " + both +
                  "; do i=$((i+1)); [ $i -gt 500 ] && break; " +
                  "sleep 0.02; done; sleep 0.2; kill -TERM $pid; wait $pid; " + "echo rc=$?)");
    CHECK(stopped.out.find("rc=143") != std::string::npos);
    CHECK(stopped.err.find("sweep stopped by signal 15") != std::string::npos);
    CHECK(std::filesystem::exists(out / "task-000001.h5.partial"));
    CHECK_FALSE(std::filesystem::exists(out / "task-000001.h5"));
    const auto plan = run_vecinos("sweep plan " + q(file));
    CHECK(plan.out.find("6 complete, 0 failed, 2 incomplete, 2 to run") != std::string::npos);
    const auto resumed = run_vecinos("sweep run " + q(file));
    REQUIRE_MESSAGE(resumed.exit_code == 0, resumed.err);
    CHECK(count(resumed.err, " complete in ") == 2);
    CHECK_FALSE(std::filesystem::exists(out / "task-000001.h5.partial"));
  }

  TEST_CASE("a task with an invalid combination or a crash is recorded, the others complete") {
    TempDir dir("sweep-fail");
    const auto out = dir / "out";
    // Each value loads on its own, but task 1 starts after it ends (found only at run time).
    const auto file =
        dir.write("s.yaml", fmt::format("base: {}\noutput: {}\ndesign: list\nparameters:\n"
                                        "  simulation.start: [2024-11-06, 2025-02-01, 2024-12-01]\n"
                                        "  simulation.end: [2025-01-01, 2025-01-15, 2025-02-01]\n"
                                        "set: {{migrants.scale: 1000, firms.agents: 300}}\n",
                                        source_path("configs/baseline.yaml"), out.string()));
    const auto r = run_shell("ulimit -c 0; '" + std::string(VECINOS_EXE) + "' sweep run " +
                             q(file) + " --jobs 2 --test-crash-task 2");
    CHECK(r.exit_code == 1);
    CHECK(r.out.find("sweep: 3 tasks: 1 complete (0 already), 2 failed") != std::string::npos);
    CHECK(r.out.find("failed tasks: 1-2") != std::string::npos);
    CHECK(std::filesystem::exists(out / "task-000000.h5"));
    const std::string bad = slurp(out / "task-000001.failed");
    CHECK(bad.find("task 1 failed: exit code 2") != std::string::npos);
    CHECK(bad.find("simulation.end: must be after simulation.start (2025-02-01)") !=
          std::string::npos);
    CHECK(bad.find("command: ") != std::string::npos);
    const std::string crash = slurp(out / "task-000002.failed");
    CHECK(crash.find("task 2 failed: killed by signal 11") != std::string::npos);
    CHECK(r.err.find("task 1 FAILED after") != std::string::npos);

    // collect: exit 1, an index all the same, with each task's status.
    const auto c = run_vecinos("sweep collect " + q(out));
    CHECK(c.exit_code == 1);
    CHECK(c.out.find("3 tasks: 1 complete, 2 failed") != std::string::npos);
    CHECK(std::filesystem::exists(out / "sweep.h5"));
    const auto index = dataset_contents(out / "sweep.h5");
    REQUIRE(index.count("tasks/status") == 1);
    CHECK(index.at("tasks/status").find("failed") != std::string::npos);
  }

  TEST_CASE("collect: a missing task is listed, exit 1, complete tasks are linked") {
    TempDir dir("sweep-collect");
    const auto out = dir / "out";
    const auto file = dir.write("s.yaml", small_sweep(out, 1));
    REQUIRE(run_vecinos("sweep run " + q(file) + " --jobs 2").exit_code == 0);
    const auto ok = run_vecinos("sweep collect " + q(out));
    REQUIRE_MESSAGE(ok.exit_code == 0, ok.err);
    CHECK(ok.out.find("4 tasks: 4 complete") != std::string::npos);
    std::filesystem::remove(out / "task-000003.h5");
    const auto c = run_vecinos("sweep collect " + q(out));
    CHECK(c.exit_code == 1);
    CHECK(c.out.find("4 tasks: 3 complete, 1 missing") != std::string::npos);
    CHECK(c.out.find("  missing: tasks 3\n") != std::string::npos);
    CHECK(c.err.find("1 of 4 tasks are not complete") != std::string::npos);
    const auto index = dataset_contents(out / "sweep.h5");
    // External links to the complete runs' indicators, relative to the index (run from
    // another directory, so the link resolves relative to the index file).
    CHECK(dataset_opens(out / "sweep.h5", "runs/task-000000/trade_us_mx_usd"));
    CHECK_FALSE(dataset_opens(out / "sweep.h5", "runs/task-000003/trade_us_mx_usd"));
    CHECK(index.count("outcomes/relationship_tension.max") == 1);
    CHECK(index.count("parameters/presidents.us.tariff_propensity") == 1);
    CHECK(run_vecinos("sweep collect " + q(dir.path())).exit_code == 2);  // no sweep.yaml there
  }

  TEST_CASE("a task's history is the same file as `vecinos run` of that task alone") {
    TempDir dir("sweep-same");
    const auto out = dir / "out";
    const auto file = dir.write("s.yaml", small_sweep(out, 1));
    REQUIRE(run_vecinos("sweep run " + q(file) + " --jobs 2 --tasks 1-2").exit_code == 0);
    CHECK_FALSE(std::filesystem::exists(out / "task-000000.h5"));
    // The command `plan --commands` prints for task 2, writing elsewhere, with 2 threads.
    const auto cmds = run_vecinos("sweep plan --commands " + q(file));
    std::string cmd = cmds.out.substr(0, cmds.out.find('\n', cmds.out.find("task-000002.h5")));
    cmd = cmd.substr(cmd.rfind('\n', cmd.find("task-000002.h5")) + 1);
    const auto pos = cmd.find((out / "task-000002.h5").string());
    REQUIRE(pos != std::string::npos);
    cmd.replace(pos, (out / "task-000002.h5").string().size(), (dir / "alone.h5").string());
    const auto alone = run_shell(cmd + " --threads 2");
    REQUIRE_MESSAGE(alone.exit_code == 0, alone.err);
    const auto a = dataset_contents(out / "task-000002.h5");
    CHECK(a.size() > 50);
    CHECK(differing_datasets(out / "task-000002.h5", dir / "alone.h5").empty());
    CHECK_FALSE(differing_datasets(out / "task-000001.h5", dir / "alone.h5").empty());
  }

  TEST_CASE("an output directory of another sweep is refused (exit 2)") {
    TempDir dir("sweep-other");
    const auto out = dir / "out";
    const auto file = dir.write("s.yaml", small_sweep(out, 1));
    REQUIRE(run_vecinos("sweep run " + q(file) + " --task 0").exit_code == 0);
    const auto other = dir.write("t.yaml", small_sweep(out, 3));
    const auto r = run_vecinos("sweep run " + q(other) + " --task 0");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("the output directory holds another sweep") != std::string::npos);
    CHECK(run_vecinos("sweep run " + q(file) + " --task 9").exit_code == 2);  // no such task
  }
}
