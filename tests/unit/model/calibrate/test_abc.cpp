#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <numbers>
#include <numeric>
#include <vector>

#include "model/calibrate/abc.hpp"
#include "model/calibrate/summary.hpp"
#include "model/errors.hpp"

namespace abc_test {

using namespace vecinos::calibrate;
using vecinos::Rng;

/// A normal sample of size n drawn under `seed` (stream 7 of the simulation's own key).
std::vector<double> normal_sample(std::uint64_t seed, double mu, double sigma, int n) {
  Rng rng(seed, 0, 0, 0, 7);
  std::vector<double> y(static_cast<std::size_t>(n));
  for (double& v : y) v = rng.normal(mu, sigma);
  return y;
}
double mean_of(const std::vector<double>& y) {
  return std::accumulate(y.begin(), y.end(), 0.0) / static_cast<double>(y.size());
}
double sd_of(const std::vector<double>& y) {
  const double m = mean_of(y);
  double s = 0.0;
  for (double v : y) s += (v - m) * (v - m);
  return std::sqrt(s / static_cast<double>(y.size() - 1));
}

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr int kN = 10;
constexpr double kSigma = 1.0;

Settings normal_mean_settings() {
  Settings s;
  s.priors = {Prior::truncated_normal("mu", 0.0, 0.5, -10.0, 10.0)};
  s.particles = 2000;
  s.alpha = 0.5;
  s.min_acceptance = 0.05;
  return s;
}

bool same_population(const Population& a, const Population& b) {
  auto bits = [](const std::vector<double>& x, const std::vector<double>& y) {
    return x.size() == y.size() && std::memcmp(x.data(), y.data(), x.size() * sizeof(double)) == 0;
  };
  if (a.particles.size() != b.particles.size()) return false;
  for (std::size_t i = 0; i < a.particles.size(); ++i)
    if (!bits(a.particles[i], b.particles[i])) return false;
  return a.generation == b.generation && bits(a.weights, b.weights) &&
         bits(a.distances, b.distances) && a.tolerance == b.tolerance && a.accepted == b.accepted &&
         a.failed == b.failed;
}

}  // namespace abc_test

using namespace abc_test;

TEST_CASE("abc: normal mean with known variance matches the conjugate posterior") {
  const auto obs = normal_sample(12345, 1.0, kSigma, kN);
  const double ybar = mean_of(obs);
  // Prior N(0, 0.5^2) (truncation at +-10 is negligible); likelihood of the mean N(mu, 1/10).
  const double precision = 1.0 / 0.25 + kN / (kSigma * kSigma);
  const double post_mean = (kN * ybar / (kSigma * kSigma)) / precision;
  const double post_sd = 1.0 / std::sqrt(precision);
  const Settings s = normal_mean_settings();
  const auto history = run(s, 2026, [&](const Proposal& p) {
    return std::abs(mean_of(normal_sample(p.simulation_seed, p.theta[0], kSigma, kN)) - ybar);
  });
  const Population& last = history.back();
  const auto mu = last.column(0);
  const double m = weighted_mean(mu, last.weights), sd = weighted_sd(mu, last.weights);
  MESSAGE("generations " << last.generation << ", tolerance " << last.tolerance << ", sims "
                         << last.total_simulations << ", ESS "
                         << effective_sample_size(last.weights) << "; mean " << m << " vs "
                         << post_mean << ", sd " << sd << " vs " << post_sd);
  CHECK(std::abs(m - post_mean) < 0.1 * post_sd);
  CHECK(std::abs(sd / post_sd - 1.0) < 0.1);
  // The 90 % credible interval against the analytic one (+-1.645 sd); a 5 % quantile of an
  // ESS of ~670 has a Monte Carlo error of ~0.08 posterior sd, so 0.3 sd is ~3.5 errors.
  const auto [lo, hi] = credible_interval(mu, last.weights, 0.9);
  CHECK(std::abs(lo - (post_mean - 1.6449 * post_sd)) < 0.3 * post_sd);
  CHECK(std::abs(hi - (post_mean + 1.6449 * post_sd)) < 0.3 * post_sd);
}

