#include "model/bargain/voting.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>

#include <fmt/format.h>
#include <tbb/parallel_for.h>

#include "model/bargain/lanes.hpp"
#include "model/errors.hpp"

// GCC and Clang note (Clang as an error under -Werror) that vectors of four or eight doubles
// would be passed differently without AVX; here they never cross a call (everything taking one
// is inlined into chunk_strengths_avx2 and chunk_strengths_avx512), and GCC reports it only at
// the end of the file, so the note is off for the whole file.
#if defined(__GNUC__)  // GCC and Clang
#pragma GCC diagnostic ignored "-Wpsabi"
#endif

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

// Elections of at least this many options fill their victory matrix in parallel.
constexpr std::size_t kParallelOptions = 128;

// Options per chunk of lane_coalitions: kChunkLanes vectors of two lanes.
constexpr std::size_t kChunkLanes = 4, kChunk = kChunkLanes * kLaneWidth;

// The strengths of option a against the kChunk options of a chunk: c_ab[b] = kMinCoalition +
// the positive votes, c_ba[b] = kMinCoalition - the negative ones, voters in order. u_a[k] is
// voter k's utility of a, packed[k * kChunk + b] its utility of the chunk's option b. V is a
// vector of doubles (two, four or eight lanes); every lane does what `coalitions` does for one
// pair. A options a at once (rows u_a[r], results at c_ab[r * kChunk], c_ba[r * kChunk]) share
// each load of packed and carry independent sums.
template <VotingRule R, class V, std::size_t A>
[[gnu::always_inline]] inline void chunk_strengths_in(const std::array<const double*, A>& u_a,
                                                      const double* w, const double* packed,
                                                      std::size_t voters, double* c_ab,
                                                      double* c_ba) {
  constexpr std::size_t width = sizeof(V) / sizeof(double), groups = kChunk / width;
  std::array<std::array<V, groups>, A> ab{}, ba{};
  for (std::size_t r = 0; r < A; ++r)
    for (std::size_t g = 0; g < groups; ++g) ab[r][g] = ba[r][g] = splat<V>(kMinCoalition);
  for (std::size_t k = 0; k < voters; ++k) {
    const V w_k = splat<V>(w[k]);
    std::array<V, groups> u_kb{};
    for (std::size_t g = 0; g < groups; ++g)
      std::memcpy(&u_kb[g], packed + k * kChunk + g * width, sizeof(V));
    for (std::size_t r = 0; r < A; ++r) {
      const V u_ka = splat<V>(u_a[r][k]);
      for (std::size_t g = 0; g < groups; ++g) {
        const V v = vote_lanes<R>(w_k, u_ka, u_kb[g]);
        ab[r][g] += positive_part(v);
        ba[r][g] -= negative_part(v);
      }
    }
  }
  std::memcpy(c_ab, ab.data(), sizeof ab);
  std::memcpy(c_ba, ba.data(), sizeof ba);
}

// With AVX2 (four lanes) and AVX-512 (eight lanes, two options a at once), where the processor
// has them; neither is compiled with fused multiply-adds (CMakeLists.txt), so the values are the
// same.
#if defined(__x86_64__) && defined(__GNUC__)
#define VECINOS_BARGAIN_AVX 1
template <VotingRule R>
__attribute__((target("avx2"))) void chunk_strengths_avx2(const double* u_a, const double* w,
                                                          const double* packed, std::size_t voters,
                                                          double* c_ab, double* c_ba) {
  chunk_strengths_in<R, Quad, 1>({u_a}, w, packed, voters, c_ab, c_ba);
}
template <VotingRule R>
__attribute__((target("avx512f"))) void chunk_strengths_avx512(const double* u_a0,
                                                               const double* u_a1, const double* w,
                                                               const double* packed,
                                                               std::size_t voters, double* c_ab,
                                                               double* c_ba) {
  chunk_strengths_in<R, Octet, 2>({u_a0, u_a1}, w, packed, voters, c_ab, c_ba);
}
#endif

// Options a in one call of chunk_strengths with lanes as wide as `wide`.
std::size_t rows_per_call(Simd wide) {
  return wide >= Simd::avx512 ? 2 : 1;
}

// The strengths of options a0 and, when rows_per_call(wide) is 2, a1 (rows u_a0 and u_a1)
// against the options of a chunk, into c_ab[r * kChunk + b] and c_ba[r * kChunk + b].
template <VotingRule R>
void chunk_strengths(Simd wide, const double* u_a0, const double* u_a1, const double* w,
                     const double* packed, std::size_t voters, double* c_ab, double* c_ba) {
#ifdef VECINOS_BARGAIN_AVX
  if (wide >= Simd::avx512)
    return chunk_strengths_avx512<R>(u_a0, u_a1, w, packed, voters, c_ab, c_ba);
  if (wide >= Simd::avx2) return chunk_strengths_avx2<R>(u_a0, w, packed, voters, c_ab, c_ba);
#endif
  (void)u_a1;
  chunk_strengths_in<R, Lanes, 1>({u_a0}, w, packed, voters, c_ab, c_ba);
}

