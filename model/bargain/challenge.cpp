#include "model/bargain/challenge.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <span>
#include <utility>
#include <vector>

#include "model/bargain/lanes.hpp"
#include "model/bargain/spatial.hpp"
#include "model/bargain/voting.hpp"

// Vectors of four doubles never cross a call here (everything taking one is inlined into
// challenge_lanes_avx2); GCC's and Clang's note that they would be passed differently without
// AVX is off.
#if defined(__GNUC__)  // GCC and Clang
#pragma GCC diagnostic ignored "-Wpsabi"
#endif

namespace vecinos::bargain {
namespace {

// Smallest coalition in a challenge, against 0/0 (KTAB probEduChlg, minCltn).
constexpr double kMinChallengeCoalition = 1e-10;

// The utility to third party n of the four ways the contest i:j can end, as sums over the
// three positions of i, j and n (KTAB Actor::thirdPartyVoteSU, "sum of utilities"): n sides
// with i (ik) or with j (jk), and either side wins. A committed third party on the losing side
// is dragged to the winner's position; one that is not keeps its own.
template <class T>
struct Outcomes {
  T ik_beats_j, j_beats_ik, i_beats_jk, jk_beats_i;
};

// T is double, or a vector of doubles (`Lanes`) for several challenges at once.
template <ThirdPartyCommit C, class T>
[[gnu::always_inline]] inline Outcomes<T> third_party_outcomes(T u_ni, T u_nj, T u_nn) {
  if constexpr (C == ThirdPartyCommit::full)
    return {3.0 * u_ni, 3.0 * u_nj, 3.0 * u_ni, 3.0 * u_nj};
  // semi: kept when on the winning side, dragged when losing
  if constexpr (C == ThirdPartyCommit::semi)
    return {2.0 * u_ni + u_nn, 3.0 * u_nj, 3.0 * u_ni, 2.0 * u_nj + u_nn};
  return {2.0 * u_ni + u_nn, 2.0 * u_nj + u_nn, 2.0 * u_ni + u_nn, 2.0 * u_nj + u_nn};
}

// Adds a vote to the coalition it favours. Adding 0 to the other leaves it unchanged, so this
// equals KTAB's branches without their cost in the innermost loop.
template <class T>
[[gnu::always_inline]] inline void tally(T v, T& for_i, T& for_j) {
  for_i += positive_part(v);
  for_j -= negative_part(v);
}

// What h's estimate of a contest needs, for every actor n: u_i[n] = u(n, i) and
// u_j[n] = u(n, j), n's utilities of i's and j's positions, and own[n] = u(n, n), all by h's
// estimate; weight[n] = s_n c_n, n's total salience times capability.
struct Columns {
  std::span<const double> u_i, u_j, own, weight;
};

// The estimate itself. The rules are template arguments so the loop over third parties
// carries no switch; its votes go to `votes` first and are summed after, in actor order, so
// the arithmetic is KTAB's while the loop itself can use vector instructions.
template <VotingRule R, ThirdPartyCommit C>
ChallengeEstimate challenge(const Columns& c, const Assessment& a, std::vector<double>& votes,
                            std::size_t k, std::size_t i, std::size_t j) {
  // The principals' own contributions: i for its position, j for its own.
  double for_i = kMinChallengeCoalition, for_j = kMinChallengeCoalition;
  tally(vote(R, c.weight[i], c.u_i[i], c.u_j[i]), for_i, for_j);
  tally(vote(R, c.weight[j], c.u_i[j], c.u_j[j]), for_i, for_j);
  const double principal_i = for_i, principal_j = for_j;

  // Each third party n weighs in after judging the little contest of i, j and itself alone
  // (KTAB vProbLittle): p_n = chance that i wins when n backs the side it prefers.
  const std::size_t n_actors = c.u_i.size();
  votes.resize(n_actors);
  double* out = votes.data();
  for (std::size_t n = 0; n < n_actors; ++n) {
    const double u_ni = c.u_i[n], u_nj = c.u_j[n], u_nn = c.own[n], w_n = c.weight[n];
    const double v0 = vote(R, w_n, u_ni, u_nj);
    const double little_i = principal_i + positive_part(v0);
    const double little_j = principal_j - negative_part(v0);
    const double p_n = little_i / (little_i + little_j);
    // KTAB uses the same p_n whichever side n joins.
    const Outcomes<double> x = third_party_outcomes<C>(u_ni, u_nj, u_nn);
    const double join_i = p_n * x.ik_beats_j + (1.0 - p_n) * x.j_beats_ik;
    const double join_j = p_n * x.i_beats_jk + (1.0 - p_n) * x.jk_beats_i;
    out[n] = vote(R, w_n, join_i, join_j);
  }
  out[i] = 0.0;  // the principals are not third parties; a zero vote changes no coalition
  out[j] = 0.0;
  for (std::size_t n = 0; n < n_actors; ++n) tally(out[n], for_i, for_j);

  const double p_i = for_i / (for_i + for_j);
  const double p_j = for_j / (for_i + for_j);
  // Utilities to k, summed over the positions of i and j: status quo, i wins (j adopts i's
  // position), j wins (i adopts j's). A challenge succeeds outright with probability 1 - s_j
  // (j does not care enough to resist) and is contested with probability s_j.
  const double status_quo = c.u_i[k] + c.u_j[k];
  const double i_wins = c.u_i[k] + c.u_i[k];
  const double j_wins = c.u_j[k] + c.u_j[k];
  const double contest = p_i * i_wins + p_j * j_wins;
  const double s_j = a.total_salience(j);
  const double chlg = (1.0 - s_j) * i_wins + s_j * contest;
  return {p_i, chlg - status_quo};
}

// Calls f.template operator()<R, C>() with the options' voting rule and commitment.
template <VotingRule R, class F>
auto with_commitment(ThirdPartyCommit c, F&& f) {
  switch (c) {
    case ThirdPartyCommit::none: return f.template operator()<R, ThirdPartyCommit::none>();
    case ThirdPartyCommit::semi: return f.template operator()<R, ThirdPartyCommit::semi>();
    case ThirdPartyCommit::full: break;
  }
  return f.template operator()<R, ThirdPartyCommit::full>();
}

template <class F>
auto with_rules(const Options& o, F&& f) {
  switch (o.voting) {
    case VotingRule::binary: return with_commitment<VotingRule::binary>(o.commitment, f);
    case VotingRule::prop_bin: return with_commitment<VotingRule::prop_bin>(o.commitment, f);
    case VotingRule::proportional:
      return with_commitment<VotingRule::proportional>(o.commitment, f);
    case VotingRule::prop_cubic: return with_commitment<VotingRule::prop_cubic>(o.commitment, f);
    case VotingRule::cubic: return with_commitment<VotingRule::cubic>(o.commitment, f);
    case VotingRule::asym_prospect: break;
  }
  return with_commitment<VotingRule::asym_prospect>(o.commitment, f);
}

// What i's estimates of all its challenges share (h = k = i): u_i[n] = U^i(n, i),
// own[n] = U^i(n, n), risk[n] = R^i_n, weight[n] = s_n c_n.
struct Shared {
  std::span<const double> u_i, own, risk, weight;
  std::size_t i;
};

// Challenges estimated side by side in lanes (lanes.hpp): independent sums in flight at once,
// where one challenge alone waits on each addition before the next. Two vectors of two lanes
// with SSE2, one of four with AVX2.
constexpr std::size_t kLanes = 4;

// An upper bound on i's estimated gain from challenging j, from u_ii = U^i(i, i),
// u_ij = U^i(i, j) and j's total salience s_j. With k = i, the gain of `challenge` is
// (1 - s_j) 2 u_ii + s_j (P 2 u_ii + (1 - P) 2 u_ij) - (u_ii + u_ij), linear in i's
// probability P of prevailing, so it lies between its values at P = 0 and P = 1; the margin
// is far above the rounding of either computation (a few units of 1e-16 on values of order 1).
constexpr double kBoundMargin = 1e-9;
double gain_bound(double u_ii, double u_ij, double s_j) {
  const double at_one = u_ii - u_ij;
  const double at_zero = (1.0 - s_j) * 2.0 * u_ii + s_j * 2.0 * u_ij - (u_ii + u_ij);
  return std::max(at_one, at_zero) + kBoundMargin;
}

struct Candidate {
  double bound;
  std::size_t receiver;
};

// block[n * kLanes + l] = U^i(n, js[l]) = utility(d(n, js[l]), R^i_n). With four lanes, four
// actors n at a time: `utility` in lanes (both of its cases, then a select), the four receivers'
// vectors transposed into four rows of block.
template <class V>
[[gnu::always_inline]] inline void fill_block(const Assessment& a, const Shared& s,
                                              const std::array<std::size_t, kLanes>& js,
                                              double* block) {
  const std::size_t n_actors = s.u_i.size();
  std::array<const double*, kLanes> d{};
  for (std::size_t l = 0; l < kLanes; ++l) d[l] = a.distances_to(js[l]).data();
  std::size_t n = 0;
  if constexpr (sizeof(V) == kLanes * sizeof(double)) {
    const V one = splat<V>(1.0);
    for (; n + kLanes <= n_actors; n += kLanes) {
      const V r = load_vector<V>(s.risk.data() + n);
      std::array<V, kLanes> u{};
      for (std::size_t l = 0; l < kLanes; ++l) {
        const V d_n = load_vector<V>(d[l] + n);
        u[l] = d_n <= one ? (one - d_n) * (one + d_n * r) : (one - d_n) * (one + r);
      }
      const V t0 = __builtin_shufflevector(u[0], u[1], 0, 4, 2, 6);
      const V t1 = __builtin_shufflevector(u[0], u[1], 1, 5, 3, 7);
      const V t2 = __builtin_shufflevector(u[2], u[3], 0, 4, 2, 6);
      const V t3 = __builtin_shufflevector(u[2], u[3], 1, 5, 3, 7);
      const std::array<V, kLanes> rows = {
          __builtin_shufflevector(t0, t2, 0, 1, 4, 5), __builtin_shufflevector(t1, t3, 0, 1, 4, 5),
          __builtin_shufflevector(t0, t2, 2, 3, 6, 7), __builtin_shufflevector(t1, t3, 2, 3, 6, 7)};
      for (std::size_t m = 0; m < kLanes; ++m)
        std::memcpy(block + (n + m) * kLanes, &rows[m], sizeof(V));
    }
  }
  for (; n < n_actors; ++n)
    for (std::size_t l = 0; l < kLanes; ++l) block[n * kLanes + l] = utility(d[l][n], s.risk[n]);
}

// i's estimates of challenging each of the kLanes receivers js, into e. Each lane performs
// exactly the operations of `challenge` (same values, same order of summation), so the results
// are bit-identical to it; block[n * kLanes + l] is U^i(n, js[l]), every actor's utility of each
// receiver's position. V is the vector type: Lanes, or Quad in AVX2 code.
template <VotingRule R, ThirdPartyCommit C, class V>
[[gnu::always_inline]] inline void challenge_lanes_in(const Assessment& a, const Shared& s,
                                                      const std::array<std::size_t, kLanes>& js,
                                                      double* block,
                                                      std::array<ChallengeEstimate, kLanes>& e) {
  constexpr std::size_t width = sizeof(V) / sizeof(double), groups = kLanes / width;
  using Mask = decltype(V{} < V{});
  const std::size_t n_actors = s.u_i.size(), i = s.i;
  fill_block<V>(a, s, js, block);

  // The principals' own votes, lane by lane as in `challenge`.
  std::array<V, groups> principal_i{}, principal_j{}, for_i{}, for_j{};
  std::array<Mask, groups> receiver{};
  for (std::size_t l = 0; l < kLanes; ++l) {
    const std::size_t j = js[l], g = l / width, m = l % width;
    double f_i = kMinChallengeCoalition, f_j = kMinChallengeCoalition;
    tally(vote(R, s.weight[i], s.u_i[i], block[i * kLanes + l]), f_i, f_j);
    tally(vote(R, s.weight[j], s.u_i[j], block[j * kLanes + l]), f_i, f_j);
    principal_i[g][m] = f_i;
    principal_j[g][m] = f_j;
    receiver[g][m] = static_cast<long long>(j);
  }
  for_i = principal_i;
  for_j = principal_j;

  // Third parties in actor order; i and the receiver are none (`challenge` adds their zero
  // vote, which leaves a positive sum unchanged, so skipping i is the same). Two ranges, not a
  // lambda, which would not be compiled for the caller's AVX2 target.
  for (const auto& [from, to] : {std::pair{std::size_t{0}, i}, std::pair{i + 1, n_actors}}) {
    for (std::size_t n = from; n < to; ++n) {
      const V u_ni = splat<V>(s.u_i[n]), u_nn = splat<V>(s.own[n]);
      const V w_n = splat<V>(s.weight[n]);
      const Mask this_n = Mask{} + static_cast<long long>(n);
      for (std::size_t g = 0; g < groups; ++g) {
        const V u_nj = load_vector<V>(block + n * kLanes + g * width);
        const V v0 = vote_lanes<R>(w_n, u_ni, u_nj);
        const V little_i = principal_i[g] + positive_part(v0);
        const V little_j = principal_j[g] - negative_part(v0);
        const V p_n = little_i / (little_i + little_j);
        const Outcomes<V> x = third_party_outcomes<C>(u_ni, u_nj, u_nn);
        const V join_i = p_n * x.ik_beats_j + (1.0 - p_n) * x.j_beats_ik;
        const V join_j = p_n * x.i_beats_jk + (1.0 - p_n) * x.jk_beats_i;
        const V v = receiver[g] == this_n ? V{} : vote_lanes<R>(w_n, join_i, join_j);
        tally(v, for_i[g], for_j[g]);
      }
    }
  }

  for (std::size_t l = 0; l < kLanes; ++l) {
    const std::size_t g = l / width, m = l % width;
    const double f_i = for_i[g][m], f_j = for_j[g][m];
    const double p_i = f_i / (f_i + f_j);
    const double p_j = f_j / (f_i + f_j);
    const double u_ki = s.u_i[i], u_kj = block[i * kLanes + l];
    const double status_quo = u_ki + u_kj;
    const double i_wins = u_ki + u_ki;
    const double j_wins = u_kj + u_kj;
    const double contest = p_i * i_wins + p_j * j_wins;
    const double s_j = a.total_salience(js[l]);
    const double chlg = (1.0 - s_j) * i_wins + s_j * contest;
    e[l] = {p_i, chlg - status_quo};
  }
}

#if defined(__x86_64__) && defined(__GNUC__)
#define VECINOS_BARGAIN_AVX2 1
// Four lanes in one AVX2 register (AVX2 enables no fused multiply-add: the same values).
template <VotingRule R, ThirdPartyCommit C>
__attribute__((target("avx2"))) void challenge_lanes_avx2(
    const Assessment& a, const Shared& s, const std::array<std::size_t, kLanes>& js, double* block,
    std::array<ChallengeEstimate, kLanes>& e) {
  challenge_lanes_in<R, C, Quad>(a, s, js, block, e);
}
#endif

// The estimates of challenging js, in the widest lanes `wide` allows.
template <VotingRule R, ThirdPartyCommit C>
void challenge_lanes(const Assessment& a, const Shared& s,
                     const std::array<std::size_t, kLanes>& js, Simd wide,
                     std::vector<double>& block, std::array<ChallengeEstimate, kLanes>& e) {
#ifdef VECINOS_BARGAIN_AVX2
  if (wide >= Simd::avx2) return challenge_lanes_avx2<R, C>(a, s, js, block.data(), e);
#endif
  (void)wide;
  challenge_lanes_in<R, C, Lanes>(a, s, js, block.data(), e);
}

}  // namespace

ChallengeEstimate estimate_challenge(const Assessment& a, const Options& o, std::size_t h,
                                     std::size_t k, std::size_t i, std::size_t j) {
  const std::size_t n = a.actors();
  std::vector<double> u_i(n), u_j(n), own(n), votes(n);
  for (std::size_t x = 0; x < n; ++x) {
    u_i[x] = a.estimated_utility(h, x, i);
    u_j[x] = a.estimated_utility(h, x, j);
    own[x] = a.estimated_utility(h, x, x);
  }
  const Columns c{u_i, u_j, own, a.challenge_weights()};
  return with_rules(
      o, [&]<VotingRule R, ThirdPartyCommit C>() { return challenge<R, C>(c, a, votes, k, i, j); });
}

std::optional<Target> best_target(const Assessment& a, const Options& o, std::size_t i) {
  // Every estimate here is i's own (h = k = i). What i's estimates of the challenges have in
  // common: every actor n's utility of i's position and of its own, and n's weight.
  const std::size_t n = a.actors();
  const std::span<const double> risk = a.estimated_risks(i);
  std::vector<double> u_i(n), own(n);
  const std::span<const double> to_i = a.distances_to(i);
  for (std::size_t x = 0; x < n; ++x) u_i[x] = utility(to_i[x], risk[x]);
  for (std::size_t x = 0; x < n; ++x) own[x] = utility(a.distance(x, x), risk[x]);
  const Shared shared{u_i, own, risk, a.challenge_weights(), i};

  // Targets by decreasing bound on their gain (the first of equal bounds first), so that the
  // search can stop at the first whose bound is below the best gain found. They come off a heap
  // in that order (a strict total order: receivers differ), only as far as the search goes.
  std::vector<Candidate> candidates;
  candidates.reserve(n);
  for (std::size_t j = 0; j < n; ++j) {
    if (j == i) continue;
    const double bound =
        gain_bound(own[i], utility(a.distance(i, j), risk[i]), a.total_salience(j));
    if (bound > kMinChallengeGain) candidates.push_back({bound, j});
  }
  const auto later = [](const Candidate& x, const Candidate& y) {
    return x.bound != y.bound ? x.bound < y.bound : x.receiver > y.receiver;
  };
  std::make_heap(candidates.begin(), candidates.end(), later);

  return with_rules(o, [&]<VotingRule R, ThirdPartyCommit C>() {
    std::optional<Target> best;
    std::vector<double> block(n * kLanes);
    const Simd wide = simd();
    std::array<std::size_t, kLanes> js{};
    std::array<ChallengeEstimate, kLanes> e{};
    // candidates[0, left) is the heap of the targets not yet estimated, the next on top.
    for (std::size_t left = candidates.size(); left > 0;) {
      // A target whose bound is below the best gain can neither beat nor equal it.
      if (best && candidates.front().bound < best->gain) break;
      const std::size_t count = std::min(kLanes, left);
      for (std::size_t l = 0; l < count; ++l) {
        std::pop_heap(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(left),
                      later);
        js[l] = candidates[--left].receiver;
      }
      // Unused lanes repeat the last target; their results are ignored.
      for (std::size_t l = count; l < kLanes; ++l) js[l] = js[count - 1];
      challenge_lanes<R, C>(a, shared, js, wide, block, e);
      for (std::size_t l = 0; l < count; ++l) {
        const std::size_t j = js[l];
        if (!(e[l].gain > kMinChallengeGain)) continue;
        // The largest gain wins, and of equal gains the smallest receiver, as in a scan of
        // every receiver in order that keeps the first strictly larger gain.
        if (!best || e[l].gain > best->gain || (e[l].gain == best->gain && j < best->receiver))
          best = Target{j, e[l].p_win, e[l].gain};
      }
    }
    return best;
  });
}

}  // namespace vecinos::bargain
