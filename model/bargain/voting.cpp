#include "model/bargain/voting.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include <fmt/format.h>

#include "model/errors.hpp"

namespace vecinos::bargain {
namespace {

std::vector<double> normalized(std::vector<double> p) {
  const double total = std::accumulate(p.begin(), p.end(), 0.0);
  for (double& x : p) x /= total;
  return p;
}

// One-step conditional probabilities (KTAB Model::condPCE): the chance that option a beats
// every alternative, conditional on some option doing so.
// Products of many small probabilities can underflow; then the same ratios are taken in logs.
std::vector<double> conditional_pce(const Matrix& v) {
  const std::size_t n = v.rows();
  std::vector<double> p(n, 1.0);
  for (std::size_t a = 0; a < n; ++a)
    for (std::size_t b = 0; b < n; ++b) p[a] *= v(a, b);
  if (std::accumulate(p.begin(), p.end(), 0.0) > 1e-280) return normalized(std::move(p));
  std::vector<double> log_p(n, 0.0);
  for (std::size_t a = 0; a < n; ++a)
    for (std::size_t b = 0; b < n; ++b) log_p[a] += std::log(v(a, b));
  double top = -std::numeric_limits<double>::infinity();
  for (const double x : log_p) top = std::max(top, x);
  for (std::size_t a = 0; a < n; ++a) p[a] = std::exp(log_p[a] - top);
  return normalized(std::move(p));
}

// Markov chain over the current favourite; every option challenges it equally often (KTAB
// Model::markovUniformPCE): q_a = (1/n) sum_b P(a > b) (p_a + p_b), iterated with damping.
std::vector<double> markov_uniform_pce(const Matrix& v) {
  const std::size_t n = v.rows();
  std::vector<double> p(n, 1.0 / static_cast<double>(n)), q(n);
  for (int iter = 0; iter < 1000; ++iter) {
    double change = 0.0;
    for (std::size_t a = 0; a < n; ++a) {
      double s = 0.0;
      for (std::size_t b = 0; b < n; ++b) s += v(a, b) * (p[a] + p[b]);
      q[a] = s / static_cast<double>(n);
      change = std::max(change, std::abs(q[a] - p[a]));
    }
    for (std::size_t a = 0; a < n; ++a) p[a] = (p[a] + q[a]) / 2.0;
    if (change <= 1e-6) return normalized(std::move(p));
  }
  throw RuntimeError("bargaining: the MarkovUniform election did not converge in 1000 steps");
}

// Markov chain where challenges come in proportion to their incentive c(a, b) P(a > b) (KTAB
// Model::markovIncentivePCE, after "Markov Voting with Incentives in KTAB").
std::vector<double> markov_incentive_pce(const Matrix& c, const Matrix& v) {
  const std::size_t n = v.rows();
  Matrix incentive(n, n);
  for (std::size_t a = 0; a < n; ++a)
    for (std::size_t b = 0; b < n; ++b) incentive(a, b) = c(a, b) * v(a, b) + (a == b ? 1e-10 : 0);
  Matrix challenge(n, n);  // challenge(a, b): probability that a challenges favourite b
  for (std::size_t b = 0; b < n; ++b) {
    double total = 0.0;
    for (std::size_t a = 0; a < n; ++a) total += incentive(a, b);
    for (std::size_t a = 0; a < n; ++a) challenge(a, b) = incentive(a, b) / total;
  }
  std::vector<double> p(n, 1.0 / static_cast<double>(n)), q(n);
  for (int iter = 0; iter < 1000; ++iter) {
    double change = 0.0;
    for (std::size_t a = 0; a < n; ++a) {
      double s = 0.0;  // contests between a and b, either way round, won by a
      for (std::size_t b = 0; b < n; ++b)
        s += v(a, b) * (p[a] * challenge(b, a) + p[b] * challenge(a, b));
      q[a] = s;
      change = std::max(change, std::abs(q[a] - p[a]));
    }
    for (std::size_t a = 0; a < n; ++a) p[a] = (p[a] + q[a]) / 2.0;
    if (change <= 1e-8) return normalized(std::move(p));
  }
  throw RuntimeError("bargaining: the MarkovIncentive election did not converge in 1000 steps");
}

}  // namespace

std::pair<double, double> victory_probability(VictoryModel model, double s1, double s2) {
  double x1 = s1, x2 = s2;
  switch (model) {
    case VictoryModel::linear: break;
    case VictoryModel::square: x1 = s1 * s1, x2 = s2 * s2; break;
    case VictoryModel::quartic: x1 = std::pow(s1, 4), x2 = std::pow(s2, 4); break;
    case VictoryModel::octic: x1 = std::pow(s1, 8), x2 = std::pow(s2, 8); break;
    case VictoryModel::binary: {
      // A 10% advantage wins for certain; linear in the strength share in between.
      const double t = 1.10;
      if (s1 >= t * s2) {
        x1 = 1.0, x2 = 1e-6;
      } else if (s2 >= t * s1) {
        x1 = 1e-6, x2 = 1.0;
      } else {
        x1 = ((s1 / (s1 + s2)) * (t + 1.0) - 1.0) / (t - 1.0);
        x2 = 1.0 - x1;
      }
      break;
    }
  }
  return {x1 / (x1 + x2), x2 / (x1 + x2)};
}

Matrix victory_matrix(VictoryModel model, const Matrix& c) {
  const std::size_t n = c.rows();
  Matrix v(n, n, 0.5);
  for (std::size_t a = 0; a < n; ++a) {
    for (std::size_t b = 0; b < a; ++b) {
      const auto [p_ab, p_ba] = victory_probability(model, c(a, b), c(b, a));
      v(a, b) = p_ab;
      v(b, a) = p_ba;
    }
  }
  return v;
}

std::vector<double> condorcet_probabilities(PceModel pce, VictoryModel model, const Matrix& c) {
  const Matrix v = victory_matrix(model, c);
  switch (pce) {
    case PceModel::conditional: return conditional_pce(v);
    case PceModel::markov_uniform: return markov_uniform_pce(v);
    case PceModel::markov_incentive: return markov_incentive_pce(c, v);
  }
  return conditional_pce(v);
}

std::vector<double> scalar_pce(std::span<const double> weights, const Matrix& u, VotingRule rule,
                               VictoryModel model, PceModel pce) {
  // Transposed, so the loop over voters reads memory in order; the rule is a template argument
  // so that loop has no switch (and vectorizes).
  Matrix by_option(u.cols(), u.rows());
  for (std::size_t k = 0; k < u.rows(); ++k)
    for (std::size_t a = 0; a < u.cols(); ++a) by_option(a, k) = u(k, a);
  auto strengths = [&]<VotingRule R>() {
    return coalitions(u.rows(), u.cols(), [&](std::size_t k, std::size_t a, std::size_t b) {
      return vote(R, weights[k], by_option(a, k), by_option(b, k));
    });
  };
  Matrix c;
  switch (rule) {
    case VotingRule::binary: c = strengths.operator()<VotingRule::binary>(); break;
    case VotingRule::prop_bin: c = strengths.operator()<VotingRule::prop_bin>(); break;
    case VotingRule::proportional: c = strengths.operator()<VotingRule::proportional>(); break;
    case VotingRule::prop_cubic: c = strengths.operator()<VotingRule::prop_cubic>(); break;
    case VotingRule::cubic: c = strengths.operator()<VotingRule::cubic>(); break;
    case VotingRule::asym_prospect: c = strengths.operator()<VotingRule::asym_prospect>(); break;
  }
  return condorcet_probabilities(pce, model, c);
}

std::vector<double> risk_from_probabilities(std::span<const double> p, BigRRange range) {
  std::vector<double> r(p.size(), 0.0);
  if (p.empty()) return r;
  double lo = p[0], hi = p[0];
  for (const double x : p) lo = std::min(lo, x), hi = std::max(hi, x);
  if (!(hi - lo > 0.0)) return r;
  for (std::size_t i = 0; i < p.size(); ++i) {
    switch (range) {
      case BigRRange::min: r[i] = (p[i] - lo) / (hi - lo); break;
      case BigRRange::mid: r[i] = (3.0 * p[i] - (hi + 2.0 * lo)) / (2.0 * (hi - lo)); break;
      case BigRRange::max: r[i] = (2.0 * p[i] - (hi + lo)) / (hi - lo); break;
    }
  }
  return r;
}

double estimated_risk(double r_h, double r_i, BigRAdjust adjust) {
  switch (adjust) {
    case BigRAdjust::none: return r_h;
    case BigRAdjust::one_third: return (2.0 * r_h + r_i) / 3.0;
    case BigRAdjust::half: return (r_h + r_i) / 2.0;
    case BigRAdjust::two_thirds: return (r_h + 2.0 * r_i) / 3.0;
    case BigRAdjust::full: return r_i;
  }
  return r_h;
}

}  // namespace vecinos::bargain
