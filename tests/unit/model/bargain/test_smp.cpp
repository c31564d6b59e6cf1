#include <doctest/doctest.h>

#include <cmath>
#include <numeric>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <tbb/task_arena.h>

#include "model/bargain/assessment.hpp"
#include "model/bargain/challenge.hpp"
#include "model/bargain/lanes.hpp"
#include "model/bargain/smp.hpp"
#include "model/bargain/turn.hpp"
#include "model/bargain/voting.hpp"
#include "model/errors.hpp"

using namespace vecinos::bargain;

namespace {

// Actors on one dimension that each care about fully (salience 1).
Problem line(const std::vector<double>& capability, const std::vector<double>& x) {
  Problem p;
  p.name = "line";
  p.dimensions = {"x"};
  for (std::size_t i = 0; i < x.size(); ++i)
    p.actors.push_back({fmt::format("a{}", i), "", capability[i], {x[i]}, {1.0}});
  return p;
}

Matrix positions_of(const Problem& p) {
  Matrix m(p.actors.size(), p.dimensions.size());
  for (std::size_t i = 0; i < p.actors.size(); ++i)
    for (std::size_t k = 0; k < p.dimensions.size(); ++k) m(i, k) = p.actors[i].position[k];
  return m;
}

Assessment assess(const Problem& p, const Options& o = {}) {
  return {p, positions_of(p), o};
}

double sum(const std::vector<double>& v) {
  return std::accumulate(v.begin(), v.end(), 0.0);
}

// The vector widths to compare, widest first: the innermost loops run in lanes of this width
// while the object lives (limit_simd never goes wider than the processor, so on a machine
// without AVX-512 or AVX2 some of these repeat a narrower one).
constexpr Simd kEverySimd[] = {Simd::avx512, Simd::avx2, Simd::sse2};
struct SimdLimit {
  explicit SimdLimit(Simd widest) { limit_simd(widest); }
  ~SimdLimit() { limit_simd(Simd::avx512); }
  SimdLimit(const SimdLimit&) = delete;
  SimdLimit& operator=(const SimdLimit&) = delete;
};

}  // namespace

TEST_CASE(
    "two actors: outcome probabilities are capability shares and the likelier one's bargain wins") {
  // A (capability 1) at 0, B (capability 3) at 1. Each prefers its own position by 1, so
  // c(A:B) = 1, c(B:A) = 3 and P(A > B) = 1/4; the product rule gives p = (1/4, 3/4).
  const Problem p = line({1, 3}, {0, 1});
  const Assessment a = assess(p);
  CHECK(a.class_probabilities()[0] == doctest::Approx(0.25));
  CHECK(a.class_probabilities()[1] == doctest::Approx(0.75));
  CHECK(a.risk()[0] == doctest::Approx(-0.5));  // the less likely seeks risk,
  CHECK(a.risk()[1] == doctest::Approx(1.0));   // the likelier avoids it

  // Only B gains by challenging (A's expected gain is 1/4 * 2 - 1 < 0). Its S2P2 bargain weighs
  // each side by (salience x probability)^2: (0.0625 * 0 + 0.5625 * 1) / 0.625 = 0.9. Both
  // adopt it (B's capability carries the vote), and nobody moves after that.
  const Result r = solve(p);
  REQUIRE(r.turns.size() == 3);
  CHECK(r.converged);
  CHECK(r.turns[1].positions[0][0] == doctest::Approx(0.9));
  CHECK(r.turns[1].positions[1][0] == doctest::Approx(0.9));
  CHECK(r.turns[2].probabilities == std::vector<double>{0.5, 0.5});  // one position, shared
  CHECK(r.outcome[0] == doctest::Approx(0.9));
}

TEST_CASE("three equal actors at 0, 1/2, 1: risk-neutral (3/14, 4/7, 3/14), risk-aware 1/3 each") {
  // Risk neutral, c(M:L) = 0.5 (M) + 0.5 (R) against c(L:M) = 0.5, so P(M > L) = 2/3; L and R
  // tie. Products 1/6, 4/9, 1/6. Then R = (-1/2, 1, -1/2) makes u_L(M) = 0.375 and
  // u_M(L) = 0.75, and every pair ties: each position has probability 1/3.
  const Problem p = line({1, 1, 1}, {0.0, 0.5, 1.0});
  const Assessment a = assess(p);
  CHECK(a.neutral_probabilities()[0] == doctest::Approx(3.0 / 14));
  CHECK(a.neutral_probabilities()[1] == doctest::Approx(4.0 / 7));
  CHECK(a.neutral_probabilities()[2] == doctest::Approx(3.0 / 14));
  CHECK(a.risk()[0] == doctest::Approx(-0.5));
  CHECK(a.risk()[1] == doctest::Approx(1.0));
  CHECK(a.own_utility(0, 1) == doctest::Approx(0.375));
  CHECK(a.own_utility(1, 0) == doctest::Approx(0.75));
  for (const double x : a.class_probabilities()) CHECK(x == doctest::Approx(1.0 / 3));
}

