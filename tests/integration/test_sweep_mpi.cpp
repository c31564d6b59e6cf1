// `mpirun -np N vecinos sweep run FILE --mpi` (Open MPI, as root in CI): rank 0 hands the tasks
// out, the other ranks run them, and every history equals the same task's from a local sweep
// (a grid, and a saltelli design whose Sobol' indices then equal the local sweep's); and
// `vecinos calibrate --mpi` runs each generation under mpirun with a local calibration's result.
// Skips (with a message) only when mpirun is missing; a build without MPI must refuse --mpi.
#include <doctest/doctest.h>

#include <cmath>

#include "tests/integration/test_sweep_support.hpp"
#include "tests/support/process.hpp"

using namespace vecinos::test;

namespace {
std::string q(const std::filesystem::path& p) {
  return fmt::format("'{}'", p.string());
}
const std::string kExe = std::string("'") + VECINOS_EXE + "'";
const std::string kMpirun = "timeout 120 mpirun --allow-run-as-root --oversubscribe ";

int count(const std::string& text, const std::string& what) {
  int n = 0;
  for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
  return n;
}
}  // namespace

TEST_SUITE("sweep mpi") {
  TEST_CASE("mpirun -np 2 and -np 1: dynamic hand-out, the same histories as a local sweep") {
    TempDir dir("sweep-mpi");
    if (!VECINOS_TEST_MPI) {
      const auto file = dir.write("s.yaml", small_sweep(dir / "out", 1));
      const auto r = run_vecinos("sweep run " + q(file) + " --mpi");
      CHECK(r.exit_code == 2);
      CHECK(r.err.find("built without MPI support") != std::string::npos);
      MESSAGE("skipped: this vecinos was built without MPI (VECINOS_MPI off): --mpi exits 2");
      return;
    }
    if (run_shell("command -v mpirun").exit_code != 0) {
      MESSAGE("skipped: mpirun not found (tools/setup-deps.sh --cluster installs Open MPI)");
      return;
    }
    const auto local = dir.write("local.yaml", small_sweep(dir / "local", 2));
    const auto two = dir.write("two.yaml", small_sweep(dir / "two", 2));
    const auto one = dir.write("one.yaml", small_sweep(dir / "one", 2));
    REQUIRE(run_vecinos("sweep run " + q(local) + " --jobs 2").exit_code == 0);

    const auto r2 = run_shell(kMpirun + "-np 2 " + kExe + " sweep run " + q(two) + " --mpi");
    REQUIRE_MESSAGE(r2.exit_code == 0, r2.err);
    CHECK(r2.err.find("8 tasks on 1 worker ranks") != std::string::npos);
    CHECK(count(r2.err, " complete on rank 1 in ") == 8);
    CHECK(r2.err.find("sweep: 8 tasks: 8 complete (0 already), 0 failed") != std::string::npos);

    // One rank: rank 0 runs the tasks itself; a second run finds them all complete.
    const auto r1 = run_shell(kMpirun + "-np 1 " + kExe + " sweep run " + q(one) + " --mpi");
    REQUIRE_MESSAGE(r1.exit_code == 0, r1.err);
    CHECK(count(r1.err, " complete in ") == 8);
    const auto again = run_shell(kMpirun + "-np 2 " + kExe + " sweep run " + q(one) + " --mpi");
    REQUIRE_MESSAGE(again.exit_code == 0, again.err);
    CHECK(again.err.find("8 tasks complete already (skipped), 0 to run") != std::string::npos);

    for (int i = 0; i < 8; ++i) {
      const std::string name = fmt::format("task-{:06}.h5", i);
      INFO(name);
      REQUIRE(std::filesystem::exists(dir / "two" / name));
      CHECK(differing_datasets(dir / "local" / name, dir / "two" / name).empty());
      CHECK(differing_datasets(dir / "local" / name, dir / "one" / name).empty());
    }
  }

  TEST_CASE("a saltelli sweep under mpirun -np 2: a local sweep's histories and Sobol' indices") {
    if (!VECINOS_TEST_MPI || run_shell("command -v mpirun").exit_code != 0) {
      MESSAGE("skipped: no MPI (see the first test)");
      return;
    }
    TempDir dir("sweep-mpi-saltelli");
    // 4 base rows x (k + 2) = 16 points for k = 2 parameters, one replicate each.
    const std::string design = "design: saltelli\nsamples: 4";
    const auto local = dir.write("local.yaml", sampled_sweep(dir / "local", design));
    const auto mpi = dir.write("mpi.yaml", sampled_sweep(dir / "mpi", design));
    REQUIRE(run_vecinos("sweep run " + q(local) + " --jobs 2").exit_code == 0);
    const auto r = run_shell(kMpirun + "-np 2 " + kExe + " sweep run " + q(mpi) + " --mpi");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(count(r.err, " complete on rank 1 in ") == 16);
    for (int i = 0; i < 16; ++i) {
      const std::string name = fmt::format("task-{:06}.h5", i);
      INFO(name);
      REQUIRE(std::filesystem::exists(dir / "mpi" / name));
      CHECK(differing_datasets(dir / "local" / name, dir / "mpi" / name).empty());
    }
    for (const auto* d : {"local", "mpi"}) {
      const auto c = run_vecinos("sweep collect " + q(dir / d));
      REQUIRE_MESSAGE(c.exit_code == 0, c.err);
    }
    // The indices of the MPI sweep: computed (the design has Saltelli's layout and N (k + 2)
    // points, else sweep_indices raises), finite, and those of the local sweep.
    const auto t = sensitivity_tables({dir / "mpi", dir / "local"}, "trade_us_mx_usd.final");
    REQUIRE_MESSAGE(t.exit_code == 0, t.err);
    const auto rows = csv_rows(t.out);
    REQUIRE(rows.size() == 6);  // header + 2 parameters, twice
    CHECK(rows[0] ==
          std::vector<std::string>{"parameter", "S1", "S1_lo", "S1_hi", "ST", "ST_lo", "ST_hi"});
    CHECK(rows[1][0] == "presidents.mx.forbearance");
    CHECK(rows[2][0] == "presidents.us.tariff_propensity");
    double total = 0.0;
    for (std::size_t p = 1; p <= 2; ++p) {
      INFO(t.out);
      REQUIRE(rows[p].size() == 7);
      for (std::size_t c = 1; c < 7; ++c) CHECK(std::isfinite(std::stod(rows[p][c])));
      total += std::stod(rows[p][4]);
    }
    CHECK(total > 0.0);  // the parameters move trade: some total index is above 0
    CHECK(rows[3] == rows[0]);
    CHECK(rows[4] == rows[1]);  // identical histories, the same indices to the last digit
    CHECK(rows[5] == rows[2]);
  }

  TEST_CASE("under MPI a failed task is recorded by its rank and the run exits 1") {
    if (!VECINOS_TEST_MPI || run_shell("command -v mpirun").exit_code != 0) {
      MESSAGE("skipped: no MPI (see the test above)");
      return;
    }
    TempDir dir("sweep-mpi-fail");
    const auto file = dir.write("s.yaml", small_sweep(dir / "out", 1));
    const auto r = run_shell("ulimit -c 0; " + kMpirun + "-np 2 " + kExe + " sweep run " + q(file) +
                             " --mpi --test-crash-task 1");
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("task 1 FAILED on rank 1") != std::string::npos);
    CHECK(slurp(dir / "out/task-000001.failed").find("killed by signal 11") != std::string::npos);
    for (int i : {0, 2, 3})
      CHECK(std::filesystem::exists(dir / "out" / fmt::format("task-{:06}.h5", i)));
  }

  TEST_CASE(
      "vecinos calibrate --mpi: every generation under mpirun, the local calibration's file") {
    if (!VECINOS_TEST_MPI || run_shell("command -v mpirun").exit_code != 0) {
      MESSAGE("skipped: no MPI (see the first test)");
      return;
    }
    TempDir dir("calibrate-mpi");
    const auto local = dir.write("local/cal.yaml", small_calibration(1));
    const auto mpi = dir.write("mpi/cal.yaml", small_calibration(1));
    REQUIRE(run_vecinos("calibrate " + q(local) + " --jobs 2").exit_code == 0);
    const auto r = run_vecinos("calibrate " + q(mpi) +
                               " --mpi 'timeout 120 mpirun --allow-run-as-root --oversubscribe "
                               "-np 2'");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.err.find("mpirun --allow-run-as-root --oversubscribe -np 2") != std::string::npos);
    CHECK(r.err.find("--mpi --jobs 1") != std::string::npos);
    const auto diff =
        differing_datasets(dir / "local/out/calibration.h5", dir / "mpi/out/calibration.h5");
    CHECK_MESSAGE(diff.empty(), fmt::format("{}", fmt::join(diff, ", ")));
  }
}
