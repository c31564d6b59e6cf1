#include "model/bargain/turn.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <limits>
#include <span>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "model/bargain/challenge.hpp"
#include "model/bargain/lanes.hpp"
#include "model/bargain/spatial.hpp"
#include "model/bargain/voting.hpp"
#include "model/rng.hpp"

// Vectors of four or eight doubles never cross a call here (everything taking one is inlined
// into sum_others_avx2 or sum_others_avx512); GCC's and Clang's note that they would be passed
// differently without AVX is off.
#if defined(__GNUC__)  // GCC and Clang
#pragma GCC diagnostic ignored "-Wpsabi"
#endif

namespace vecinos::bargain {
namespace {

constexpr std::size_t kStatusQuo = std::numeric_limits<std::size_t>::max();

Bargain interpolate(const Problem& problem, const Matrix& positions, const Options& o,
                    std::size_t i, std::size_t j, double p_i) {
  const std::size_t nd = positions.cols();
  Bargain b{i, j, std::vector<double>(nd), std::vector<double>(nd)};
  interpolate_bargain(o.interpolation, positions.row(i), problem.actors[i].salience, p_i,
                      positions.row(j), problem.actors[j].salience, 1.0 - p_i, b.initiator_position,
                      b.receiver_position);
  return b;
}

// Calls f(i) for i in [0, n), in parallel; each call must write only its own slots.
template <class F>
void for_each_index(std::size_t n, const F& f) {
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, n, 4),
                    [&](const tbb::blocked_range<std::size_t>& r) {
                      for (std::size_t i = r.begin(); i != r.end(); ++i) f(i);
                    });
}

std::size_t first_max(const std::vector<double>& p) {
  std::size_t best = 0;
  for (std::size_t m = 1; m < p.size(); ++m)
    if (p[m] > p[best]) best = m;
  return best;
}

// Actors per block of bargain_values.
constexpr std::size_t kBlock = 16;
// Bargains summed in one pass over a block, at most.
constexpr std::size_t kPassBargains = 4;

// One row of a block (packed[m * kBlock ...]: every block actor's utility of m's position)
// added to totals t[b] of every bargain of the pass (V: a vector of doubles).
template <class V, std::size_t B>
[[gnu::always_inline]] inline void add_row(
    const double* row, std::array<std::array<V, kBlock * sizeof(double) / sizeof(V)>, B>& t) {
  constexpr std::size_t width = sizeof(V) / sizeof(double), groups = kBlock / width;
  std::array<V, groups> x{};
  for (std::size_t g = 0; g < groups; ++g) x[g] = load_vector<V>(row + g * width);
  for (std::size_t b = 0; b < B; ++b)
    for (std::size_t g = 0; g < groups; ++g) t[b][g] += x[g];
}

// One pass of bargain_values over a block: its actors' positions, saliences and risk attitudes
// lane by lane (position[k * kBlock + x - first] on dimension k), every other actor's utility
// to them (packed[m * kBlock + x - first]), and the bargains of the pass: their positions and
// the actors whose positions they replace (skip[2b], skip[2b + 1]). totals[b * kBlock + x -
// first] receives bargain b's total for block actor x.
struct Pass {
  const double* packed = nullptr;
  std::size_t actors = 0, dims = 0;
  const double *position = nullptr, *salience = nullptr, *risk = nullptr;
  std::array<const double*, kPassBargains> initiator_at{}, receiver_at{};
  std::array<std::size_t, 2 * kPassBargains> skip{};
  double* totals = nullptr;
};

// sqrt lane by lane (correctly rounded, as std::sqrt).
template <class V>
[[gnu::always_inline]] inline V sqrt_lanes(V x) {
  for (std::size_t l = 0; l < sizeof(V) / sizeof(double); ++l) x[l] = std::sqrt(x[l]);
  return x;
}
#ifdef VECINOS_BARGAIN_GCC_X86
[[gnu::always_inline]] inline Lanes sqrt_lanes(Lanes x) {
  return __builtin_ia32_sqrtpd(x);
}
[[gnu::always_inline]] inline Quad sqrt_lanes(Quad x) {
  return __builtin_ia32_sqrtpd256(x);
}
[[gnu::always_inline]] inline Octet sqrt_lanes(Octet x) {
  return __builtin_ia32_sqrtpd512_mask(x, Octet{}, static_cast<char>(-1), 4);
}
#endif