TEST_CASE("a symmetric line of five equal actors stays mirror-symmetric and ends at the middle") {
  const Problem p = line({1, 1, 1, 1, 1}, {0.1, 0.3, 0.5, 0.7, 0.9});
  const Result r = solve(p);
  for (const Turn& t : r.turns) {
    for (std::size_t i = 0; i < 5; ++i) {
      CHECK(t.positions[i][0] == doctest::Approx(1.0 - t.positions[4 - i][0]));
      CHECK(t.probabilities[i] == doctest::Approx(t.probabilities[4 - i]));
    }
  }
  CHECK(r.outcome[0] == doctest::Approx(0.5));
}

TEST_CASE("a dominated position has the least probability, and its holder gives it up") {
  // Three capable actors near the middle and a weak one at the edge: every other position
  // beats the edge for every voter but its holder.
  const Problem p = line({1, 1, 1, 0.2}, {0.45, 0.5, 0.55, 1.0});
  const Assessment a = assess(p);
  for (std::size_t i = 0; i < 3; ++i)
    CHECK(a.class_probabilities()[3] < a.class_probabilities()[i] / 10);
  const Result r = solve(p);
  CHECK(r.turns.back().positions[3][0] < 0.6);
  CHECK(std::abs(r.outcome[0] - 0.5) < 0.05);
}

TEST_CASE("median voter: the capability-weighted median beats every other position") {
  // Capabilities 1, 1, 1, 1, 3 at 0.1, 0.2, 0.6, 0.7, 0.9: half the total (3.5) is reached at
  // 0.7. With linear (risk-neutral) utilities and proportional votes, c(m:j) - c(j:m) =
  // sum_k w_k (|x_k - x_j| - |x_k - m|) > 0, since the weighted median minimises
  // sum_k w_k |x_k - x|: P(m > j) > 1/2 for every j.
  const std::vector<double> w{1, 1, 1, 1, 3}, x{0.1, 0.2, 0.6, 0.7, 0.9};
  Matrix u(5, 5);
  for (std::size_t k = 0; k < 5; ++k)
    for (std::size_t j = 0; j < 5; ++j) u(k, j) = 1.0 - std::abs(x[k] - x[j]);
  const Matrix c = coalitions(5, 5, [&](std::size_t k, std::size_t a, std::size_t b) {
    return vote(VotingRule::proportional, w[k], u(k, a), u(k, b));
  });
  const Matrix v = victory_matrix(VictoryModel::linear, c);
  for (std::size_t j = 0; j < 5; ++j)
    if (j != 3) CHECK(v(3, j) > 0.5);
  // The model's own risk-neutral election agrees: the median is the likeliest position.
  const Assessment a = assess(line(w, x));
  for (std::size_t j = 0; j < 5; ++j)
    if (j != 3) CHECK(a.neutral_probabilities()[3] > a.neutral_probabilities()[j]);
}

TEST_CASE("actors at one position share its probability, as one actor of their joint capability") {
  // Two actors of capability 1 at 0, one of capability 3 at 1: c(0:1) = 2, c(1:0) = 3, so the
  // positions have probabilities 0.4 and 0.6, and the two at 0 have 0.2 each.
  const Assessment a = assess(line({1, 1, 3}, {0, 0, 1}));
  REQUIRE(a.representatives().size() == 2);
  CHECK(a.position_class() == std::vector<std::size_t>{0, 0, 1});
  const auto p = a.actor_probabilities();
  CHECK(p[0] == doctest::Approx(0.2));
  CHECK(p[1] == doctest::Approx(0.2));
  CHECK(p[2] == doctest::Approx(0.6));
  const Assessment merged = assess(line({2, 3}, {0, 1}));
  CHECK(merged.class_probabilities()[0] == doctest::Approx(p[0] + p[1]));
  // Positions closer than the tolerance (0.1 on the 0..100 scale) count as one.
  const Assessment near = assess(line({1, 1, 3}, {0.3, 0.3005, 1}));
  CHECK(near.representatives().size() == 2);
}

