// Writers that must not lose data or leave a file that looks complete when it is not: two
// writers of one history or one sweep, runners killed with SIGKILL, full disks, damaged task
// files, runs killed while their file is being created (issue 12, items 1-4 and 6).
#include <doctest/doctest.h>
#include <hdf5.h>
#include <sys/mount.h>

#include <fmt/format.h>

#include "tests/integration/test_sweep_support.hpp"
#include "tests/reliability/support.hpp"

namespace vecinos::test {
namespace {

std::string h5_status(const std::filesystem::path& p) {
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  hid_t f = H5Fopen(p.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (f < 0) f = H5Fopen(p.c_str(), H5F_ACC_RDONLY | H5F_ACC_SWMR_READ, H5P_DEFAULT);
  if (f < 0) return "unreadable";
  std::string out = "no status";
  if (H5Aexists(f, "status") > 0) {
    const hid_t a = H5Aopen(f, "status", H5P_DEFAULT);
    const hid_t t = H5Aget_type(a);
    char* s = nullptr;
    if (H5Tis_variable_str(t) > 0 && H5Aread(a, t, &s) >= 0 && s != nullptr) {
      out = s;
      H5free_memory(s);
    }
    H5Tclose(t);
    H5Aclose(a);
  }
  H5Fclose(f);
  return out;
}

std::string run_args(const std::filesystem::path& out, const std::string& extra = "") {
  return "run " + quoted(source_path("configs/baseline.yaml")) + " -q" + kSmallRun + " -o " +
         quoted(out.string()) + " " + extra;
}

}  // namespace

TEST_SUITE("reliability: writers") {
  TEST_CASE(
      "two runs writing one history: the second is refused with exit 2, the first completes") {
    TempDir dir("two-writers");
    const auto file = dir / "same.h5";
    Background first(run_args(file, "--set simulation.end=2025-03-01 --test-tick-delay-ms 40"),
                     dir.path());
    REQUIRE(eventually([&] { return present(dir / "same.h5.partial"); }));
    for (const char* force : {"", "--force"}) {
      const auto second =
          run_vecinos(run_args(file, std::string("--set simulation.end=2025-01-20 ") + force));
      CHECK(second.exit_code == 2);
      CHECK(second.err.find("another process is writing this history") != std::string::npos);
    }
    REQUIRE(first.wait_for(60000) == 0);
    CHECK(h5_status(file) == "complete");
    CHECK_FALSE(present(dir / "same.h5.partial"));
    CHECK(run_vecinos("inspect " + quoted(file.string())).exit_code == 0);
  }

  TEST_CASE("a stale .partial of a killed run does not block the next run") {
    TempDir dir("stale-partial");
    const auto file = dir / "k.h5";
    Background killed(run_args(file, "--test-tick-delay-ms 40"), dir.path());
    REQUIRE(eventually([&] { return present(dir / "k.h5.partial"); }));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    killed.signal(SIGKILL);
    REQUIRE(killed.wait_for(10000) == 137);
    CHECK(h5_status(dir / "k.h5.partial") == "incomplete");
    const auto again = run_vecinos(run_args(file, "--set simulation.end=2025-01-20"));
    CHECK(again.exit_code == 0);
    CHECK(h5_status(file) == "complete");
  }

  TEST_CASE("killed while the file is created: no .partial that cannot be opened") {
    TempDir dir("kill-creating");
    const auto file = dir / "c.h5";
    auto r = run_vecinos(run_args(file, "--test-kill-while-creating"));
    CHECK(r.exit_code == 137);
    // Either no .partial, or one that opens; never a file that is half an HDF5 header.
    if (present(dir / "c.h5.partial")) CHECK(h5_status(dir / "c.h5.partial") != "unreadable");
    CHECK_FALSE(present(file));
    // An older .partial (a stopped run) survives a run killed while creating its replacement.
    Background stopped(run_args(file, "--test-tick-delay-ms 40"), dir.path());
    REQUIRE(eventually([&] { return present(dir / "c.h5.partial"); }));
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    stopped.signal(SIGTERM);
    REQUIRE(stopped.wait_for(10000) == 143);
    REQUIRE(h5_status(dir / "c.h5.partial") == "incomplete");
    r = run_vecinos(run_args(file, "--test-kill-while-creating"));
    CHECK(r.exit_code == 137);
    CHECK(h5_status(dir / "c.h5.partial") == "incomplete");
    // And the next run is not blocked by the leftover.
    CHECK(run_vecinos(run_args(file, "--set simulation.end=2025-01-20")).exit_code == 0);
    CHECK(h5_status(file) == "complete");
  }

  TEST_CASE("SIGKILL at 16 moments of a run: every .partial left opens, no .h5 unless complete") {
    TempDir dir("kill-moments");
    int partials = 0, completes = 0;
    for (int i = 0; i < 16; ++i) {
      const auto file = dir / fmt::format("m{}.h5", i);
      Background run(run_args(file, "--set simulation.end=2025-02-01"), dir.path());
      std::this_thread::sleep_for(std::chrono::milliseconds(15 * i));
      run.signal(SIGKILL);
      const auto rc = run.wait_for(20000);
      REQUIRE(rc.has_value());
      const auto partial = dir / fmt::format("m{}.h5.partial", i);
      if (present(partial)) {
        ++partials;
        CHECK_MESSAGE(h5_status(partial) != "unreadable", "kill after ", 15 * i, " ms");
      }
      if (present(file)) {
        ++completes;
        CHECK(h5_status(file) == "complete");
      }
    }
    MESSAGE(partials, " .partial files and ", completes, " complete files after 16 kills");
  }

  TEST_CASE("a full disk (file size limit): exit 1 naming the file and the OS error, no crash") {
    TempDir dir("full-disk");
    const auto file = dir / "big.h5";
    // ulimit -f counts 1024-byte blocks: 300 KiB is far less than the history.
    const auto r = run_shell("ulimit -f 300; exec " + quoted(VECINOS_EXE) + " " +
                             run_args(file, "--set simulation.end=2025-06-01"));
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("big.h5") != std::string::npos);
    CHECK(r.err.find("File too large") != std::string::npos);
    CHECK_FALSE(present(file));
    // With --force, the old complete file stays intact.
    REQUIRE(run_vecinos(run_args(file, "--set simulation.end=2025-01-08")).exit_code == 0);
    const auto before = slurp(file);
    const auto forced = run_shell("ulimit -f 300; exec " + quoted(VECINOS_EXE) + " " +
                                  run_args(file, "--set simulation.end=2025-06-01 --force"));
    CHECK(forced.exit_code == 1);
    CHECK(slurp(file) == before);
  }

