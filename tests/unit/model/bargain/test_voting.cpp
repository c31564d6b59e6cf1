#include <doctest/doctest.h>

#include <cmath>
#include <numeric>
#include <vector>

#include "model/bargain/lanes.hpp"
#include "model/bargain/voting.hpp"
#include "model/rng.hpp"

using namespace vecinos::bargain;

TEST_CASE("a proportional vote is weight times utility difference, and antisymmetric") {
  CHECK(vote(VotingRule::proportional, 2.0, 0.7, 0.2) == doctest::Approx(1.0));
  CHECK(vote(VotingRule::proportional, 2.0, 0.2, 0.7) == doctest::Approx(-1.0));
  CHECK(vote(VotingRule::proportional, 5.0, 0.4, 0.4) == 0.0);
  // The other rules keep the sign of the preference.
  for (const auto rule : {VotingRule::binary, VotingRule::prop_bin, VotingRule::prop_cubic,
                          VotingRule::cubic, VotingRule::asym_prospect}) {
    CHECK(vote(rule, 1.0, 0.9, 0.1) > 0.0);
    CHECK(vote(rule, 1.0, 0.1, 0.9) < 0.0);
  }
  // Prospect theory: a gain moves an actor two thirds as much as the same loss.
  CHECK(vote(VotingRule::asym_prospect, 3.0, 0.6, 0.3) == doctest::Approx(0.6));
  CHECK(vote(VotingRule::asym_prospect, 3.0, 0.3, 0.6) == doctest::Approx(-0.9));
}

TEST_CASE("linear victory probability is the strength share, and the square law squares it") {
  const auto [p, q] = victory_probability(VictoryModel::linear, 2.0, 1.0);
  CHECK(p == doctest::Approx(2.0 / 3.0));
  CHECK(q == doctest::Approx(1.0 / 3.0));
  CHECK(victory_probability(VictoryModel::square, 2.0, 1.0).first == doctest::Approx(0.8));
  CHECK(victory_probability(VictoryModel::quartic, 2.0, 1.0).first == doctest::Approx(16.0 / 17));
  // Binary: a 10% advantage wins outright, an even contest is a coin toss.
  CHECK(victory_probability(VictoryModel::binary, 1.1, 1.0).first > 0.999);
  CHECK(victory_probability(VictoryModel::binary, 1.0, 1.0).first == doctest::Approx(0.5));
}

TEST_CASE("coalitions add each voter's vote to the side it favours") {
  // Two voters of weight 1 and 3 over two options; voter 0 prefers option 0 by 0.5, voter 1
  // prefers option 1 by 0.25.
  Matrix u(2, 2);
  u(0, 0) = 1.0, u(0, 1) = 0.5, u(1, 0) = 0.5, u(1, 1) = 0.75;
  const std::vector<double> w{1.0, 3.0};
  const Matrix c = coalitions(2, 2, [&](std::size_t k, std::size_t a, std::size_t b) {
    return vote(VotingRule::proportional, w[k], u(k, a), u(k, b));
  });
  CHECK(c(0, 1) == doctest::Approx(0.5));
  CHECK(c(1, 0) == doctest::Approx(0.75));
  CHECK(c(0, 0) == kMinCoalition);
  // Linear victory and the conditional election: p_0 = 0.5 * 0.4 / (0.5 * 0.4 + 0.5 * 0.6).
  const auto p =
      scalar_pce(w, u, VotingRule::proportional, VictoryModel::linear, PceModel::conditional);
  CHECK(p[0] == doctest::Approx(0.4));
  CHECK(p[1] == doctest::Approx(0.6));
}