TEST_CASE("probabilities sum to 1 at every turn, for every KTAB option") {
  const Problem p = random_problem(9, 3, 42);
  std::vector<Options> variants(1);
  const std::vector<std::pair<std::string, std::string>> settings{
      {"VotingRule", "Binary"},
      {"VotingRule", "PropCbc"},
      {"VotingRule", "ASymProsp"},
      {"VictoryProbModel", "Square"},
      {"VictoryProbModel", "Binary"},
      {"PCEModel", "MarkovIncentive"},
      {"PCEModel", "MarkovUniform"},
      {"StateTransitions", "Stochastic"},
      {"BigRRange", "Max"},
      {"BigRAdjust", "Full"},
      {"ThirdPartyCommit", "NoCommit"},
      {"ThirdPartyCommit", "FullCommit"},
      {"InterVecBrgn", "S1P1"},
      {"InterVecBrgn", "S2PMax"},
      {"BargnModel", "InitRcvrInterp"},
      {"BargnModel", "PWCompInterp"}};
  for (const auto& [key, value] : settings) {
    Options o;
    set_parameter(o, key, value);
    variants.push_back(o);
  }
  for (const Options& o : variants) {
    const Result r = solve(p, o);
    CHECK(r.turns.size() >= 2);
    for (const Turn& t : r.turns) {
      CHECK(sum(t.probabilities) == doctest::Approx(1.0));
      for (const auto& pos : t.positions)
        for (const double x : pos) CHECK((x >= 0.0 && x <= 1.0));
    }
  }
}

TEST_CASE("outcome probabilities are invariant to the order of the actors") {
  for (const std::uint64_t seed : {1u, 2u, 3u}) {
    const Problem p = random_problem(15, 4, seed);
    Problem q = p;
    std::vector<std::size_t> perm(15);
    for (std::size_t i = 0; i < 15; ++i) perm[i] = (7 * i + 4) % 15;  // a permutation
    for (std::size_t i = 0; i < 15; ++i) q.actors[i] = p.actors[perm[i]];
    const auto a = assess(p).actor_probabilities(), b = assess(q).actor_probabilities();
    for (std::size_t i = 0; i < 15; ++i) CHECK(b[i] == doctest::Approx(a[perm[i]]).epsilon(1e-9));
    const auto ra = assess(p).risk(), rb = assess(q).risk();
    for (std::size_t i = 0; i < 15; ++i) CHECK(rb[i] == doctest::Approx(ra[perm[i]]).epsilon(1e-9));
  }
}

TEST_CASE("results are identical for a seed and for any number of threads") {
  const Problem p = random_problem(25, 3, 7);
  Options o;
  o.transition = StateTransition::stochastic;  // the only option that draws
  o.seed = 5;
  Result one, two;
  tbb::task_arena(1).execute([&] { one = solve(p, o); });
  tbb::task_arena(2).execute([&] { two = solve(p, o); });
  REQUIRE(one.turns.size() == two.turns.size());
  for (std::size_t t = 0; t < one.turns.size(); ++t) {
    CHECK(one.turns[t].positions == two.turns[t].positions);
    CHECK(one.turns[t].probabilities == two.turns[t].probabilities);
  }
  CHECK(one.outcome == two.outcome);
  // Another seed draws other bargains.
  o.seed = 6;
  CHECK(solve(p, o).turns.back().positions != one.turns.back().positions);
}

TEST_CASE("the stopping rule: quiet after min_turns, or max_turns whatever happens") {
  const Problem p = random_problem(20, 3, 11);
  Options o;
  const Result r = solve(p, o);
  REQUIRE(r.converged);
  const std::size_t last = r.turns.size() - 1;
  const double first = state_distance(r.turns[0].positions, r.turns[1].positions);
  const double final_step = state_distance(r.turns[last - 1].positions, r.turns[last].positions);
  CHECK(final_step / (first + o.min_sig_delta) < o.min_delta_ratio);
  for (std::size_t t = 2; t < last; ++t) {  // it did not stop earlier than it had to
    const double step = state_distance(r.turns[t - 1].positions, r.turns[t].positions);
    CHECK(step / (first + o.min_sig_delta) >= o.min_delta_ratio);
  }
  o.max_turns = 3;
  const Result capped = solve(p, o);
  CHECK(capped.turns.size() == 4);
  CHECK_FALSE(capped.converged);
  o.max_turns = 0;
  CHECK(solve(p, o).turns.size() == 1);
}

