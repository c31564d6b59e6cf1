// `vecinos calibrate` on a small problem (docs/calibration.md): every generation runs through the
// sweep engine; the result does not depend on --jobs; a second run finds every history complete
// and simulates nothing; a run killed in the middle resumes to the very same file; a bad file
// exits 2 with file:line:column.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <regex>
#include <set>
#include <thread>

#include "tests/integration/test_sweep_support.hpp"
#include "tests/support/process.hpp"

using namespace vecinos::test;

namespace {

std::string quoted(const std::filesystem::path& p) {
  return fmt::format("'{}'", p.string());
}

/// The runs simulated now, from the summary line "N generations, R runs (S simulated now)".
long simulated_now(const std::string& out) {
  std::smatch m;
  return std::regex_search(out, m, std::regex("\\(([0-9]+) simulated now\\)")) ? std::stol(m[1])
                                                                               : -1;
}

}  // namespace

TEST_SUITE("calibrate cli") {
  TEST_CASE("vecinos calibrate: the same file at --jobs 1 and 2, a re-run simulates nothing") {
    TempDir dir("calibrate");
    const auto a = dir.write("a/cal.yaml", small_calibration(2));
    const auto b = dir.write("b/cal.yaml", small_calibration(2));
    const auto ra = run_vecinos("calibrate " + quoted(a) + " --jobs 1");
    REQUIRE_MESSAGE(ra.exit_code == 0, ra.err);
    const auto rb = run_vecinos("calibrate " + quoted(b) + " --jobs 2");
    REQUIRE_MESSAGE(rb.exit_code == 0, rb.err);
    // 24 + 12 + 12 proposals, one run each.
    CHECK(simulated_now(ra.out) == 48);
    CHECK(ra.out.find("decisions.temperature") != std::string::npos);
    CHECK(ra.err.find("generation 2: 12 proposals") != std::string::npos);
    const auto fa = dir / "a/out/calibration.h5", fb = dir / "b/out/calibration.h5";
    const auto diff = differing_datasets(fa, fb);
    CHECK_MESSAGE(diff.empty(), fmt::format("{}", fmt::join(diff, ", ")));
    CHECK(dataset_opens(fa, "generations/gen-002/particles"));
    CHECK(dataset_opens(fa, "generations/gen-000/proposals/statistics"));
    // Every generation is a sweep with its index: `vecinos sweep collect` wrote sweep.h5.
    CHECK(std::filesystem::exists(dir / "a/out/gen-001/short/sweep.h5"));

    const auto again = run_vecinos("calibrate " + quoted(a) + " --jobs 2");
    REQUIRE_MESSAGE(again.exit_code == 0, again.err);
    CHECK(simulated_now(again.out) == 0);
    CHECK(differing_datasets(fa, fb).empty());

    // One more generation: the first three are replayed from their histories.
    dir.write("a/cal.yaml", small_calibration(3));
    const auto more = run_vecinos("calibrate " + quoted(a) + " --jobs 2");
    REQUIRE_MESSAGE(more.exit_code == 0, more.err);
    CHECK(simulated_now(more.out) == 12);

    // The posterior design draws its parameter sets from the calibration's posterior.csv.
    const auto csv = slurp(dir / "a/out/posterior.csv");
    CHECK(csv.rfind("weight,decisions.temperature,presidents.mx.forbearance\n", 0) == 0);
    const auto post = dir.write("a/post.yaml",
                                fmt::format("base: {}\noutput: post\ndesign: posterior\nposterior: "
                                            "out/posterior.csv\nsamples: 5\nset: {{simulation.end: "
                                            "2025-01-15}}\n",
                                            source_path("configs/baseline.yaml")));
    const auto plan = run_vecinos("sweep plan " + quoted(post));
    REQUIRE_MESSAGE(plan.exit_code == 0, plan.err);
    CHECK(plan.out.find("design posterior, 5 points") != std::string::npos);
    // Every drawn temperature is a particle's (the first column after the weight).
    std::set<std::string> temperatures;
    for (std::size_t at = csv.find('\n'); at != std::string::npos && at + 1 < csv.size();
         at = csv.find('\n', at + 1)) {
      const auto comma = csv.find(',', at + 1);
      const auto next = csv.find(',', comma + 1);
      temperatures.insert(csv.substr(comma + 1, next - comma - 1));
    }
    int found = 0;
    for (const auto& t : temperatures) found += plan.out.find(t) != std::string::npos ? 1 : 0;
    CHECK(found >= 1);

    // A changed prior changes the proposals of generation 1: the old outputs are refused.
    std::string changed = small_calibration(3);
    changed.replace(changed.find("max: 0.95"), 9, "max: 0.9");
    dir.write("a/cal.yaml", changed);
    const auto refused = run_vecinos("calibrate " + quoted(a) + " --jobs 2");
    CHECK(refused.exit_code == 2);
    CHECK(refused.err.find("holds another calibration's runs") != std::string::npos);
  }

  TEST_CASE("vecinos calibrate: killed in the middle, it resumes to the same file") {
    TempDir dir("calibrate-kill");
    const auto whole = dir.write("whole/cal.yaml", small_calibration(3));
    const auto cut = dir.write("cut/cal.yaml", small_calibration(3));
    REQUIRE(run_vecinos("calibrate " + quoted(whole) + " --jobs 2").exit_code == 0);

    const std::string exe = VECINOS_EXE;
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      const int null = ::open("/dev/null", O_WRONLY);
      ::dup2(null, 1);
      ::dup2(null, 2);
      ::execl(exe.c_str(), exe.c_str(), "calibrate", cut.c_str(), "--jobs", "2",
              static_cast<char*>(nullptr));
      ::_exit(127);
    }
    // Wait for generation 1 to begin, then stop the calibration.
    const auto gen1 = dir / "cut/out/gen-001/short";
    for (int i = 0; i < 600 && !std::filesystem::exists(gen1); ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    ::kill(pid, SIGTERM);
    int status = 0;
    ::waitpid(pid, &status, 0);
    CHECK(std::filesystem::exists(gen1));
    const auto resumed = run_vecinos("calibrate " + quoted(cut) + " --jobs 2");
    REQUIRE_MESSAGE(resumed.exit_code == 0, resumed.err);
    CHECK(simulated_now(resumed.out) < 60);
    const auto diff =
        differing_datasets(dir / "whole/out/calibration.h5", dir / "cut/out/calibration.h5");
    CHECK_MESSAGE(diff.empty(), fmt::format("{}", fmt::join(diff, ", ")));
  }

  TEST_CASE("the shipped calibration loads: --check lists its episodes, parameters, targets") {
    const auto r = run_vecinos(
        "calibrate " +
        quoted(std::filesystem::path(source_path("configs/calibration/episodes.yaml"))) +
        " --check");
    REQUIRE_MESSAGE(r.exit_code == 0, r.err);
    CHECK(r.out.find("episodes (2):") != std::string::npos);
    CHECK(r.out.find("trump_amlo     2018-12-01 .. 2020-02-29") != std::string::npos);
    CHECK(r.out.find("parameters (14):") != std::string::npos);
    CHECK(r.out.find("targets (46):") != std::string::npos);
    CHECK(r.out.find("migrants.attempt_transit@biden") != std::string::npos);
  }

  TEST_CASE("vecinos calibrate: a target NaN in every run is named, and nothing looks complete") {
    TempDir dir("calibrate-nan");
    std::string text = small_calibration(1);
    // A two-day window between two weekly ticks holds no recorded tick: its mean is NaN.
    text +=
        "  - {indicator: leader_bond, stat: mean, from: 2025-01-02, to: 2025-01-03, "
        "observed: 0.5, scale: 0.1}\n";
    const auto f = dir.write("cal.yaml", text);
    const auto r = run_vecinos("calibrate " + quoted(f) + " --jobs 2");
    INFO(r.err);
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("warning: target leader_bond.mean.2025-01-02..2025-01-03 of episode short "
                     "is NaN in 24 of 24 runs") != std::string::npos);
    CHECK(r.err.find("only 0 of 24 simulations gave a finite distance") != std::string::npos);
    CHECK(!std::filesystem::exists(dir / "out/calibration.h5"));
  }

  TEST_CASE("vecinos calibrate: a bad file exits 2 with file:line:column") {
    TempDir dir("calibrate-bad");
    std::string text = small_calibration(1);
    text.replace(text.find("prior: uniform"), 14, "prior: unifrm");
    const auto f = dir.write("cal.yaml", text);
    const auto r = run_vecinos("calibrate " + quoted(f));
    INFO(r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("cal.yaml:16:38: parameters.presidents.mx.forbearance.prior: 'unifrm' is "
                     "not a prior; did you mean 'uniform'?") != std::string::npos);
    CHECK(!std::filesystem::exists(dir / "out"));
  }
}
