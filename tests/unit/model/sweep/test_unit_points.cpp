// Any one point of a design, computed alone (model/sweep/unit_points.hpp, TaskList::values):
// the same points as before the random-access rewrite, the same point whatever else was asked
// for, and a task of a 10^7-point design without building the design.
#include <doctest/doctest.h>

#include <cstring>

#include <fmt/format.h>

#include "model/sweep/design.hpp"
#include "model/sweep/saltelli.hpp"
#include "model/sweep/sweep.hpp"
#include "model/sweep/tasks.hpp"
#include "model/sweep/unit_points.hpp"
#include "world/model_info.hpp"

using namespace vecinos;
using namespace vecinos::sweep;

namespace {

/// FNV-1a over the bytes of every coordinate, then the point count.
std::uint64_t points_hash(const std::vector<std::vector<double>>& pts) {
  std::uint64_t h = 1469598103934665603ULL;
  for (const auto& p : pts)
    for (double x : p) {
      unsigned char b[sizeof(double)];
      std::memcpy(b, &x, sizeof b);
      for (unsigned char c : b) {
        h ^= c;
        h *= 1099511628211ULL;
      }
    }
  return h ^ pts.size();
}

Sweep big_sweep(const std::string& design_lines, const std::string& values) {
  std::string text =
      "base: baseline.yaml\noutput: ../runs/test-unit-points\n" + design_lines + "parameters:\n";
  for (const char* p :
       {"presidents.mx.forbearance", "presidents.us.tariff_propensity", "decisions.temperature",
        "decisions.action_cost", "presidents.us.forbearance", "presidents.mx.tariff_propensity",
        "presidents.us.hawkishness"})
    text += fmt::format("  {}: {}\n", p, values);
  return load_sweep_text(text, "big.yaml", VECINOS_SOURCE_DIR "/configs", model_info());
}

}  // namespace

TEST_SUITE("design points") {
  TEST_CASE("every design gives the points it gave before the random-access rewrite") {
    // Hashes of the points of the batch implementation that built whole designs (commit
    // 1b64620), computed there: a change here changes every sweep's tasks.
    CHECK(points_hash(random_points(257, 5, 11)) == 0xdea959e7ebdbe033ULL);
    CHECK(points_hash(lhs_points(257, 5, 11)) == 0x06f14b343c39e411ULL);
    CHECK(points_hash(sobol_points(257, 7, 11, false)) == 0x870d00d089e9436aULL);
    CHECK(points_hash(sobol_points(257, 7, 11, true)) == 0xa86a0248f723e51dULL);
    CHECK(points_hash(saltelli_points(33, 4, 11, false, false)) == 0x146dc31c3a83bbfdULL);
    CHECK(points_hash(saltelli_points(33, 4, 11, true, true)) == 0xd8c1626d6d1b6fadULL);
    CHECK(points_hash(morris_points(21, 6, 4, 11)) == 0xf007f137a5603c87ULL);
    CHECK(points_hash(morris_points(21, 3, 8, 12)) == 0xc045790f4f1b3e28ULL);
  }

  TEST_CASE("a point computed alone equals the same point of the whole design") {
    const std::vector<UnitDesign> designs = {
        {Design::random, 50, 3, 5},
        {Design::lhs, 50, 3, 5},
        {Design::sobol, 50, 3, 5, true},
        {Design::saltelli, 13, 3, 5, true, false},
        {Design::saltelli, 13, 3, 5, false, true},
        {Design::morris, 9, 4, 5, false, false, 6},
    };
    for (const auto& d : designs) {
      INFO(name(d.design));
      const UnitPoints u(d);
      const auto whole = all_points(u);
      REQUIRE(whole.size() == u.size());
      // Backwards, from a fresh sampler each time: no state carries over between points.
      for (std::uint64_t p = u.size(); p-- > 0;) CHECK(UnitPoints(d)(p) == whole[p]);
      CHECK_THROWS_AS((void)u(u.size()), std::out_of_range);
    }
    CHECK_THROWS_AS(UnitPoints({Design::grid, 4, 2, 1}), std::invalid_argument);
    CHECK_THROWS_AS(UnitPoints({Design::morris, 4, 2, 1, false, false, 5}), std::invalid_argument);
    CHECK_THROWS_AS(UnitPoints({Design::saltelli, 4, 21, 1}), std::invalid_argument);
  }

  TEST_CASE("grid: point p's indices are p's digits in the mixed radix of the list sizes") {
    const std::vector<std::size_t> sizes = {3, 1, 4, 2};
    const auto all = grid_indices(sizes);
    REQUIRE(all.size() == 24);
    for (std::uint64_t p = 0; p < all.size(); ++p) {
      const auto& i = all[p];
      CHECK(p == ((i[0] * 1 + i[1]) * 4 + i[2]) * 2 + i[3]);
      CHECK(grid_index(p, sizes) == i);
    }
  }

  TEST_CASE("a task of a 10^7-point design: its values without the others") {
    // 10 values of 7 parameters: 10^7 points (the old TaskList built them all: 10 s, 3.4 GB).
    const Sweep g = big_sweep("design: grid\n", "[0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]");
    const TaskList grid(g);
    REQUIRE(grid.points() == 10'000'000);
    // Point 1234567: digits 1, 2, 3, 4, 5, 6, 7 (the first parameter is the highest digit).
    CHECK(grid.values(1234567) ==
          std::vector<std::string>{"0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8"});
    CHECK(grid.values(9'999'999) == std::vector<std::string>(7, "1"));
    CHECK_THROWS_AS((void)grid.values(10'000'000), std::out_of_range);

    // A Saltelli design of 10^6 base rows (9 x 10^6 points): row 500000's AB^3 point is row
    // 500000's A with column 3 from B.
    const Sweep s =
        big_sweep("design: saltelli\nsamples: 1000000\nscramble: true\n", "{min: 0.01, max: 1}");
    const TaskList sal(s);
    REQUIRE(sal.points() == 9'000'000);
    const auto a = sal.unit(500000 * 9), ab3 = sal.unit(500000 * 9 + 3),
               b = sal.unit(500000 * 9 + 8);
    for (std::size_t d = 0; d < 7; ++d) CHECK(ab3[d] == (d == 2 ? b[d] : a[d]));
    const auto lms = LinearScramble(14, s.seed);
    const auto bits = Sobol(14).bits(500000);
    CHECK(a[0] == static_cast<double>(lms(0, bits[0])) * 0x1.0p-32);
    CHECK(b[6] == static_cast<double>(lms(13, bits[13])) * 0x1.0p-32);
  }
}