// utility(weighted_distance(position of x, at, salience of x), risk of x) for the block actors
// of group g, lane by lane: the same operations in the same order.
template <class V>
[[gnu::always_inline]] inline V utility_of(const Pass& p, std::size_t g, const double* at) {
  constexpr std::size_t width = sizeof(V) / sizeof(double);
  V ds2{}, s2{};
  for (std::size_t k = 0; k < p.dims; ++k) {
    const V s = load_vector<V>(p.salience + k * kBlock + g * width);
    const V ds = (load_vector<V>(p.position + k * kBlock + g * width) - splat<V>(at[k])) * s;
    ds2 += ds * ds;
    s2 += s * s;
  }
  const V d = sqrt_lanes(ds2 / s2), r = load_vector<V>(p.risk + g * width), one = splat<V>(1.0);
  return d <= one ? (one - d) * (one + d * r) : (one - d) * (one + r);
}

// For B bargains at once: each total starts as bargain_utility's, 0 plus the utilities of the
// two bargained positions; then every row m of the block is added to the totals of the bargains
// that keep m's position (all but their initiator and receiver), rows in order. Each total is
// the same sum in the same order as for one bargain alone, while a row is read once for all B.
template <class V, std::size_t B>
[[gnu::always_inline]] inline void sum_others_in(const Pass& p) {
  constexpr std::size_t width = sizeof(V) / sizeof(double), groups = kBlock / width;
  std::array<std::array<V, groups>, B> t{};
  for (std::size_t b = 0; b < B; ++b) {
    for (std::size_t g = 0; g < groups; ++g) {
      t[b][g] = V{} + utility_of<V>(p, g, p.initiator_at[b]);
      t[b][g] += utility_of<V>(p, g, p.receiver_at[b]);
    }
  }
  const double* packed = p.packed;
  const auto& skip = p.skip;
  std::array<std::size_t, 2 * B> points{};
  std::copy_n(skip.begin(), 2 * B, points.begin());
  std::sort(points.begin(), points.end());
  std::size_t m = 0;
  for (const std::size_t at : points) {
    if (at < m) continue;  // a position skipped by several bargains
    for (; m < at; ++m) add_row<V, B>(packed + m * kBlock, t);
    for (std::size_t b = 0; b < B; ++b) {
      if (skip[2 * b] == at || skip[2 * b + 1] == at) continue;
      for (std::size_t g = 0; g < groups; ++g)
        t[b][g] += load_vector<V>(packed + at * kBlock + g * width);
    }
    m = at + 1;
  }
  for (; m < p.actors; ++m) add_row<V, B>(packed + m * kBlock, t);
  for (std::size_t b = 0; b < B; ++b)
    for (std::size_t g = 0; g < groups; ++g)
      std::memcpy(p.totals + b * kBlock + g * width, &t[b][g], sizeof(V));
}

#if defined(__x86_64__) && defined(__GNUC__)
#define VECINOS_BARGAIN_AVX 1
// Two bargains a pass in AVX2 lanes, four in AVX-512 lanes (neither with fused multiply-adds).
__attribute__((target("avx2"))) void sum_others_avx2(const Pass& p) {
  sum_others_in<Quad, 2>(p);
}
__attribute__((target("avx512f"))) void sum_others_avx512(const Pass& p) {
  sum_others_in<Octet, 4>(p);
}
#endif

// sum_others_in for bargains_per_pass(wide) bargains, in the widest lanes `wide` allows.
void sum_others(Simd wide, const Pass& p) {
#ifdef VECINOS_BARGAIN_AVX
  if (wide >= Simd::avx512) return sum_others_avx512(p);
  if (wide >= Simd::avx2) return sum_others_avx2(p);
#endif
  (void)wide;
  sum_others_in<Lanes, 1>(p);
}

