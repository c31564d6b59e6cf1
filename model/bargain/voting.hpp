#pragma once
// The domain-free layer under the spatial model of politics: votes, coalitions, victory
// probabilities and the probabilistic Condorcet election, as in KTAB's KBase::Model
// (KTAB/kmodel/libsrc/kmodel.cpp; Wise, Lester et al., "KTAB: Toolkit for Behavioral
// Analysis", KAPSARC 2015-2017). Equations are in model/bargain/SMP.md.
#include <algorithm>
#include <cstddef>
#include <span>
#include <utility>
#include <vector>

#include "model/bargain/matrix.hpp"
#include "model/bargain/options.hpp"

namespace vecinos::bargain {

/// Influence v that an actor of weight w > 0 exerts for option a over option b, given its
/// utilities u_a and u_b (KTAB Model::vote). Proportional: v = w (u_a - u_b). Inline: it is
/// the innermost operation of every coalition.
inline double vote(VotingRule rule, double w, double u_a, double u_b) {
  const double du = u_a - u_b;
  switch (rule) {
    case VotingRule::proportional: return w * du;
    case VotingRule::binary: return w * std::clamp(du / 1e-8, -1.0, 1.0);  // a steep ramp
    case VotingRule::prop_bin: return w * (0.8 * du + 0.2 * std::clamp(du / 1e-8, -1.0, 1.0));
    case VotingRule::prop_cubic: return w * (0.5 * du + 0.5 * (du * du * du));
    case VotingRule::cubic: return w * (du * du * du);
    case VotingRule::asym_prospect: return du < 0 ? w * du : 2.0 * w * du / 3.0;  // gains count 2/3
  }
  return 0.0;
}

/// Probabilities (p, 1 - p) that a coalition of strength s1 defeats one of strength s2
/// (KTAB Model::vProb). Linear: p = s1 / (s1 + s2).
std::pair<double, double> victory_probability(VictoryModel model, double s1, double s2);

/// Smallest coalition strength, so that no victory probability is 0/0 (KTAB Model::coalitions).
inline constexpr double kMinCoalition = 1e-8;

/// Coalition strengths c(a, b) = kMinCoalition + sum over voters k of max(0, v_k(a, b)),
/// where vote_of(k, a, b) gives v_k(a, b) and v_k(b, a) = -v_k(a, b); c(a, a) = kMinCoalition.
template <class VoteFn>
Matrix coalitions(std::size_t voters, std::size_t options, VoteFn&& vote_of) {
  Matrix c(options, options, kMinCoalition);
  for (std::size_t a = 0; a < options; ++a) {
    for (std::size_t b = 0; b < a; ++b) {
      double c_ab = kMinCoalition, c_ba = kMinCoalition;
      for (std::size_t k = 0; k < voters; ++k) {
        const double v = vote_of(k, a, b);
        c_ab += v > 0.0 ? v : 0.0;  // adding 0 leaves a sum unchanged: no branch needed
        c_ba -= v < 0.0 ? v : 0.0;
      }
      c(a, b) = c_ab;
      c(b, a) = c_ba;
    }
  }
  return c;
}

/// P(a defeats b) for every pair, from coalition strengths; P(a, a) = 1/2.
Matrix victory_matrix(VictoryModel model, const Matrix& c);

/// Outcome probability of each option (sums to 1) from coalition strengths (KTAB
/// Model::probCE2). Conditional: p_a proportional to the product over b of P(a defeats b).
std::vector<double> condorcet_probabilities(PceModel pce, VictoryModel model, const Matrix& c);

/// Outcome probabilities of options when voters of weights w_k vote by `rule` on utilities
/// u(k, option) (KTAB Model::scalarPCE).
std::vector<double> scalar_pce(std::span<const double> weights, const Matrix& utilities,
                               VotingRule rule, VictoryModel model, PceModel pce);

/// Risk attitudes R inferred from outcome probabilities: the likeliest actor is the most risk
/// averse, the least likely the most risk seeking, linear between (KTAB Model::bigRfromProb).
/// When every probability is equal, everyone is risk neutral (R = 0), where KTAB divides 0/0.
std::vector<double> risk_from_probabilities(std::span<const double> p, BigRRange range);

/// h's estimate of i's risk attitude from its own r_h and i's r_i (KTAB Model::estNRA).
double estimated_risk(double r_h, double r_i, BigRAdjust adjust);

}  // namespace vecinos::bargain