TEST_CASE("the conditional Condorcet election multiplies pairwise victory probabilities") {
  // Coalition strengths chosen so P(0>1) = 3/4, P(0>2) = 1/2, P(1>2) = 1/3 (linear law).
  Matrix c(3, 3, kMinCoalition);
  c(0, 1) = 3, c(1, 0) = 1, c(0, 2) = 1, c(2, 0) = 1, c(1, 2) = 1, c(2, 1) = 2;
  const auto p = condorcet_probabilities(PceModel::conditional, VictoryModel::linear, c);
  // Products (the common factor 1/2 for P(a>a) cancels): 3/8, 1/12, 1/3 of 19/24.
  const double total = 3.0 / 8 + 1.0 / 12 + 1.0 / 3;
  CHECK(p[0] == doctest::Approx((3.0 / 8) / total));
  CHECK(p[1] == doctest::Approx((1.0 / 12) / total));
  CHECK(p[2] == doctest::Approx((1.0 / 3) / total));
  // The Markov elections agree on the ranking and also sum to 1.
  for (const auto pce : {PceModel::markov_uniform, PceModel::markov_incentive}) {
    const auto q = condorcet_probabilities(pce, VictoryModel::linear, c);
    CHECK(std::accumulate(q.begin(), q.end(), 0.0) == doctest::Approx(1.0));
    CHECK(q[0] > q[2]);
    CHECK(q[2] > q[1]);
  }
}

TEST_CASE("risk attitudes rescale probabilities: likeliest most risk averse, Mid is [-1/2, 1]") {
  const std::vector<double> p{0.1, 0.3, 0.6};
  const auto mid = risk_from_probabilities(p, BigRRange::mid);
  CHECK(mid[0] == doctest::Approx(-0.5));
  CHECK(mid[1] == doctest::Approx(-0.5 + 1.5 * 0.2 / 0.5));
  CHECK(mid[2] == doctest::Approx(1.0));
  CHECK(risk_from_probabilities(p, BigRRange::min)[0] == doctest::Approx(0.0));
  CHECK(risk_from_probabilities(p, BigRRange::max)[0] == doctest::Approx(-1.0));
  // Equal probabilities: KTAB would divide 0/0; everyone is risk neutral here.
  const auto flat = risk_from_probabilities(std::vector<double>{0.5, 0.5}, BigRRange::mid);
  CHECK(flat == std::vector<double>{0.0, 0.0});
}

TEST_CASE("an actor's estimate of another's risk attitude mixes in its own (OneThird default)") {
  CHECK(estimated_risk(1.0, -0.5, BigRAdjust::one_third) == doctest::Approx(0.5));
  CHECK(estimated_risk(1.0, -0.5, BigRAdjust::none) == 1.0);
  CHECK(estimated_risk(1.0, -0.5, BigRAdjust::full) == -0.5);
  CHECK(estimated_risk(1.0, -0.5, BigRAdjust::half) == doctest::Approx(0.25));
  CHECK(estimated_risk(1.0, -0.5, BigRAdjust::two_thirds) == doctest::Approx(0.0));
}

TEST_CASE("scalar_pce's coalitions are those of `coalitions`, bit for bit, under every rule") {
  vecinos::Rng rng(3, 0, 0, 0, 0);
  for (const VotingRule rule :
       {VotingRule::binary, VotingRule::prop_bin, VotingRule::proportional, VotingRule::prop_cubic,
        VotingRule::cubic, VotingRule::asym_prospect}) {
    for (std::size_t options = 1; options <= 21; options += 2) {  // across chunks of 8 options
      const std::size_t voters = 1 + options * 3 % 17;
      Matrix u(voters, options);
      std::vector<double> w(voters);
      for (std::size_t k = 0; k < voters; ++k) {
        w[k] = 0.5 + rng.uniform();
        // Some utilities equal, so that some votes are exactly 0.
        for (std::size_t a = 0; a < options; ++a)
          u(k, a) = a % 3 == 0 ? 0.5 : std::round(8.0 * rng.uniform()) / 8.0 + 1e-3 * rng.uniform();
      }
      const Matrix c =
          coalitions(voters, options, [&](std::size_t k, std::size_t a, std::size_t b) {
            return vote(rule, w[k], u(k, a), u(k, b));
          });
      for (const PceModel pce : {PceModel::conditional, PceModel::markov_uniform}) {
        const auto expected = condorcet_probabilities(pce, VictoryModel::linear, c);
        // In every vector width (SSE2, AVX2, AVX-512 where the processor has them).
        for (const Simd wide : {Simd::avx512, Simd::avx2, Simd::sse2}) {
          limit_simd(wide);
          CAPTURE(static_cast<int>(simd()));
          CHECK(scalar_pce(w, u, rule, VictoryModel::linear, pce) == expected);
        }
        limit_simd(Simd::avx512);
      }
    }
  }
}
