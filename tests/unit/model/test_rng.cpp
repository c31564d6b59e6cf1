#include <doctest/doctest.h>

#include <cmath>
#include <set>
#include <vector>

#include "model/rng.hpp"

using vecinos::Rng;

TEST_CASE("a stream is reproducible from its key and counter alone") {
  Rng a(42, 0, 10, 7, 3), b(42, 0, 10, 7, 3);
  for (int i = 0; i < 1000; ++i) REQUIRE(a.next_u64() == b.next_u64());
}

TEST_CASE("streams differ in every coordinate of key and counter") {
  auto first = [](Rng r) {
    std::vector<std::uint64_t> v;
    for (int i = 0; i < 8; ++i) v.push_back(r.next_u64());
    return v;
  };
  const auto base = first(Rng(1, 0, 5, 5, 5));
  CHECK(first(Rng(2, 0, 5, 5, 5)) != base);  // seed
  CHECK(first(Rng(1, 1, 5, 5, 5)) != base);  // run
  CHECK(first(Rng(1, 0, 6, 5, 5)) != base);  // tick
  CHECK(first(Rng(1, 0, 5, 6, 5)) != base);  // agent
  CHECK(first(Rng(1, 0, 5, 5, 6)) != base);  // stream
}

TEST_CASE("neighbouring streams are statistically independent (correlation near zero)") {
  // 20000 agents' first uniforms on two streams: Pearson correlation within 4 sigma of 0.
  const int n = 20000;
  double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
  for (int i = 0; i < n; ++i) {
    const double x = Rng(9, 0, 1, static_cast<std::uint64_t>(i), 1).uniform();
    const double y = Rng(9, 0, 1, static_cast<std::uint64_t>(i), 2).uniform();
    sx += x, sy += y, sxx += x * x, syy += y * y, sxy += x * y;
  }
  const double cov = sxy / n - (sx / n) * (sy / n);
  const double r = cov / std::sqrt((sxx / n - sx * sx / n / n) * (syy / n - sy * sy / n / n));
  CHECK(std::abs(r) < 4.0 / std::sqrt(static_cast<double>(n)));
}

TEST_CASE("uniform, normal and integer draws have the right moments") {
  Rng r(123, 0, 0, 0, 0);
  const int n = 200000;
  double su = 0, sn = 0, snn = 0;
  std::vector<int> counts(6, 0);
  for (int i = 0; i < n; ++i) {
    const double u = r.uniform();
    REQUIRE(u >= 0.0);
    REQUIRE(u < 1.0);
    su += u;
    const double z = r.normal();
    sn += z, snn += z * z;
    counts[r.below(6)]++;
  }
  CHECK(su / n == doctest::Approx(0.5).epsilon(0.01));
  CHECK(std::abs(sn / n) < 0.01);
  CHECK(snn / n == doctest::Approx(1.0).epsilon(0.01));
  for (int c : counts) CHECK(static_cast<double>(c) / n == doctest::Approx(1.0 / 6).epsilon(0.03));
}

TEST_CASE("binomial and Poisson draws have the right mean and variance in both regimes") {
  struct Case {
    std::uint64_t n;
    double p;
  };
  for (Case c : {Case{20, 0.3}, Case{1000000, 0.02}, Case{50, 0.9}}) {
    Rng r(5, 0, 0, c.n, 1);
    const int reps = 40000;
    double s = 0, ss = 0;
    for (int i = 0; i < reps; ++i) {
      const auto k = static_cast<double>(r.binomial(c.n, c.p));
      REQUIRE(k <= static_cast<double>(c.n));
      s += k, ss += k * k;
    }
    const double mean = s / reps, var = ss / reps - mean * mean;
    const double nd = static_cast<double>(c.n);
    CHECK(mean == doctest::Approx(nd * c.p).epsilon(0.02));
    CHECK(var == doctest::Approx(nd * c.p * (1 - c.p)).epsilon(0.06));
  }
  for (double m : {0.5, 12.0, 400.0}) {
    Rng r(6, 0, 0, 0, 2);
    const int reps = 40000;
    double s = 0, ss = 0;
    for (int i = 0; i < reps; ++i) {
      const auto k = static_cast<double>(r.poisson(m));
      s += k, ss += k * k;
    }
    const double mean = s / reps, var = ss / reps - mean * mean;
    CHECK(mean == doctest::Approx(m).epsilon(0.02));
    CHECK(var == doctest::Approx(m).epsilon(0.06));
  }
}

TEST_CASE("logit choice follows the multinomial logit probabilities") {
  const std::vector<double> u = {0.0, 1.0, 2.0};
  const double temperature = 1.0;
  std::vector<int> counts(3, 0);
  const int n = 60000;
  for (int i = 0; i < n; ++i)
    counts[Rng(8, 0, 0, static_cast<std::uint64_t>(i), 4).logit_choice(u, temperature)]++;
  const double z = 1 + std::exp(1.0) + std::exp(2.0);
  CHECK(counts[0] / double(n) == doctest::Approx(1 / z).epsilon(0.05));
  CHECK(counts[1] / double(n) == doctest::Approx(std::exp(1.0) / z).epsilon(0.03));
  CHECK(counts[2] / double(n) == doctest::Approx(std::exp(2.0) / z).epsilon(0.02));
}