// `coalitions` for voters of weights w voting by rule R on utilities u(voter, option): every
// strength is the same sum in the same order (voters in turn), computed for the kChunk options
// b of a chunk against one option a at a time in lanes. Chunks run in parallel; each writes only
// its own cells, so the result does not depend on the number of threads.
template <VotingRule R>
Matrix lane_coalitions(std::span<const double> w, const Matrix& u) {
  const std::size_t voters = u.rows(), options = u.cols();
  Matrix c(options, options, kMinCoalition);
  if (options < 2) return c;
  Matrix by_option(options, voters);  // option a's utility to each voter, in voter order
  for (std::size_t k = 0; k < voters; ++k)
    for (std::size_t a = 0; a < options; ++a) by_option(a, k) = u(k, a);
  const std::size_t chunks = (options + kChunk - 1) / kChunk;
  const Simd wide = simd();
  const std::size_t rows = rows_per_call(wide);
  tbb::parallel_for(std::size_t{0}, chunks, [&](std::size_t chunk) {
    const std::size_t first = chunk * kChunk, last = std::min(options, first + kChunk);
    // packed[k * kChunkLanes + g]: voter k's utilities of options first + 2g, first + 2g + 1
    // (0 past the last option; those lanes are computed and ignored).
    // Read from by_option's rows, in order (u's columns would take a page per voter).
    std::vector<Lanes> packed(voters * kChunkLanes, Lanes{});
    for (std::size_t b = first; b < last; ++b) {
      const std::span<const double> of_b = by_option.row(b);
      for (std::size_t k = 0; k < voters; ++k)
        packed[k * kChunkLanes + (b - first) / kLaneWidth][(b - first) % kLaneWidth] = of_b[k];
    }
    const auto* flat = reinterpret_cast<const double*>(packed.data());
    std::array<double, 2 * kChunk> c_ab{}, c_ba{};
    for (std::size_t a0 = first + 1; a0 < options; a0 += rows) {
      // A second row past the last option repeats it; its results are ignored.
      const std::size_t a1 = std::min(a0 + 1, options - 1);
      chunk_strengths<R>(wide, by_option.row(a0).data(), by_option.row(a1).data(), w.data(), flat,
                         voters, c_ab.data(), c_ba.data());
      for (std::size_t r = 0; r < rows && a0 + r < options; ++r) {
        const std::size_t a = a0 + r;
        for (std::size_t b = first; b < std::min(a, last); ++b) {
          c(a, b) = c_ab[r * kChunk + b - first];
          c(b, a) = c_ba[r * kChunk + b - first];
        }
      }
    }
  });
  return c;
}

Simd supported_simd() {
#if defined(__x86_64__) && defined(__GNUC__)
  if (__builtin_cpu_supports("avx512f")) return Simd::avx512;
  if (__builtin_cpu_supports("avx2")) return Simd::avx2;
#endif
  return Simd::sse2;
}

std::atomic<Simd>& simd_in_use() {
  static std::atomic<Simd> in_use{supported_simd()};
  return in_use;
}

}  // namespace

Simd simd() {
  return simd_in_use().load(std::memory_order_relaxed);
}

void limit_simd(Simd widest) {
  simd_in_use().store(std::min(widest, supported_simd()), std::memory_order_relaxed);
}

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
  // Option a fills the cells (a, b) and (b, a) for b < a: options in parallel when there are
  // many (no cell is written twice, so the values do not depend on threads).
  auto row = [&](std::size_t a) {
    for (std::size_t b = 0; b < a; ++b) {
      const auto [p_ab, p_ba] = victory_probability(model, c(a, b), c(b, a));
      v(a, b) = p_ab;
      v(b, a) = p_ba;
    }
  };
  if (n >= kParallelOptions) {
    tbb::parallel_for(std::size_t{0}, n, row);
  } else {
    for (std::size_t a = 0; a < n; ++a) row(a);
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
  Matrix c;
  switch (rule) {
    case VotingRule::binary: c = lane_coalitions<VotingRule::binary>(weights, u); break;
    case VotingRule::prop_bin: c = lane_coalitions<VotingRule::prop_bin>(weights, u); break;
    case VotingRule::proportional: c = lane_coalitions<VotingRule::proportional>(weights, u); break;
    case VotingRule::prop_cubic: c = lane_coalitions<VotingRule::prop_cubic>(weights, u); break;
    case VotingRule::cubic: c = lane_coalitions<VotingRule::cubic>(weights, u); break;
    case VotingRule::asym_prospect:
      c = lane_coalitions<VotingRule::asym_prospect>(weights, u);
      break;
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
