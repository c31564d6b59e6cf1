#pragma once
// Two doubles side by side in one SSE2 register (GCC and Clang vector extensions): the innermost
// loops of the bargaining carry several independent sums in lanes, so that each sum keeps its
// order of addition (bit-identical to one sum at a time) while the sums proceed together.
// Arithmetic on lanes is IEEE arithmetic lane by lane, with no contraction into fused
// multiply-adds (none is enabled), so a lane computes exactly what the scalar code does.
#include <cstddef>
#include <cstring>
#include <type_traits>

#include "model/bargain/options.hpp"

namespace vecinos::bargain {

using Lanes = double __attribute__((vector_size(16)));
using LaneMask = long long __attribute__((vector_size(16)));
inline constexpr std::size_t kLaneWidth = 2;

/// Two consecutive doubles from memory of any alignment.
inline Lanes load_lanes(const double* p) {
  Lanes v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

/// The positive and negative parts of a value, lane by lane or of one double (selects, not
/// branches). On x86 the lanes use maxpd and minpd, which are defined as exactly these selects
/// (the second operand, 0, unless the first is greater, respectively less): one instruction
/// where the compiler would emit a compare and a mask.
template <class T>
T positive_part(T v) {
#if defined(__SSE2__)
  if constexpr (std::is_same_v<T, Lanes>) return __builtin_ia32_maxpd(v, Lanes{});
#endif
  return v > T{} ? v : T{};
}
template <class T>
T negative_part(T v) {
#if defined(__SSE2__)
  if constexpr (std::is_same_v<T, Lanes>) return __builtin_ia32_minpd(v, Lanes{});
#endif
  return v < T{} ? v : T{};
}

// Vectors of four doubles change the calling convention without AVX; GCC says so for every
// function that takes one, though here they are all inlined into AVX code.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpsabi"
#endif

/// std::clamp(x, -1, 1), lane by lane (V: Lanes or another vector of doubles).
template <class V>
[[gnu::always_inline]] inline V clamp_unit(V x) {
  const V one = V{} + 1.0, minus_one = V{} - 1.0;
  return x < minus_one ? minus_one : (one < x ? one : x);
}

/// `vote` (voting.hpp), lane by lane: the same operations in the same order.
template <VotingRule R, class V = Lanes>
[[gnu::always_inline]] inline V vote_lanes(V w, V u_a, V u_b) {
  const V du = u_a - u_b;
  if constexpr (R == VotingRule::proportional) return w * du;
  if constexpr (R == VotingRule::binary) return w * clamp_unit(du / 1e-8);
  if constexpr (R == VotingRule::prop_bin) return w * (0.8 * du + 0.2 * clamp_unit(du / 1e-8));
  if constexpr (R == VotingRule::prop_cubic) return w * (0.5 * du + 0.5 * (du * du * du));
  if constexpr (R == VotingRule::cubic) return w * (du * du * du);
  return du < V{} ? w * du : 2.0 * w * du / 3.0;
}

#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

}  // namespace vecinos::bargain