TEST_CASE("abc: mean and sd of a normal sample recover the analytic posterior of both") {
  // Priors mu ~ U(-10, 10), sigma ~ log-uniform(0.05, 20) (density 1/sigma): the posterior
  // is mu ~ ybar + s/sqrt(n) t_{n-1}, (n-1) s^2 / sigma^2 ~ chi2_{n-1} (bounds negligible).
  const int n = 20;
  const auto obs = normal_sample(777, 2.0, 1.5, n);
  const double ybar = mean_of(obs), s_obs = sd_of(obs);
  Settings s;
  s.priors = {Prior::uniform("mu", -10.0, 10.0), Prior::log_uniform("sigma", 0.05, 20.0)};
  s.particles = 2000;
  s.min_acceptance = 0.05;
  const auto history = run(s, 99, [&](const Proposal& p) {
    const auto y = normal_sample(p.simulation_seed, p.theta[0], p.theta[1], n);
    const double dm = (mean_of(y) - ybar) / s_obs, ds = std::log(sd_of(y) / s_obs);
    return std::sqrt(dm * dm + ds * ds);
  });
  const Population& last = history.back();
  const auto mu = last.column(0), sigma = last.column(1);
  const double nu = n - 1;
  const double mu_sd = s_obs / std::sqrt(n) * std::sqrt(nu / (nu - 2.0));
  const double e_sigma =
      s_obs * std::sqrt(nu / 2.0) * std::tgamma((nu - 1.0) / 2.0) / std::tgamma(nu / 2.0);
  const double sigma_sd = std::sqrt(nu * s_obs * s_obs / (nu - 2.0) - e_sigma * e_sigma);
  const double m0 = weighted_mean(mu, last.weights), sd0 = weighted_sd(mu, last.weights);
  const double m1 = weighted_mean(sigma, last.weights), sd1 = weighted_sd(sigma, last.weights);
  MESSAGE("generations " << last.generation << ", tolerance " << last.tolerance << ", sims "
                         << last.total_simulations << "; mu " << m0 << " vs " << ybar << ", sd "
                         << sd0 << " vs " << mu_sd << "; sigma " << m1 << " vs " << e_sigma
                         << ", sd " << sd1 << " vs " << sigma_sd);
  CHECK(std::abs(m0 - ybar) < 0.15 * mu_sd);
  CHECK(std::abs(sd0 / mu_sd - 1.0) < 0.15);
  CHECK(std::abs(m1 - e_sigma) < 0.15 * sigma_sd);
  CHECK(std::abs(sd1 / sigma_sd - 1.0) < 0.15);
}

namespace abc_test {
Settings small_settings() {
  Settings s = normal_mean_settings();
  s.particles = 200;
  s.max_generations = 4;
  s.min_acceptance = 0.0;
  return s;
}
std::vector<double> simulate_all(std::span<const Proposal> ps) {
  std::vector<double> d;
  for (const Proposal& p : ps)
    d.push_back(std::abs(mean_of(normal_sample(p.simulation_seed, p.theta[0], kSigma, kN)) - 0.7));
  return d;
}
}  // namespace abc_test

TEST_CASE("abc: the same seed gives bit-identical populations, another seed others") {
  const Settings s = small_settings();
  const auto a = run_batches(s, 5, simulate_all), b = run_batches(s, 5, simulate_all);
  const auto c = run_batches(s, 6, simulate_all);
  REQUIRE(a.size() == b.size());
  for (std::size_t g = 0; g < a.size(); ++g) CHECK(same_population(a[g], b[g]));
  CHECK_FALSE(same_population(a.back(), c.back()));
}

TEST_CASE(
    "abc: simulating proposals in reverse order and ingesting them shuffled changes nothing") {
  const Settings s = small_settings();
  const auto forward = run_batches(s, 5, simulate_all);
  const auto backward = run_batches(s, 5, [](std::span<const Proposal> ps) {
    // Simulate from the last to the first, then hand the core the reversed lists.
    std::vector<double> d(ps.size());
    for (std::size_t i = ps.size(); i-- > 0;) d[i] = simulate_all(ps.subspan(i, 1))[0];
    return d;
  });
  for (std::size_t g = 0; g < forward.size(); ++g) CHECK(same_population(forward[g], backward[g]));
  auto proposals = propose(forward[1], s, 5);
  auto distances = simulate_all(proposals);
  const Population in_order = ingest(forward[1], proposals, distances, s);
  std::reverse(proposals.begin(), proposals.end());
  std::reverse(distances.begin(), distances.end());
  CHECK(same_population(in_order, ingest(forward[1], proposals, distances, s)));
  CHECK(same_population(in_order, forward[2]));
}

