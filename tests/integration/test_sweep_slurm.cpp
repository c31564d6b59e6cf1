// A sweep as a Slurm job array on a private single-node cluster (tools/cluster/slurm-up.sh:
// munged, slurmctld and slurmd of our own, stopped at the end): every task's history is
// complete and equals a local sweep's; USR1 (Slurm's warning before the time limit) stops an
// element leaving .partial files, the element is requeued and resumes; a morris design runs
// as an array too and gives a local sweep's Morris measures; `vecinos calibrate --slurm` submits
// each generation as an array and writes a local calibration's file. Skips (with a message)
// only when not root or the Slurm/munge programs are missing.
#include <doctest/doctest.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <regex>
#include <thread>

#include "tests/integration/test_sweep_support.hpp"
#include "tests/support/process.hpp"

using namespace vecinos::test;

namespace {
std::string q(const std::filesystem::path& p) {
  return fmt::format("'{}'", p.string());
}
const std::string kExe = std::string("'") + VECINOS_EXE + "'";

/// Our own Slurm cluster, started in a temporary directory and stopped when this goes.
class SlurmCluster {
 public:
  SlurmCluster() {
    char tmpl[] = "/tmp/vecinos-slurm-XXXXXX";  // short: unix socket paths are limited
    if (::mkdtemp(tmpl) == nullptr) return;
    dir_ = tmpl;
    const int port = 20000 + 2 * (::getpid() % 5000);
    const auto r =
        run_shell(fmt::format("VECINOS_SLURMCTLD_PORT={} VECINOS_SLURMD_PORT={} {} {}", port,
                              port + 1, q(source_path("tools/cluster/slurm-up.sh")), q(dir_)));
    up_rc_ = r.exit_code;
    log_ = r.out + r.err;
  }
  SlurmCluster(const SlurmCluster&) = delete;
  SlurmCluster& operator=(const SlurmCluster&) = delete;
  ~SlurmCluster() {
    if (!dir_.empty())
      run_shell(q(source_path("tools/cluster/slurm-down.sh")) + " " + q(dir_) + " --remove");
  }
  [[nodiscard]] int up_rc() const { return up_rc_; }
  /// The end of the daemons' logs (for failure messages).
  [[nodiscard]] std::string daemon_logs() const {
    return run_shell("tail -n 25 " + q(dir_ / "log/slurmd.log") + " " +
                     q(dir_ / "log/slurmctld.log"))
        .out;
  }
  [[nodiscard]] const std::string& log() const { return log_; }
  /// A shell command with this cluster's SLURM_CONF.
  [[nodiscard]] ProcessResult sh(const std::string& cmd) const {
    return run_shell("SLURM_CONF=" + q(dir_ / "slurm.conf") + " " + cmd);
  }
  /// Waits (at most `seconds`) until no job is left; false on time-out.
  [[nodiscard]] bool wait_idle(int seconds) const {
    for (int i = 0; i < seconds * 5; ++i) {
      const auto r = sh("squeue -h");
      if (r.exit_code == 0 && r.out.find_first_not_of(" \n") == std::string::npos) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    return false;
  }

 private:
  std::filesystem::path dir_;
  int up_rc_ = -1;
  std::string log_;
};

bool wait_for(const std::function<bool()>& cond, int seconds) {
  for (int i = 0; i < seconds * 20; ++i) {
    if (cond()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

std::string job_id(const std::string& sbatch_out) {
  std::smatch m;
  return std::regex_search(sbatch_out, m, std::regex("Submitted batch job ([0-9]+)")) ? m[1].str()
                                                                                      : "";
}
}  // namespace

TEST_SUITE("sweep slurm") {
  TEST_CASE("a sweep as a Slurm job array: packed elements, identical histories, USR1 requeue") {
    if (::geteuid() != 0) {
      MESSAGE("skipped: not root (the private Slurm cluster's slurmd must run as root)");
      return;
    }
    const SlurmCluster cluster;
    if (cluster.up_rc() == 77) {
      MESSAGE(("skipped: " + cluster.log()));
      return;
    }
    REQUIRE_MESSAGE(cluster.up_rc() == 0, cluster.log());
    TempDir dir("sweep-slurm");

    // 8 tasks, 3 per element: 3 elements, at most 2 at once.
    const auto local = dir.write("local.yaml", small_sweep(dir / "local", 2));
    const auto file = dir.write("s.yaml", small_sweep(dir / "out", 2));
    REQUIRE(run_vecinos("sweep run " + q(local) + " --jobs 2").exit_code == 0);
    const auto gen = run_vecinos("sweep slurm " + q(file) +
                                 " --pack 3 --throttle 2 --time 00:05:00 --job-name vecinos-test");
    REQUIRE_MESSAGE(gen.exit_code == 0, gen.err);
    CHECK(gen.out.find("#SBATCH --array=0-2%2\n") != std::string::npos);
    CHECK(gen.err.find("8 tasks, 3 per element: 3 array elements in 1 array") != std::string::npos);
    const auto script = dir.write("job.sh", gen.out);
    const auto sub = cluster.sh("bash " + q(script));
    REQUIRE_MESSAGE(sub.exit_code == 0, (sub.out + sub.err));
    REQUIRE(!job_id(sub.out).empty());
    REQUIRE_MESSAGE(cluster.wait_idle(60), cluster.sh("squeue").out);
    for (int i = 0; i < 8; ++i) {
      const std::string name = fmt::format("task-{:06}.h5", i);
      INFO(name);
      REQUIRE(std::filesystem::exists(dir / "out" / name));
      CHECK(differing_datasets(dir / "local" / name, dir / "out" / name).empty());
    }
    const std::string log0 = slurp(dir / "out/slurm" / (job_id(sub.out) + "_0.out"));
    CHECK(log0.find("Slurm element 0: tasks 0-2") != std::string::npos);
    CHECK(run_vecinos("sweep collect " + q(dir / "out")).exit_code == 0);

    // USR1 to the batch shell (what --signal=B:USR1@60 sends before the time limit): the
    // running task stops as .partial, the element is requeued, and it resumes.
    const auto slow = dir.write("slow.yaml", small_sweep(dir / "slow", 1));
    const auto gen2 =
        run_vecinos("sweep slurm " + q(slow) + " --pack 4 --time 00:05:00 --test-tick-delay-ms 60");
    REQUIRE(gen2.exit_code == 0);
    const auto sub2 = cluster.sh("bash " + q(dir.write("slow.sh", gen2.out)));
    const std::string job = job_id(sub2.out);
    REQUIRE(!job.empty());
    const auto partial = dir / "slow/task-000000.h5.partial";
    // Running: FILE.creating until its first flush (at least 0.5 s in), then FILE.partial.
    const auto creating = dir / "slow/task-000000.h5.creating";
    REQUIRE(wait_for(
        [&] { return std::filesystem::exists(creating) || std::filesystem::exists(partial); }, 30));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    REQUIRE(cluster.sh("scancel --signal=USR1 --batch " + job + "_0").exit_code == 0);
    // Requeued: pending again (held back by Slurm's begin time after a requeue).
    REQUIRE_MESSAGE(wait_for(
                        [&] {
                          return cluster.sh("squeue -h -t PENDING -j " + job).out.find(job) !=
                                 std::string::npos;
                        },
                        60),
                    cluster.sh("squeue").out);
    CHECK(std::filesystem::exists(partial));
    CHECK_FALSE(std::filesystem::exists(dir / "slow/task-000000.h5"));
    const std::string stopped = slurp(dir / "slow/slurm" / (job + "_0.out"));
    CHECK(stopped.find("sweep stopped by signal 10") != std::string::npos);
    CHECK(stopped.find("requeueing " + job + "_0") != std::string::npos);
    // Let Slurm start it again: a requeued job waits out the credential lifetime of the run it
    // replaces (cred_expire, 10 s on this cluster); a job forced to start sooner is refused by
    // slurmd ("job credential revoked") and fails without running.
    REQUIRE_MESSAGE(cluster.wait_idle(90), cluster.sh("squeue").out);
    // On failure, say what the element and Slurm saw.
    INFO("element log: " << slurp(dir / "slow/slurm" / (job + "_0.out")));
    INFO("job: " << cluster.sh("scontrol show job " + job + " 2>&1 | head -8").out);
    INFO("daemons: " << cluster.daemon_logs());
    for (int i = 0; i < 4; ++i)
      CHECK(std::filesystem::exists(dir / "slow" / fmt::format("task-{:06}.h5", i)));
    CHECK_FALSE(std::filesystem::exists(partial));
    // The resumed task is the same run as anywhere else (same point, replicate and seed).
    CHECK(differing_datasets(dir / "local/task-000000.h5", dir / "slow/task-000000.h5").empty());

    // A morris design as an array on the same cluster: 3 trajectories x (k + 1) = 9 points,
    // 3 tasks per element; the histories and Morris measures are those of a local sweep.
    const std::string design = "design: morris\nsamples: 3\nlevels: 4";
    const auto morris_local = dir.write("morris-local.yaml", sampled_sweep(dir / "ml", design));
    const auto morris = dir.write("morris.yaml", sampled_sweep(dir / "ms", design));
    REQUIRE(run_vecinos("sweep run " + q(morris_local) + " --jobs 2").exit_code == 0);
    const auto gen3 = run_vecinos("sweep slurm " + q(morris) + " --pack 3 --time 00:05:00");
    REQUIRE_MESSAGE(gen3.exit_code == 0, gen3.err);
    CHECK(gen3.err.find("9 tasks, 3 per element: 3 array elements in 1 array") !=
          std::string::npos);
    const auto sub3 = cluster.sh("bash " + q(dir.write("morris.sh", gen3.out)));
    REQUIRE_MESSAGE(sub3.exit_code == 0, (sub3.out + sub3.err));
    REQUIRE(!job_id(sub3.out).empty());
    REQUIRE_MESSAGE(cluster.wait_idle(60), cluster.sh("squeue").out);
    for (int i = 0; i < 9; ++i) {
      const std::string name = fmt::format("task-{:06}.h5", i);
      INFO(name);
      REQUIRE(std::filesystem::exists(dir / "ms" / name));
      CHECK(differing_datasets(dir / "ml" / name, dir / "ms" / name).empty());
    }
    for (const auto* d : {"ml", "ms"}) {
      const auto c = run_vecinos("sweep collect " + q(dir / d));
      REQUIRE_MESSAGE(c.exit_code == 0, c.err);
    }
    const auto t = sensitivity_tables({dir / "ms", dir / "ml"}, "trade_us_mx_usd.final");
    REQUIRE_MESSAGE(t.exit_code == 0, t.err);
    const auto rows = csv_rows(t.out);
    INFO(t.out);
    REQUIRE(rows.size() == 6);  // header + 2 parameters, twice
    CHECK(rows[0] == std::vector<std::string>{"parameter", "mu", "mu_star", "mu_star_lo",
                                              "mu_star_hi", "sigma"});
    double moved = 0.0;
    for (std::size_t p = 1; p <= 2; ++p) {
      REQUIRE(rows[p].size() == 6);
      for (std::size_t c = 1; c < 6; ++c) CHECK(std::isfinite(std::stod(rows[p][c])));
      // mu* is the mean absolute elementary effect: never below |mu|, inside its interval
      const double mu = std::stod(rows[p][1]), mu_star = std::stod(rows[p][2]);
      CHECK(mu_star >= std::fabs(mu));
      CHECK(std::stod(rows[p][3]) <= mu_star);
      CHECK(std::stod(rows[p][4]) >= mu_star);
      moved += mu_star;
    }
    CHECK(moved > 0.0);  // the parameters move trade
    CHECK(rows[3] == rows[0]);
    CHECK(rows[4] == rows[1]);  // identical histories, the same measures to the last digit
    CHECK(rows[5] == rows[2]);

    // vecinos calibrate --slurm: each generation is submitted as an array with sbatch --wait;
    // the file equals a local calibration's.
    const auto cal_local = dir.write("cal-local/cal.yaml", small_calibration(1));
    const auto cal_slurm = dir.write("cal-slurm/cal.yaml", small_calibration(1));
    REQUIRE(run_vecinos("calibrate " + q(cal_local) + " --jobs 2").exit_code == 0);
    const auto cal =
        cluster.sh(kExe + " calibrate " + q(cal_slurm) + " --slurm --pack 6 --time 00:05:00");
    REQUIRE_MESSAGE(cal.exit_code == 0, (cal.out + cal.err + cluster.daemon_logs()));
    CHECK(cal.err.find("sbatch --wait --array=0-3") != std::string::npos);
    const auto cal_diff = differing_datasets(dir / "cal-local/out/calibration.h5",
                                             dir / "cal-slurm/out/calibration.h5");
    CHECK_MESSAGE(cal_diff.empty(), fmt::format("{}", fmt::join(cal_diff, ", ")));
  }
}
