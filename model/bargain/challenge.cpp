#include "model/bargain/challenge.hpp"

#include <algorithm>
#include <span>
#include <vector>

#include "model/bargain/voting.hpp"

namespace vecinos::bargain {
namespace {

// Smallest coalition in a challenge, against 0/0 (KTAB probEduChlg, minCltn).
constexpr double kMinChallengeCoalition = 1e-10;

// The utility to third party n of the four ways the contest i:j can end, as sums over the
// three positions of i, j and n (KTAB Actor::thirdPartyVoteSU, "sum of utilities"): n sides
// with i (ik) or with j (jk), and either side wins. A committed third party on the losing side
// is dragged to the winner's position; one that is not keeps its own.
struct Outcomes {
  double ik_beats_j, j_beats_ik, i_beats_jk, jk_beats_i;
};

template <ThirdPartyCommit C>
Outcomes third_party_outcomes(double u_ni, double u_nj, double u_nn) {
  if constexpr (C == ThirdPartyCommit::full) return {3 * u_ni, 3 * u_nj, 3 * u_ni, 3 * u_nj};
  // semi: kept when on the winning side, dragged when losing
  if constexpr (C == ThirdPartyCommit::semi)
    return {2 * u_ni + u_nn, 3 * u_nj, 3 * u_ni, 2 * u_nj + u_nn};
  return {2 * u_ni + u_nn, 2 * u_nj + u_nn, 2 * u_ni + u_nn, 2 * u_nj + u_nn};
}

// The positive and negative parts of a vote, as values (selects, not branches).
inline double positive_part(double v) {
  return v > 0.0 ? v : 0.0;
}
inline double negative_part(double v) {
  return v < 0.0 ? v : 0.0;
}

// Adds a vote to the coalition it favours. Adding 0 to the other leaves it unchanged, so this
// equals KTAB's branches without their cost in the innermost loop.
inline void tally(double v, double& for_i, double& for_j) {
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
    const Outcomes x = third_party_outcomes<C>(u_ni, u_nj, u_nn);
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

std::vector<double> weights(const Assessment& a) {
  std::vector<double> w(a.actors());
  for (std::size_t n = 0; n < w.size(); ++n) w[n] = a.total_salience(n) * a.capability(n);
  return w;
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

}  // namespace

ChallengeEstimate estimate_challenge(const Assessment& a, const Options& o, std::size_t h,
                                     std::size_t k, std::size_t i, std::size_t j) {
  const std::size_t n = a.actors();
  std::vector<double> u_i(n), u_j(n), own(n), votes;
  for (std::size_t x = 0; x < n; ++x) {
    u_i[x] = a.estimated_utility(h, x, i);
    u_j[x] = a.estimated_utility(h, x, j);
    own[x] = a.estimated_utility(h, x, x);
  }
  const std::vector<double> w = weights(a);
  const Columns c{u_i, u_j, own, w};
  return with_rules(
      o, [&]<VotingRule R, ThirdPartyCommit C>() { return challenge<R, C>(c, a, votes, k, i, j); });
}

std::optional<Target> best_target(const Assessment& a, const Options& o, std::size_t i) {
  // Every estimate here is i's own, so i's view of everyone's utilities is tabulated once,
  // by position: row y holds every actor's utility of y's position.
  const std::size_t n = a.actors();
  Matrix table(n, n);
  std::vector<double> own(n), votes;
  for (std::size_t x = 0; x < n; ++x)
    for (std::size_t y = 0; y < n; ++y) table(y, x) = a.estimated_utility(i, x, y);
  for (std::size_t x = 0; x < n; ++x) own[x] = table(x, x);
  const std::vector<double> w = weights(a);

  return with_rules(o, [&]<VotingRule R, ThirdPartyCommit C>() {
    std::optional<Target> best;
    double best_gain = -1.0;
    for (std::size_t j = 0; j < n; ++j) {
      if (j == i) continue;
      const Columns c{table.row(i), table.row(j), own, w};
      const ChallengeEstimate e = challenge<R, C>(c, a, votes, i, i, j);
      if (e.gain > kMinChallengeGain && e.gain > best_gain) {
        best = Target{j, e.p_win, e.gain};
        best_gain = e.gain;
      }
    }
    return best;
  });
}

}  // namespace vecinos::bargain