TEST_CASE("abc: one proposal recomputed from (seed, generation, index) equals the batch's") {
  const Settings s = small_settings();
  const auto history = run_batches(s, 5, simulate_all);
  const auto batch0 = propose(s, 5);
  const auto batch2 = propose(history[2], s, 5);
  for (std::size_t i : {std::size_t{0}, std::size_t{17}, batch2.size() - 1}) {
    const Proposal p0 = proposal(nullptr, s, 5, i), p2 = proposal(&history[2], s, 5, i);
    CHECK(p0.theta == batch0[i].theta);
    CHECK(p0.simulation_seed == batch0[i].simulation_seed);
    CHECK(p2.theta == batch2[i].theta);
    CHECK(p2.ancestor == batch2[i].ancestor);
    CHECK(p2.generation == 3);
  }
  // Resuming from generation 2 reproduces generations 3 and 4.
  const auto resumed = resume(history[2], s, 5, simulate_all);
  REQUIRE(resumed.size() == 2);
  CHECK(same_population(resumed[0], history[3]));
  CHECK(same_population(resumed[1], history[4]));
}

TEST_CASE("abc: tolerances decrease, weights sum to 1, counts add up, the stopping rule holds") {
  Settings s = small_settings();
  s.max_generations = 50;
  s.min_acceptance = 0.2;
  const auto history = run_batches(s, 11, simulate_all);
  REQUIRE(history.size() >= 3);
  std::size_t total = 0;
  for (std::size_t g = 0; g < history.size(); ++g) {
    const Population& p = history[g];
    CHECK(p.generation == static_cast<int>(g));
    CHECK(p.particles.size() == s.kept());
    CHECK(std::abs(std::accumulate(p.weights.begin(), p.weights.end(), 0.0) - 1.0) < 1e-12);
    CHECK(*std::max_element(p.distances.begin(), p.distances.end()) == p.tolerance);
    total += p.simulations;
    CHECK(p.total_simulations == total);
    if (g > 0) {
      CHECK(p.tolerance < history[g - 1].tolerance);
      CHECK(p.simulations == s.proposals_per_generation());
    }
    // Every generation but the last continues; the last stops because p_acc < 0.2.
    CHECK(finished(p, s) == (g + 1 == history.size()));
  }
  CHECK(history.back().acceptance < 0.2);
  CHECK(history[history.size() - 2].acceptance >= 0.2);
  s.min_acceptance = 0.0;
  s.max_generations = 2;
  CHECK(run_batches(s, 11, simulate_all).size() == 3);
}

TEST_CASE("abc: failed simulations (NaN or inf distances) are rejected and counted") {
  const Settings s = small_settings();
  const auto history = run_batches(s, 3, [](std::span<const Proposal> ps) {
    auto d = simulate_all(ps);
    for (std::size_t i = 0; i < ps.size(); ++i)
      if (ps[i].theta[0] > 0.9) d[i] = (i % 2 == 0) ? std::nan("") : kInf;
    return d;
  });
  std::size_t failed = 0;
  for (const Population& p : history) {
    failed += p.failed;
    for (double mu : p.column(0)) CHECK(mu <= 0.9);
    for (double d : p.distances) CHECK(std::isfinite(d));
  }
  CHECK(failed > 0);
  const auto ps = propose(s, 3);
  std::vector<double> d(ps.size(), std::nan(""));
  CHECK_THROWS_AS((void)ingest(ps, d, s), vecinos::RuntimeError);
}