std::size_t bargains_per_pass(Simd wide) {
#ifdef VECINOS_BARGAIN_AVX
  if (wide >= Simd::avx512) return 4;
  if (wide >= Simd::avx2) return 2;
#endif
  (void)wide;
  return 1;
}

}  // namespace

// Average utility to actor a of the state after bargain b: the two bargained positions replace
// the initiator's and receiver's, everyone else stays (KTAB doBCN, brgnUtil). Dividing by the
// number of actors keeps it in [0, 1]. `own` is a's own utility of each actor's position.
double bargain_utility(const Problem& problem, const Matrix& positions, const Assessment& as,
                       std::span<const double> own, std::size_t a, const Bargain* b) {
  double total = 0.0;
  if (b != nullptr) {
    const auto& sal = problem.actors[a].salience;
    const double r = as.risk()[a];
    total += utility(weighted_distance(positions.row(a), b->initiator_position, sal), r);
    total += utility(weighted_distance(positions.row(a), b->receiver_position, sal), r);
  }
  for (std::size_t m = 0; m < own.size(); ++m) {
    if (b != nullptr && (m == b->initiator || m == b->receiver)) continue;
    total += own[m];
  }
  return total / static_cast<double>(own.size());
}

// value(b, x) = bargain_utility(..., own.row(x), x, &bargains[b]) for every bargain b and actor
// x (turn.hpp): the same sum in the same order for each (the two bargained positions, then every
// other actor's position in actor order), computed for kBlock actors at a time in lanes. Blocks of
// actors run in parallel and write only their own cells.
Matrix bargain_values(const Problem& problem, const Matrix& positions, const Assessment& as,
                      const Matrix& own, const std::vector<Bargain>& bargains) {
  const std::size_t n = own.rows();
  Matrix value(bargains.size(), n);
  const std::size_t blocks = (n + kBlock - 1) / kBlock;
  const Simd wide = simd();
  const std::size_t per_pass = bargains_per_pass(wide);
  const std::size_t dims = positions.cols();
  for_each_index(blocks, [&](std::size_t block) {
    const std::size_t first = block * kBlock, last = std::min(n, first + kBlock);
    // packed[m * kBlock + x - first]: the utility to actor x of m's position (0 past the last
    // actor; those lanes are computed and ignored, with saliences 1 against 0/0).
    std::vector<double> packed(n * kBlock, 0.0);
    for (std::size_t x = first; x < last; ++x)
      for (std::size_t m = 0; m < n; ++m) packed[m * kBlock + x - first] = own(x, m);
    std::vector<double> position(dims * kBlock, 0.0), salience(dims * kBlock, 1.0);
    std::array<double, kBlock> risk{};
    for (std::size_t x = first; x < last; ++x) {
      for (std::size_t k = 0; k < dims; ++k) {
        position[k * kBlock + x - first] = positions(x, k);
        salience[k * kBlock + x - first] = problem.actors[x].salience[k];
      }
      risk[x - first] = as.risk()[x];
    }
    std::array<double, kPassBargains * kBlock> totals{};
    Pass pass{packed.data(), n, dims, position.data(), salience.data(), risk.data(), {}, {}, {},
              totals.data()};
    for (std::size_t b0 = 0; b0 < bargains.size(); b0 += per_pass) {
      // Unused slots of the last pass repeat its last bargain; their totals are ignored.
      const std::size_t count = std::min(per_pass, bargains.size() - b0);
      for (std::size_t q = 0; q < per_pass; ++q) {
        const Bargain& bg = bargains[b0 + std::min(q, count - 1)];
        pass.initiator_at[q] = bg.initiator_position.data();
        pass.receiver_at[q] = bg.receiver_position.data();
        pass.skip[2 * q] = bg.initiator;
        pass.skip[2 * q + 1] = bg.receiver;
      }
      sum_others(wide, pass);
      for (std::size_t q = 0; q < count; ++q)
        for (std::size_t x = first; x < last; ++x)
          value(b0 + q, x) = totals[q * kBlock + x - first] / static_cast<double>(n);
    }
  });
  return value;
}

