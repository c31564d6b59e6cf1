#pragma once
// Counter-based random numbers (Random123 Philox4x64-10).
//
// A stream is named by a key (seed, run) and a counter (tick, agent, stream, block). Nothing
// is carried between calls except the draw index inside one `Rng` value, so any agent on any
// thread gets the same numbers for the same (seed, run, tick, agent, stream): results do not
// depend on the number of threads or on the order in which agents are visited.
#include <array>
#include <cstdint>
#include <span>

#include <Random123/philox.h>

namespace vecinos {

/// Identifies which component draws (ns-3 style: each component owns its streams).
/// The values are listed once, in world/streams.hpp, so no two components share one.
using StreamId = std::uint32_t;

class Rng {
 public:
  /// The stream of component `stream` for `agent` at `tick`, under (seed, run).
  Rng(std::uint64_t seed, std::uint64_t run, std::uint64_t tick, std::uint64_t agent,
      StreamId stream)
      : key_{{seed, run}}, ctr_{{tick, agent, stream, 0}} {}

  /// The next 64 random bits.
  std::uint64_t next_u64() {
    if (used_ == 4) refill();
    return block_[used_++];
  }
  /// Uniform on [0, 1) with 53 random bits.
  double uniform() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }
  /// Uniform on (0, 1]: safe to take the logarithm of.
  double uniform_pos() { return (static_cast<double>(next_u64() >> 11) + 1.0) * 0x1.0p-53; }
  bool bernoulli(double p) { return uniform() < p; }
  /// Uniform integer in [0, n) (Lemire's nearly divisionless method; n > 0).
  std::uint64_t below(std::uint64_t n);
  /// Standard normal (Box-Muller; one value per call, so draws stay aligned).
  double normal();
  double normal(double mean, double sd) { return mean + sd * normal(); }
  /// Gumbel(0, 1), for logit choice by the Gumbel-max trick.
  double gumbel();
  /// Poisson(mean): inversion for small means, a rounded normal approximation above 64.
  std::uint64_t poisson(double mean);
  /// Binomial(n, p): inversion when n*min(p,1-p) < 32, a rounded, clamped normal
  /// approximation above (documented in model/ODD.md).
  std::uint64_t binomial(std::uint64_t n, double p);
  /// Index drawn with probability proportional to `weights` (non-negative, not all zero).
  std::size_t categorical(std::span<const double> weights);
  /// Multinomial logit choice: index i with probability exp(u_i/temperature)/sum.
  std::size_t logit_choice(std::span<const double> utilities, double temperature);

 private:
  void refill();
  using Philox = r123::Philox4x64;
  Philox::key_type key_;
  Philox::ctr_type ctr_;
  std::array<std::uint64_t, 4> block_{};
  std::size_t used_ = 4;
};

}  // namespace vecinos