  TEST_CASE("a full file system (tmpfs of 256 KiB, as root): exit 1, status failed where written") {
    if (::geteuid() != 0) {
      MESSAGE("skipped: mounting a small tmpfs needs root");
      return;
    }
    TempDir dir("tmpfs");
    const auto mnt = dir / "mnt";
    std::filesystem::create_directories(mnt);
    if (::mount("vecinos-test", mnt.c_str(), "tmpfs", 0, "size=256k") != 0) {
      MESSAGE("skipped: cannot mount a tmpfs here (", std::strerror(errno), ")");
      return;
    }
    struct Unmount {
      std::filesystem::path p;
      ~Unmount() { ::umount2(p.c_str(), MNT_DETACH); }
    } unmount{mnt};
    const auto file = mnt / "full.h5";
    const auto r = run_vecinos(run_args(file, "--set simulation.end=2025-09-01"));
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("full.h5") != std::string::npos);
    CHECK(r.err.find("No space left on device") != std::string::npos);
    CHECK(r.err.find("Segmentation") == std::string::npos);
    CHECK_FALSE(present(file));
    const auto partial = mnt / "full.h5.partial";
    if (present(partial)) CHECK(h5_status(partial) != "complete");
  }
}

TEST_SUITE("reliability: exit codes") {
  TEST_CASE("an unwritable -o and a read-only sweep directory: exit 2, one line with the reason") {
    if (::geteuid() != 0) {
      MESSAGE("skipped: mounting a read-only tmpfs needs root");
      return;
    }
    TempDir dir("read-only");
    const auto mnt = dir / "ro";
    std::filesystem::create_directories(mnt);
    if (::mount("vecinos-ro", mnt.c_str(), "tmpfs", MS_RDONLY, "size=64k") != 0) {
      MESSAGE("skipped: cannot mount a tmpfs here (", std::strerror(errno), ")");
      return;
    }
    struct Unmount {
      std::filesystem::path p;
      ~Unmount() { ::umount2(p.c_str(), MNT_DETACH); }
    } unmount{mnt};
    const auto r = run_vecinos(run_args(mnt / "x.h5", "--set simulation.end=2025-01-08"));
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("Read-only file system") != std::string::npos);
    CHECK(r.err.find('\n') == r.err.size() - 1);  // one line
    const auto sweep = dir.write("s.yaml", small_sweep(mnt, 1));
    const auto s = run_vecinos("sweep run " + quoted(sweep.string()));
    CHECK(s.exit_code == 2);
    CHECK(s.err.find("Read-only file system") != std::string::npos);
  }
}

