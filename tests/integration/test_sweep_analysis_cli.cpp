// `vecinos sweep` for analysis on small sweeps: the saltelli and morris plans, common random
// numbers, event outcomes when a run records no events, and `vecinos report` without Python.
#include <doctest/doctest.h>

#include <algorithm>
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

/// A Latin hypercube of 6 points x 2 replicates whose two paths split the runs.
std::string lhs_paths(const std::filesystem::path& out) {
  return fmt::format(
      "base: {}\noutput: {}\nreplicates: 2\nseed: 5\ndesign: lhs\nsamples: 6\n"
      "parameters:\n"
      "  presidents.mx.forbearance: {{min: 0.2, max: 0.8}}\n"
      "  presidents.us.tariff_propensity: {{min: 0.1, max: 0.9}}\n"
      "set:\n  simulation.end: 2025-03-01\n  migrants.scale: 1000\n  firms.agents: 300\n"
      "  recording.agents: false\n  recording.network: false\n"
      "outcomes:\n  - {{indicator: trade_us_mx_usd, stat: final}}\n"
      "paths:\n  - {{name: loss, when: trade_us_mx_usd.final < 7.8e11}}\n  - {{name: other}}\n",
      source_path("configs/baseline.yaml"), out.string());
}

/// A 1-D dataset of a sweep index, read with the HDF5 C API (numbers as `mem_type`).
template <class T>
std::vector<T> read_column(const std::filesystem::path& file, const std::string& name,
                           hid_t mem_type) {
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  std::vector<T> v;
  const hid_t f = H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (f < 0) return v;
  const hid_t ds = H5Dopen2(f, name.c_str(), H5P_DEFAULT);
  if (ds >= 0) {
    const hid_t space = H5Dget_space(ds);
    v.resize(static_cast<std::size_t>(H5Sget_simple_extent_npoints(space)));
    H5Dread(ds, mem_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, v.data());
    H5Sclose(space);
    H5Dclose(ds);
  }
  H5Fclose(f);
  return v;
}