std::vector<Bargain> propose(const Problem& problem, const Matrix& positions, const Assessment& a,
                             const Options& o, std::size_t i) {
  const auto target = best_target(a, o, i);
  if (!target) return {};
  const std::size_t j = target->receiver;
  // The bargain as i sees it, from i's estimate that it prevails.
  Bargain by_i = interpolate(problem, positions, o, i, j, target->p_win);
  if (o.bargain_model == BargainModel::init_only) return {std::move(by_i)};

  // The bargain as j sees it, from j's estimate that i prevails. (KTAB passes j's expected
  // gain here where its comment says probability; we pass the probability.)
  const double p_by_j = estimate_challenge(a, o, j, i, i, j).p_win;
  Bargain by_j = interpolate(problem, positions, o, i, j, p_by_j);
  if (o.bargain_model == BargainModel::init_rcvr) return {std::move(by_i), std::move(by_j)};

  // Power-weighted compromise of the two, weights capability times total salience.
  const double w_i = a.capability(i) * a.total_salience(i);
  const double w_j = a.capability(j) * a.total_salience(j);
  Bargain mix = by_i;
  for (std::size_t k = 0; k < positions.cols(); ++k) {
    mix.initiator_position[k] =
        (w_i * by_i.initiator_position[k] + w_j * by_j.initiator_position[k]) / (w_i + w_j);
    mix.receiver_position[k] =
        (w_i * by_i.receiver_position[k] + w_j * by_j.receiver_position[k]) / (w_i + w_j);
  }
  return {std::move(mix)};
}

Matrix step(const Problem& problem, const Matrix& positions, const Assessment& a, const Options& o,
            std::size_t turn) {
  const std::size_t n = a.actors();
  // Each actor's proposals depend only on this state; gathered afterwards in actor order, so
  // the result does not depend on the number of threads.
  std::vector<std::vector<Bargain>> proposals(n);
  for_each_index(n, [&](std::size_t i) { proposals[i] = propose(problem, positions, a, o, i); });
  std::vector<Bargain> bargains;
  std::vector<std::vector<std::size_t>> choices(n, std::vector<std::size_t>{kStatusQuo});
  for (auto& list : proposals) {
    for (Bargain& b : list) {
      choices[b.initiator].push_back(bargains.size());
      choices[b.receiver].push_back(bargains.size());
      bargains.push_back(std::move(b));
    }
  }

  // Utility to every actor of the status quo and of each bargain, computed once.
  Matrix own(n, n);
  std::vector<double> status_quo(n);
  for_each_index(n, [&](std::size_t x) {
    for (std::size_t m = 0; m < n; ++m) own(x, m) = a.own_utility(x, m);
    status_quo[x] = bargain_utility(problem, positions, a, own.row(x), x, nullptr);
  });
  const Matrix value = bargain_values(problem, positions, a, own, bargains);
  std::vector<double> weights(n);
  for (std::size_t x = 0; x < n; ++x) weights[x] = a.capability(x);

  // Each actor settles on one of its bargains; it writes only its own row.
  Matrix next = positions;
  for_each_index(n, [&](std::size_t k) {
    const auto& menu = choices[k];
    Matrix u(n, menu.size());
    for (std::size_t m = 0; m < menu.size(); ++m)
      for (std::size_t x = 0; x < n; ++x)
        u(x, m) = menu[m] == kStatusQuo ? status_quo[x] : value(menu[m], x);
    const std::vector<double> p = scalar_pce(weights, u, o.voting, o.victory, o.pce);
    std::size_t chosen = 0;
    if (o.transition == StateTransition::deterministic) {
      chosen = first_max(p);
    } else {
      Rng rng(o.seed, 0, turn, k, kBargainStream);
      chosen = rng.categorical(p);
    }
    if (menu[chosen] == kStatusQuo) return;
    const Bargain& b = bargains[menu[chosen]];
    const auto& adopted = (b.initiator == k) ? b.initiator_position : b.receiver_position;
    for (std::size_t d = 0; d < positions.cols(); ++d) next(k, d) = adopted[d];
  });
  return next;
}

}  // namespace vecinos::bargain