TEST_SUITE("reliability: sweeps") {
  TEST_CASE("two sweep runs on one directory: the second is refused with exit 2") {
    TempDir dir("two-sweeps");
    const auto file = dir.write("s.yaml", small_sweep(dir / "out", 1));
    Background first("sweep run " + quoted(file.string()) + " --jobs 2 --test-tick-delay-ms 30",
                     dir.path());
    // The first task is being written: as FILE.creating until its first flush, which a task
    // of about half a second may never reach (flushes are at least 500 ms apart).
    REQUIRE(eventually([&] {
      return present(dir / "out/task-000000.h5.creating") ||
             present(dir / "out/task-000000.h5.partial");
    }));
    const auto second = run_vecinos("sweep run " + quoted(file.string()) + " --jobs 2");
    CHECK(second.exit_code == 2);
    CHECK(second.err.find("another `vecinos sweep run` is using") != std::string::npos);
    CHECK(second.err.find("pid ") != std::string::npos);
    REQUIRE(first.wait_for(60000) == 0);
    for (int t = 0; t < 4; ++t)
      CHECK(h5_status(dir / fmt::format("out/task-{:06}.h5", t)) == "complete");
    CHECK(run_vecinos("sweep collect " + quoted((dir / "out").string())).exit_code == 0);
  }

  TEST_CASE("a sweep runner killed with SIGKILL: its tasks stop, then a resume completes") {
    TempDir dir("orphans");
    const auto out = dir / "out";
    const auto file = dir.write("s.yaml", small_sweep(out, 1));
    // Tasks of about 17 ticks x 200 ms: left alone they would run for 3 s more.
    Background runner("sweep run " + quoted(file.string()) + " --jobs 2 --test-tick-delay-ms 200",
                      dir.path());
    REQUIRE(eventually([&] { return present(out / "task-000001.h5.partial"); }));
    runner.signal(SIGKILL);
    REQUIRE(runner.wait_for(10000) == 137);
    // The tasks got SIGTERM from the kernel when their runner died (PR_SET_PDEATHSIG): gone
    // within a second, their histories left incomplete, none completed by an orphan.
    CHECK(eventually([&] { return processes_mentioning(out.string()).empty(); }, 1500));
    CHECK_FALSE(present(out / "task-000000.h5"));
    CHECK_FALSE(present(out / "task-000001.h5"));
    const auto resume = run_vecinos("sweep run " + quoted(file.string()) + " --jobs 2");
    CHECK(resume.exit_code == 0);
    for (int t = 0; t < 4; ++t)
      CHECK(h5_status(out / fmt::format("task-{:06}.h5", t)) == "complete");
  }

  TEST_CASE(
      "damaged task files are not done: collect says invalid, run moves them aside and reruns") {
    TempDir dir("damaged-tasks");
    const auto out = dir / "out";
    const auto file = dir.write("s.yaml", small_sweep(out, 1));
    REQUIRE(run_vecinos("sweep run " + quoted(file.string()) + " --jobs 2").exit_code == 0);
    // Task 1 truncated to 48 bytes, task 2 garbage, task 3 a history with another status.
    std::filesystem::resize_file(out / "task-000001.h5", 48);
    std::ofstream(out / "task-000002.h5", std::ios::binary | std::ios::trunc) << "not hdf5 at all";
    std::filesystem::copy_file(out / "task-000000.h5", dir / "keep.h5");
    const auto collect = run_vecinos("sweep collect " + quoted(out.string()));
    CHECK(collect.exit_code == 1);
    CHECK(present(out / "sweep.h5"));
    CHECK(collect.out.find("task 1 is invalid") != std::string::npos);
    CHECK(collect.out.find("task 2 is invalid") != std::string::npos);
    const auto rerun = run_vecinos("sweep run " + quoted(file.string()) + " --jobs 2");
    CHECK(rerun.exit_code == 0);
    CHECK(rerun.err.find("task-000001.h5 is not a complete history") != std::string::npos);
    CHECK(rerun.out.find("2 failed") == std::string::npos);
    CHECK(present(out / "task-000001.h5.damaged"));
    for (int t = 0; t < 4; ++t)
      CHECK(h5_status(out / fmt::format("task-{:06}.h5", t)) == "complete");
    CHECK(run_vecinos("sweep collect " + quoted(out.string())).exit_code == 0);
  }

  TEST_CASE("a .failed record that cannot be written: the runner reports it, no crash") {
    TempDir dir("unwritable-failed");
    const auto out = dir / "out";
    const auto file = dir.write("s.yaml", small_sweep(out, 1));
    // task-000002.failed is a non-empty directory: the record cannot replace it.
    std::filesystem::create_directories(out / "task-000002.failed" / "x");
    const auto r =
        run_vecinos("sweep run " + quoted(file.string()) + " --jobs 2 --test-crash-task 2");
    CHECK(r.exit_code == 1);
    // The runner reports task 2 (which crashed on purpose) and that its record was not
    // written, and exits 1 itself (before the fix: an exception escaped and it crashed).
    CHECK(r.err.find("task 2 FAILED after") != std::string::npos);
    CHECK(r.err.find("killed by signal 11") != std::string::npos);
    CHECK(r.err.find("could not be written") != std::string::npos);
    for (int t : {0, 1, 3}) CHECK(h5_status(out / fmt::format("task-{:06}.h5", t)) == "complete");
  }
}

}  // namespace vecinos::test
