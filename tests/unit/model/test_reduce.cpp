#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include <tbb/task_arena.h>

#include "model/reduce.hpp"

TEST_CASE("deterministic sums are bit-identical for 1, 2 and 4 threads") {
  std::vector<double> v(1'000'003);
  for (std::size_t i = 0; i < v.size(); ++i)
    v[i] = std::sin(static_cast<double>(i)) * 1e6 + 1e-3 * static_cast<double>(i % 7);
  auto sum_with = [&](int threads) {
    tbb::task_arena arena(threads);
    double s = 0;
    arena.execute(
        [&] { s = vecinos::deterministic_sum(v.size(), [&](std::size_t i) { return v[i]; }); });
    return s;
  };
  const double one = sum_with(1);
  CHECK(sum_with(2) == one);  // exact equality, not approximate
  CHECK(sum_with(4) == one);
  double plain = 0;
  for (double x : v) plain += x;
  CHECK(one == doctest::Approx(plain).epsilon(1e-9));
}

TEST_CASE("several deterministic sums at once match the single sums") {
  const std::size_t n = 50000;
  auto sums = vecinos::deterministic_sums<2>(n, [](std::size_t i, std::array<double, 2>& acc) {
    acc[0] += static_cast<double>(i);
    acc[1] += 1.0;
  });
  CHECK(sums[0] == doctest::Approx(static_cast<double>(n) * (n - 1) / 2));
  CHECK(sums[1] == static_cast<double>(n));
}