TEST_CASE("abc: each prior's sample moments, support and normalised density") {
  struct Case {
    Prior prior;
    double mean, sd;
  };
  const double lu_mean = (10.0 - 0.1) / std::log(100.0);
  const double lu_var = (100.0 - 0.01) / (2.0 * std::log(100.0)) - lu_mean * lu_mean;
  // Standard normal on [1, 3]: mean (phi(1) - phi(3)) / Z, variance 1 + (phi(1) - 3 phi(3))/Z -
  // mean^2.
  const double phi1 = std::exp(-0.5) / std::sqrt(2 * std::numbers::pi),
               phi3 = std::exp(-4.5) / std::sqrt(2 * std::numbers::pi);
  const double z = normal_cdf(3.0) - normal_cdf(1.0);
  const double tn_mean = (phi1 - phi3) / z;
  const double tn_var = 1.0 + (phi1 - 3.0 * phi3) / z - tn_mean * tn_mean;
  const std::vector<Case> cases = {
      {Prior::uniform("a", -1.0, 3.0), 1.0, 4.0 / std::sqrt(12.0)},
      {Prior::log_uniform("b", 0.1, 10.0), lu_mean, std::sqrt(lu_var)},
      {Prior::truncated_normal("c", 0.0, 1.0, 1.0, 3.0), tn_mean, std::sqrt(tn_var)},
      {Prior::truncated_normal("d", 5.0, 2.0, -kInf, kInf), 5.0, 2.0}};
  const int n = 40000;
  for (const Case& c : cases) {
    double s1 = 0.0, s2 = 0.0;
    bool inside = true;
    for (int i = 0; i < n; ++i) {
      Rng rng(1, 0, static_cast<std::uint64_t>(i), 0, 1);
      const double x = c.prior.sample(rng);
      inside = inside && c.prior.in_support(x);
      s1 += x, s2 += x * x;
    }
    const double m = s1 / n, sd = std::sqrt(s2 / n - m * m);
    INFO(c.prior.describe());
    CHECK(inside);
    CHECK(std::abs(m - c.mean) < 4.0 * c.sd / std::sqrt(n));  // 4 standard errors
    CHECK(std::abs(sd / c.sd - 1.0) < 0.02);
    // The density integrates to 1 over the support (midpoint rule; wide range for the normal).
    const double lo = std::max(c.prior.lo(), -20.0), hi = std::min(c.prior.hi(), 30.0);
    double integral = 0.0;
    const int k = 200000;
    for (int i = 0; i < k; ++i)
      integral += std::exp(c.prior.log_density(lo + (i + 0.5) * (hi - lo) / k)) * (hi - lo) / k;
    CHECK(integral == doctest::Approx(1.0).epsilon(1e-4));
    CHECK(c.prior.log_density(c.prior.lo() - 1.0) == -kInf);
  }
  CHECK(normal_quantile(normal_cdf(-2.5)) == doctest::Approx(-2.5).epsilon(1e-12));
}

TEST_CASE("abc: bad prior parameters and settings are rejected with a message") {
  auto message = [](auto&& f) {
    try {
      f();
    } catch (const vecinos::InputError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK(message([] { (void)Prior::uniform("gain", 3.0, 1.0); }) ==
        "prior of parameter 'gain': uniform(3, 1): lo = 3 must be below hi = 1");
  CHECK(message([] { (void)Prior::log_uniform("rate", 0.0, 1.0); }) ==
        "prior of parameter 'rate': log_uniform(0, 1): lo = 0 must be above 0");
  CHECK(message([] { (void)Prior::uniform("u", 0.0, kInf); }).find("finite") != std::string::npos);
  CHECK(message([] { (void)Prior::truncated_normal("t", 0.0, -1.0, 0.0, 1.0); }) ==
        "prior of parameter 't': truncated_normal(0, -1, 0, 1): sd = -1 must be a finite number "
        "above 0");
  CHECK(message([] {
          (void)Prior::truncated_normal("far", 0.0, 1.0, 50.0, 60.0);
        }).find("no probability") != std::string::npos);
  Settings s = normal_mean_settings();
  s.alpha = 1.5;
  CHECK(message([&] { s.validate(); }) == "ABC settings: alpha = 1.5 must lie in (0, 1)");
  s.alpha = 0.5;
  s.particles = 3;
  CHECK(message([&] { s.validate(); }).find("at least 2 must be kept") != std::string::npos);
}

TEST_CASE("abc: weighted summaries (mean, quantiles, effective sample size)") {
  const std::vector<double> x = {3.0, 1.0, 2.0, 4.0}, w = {0.1, 0.4, 0.3, 0.2};
  CHECK(weighted_mean(x, w) == doctest::Approx(0.3 + 0.4 + 0.6 + 0.8));
  CHECK(weighted_quantile(x, w, 0.0) == 1.0);
  CHECK(weighted_quantile(x, w, 0.4) == 1.0);
  CHECK(weighted_quantile(x, w, 0.5) == 2.0);
  CHECK(weighted_quantile(x, w, 0.75) == 3.0);
  CHECK(weighted_quantile(x, w, 1.0) == 4.0);
  CHECK(effective_sample_size(std::vector<double>(8, 0.125)) == doctest::Approx(8.0));
  CHECK(effective_sample_size(std::vector<double>{1.0, 0.0, 0.0}) == doctest::Approx(1.0));
  const auto ci = credible_interval(x, w, 0.5);
  CHECK(ci.first == 1.0);
  CHECK(ci.second == 3.0);
}