/// A fixed-length string dataset (collect's string columns).
std::vector<std::string> read_text_column(const std::filesystem::path& file,
                                          const std::string& name) {
  std::vector<std::string> out;
  H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
  const hid_t f = H5Fopen(file.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (f < 0) return out;
  const hid_t ds = H5Dopen2(f, name.c_str(), H5P_DEFAULT);
  if (ds >= 0) {
    const hid_t type = H5Dget_type(ds);
    const hid_t space = H5Dget_space(ds);
    const std::size_t width = H5Tget_size(type);
    const auto n = static_cast<std::size_t>(H5Sget_simple_extent_npoints(space));
    std::string bytes(n * width, '\0');
    H5Dread(ds, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, bytes.data());
    for (std::size_t i = 0; i < n; ++i) out.emplace_back(bytes.c_str() + i * width);
    for (auto& item : out) item.resize(std::min(item.size(), width));
    H5Sclose(space);
    H5Tclose(type);
    H5Dclose(ds);
  }
  H5Fclose(f);
  return out;
}

/// The fields of a CSV line (double quotes around fields holding commas, "" for a quote).
std::vector<std::string> csv_fields(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
      out.back() += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  return out;
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
  TEST_CASE("saltelli and morris plans: N (k + 2) and r (k + 1) points, common random numbers") {
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
    // Columns: mean, the 5/50/95 % bands, min, max.
    CHECK(std::regex_search(
        i.out, std::regex(R"(outcome \(complete tasks\) +mean +5% +50% +95% +min +max)")));
    CHECK(std::regex_search(i.out, std::regex(R"(impose_tariff\.count +- +- +- +- +- +-  count)")));
    // 2 points x the paths tense and calm, from /paths/by_point
    CHECK(i.out.find("\npaths by point: 2 points x 2 paths in /paths/by_point") !=
          std::string::npos);
  }

  TEST_CASE("collect --by: path counts per design point and per parameter bin, from the rows") {
    TempDir dir("sweep-path-groups");
    const auto file = dir.write("s.yaml", lhs_paths(dir / "out"));
    REQUIRE(run_vecinos("sweep run " + q(file) + " --jobs 2").exit_code == 0);
    const std::string key = "presidents.us.tariff_propensity";
    const auto csv = dir / "bins.csv";
    const auto c = run_vecinos("sweep collect " + q(dir / "out") + " --by " + key +
                               " --bins 3 --csv " + q(csv));
    REQUIRE_MESSAGE(c.exit_code == 0, c.err);
    CHECK(c.out.find("paths by " + key + " (3 equal-count bins of the complete runs' values):") !=
          std::string::npos);

    // The task rows, read back from sweep.h5.
    const auto index = dir / "out/sweep.h5";
    const auto point = read_column<std::int64_t>(index, "tasks/point", H5T_NATIVE_INT64);
    const auto path = read_text_column(index, "tasks/path");
    const auto value = read_column<double>(index, "parameters/" + key, H5T_NATIVE_DOUBLE);
    REQUIRE(point.size() == 12);
    REQUIRE(path.size() == 12);
    REQUIRE(value.size() == 12);
    const std::vector<std::string> names = {"loss", "other"};
    const auto losses = std::count(path.begin(), path.end(), "loss");
    CHECK(losses > 0);  // the rule splits the runs, so the counts can be wrong
    CHECK(losses < 12);

    // Per design point: /paths/by_point against a count of the rows.
    CHECK(read_text_column(index, "paths/by_point/path") == names);
    const auto runs = read_column<std::int64_t>(index, "paths/by_point/runs", H5T_NATIVE_INT64);
    const auto count = read_column<std::int64_t>(index, "paths/by_point/count", H5T_NATIVE_INT64);
    const auto lo = read_column<double>(index, "paths/by_point/lo", H5T_NATIVE_DOUBLE);
    const auto hi = read_column<double>(index, "paths/by_point/hi", H5T_NATIVE_DOUBLE);
    REQUIRE(runs.size() == 6);
    REQUIRE(count.size() == 12);
    REQUIRE(lo.size() == 12);
    REQUIRE(hi.size() == 12);
    for (std::size_t p = 0; p < 6; ++p) {
      INFO("point " << p);
      CHECK(runs[p] == std::count(point.begin(), point.end(), static_cast<std::int64_t>(p)));
      for (std::size_t j = 0; j < names.size(); ++j) {
        std::int64_t expected = 0;
        for (std::size_t i = 0; i < point.size(); ++i)
          if (point[i] == static_cast<std::int64_t>(p) && path[i] == names[j]) ++expected;
        CHECK(count[p * 2 + j] == expected);
        const double share = static_cast<double>(expected) / static_cast<double>(runs[p]);
        CHECK(lo[p * 2 + j] <= share);
        CHECK(hi[p * 2 + j] >= share);
      }
    }

    // inspect reports the size of /paths/by_point; without the group, nothing.
    const auto inspected = run_vecinos("inspect " + q(index));
    REQUIRE_MESSAGE(inspected.exit_code == 0, inspected.err);
    CHECK(
        inspected.out.find("\npaths by point: 6 points x 2 paths in /paths/by_point (each point's "
                           "counts and Wilson intervals: vecinos sweep collect " +
                           (dir / "out").string() + " --by point)\n") != std::string::npos);
    {
      H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
      const hid_t f = H5Fopen(index.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
      REQUIRE(f >= 0);
      CHECK(H5Ldelete(f, "paths/by_point", H5P_DEFAULT) >= 0);
      H5Fclose(f);
    }
    const auto without = run_vecinos("inspect " + q(index));
    REQUIRE_MESSAGE(without.exit_code == 0, without.err);
    CHECK(without.out.find("path ") != std::string::npos);
    CHECK(without.out.find("paths by point") == std::string::npos);

    // Per bin: every CSV row's count against the rows whose value lies in the bin.
    std::istringstream lines(slurp(csv));
    std::string line;
    std::getline(lines, line);
    CHECK(line == key + ",path,runs,count,probability,lo,hi,group_lo,group_hi");
    std::vector<double> edges;
    std::int64_t total = 0;
    int rows = 0;
    while (std::getline(lines, line)) {
      const auto f = csv_fields(line);
      REQUIRE(f.size() == 9);
      INFO(line);
      const double a = std::stod(f[7]), b = std::stod(f[8]);
      const bool first = edges.empty() || edges.front() == a;
      if (edges.empty()) edges.push_back(a);
      if (edges.back() != b) edges.push_back(b);
      std::int64_t in = 0, follow = 0;
      for (std::size_t i = 0; i < value.size(); ++i) {
        if (!((value[i] > a || (first && value[i] == a)) && value[i] <= b)) continue;
        ++in;
        if (path[i] == f[1]) ++follow;
      }
      CHECK(std::stoll(f[2]) == in);
      CHECK(std::stoll(f[3]) == follow);
      CHECK(std::stod(f[4]) ==
            doctest::Approx(static_cast<double>(follow) / static_cast<double>(in)));
      if (f[1] == "loss") total += in;
      ++rows;
    }
    CHECK(rows == 6);    // 3 bins x 2 paths
    CHECK(total == 12);  // the bins divide the runs
    CHECK(edges.size() == 4);
    CHECK(edges.front() == *std::min_element(value.begin(), value.end()));
    CHECK(edges.back() == *std::max_element(value.begin(), value.end()));

    // With more bins than values: by value, one group per point's value (2 runs each).
    const auto v = run_vecinos("sweep collect " + q(dir / "out") + " --by " + key + " --bins 6");
    REQUIRE_MESSAGE(v.exit_code == 0, v.err);
    CHECK(v.out.find("paths by " + key + " (values):") != std::string::npos);
    const auto by_point = run_vecinos("sweep collect " + q(dir / "out") + " --by point");
    CHECK(std::regex_search(by_point.out, std::regex(R"(\n  5 +(loss|other) +2 +\d +)")));

    // Bad input: exit 2, with the parameters.
    const auto bad = run_vecinos("sweep collect " + q(dir / "out") + " --by presidents.us.tarif");
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("--by presidents.us.tarif: not a parameter of the sweep (did you mean '" +
                       key + "'?); parameters: presidents.mx.forbearance, " + key) !=
          std::string::npos);
    CHECK(run_vecinos("sweep collect " + q(dir / "out") + " --bins 3").exit_code == 2);
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