TEST_CASE("regression: a fixed four-actor, two-dimension problem") {
  // Recorded after checking it is sensible: the weak outlier D bargains its way to the
  // centrist C's position, the two strong actors A and B hardly move, and the outcome lies
  // between them, nearer the stronger A on trade.
  Problem p;
  p.name = "regression";
  p.dimensions = {"trade", "security"};
  p.actors = {{"A", "", 40, {0.2, 0.8}, {0.6, 0.3}},
              {"B", "", 30, {0.7, 0.3}, {0.3, 0.5}},
              {"C", "", 20, {0.5, 0.5}, {0.5, 0.4}},
              {"D", "", 10, {0.9, 0.9}, {0.2, 0.2}}};
  const Result r = solve(p);
  CHECK(r.converged);
  CHECK(r.turns.size() == 3);
  const Turn& last = r.turns.back();
  CHECK(last.positions[3] == std::vector<double>{0.5015, 0.5024});
  CHECK(last.positions[2] == last.positions[3]);
  CHECK(last.probabilities[3] == doctest::Approx(0.1749).epsilon(1e-3));
  CHECK(r.outcome[0] == doctest::Approx(0.4597919040).epsilon(1e-8));
  CHECK(r.outcome[1] == doctest::Approx(0.5419832176).epsilon(1e-8));
}

TEST_CASE("bad problems and options are input errors naming what is wrong") {
  Problem p = line({1, 2}, {0.2, 0.4});
  p.actors[1].capability = 0;
  CHECK_THROWS_WITH_AS(solve(p),
                       doctest::Contains("actor 'a1': capability must be a positive number"),
                       vecinos::InputError);
  p = line({1, 2}, {0.2, 1.4});
  CHECK_THROWS_WITH_AS(solve(p), doctest::Contains("position on 'x' must be in [0, 1]"),
                       vecinos::InputError);
  p = line({1}, {0.2});
  CHECK_THROWS_AS(solve(p), vecinos::InputError);
  Options o;
  o.max_turns = -1;
  CHECK_THROWS_AS(solve(line({1, 2}, {0.2, 0.4}), o), vecinos::InputError);
  CHECK_THROWS_WITH_AS(set_parameter(o, "PCEModel", "Markov"),
                       doctest::Contains("allowed: Conditional, MarkovIncentive, MarkovUniform"),
                       vecinos::InputError);
  CHECK_THROWS_WITH_AS(set_parameter(o, "VoteRule", "Prop"),
                       doctest::Contains("unknown model parameter 'VoteRule'"),
                       vecinos::InputError);
}

TEST_CASE("model parameters read and print with KTAB's names, and default to KTAB's") {
  const auto defaults = parameters(Options{});
  const std::vector<std::pair<std::string, std::string>> ktab{{"VictoryProbModel", "Linear"},
                                                              {"PCEModel", "Conditional"},
                                                              {"StateTransitions", "Deterministic"},
                                                              {"VotingRule", "Prop"},
                                                              {"BigRAdjust", "OneThird"},
                                                              {"BigRRange", "Mid"},
                                                              {"ThirdPartyCommit", "SemiCommit"},
                                                              {"InterVecBrgn", "S2P2"},
                                                              {"BargnModel", "InitOnlyInterp"}};
  CHECK(defaults == ktab);
  Options o;
  set_parameter(o, "BargnModel", "PWCompInterp");
  CHECK(o.bargain_model == BargainModel::power_weighted);
}

namespace {

// A random problem on a coarse grid (positions in quarters, equal saliences, capabilities 1 or
// 2), so that many challenges have exactly equal gains.
Problem grid_problem(int actors, int dims, std::uint64_t seed) {
  Problem p = random_problem(actors, dims, seed);
  for (Actor& a : p.actors) {
    for (double& x : a.position) x = std::round(4.0 * x) / 4.0;
    for (double& s : a.salience) s = 0.75 / dims;
    a.capability = a.capability < 105.0 ? 1.0 : 2.0;
  }
  return p;
}

// i's best challenge by estimating every one of them in receiver order, keeping the first
// strictly larger gain: SMP.md's definition, without best_target's shortcuts.
std::optional<Target> every_target(const Assessment& a, const Options& o, std::size_t i) {
  std::optional<Target> best;
  for (std::size_t j = 0; j < a.actors(); ++j) {
    if (j == i) continue;
    const ChallengeEstimate e = estimate_challenge(a, o, i, i, i, j);
    if (e.gain > kMinChallengeGain && (!best || e.gain > best->gain))
      best = Target{j, e.p_win, e.gain};
  }
  return best;
}

}  // namespace

