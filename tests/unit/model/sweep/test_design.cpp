// Unit tests of the sampling designs (model/sweep/design.hpp, sobol.hpp).
#include <doctest/doctest.h>

#include <cmath>
#include <set>

#include "model/sweep/design.hpp"
#include "model/sweep/sobol.hpp"

using namespace vecinos::sweep;

TEST_SUITE("sweep designs") {
  TEST_CASE("grid: the Cartesian product, first list slowest") {
    const std::vector<std::size_t> sizes = {2, 3};
    const auto g = grid_indices(sizes);
    REQUIRE(g.size() == 6);
    const std::vector<std::vector<std::size_t>> expected = {{0, 0}, {0, 1}, {0, 2},
                                                            {1, 0}, {1, 1}, {1, 2}};
    CHECK(g == expected);
    const std::vector<std::size_t> three = {4, 1, 5};
    CHECK(grid_indices(three).size() == 20);
    CHECK(grid_indices(three)[19] == std::vector<std::size_t>{3, 0, 4});
    CHECK(grid_indices(std::vector<std::size_t>{}).empty());
  }

  TEST_CASE("lhs: each of the n strata is hit exactly once in every dimension") {
    for (const std::uint64_t n : {1UL, 7UL, 64UL, 257UL}) {
      const auto pts = lhs_points(n, 6, 42);
      REQUIRE(pts.size() == n);
      for (std::size_t d = 0; d < 6; ++d) {
        std::set<std::uint64_t> strata;
        for (const auto& p : pts) {
          REQUIRE(p[d] >= 0.0);
          REQUIRE(p[d] < 1.0);
          strata.insert(static_cast<std::uint64_t>(std::floor(p[d] * static_cast<double>(n))));
        }
        CHECK(strata.size() == n);
      }
    }
  }

  TEST_CASE("lhs and random: the same seed gives the same points, another seed others") {
    CHECK(lhs_points(32, 4, 7) == lhs_points(32, 4, 7));
    CHECK(lhs_points(32, 4, 7) != lhs_points(32, 4, 8));
    CHECK(random_points(32, 4, 7) == random_points(32, 4, 7));
    CHECK(random_points(32, 4, 7) != random_points(32, 4, 8));
    // Dimensions do not share draws: the columns of a random design differ.
    const auto r = random_points(16, 2, 3);
    int same = 0;
    for (const auto& p : r) same += p[0] == p[1] ? 1 : 0;
    CHECK(same == 0);
    // The permutations of an LHS differ between dimensions.
    const auto l = lhs_points(16, 2, 3);
    int same_stratum = 0;
    for (const auto& p : l) same_stratum += std::floor(p[0] * 16) == std::floor(p[1] * 16) ? 1 : 0;
    CHECK(same_stratum < 16);
  }

  TEST_CASE("random: uniform in the unit cube (mean and spread)") {
    const auto r = random_points(20000, 1, 11);
    double sum = 0, sq = 0;
    for (const auto& p : r) {
      REQUIRE(p[0] >= 0.0);
      REQUIRE(p[0] < 1.0);
      sum += p[0];
      sq += p[0] * p[0];
    }
    const double mean = sum / 20000, var = sq / 20000 - mean * mean;
    CHECK(mean == doctest::Approx(0.5).epsilon(0.02));
    CHECK(var == doctest::Approx(1.0 / 12).epsilon(0.03));
  }

  TEST_CASE("sobol: the first 2-D points are the published ones") {
    // Bratley and Fox (1988); Joe and Kuo's generator, SciPy's unscrambled qmc.Sobol.
    const std::vector<std::vector<double>> expected = {
        {0.5, 0.5},     {0.75, 0.25},   {0.25, 0.75},     {0.375, 0.375},  {0.875, 0.875},
        {0.625, 0.125}, {0.125, 0.625}, {0.1875, 0.3125}, {0.6875, 0.8125}};
    CHECK(sobol_points(9, 2, 1, false) == expected);
    // The origin is point 0 of the sequence (skipped by the design).
    CHECK(Sobol(3).point(0) == std::vector<double>{0, 0, 0});
    CHECK(Sobol(3).point(4) == std::vector<double>{0.375, 0.375, 0.625});
  }

  TEST_CASE("sobol: 40 dimensions agree with SciPy's Joe-Kuo sequence deep into the sequence") {
    // scipy.stats.qmc.Sobol(d=40, scramble=False).random(1025)[i] * 2**32 (SciPy 1.10.1).
    const std::vector<std::uint32_t> p100 = {
        1778384896, 1107296256, 3321888768, 3120562176, 3791650816, 3187671040, 100663296,
        2046820352, 2717908992, 2986344448, 1979711488, 2919235584, 2046820352, 3657433088,
        1375731712, 2113929216, 2919235584, 3187671040, 3590324224, 1442840576, 3254779904,
        1711276032, 33554432,   2113929216, 100663296,  33554432,   4060086272, 2852126720,
        1040187392, 3120562176, 3053453312, 1778384896, 1107296256, 1107296256, 1577058304,
        2852126720, 4194304000, 2046820352, 3858759680, 570425344};
    const std::vector<std::uint32_t> p1000 = {
        943718400,  415236096,  2227175424, 2906652672, 1203765248, 3896508416, 197132288,
        3862953984, 2151677952, 297795584,  364904448,  1094713344, 692060160,  1648361472,
        616562688,  1589641216, 3091202048, 1480589312, 4257218560, 3116367872, 2243952640,
        2361393152, 4081057792, 2319450112, 2503999488, 3896508416, 171966464,  4206886912,
        255852544,  1463812096, 633339904,  624951296,  1270874112, 2545942528, 3443523584,
        3309305856, 3644850176, 3569352704, 1321205760, 2059403264};
    const std::vector<std::uint32_t> p1024 = {
        6291456,    1616904192, 1923088384, 2090860544, 2392850432, 3625975808, 1038090240,
        2522873856, 2992635904, 2883584000, 3529506816, 3957325824, 3034578944, 1453326336,
        568328192,  3680501760, 3672113152, 849346560,  2313158656, 1486880768, 2254438400,
        526385152,  3546284032, 2162163712, 3462397952, 832569344,  3265265664, 3605004288,
        1352663040, 186646528,  4271898624, 4150263808, 1625292800, 3407872000, 845152256,
        2879389696, 3642753024, 1927282688, 996147200,  534773760};
    const Sobol s(kSobolMaxDimensions);
    CHECK(s.bits(100) == p100);
    CHECK(s.bits(1000) == p1000);
    CHECK(s.bits(1024) == p1024);
    CHECK_THROWS_AS(Sobol(kSobolMaxDimensions + 1), std::invalid_argument);
    CHECK_THROWS_AS(Sobol(0), std::invalid_argument);
  }

  TEST_CASE("sobol: the first 2^m points stratify every dimension into 2^m intervals") {
    const auto pts = sobol_points(63, 10, 1, false);  // with the origin: 64 points
    for (std::size_t d = 0; d < 10; ++d) {
      std::set<int> cells = {0};
      for (const auto& p : pts) cells.insert(static_cast<int>(p[d] * 64));
      CHECK(cells.size() == 64);
    }
  }

  TEST_CASE("sobol scrambled: a digital shift from the seed, deterministic, still stratified") {
    const auto a = sobol_points(64, 5, 9, true);
    CHECK(a == sobol_points(64, 5, 9, true));
    CHECK(a != sobol_points(64, 5, 10, true));
    CHECK(a != sobol_points(64, 5, 9, false));
    // Points 1..64 with a shift: 63 of the 64 cells of each dimension plus the shifted origin's
    // cell, which point 64 fills; every cell once.
    for (std::size_t d = 0; d < 5; ++d) {
      std::set<int> cells;
      for (std::size_t i = 0; i < 63; ++i) cells.insert(static_cast<int>(a[i][d] * 64));
      CHECK(cells.size() == 63);
    }
  }

  TEST_CASE("design names") {
    CHECK(design_named("lhs") == Design::lhs);
    CHECK_FALSE(design_named("latin").has_value());
    CHECK(name(Design::sobol) == "sobol");
    CHECK(samples_bounds(Design::random));
    CHECK_FALSE(samples_bounds(Design::list));
  }
}
