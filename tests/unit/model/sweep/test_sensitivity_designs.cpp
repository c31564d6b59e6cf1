// Unit tests of the sensitivity designs (model/sweep/saltelli.hpp): the Saltelli layout, its
// scrambled Sobol' base, and Morris trajectories.
#include <doctest/doctest.h>

#include <cmath>
#include <set>
#include <stdexcept>

#include "model/sweep/saltelli.hpp"
#include "model/sweep/sobol.hpp"

using namespace vecinos::sweep;

TEST_SUITE("sweep designs") {
  TEST_CASE("saltelli: A, AB_i (and BA_i), B per base row, as the estimators expect") {
    for (const bool second : {false, true}) {
      const std::size_t k = 3;
      const auto pts = saltelli_points(16, k, 7, true, second);
      const std::uint64_t block = saltelli_block(k, second);
      REQUIRE(block == (second ? 8U : 5U));
      REQUIRE(pts.size() == 16 * block);
      for (std::size_t j = 0; j < 16; ++j) {
        const auto& a = pts[j * block];
        const auto& b = pts[j * block + block - 1];
        for (std::size_t i = 0; i < k; ++i) {
          auto ab = a;
          ab[i] = b[i];
          CHECK(pts[j * block + 1 + i] == ab);
          if (second) {
            auto ba = b;
            ba[i] = a[i];
            CHECK(pts[j * block + 1 + k + i] == ba);
          }
          CHECK(a[i] != b[i]);
        }
      }
    }
  }

  TEST_CASE("saltelli: unscrambled, A and B are the Sobol' sequence from point 1") {
    const auto pts = saltelli_points(4, 2, 1, false, false);
    const Sobol sobol(4);
    for (std::uint64_t j = 0; j < 4; ++j) {
      const auto p = sobol.point(j + 1);
      CHECK(pts[j * 4] == std::vector<double>{p[0], p[1]});
      CHECK(pts[j * 4 + 3] == std::vector<double>{p[2], p[3]});
    }
  }

  TEST_CASE("saltelli scrambled: deterministic, seed-dependent, and still a (0, m, 2) net") {
    CHECK(saltelli_points(8, 2, 3, true, false) == saltelli_points(8, 2, 3, true, false));
    CHECK(saltelli_points(8, 2, 3, true, false) != saltelli_points(8, 2, 4, true, false));
    // The linear scramble keeps the stratification of the first 2^m points: every interval
    // [l/2^m, (l+1)/2^m) of every coordinate holds one of them.
    const auto pts = saltelli_points(64, 4, 11, true, false);
    for (std::size_t d = 0; d < 4; ++d) {
      std::set<int> a, b;
      for (std::size_t j = 0; j < 64; ++j) {
        a.insert(static_cast<int>(std::floor(pts[j * 6][d] * 64)));
        b.insert(static_cast<int>(std::floor(pts[j * 6 + 5][d] * 64)));
      }
      CHECK(a.size() == 64);
      CHECK(b.size() == 64);
    }
    // The scramble is a bijection of 32-bit fractions, lower triangular: the first digit of the
    // output depends on the first digit of the input only.
    const LinearScramble s(1, 5);
    const std::uint32_t first_digit = (s(0, 0x80000000U) ^ s(0, 0)) >> 31;
    const std::uint32_t second_only = (s(0, 0x40000000U) ^ s(0, 0)) >> 31;
    CHECK(first_digit == 1U);
    CHECK(second_only == 0U);
    std::set<std::uint32_t> images;
    for (std::uint32_t x = 0; x < 4096; ++x) images.insert(s(0, x << 20));
    CHECK(images.size() == 4096);
  }

  TEST_CASE("morris: trajectories on the p-level grid, one parameter per step by delta") {
    const std::size_t k = 4;
    const std::uint64_t p = 4;
    const auto pts = morris_points(30, k, p, 9);
    REQUIRE(pts.size() == 30 * (k + 1));
    const double delta = static_cast<double>(p) / (2.0 * static_cast<double>(p - 1));
    std::set<std::size_t> first_moved;
    for (std::size_t t = 0; t < 30; ++t) {
      std::set<std::size_t> moved;
      for (std::size_t s = 0; s < k; ++s) {
        const auto& x = pts[t * (k + 1) + s];
        const auto& y = pts[t * (k + 1) + s + 1];
        std::size_t changed = 0;
        for (std::size_t d = 0; d < k; ++d) {
          if (x[d] == y[d]) continue;
          ++changed;
          moved.insert(d);
          CHECK(std::abs(std::abs(y[d] - x[d]) - delta) < 1e-12);
          if (s == 0) first_moved.insert(d);
        }
        CHECK(changed == 1);
      }
      CHECK(moved.size() == k);  // every parameter once
      for (const auto& x : pts)
        for (double v : x) {
          CHECK(v >= 0.0);
          CHECK(v <= 1.0);
          CHECK(std::abs(v * 3 - std::round(v * 3)) < 1e-12);  // on the grid {0, 1/3, 2/3, 1}
        }
    }
    CHECK(first_moved.size() > 1);  // the order of moves is random
    CHECK(morris_points(5, 3, 4, 2) == morris_points(5, 3, 4, 2));
    CHECK(morris_points(5, 3, 4, 2) != morris_points(5, 3, 4, 3));
    CHECK_THROWS_AS(morris_points(2, 2, 5, 1), std::invalid_argument);
  }
}