TEST_CASE("best_target equals estimating every challenge, ties included, under every rule") {
  std::vector<Options> variants(1);
  for (const char* rule : {"Binary", "PropBin", "PropCbc", "Cubic", "ASymProsp"}) {
    Options o;
    set_parameter(o, "VotingRule", rule);
    variants.push_back(o);
  }
  for (const char* commit : {"NoCommit", "FullCommit"}) {
    Options o;
    set_parameter(o, "ThirdPartyCommit", commit);
    variants.push_back(o);
  }
  for (const char* range : {"Min", "Max"}) {
    Options o;
    set_parameter(o, "BigRRange", range);
    variants.push_back(o);
  }
  int ties = 0, targets = 0;
  for (const Simd wide : kEverySimd) {
    const SimdLimit limit(wide);
    CAPTURE(static_cast<int>(simd()));
    for (std::uint64_t seed = 1; seed <= 12; ++seed) {
      const int actors = 2 + static_cast<int>(seed * 7 % 40);
      for (const Problem& p : {random_problem(actors, 1 + static_cast<int>(seed % 4), seed),
                               grid_problem(actors, 1 + static_cast<int>(seed % 3), seed)}) {
        for (const Options& o : variants) {
          // The initial state and two later ones.
          Matrix x = positions_of(p);
          for (std::size_t turn = 0; turn < 3; ++turn) {
            const Assessment a(p, x, o);
            for (std::size_t i = 0; i < a.actors(); ++i) {
              const auto fast = best_target(a, o, i), slow = every_target(a, o, i);
              REQUIRE(fast.has_value() == slow.has_value());
              if (!slow) continue;
              ++targets;
              CHECK(fast->receiver == slow->receiver);
              CHECK(fast->gain == slow->gain);  // bit for bit
              CHECK(fast->p_win == slow->p_win);
              for (std::size_t j = 0; j < a.actors(); ++j)
                if (j != i && j != slow->receiver &&
                    estimate_challenge(a, o, i, i, i, j).gain == slow->gain)
                  ++ties;
            }
            x = step(p, x, a, o, turn);
          }
        }
      }
    }
  }
  // The grid problems do produce exactly equal best gains, which the smallest receiver wins.
  CHECK(ties > 100);
  CHECK(targets > 1000);
  MESSAGE("best targets compared: ", targets, ", with an equal gain elsewhere: ", ties);
}

TEST_CASE("bargain_values equals bargain_utility of every bargain to every actor, bit for bit") {
  for (const Simd wide : kEverySimd) {
    const SimdLimit limit(wide);
    CAPTURE(static_cast<int>(simd()));
    for (std::uint64_t seed = 1; seed <= 8; ++seed) {
      const int actors = 2 + static_cast<int>(seed * 11 % 45);  // across blocks of 16 actors
      const Problem p = random_problem(actors, 3, seed);
      const Matrix x = positions_of(p);
      const Options o;
      const Assessment a(p, x, o);
      const auto n = static_cast<std::size_t>(actors);
      Matrix own(n, n);
      for (std::size_t i = 0; i < n; ++i)
        for (std::size_t m = 0; m < n; ++m) own(i, m) = a.own_utility(i, m);
      std::vector<Bargain> bargains;
      for (std::size_t i = 0; i < n; ++i)
        for (const Bargain& b : propose(p, x, a, o, i)) bargains.push_back(b);
      // And bargains between every pair, in both orders.
      const Problem q = random_problem(actors, 3, seed + 100);
      for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; j += 3)
          if (i != j) bargains.push_back({i, j, q.actors[i].position, q.actors[j].position});
      const Matrix value = bargain_values(p, x, a, own, bargains);
      for (std::size_t b = 0; b < bargains.size(); ++b)
        for (std::size_t i = 0; i < n; ++i)
          REQUIRE(value(b, i) == bargain_utility(p, x, a, own.row(i), i, &bargains[b]));
    }
  }
}

TEST_CASE("every vector width solves to the same bits, under every voting rule") {
  for (const char* rule : {"Prop", "Binary", "PropBin", "PropCbc", "Cubic", "ASymProsp"}) {
    Options o;
    set_parameter(o, "VotingRule", rule);
    o.transition = StateTransition::stochastic;
    const Problem p = random_problem(37, 3, 11);
    std::vector<Result> results;
    for (const Simd wide : kEverySimd) {
      const SimdLimit limit(wide);
      results.push_back(solve(p, o));
    }
    for (std::size_t w = 1; w < results.size(); ++w) {
      CAPTURE(rule);
      CAPTURE(w);
      REQUIRE(results[w].turns.size() == results[0].turns.size());
      for (std::size_t t = 0; t < results[0].turns.size(); ++t) {
        CHECK(results[w].turns[t].positions == results[0].turns[t].positions);
        CHECK(results[w].turns[t].probabilities == results[0].turns[t].probabilities);
      }
    }
  }
  MESSAGE("widest vectors here: ", static_cast<int>(simd()), " (0 SSE2, 1 AVX2, 2 AVX-512)");
}
