// Unit tests of the Slurm side (tools/sweep/slurm.hpp): array splitting, element task ranges,
// and the batch script.
#include <doctest/doctest.h>

#include "model/sweep/tasks.hpp"
#include "tools/sweep/executor.hpp"
#include "tools/sweep/slurm.hpp"

using namespace vecinos::sweep;

namespace {
bool has(const std::string& text, const std::string& fragment) {
  return text.find(fragment) != std::string::npos;
}
}  // namespace

TEST_SUITE("sweep slurm") {
  TEST_CASE("elements are split into arrays of at most MaxArraySize") {
    const auto one = array_chunks(10, 1001);
    REQUIRE(one.size() == 1);
    CHECK(one[0].offset == 0);
    CHECK(one[0].size == 10);
    const auto three = array_chunks(2500, 1001);
    REQUIRE(three.size() == 3);
    CHECK(three[1].offset == 1001);
    CHECK(three[1].size == 1001);
    CHECK(three[2].offset == 2002);
    CHECK(three[2].size == 498);
    CHECK(array_chunks(0, 1001).empty());
  }

  TEST_CASE("an element's tasks: (offset + array index) x pack, the last one short") {
    CHECK(element_tasks(0, 0, 1, 5).first == 0);
    CHECK(element_tasks(0, 0, 1, 5).last == 1);
    const auto e = element_tasks(2, 1000, 3, 4000);  // element 1002: tasks 3006..3008
    CHECK(e.first == 3006);
    CHECK(e.last == 3009);
    const auto last = element_tasks(3, 0, 3, 10);  // element 3: task 9 only
    CHECK(last.first == 9);
    CHECK(last.last == 10);
    const auto past = element_tasks(4, 0, 3, 10);
    CHECK(past.first == past.last);
    // Every task belongs to exactly one element.
    std::vector<int> hits(10, 0);
    for (std::uint64_t a = 0; a < 4; ++a)
      for (auto t = element_tasks(a, 0, 3, 10).first; t < element_tasks(a, 0, 3, 10).last; ++t)
        ++hits[t];
    CHECK(hits == std::vector<int>(10, 1));
  }

  TEST_CASE("the batch script: array, throttle, pack, signal, requeue, and every array") {
    Sweep s;
    s.file = "configs/sweeps/x.yaml";
    s.base = "/b/baseline.yaml";
    s.output = "/runs/x";
    s.replicates = 5;
    s.design = Design::list;
    Parameter p;
    p.path = "presidents.mx.forbearance";
    for (int i = 0; i < 500; ++i) p.values.push_back("0.5");
    s.parameters.push_back(p);
    const TaskList tasks(s);  // 2500 tasks
    SlurmOptions o;
    o.pack = 2;  // 1250 elements
    o.array_max = 1000;
    o.throttle = 8;
    o.partition = "short";
    o.time = "00:30:00";
    o.cpus_per_task = 2;
    o.sbatch_options = {"--account=proj"};
    const std::string t = slurm_script(tasks, o, "/opt/vecinos", "/runs/x/sweep.yaml");
    CHECK(t.rfind("#!/bin/bash\n", 0) == 0);
    CHECK(has(t, "#SBATCH --job-name=vecinos-x\n"));
    CHECK(has(t, "#SBATCH --array=0-999%8\n"));
    CHECK(has(t, "#SBATCH --partition=short\n"));
    CHECK(has(t, "#SBATCH --time=00:30:00\n"));
    CHECK(has(t, "#SBATCH --cpus-per-task=2\n"));
    CHECK(has(t, "#SBATCH --signal=B:USR1@60\n"));
    CHECK(has(t, "#SBATCH --requeue\n"));
    CHECK(has(t, "#SBATCH --account=proj\n"));
    CHECK(has(t, "#SBATCH --output=/runs/x/slurm/%A_%a.out\n"));
    CHECK(has(t, "sbatch --array=0-999%8 --export=ALL,VECINOS_SWEEP_OFFSET=0 \"$0\""));
    CHECK(has(t, "sbatch --array=0-249%8 --export=ALL,VECINOS_SWEEP_OFFSET=1000 \"$0\""));
    CHECK(has(t, "export VECINOS_SWEEP_PACK=2\n"));
    CHECK(has(t, "\"$vecinos\" sweep run \"$sweep\" --slurm"));
    CHECK(has(t, "vecinos=/opt/vecinos\nsweep=/runs/x/sweep.yaml\n"));
    CHECK(has(t, "scontrol requeue"));
  }

  TEST_CASE("ranges of task numbers are printed compactly") {
    CHECK(ranges_text({}).empty());
    CHECK(ranges_text({3}) == "3");
    CHECK(ranges_text({3, 5, 6, 7, 9, 12, 13}) == "3, 5-7, 9, 12-13");
  }
}
