#pragma once
// Two doubles side by side in one SSE2 register (GCC and Clang vector extensions): the innermost
// loops of the bargaining carry several independent sums in lanes, so that each sum keeps its
// order of addition (bit-identical to one sum at a time) while the sums proceed together.
// Arithmetic on lanes is IEEE arithmetic lane by lane, with no contraction into fused
// multiply-adds (none is enabled), so a lane computes exactly what the scalar code does.
#include <cstddef>
#include <cstring>
#include <type_traits>
#include <utility>
// GCC's x86 builtins for the wider vectors (other compilers use the generic code).
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define VECINOS_BARGAIN_GCC_X86 1
#include <immintrin.h>  // declares the x86 builtins used below, whatever the default target
#endif

#include "model/bargain/options.hpp"

namespace vecinos::bargain {

using Lanes = double __attribute__((vector_size(16)));
using LaneMask = long long __attribute__((vector_size(16)));
inline constexpr std::size_t kLaneWidth = 2;
/// Four and eight doubles (AVX2 and AVX-512 registers), for code compiled for those targets.
using Quad = double __attribute__((vector_size(32)));
using Octet = double __attribute__((vector_size(64)));

/// The widest vectors the bargaining's innermost loops use: the widest the processor has
/// (__builtin_cpu_supports), or narrower when limit_simd asks. Every width computes the same
/// bits: lanes perform IEEE operations one by one, and neither AVX2 nor AVX-512F code here is
/// compiled with contraction into fused multiply-adds (-ffp-contract=off, CMakeLists.txt).
enum class Simd { sse2, avx2, avx512 };
/// The width in use.
Simd simd();
/// At most `widest` from now on (never wider than the processor has); for tests and comparisons.
void limit_simd(Simd widest);

/// Two consecutive doubles from memory of any alignment.
inline Lanes load_lanes(const double* p) {
  Lanes v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

// Vectors of four or eight doubles change the calling convention without AVX; GCC and Clang say
// so for every function that takes one, though here they are all inlined into AVX code.
#if defined(__GNUC__)  // GCC and Clang
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpsabi"
#endif

/// A vector V of doubles from memory of any alignment.
template <class V>
[[gnu::always_inline]] inline V load_vector(const double* p) {
  V v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

/// The positive and negative parts of a value, lane by lane or of one double (selects, not
/// branches). On x86 the lanes use maxpd and minpd, which are defined as exactly these selects
/// (the second operand, 0, unless the first is greater, respectively less): one instruction
/// where the compiler would emit a compare and a mask.
template <class T>
[[gnu::always_inline]] inline T positive_part(T v) {
#if defined(__SSE2__)
  if constexpr (std::is_same_v<T, Lanes>) return __builtin_ia32_maxpd(v, Lanes{});
#endif
  return v > T{} ? v : T{};
}
template <class T>
[[gnu::always_inline]] inline T negative_part(T v) {
#if defined(__SSE2__)
  if constexpr (std::is_same_v<T, Lanes>) return __builtin_ia32_minpd(v, Lanes{});
#endif
  return v < T{} ? v : T{};
}
#ifdef VECINOS_BARGAIN_GCC_X86
// The same in AVX and AVX-512 code (vmaxpd, vminpd), where GCC would emit a compare and a
// masked move for the select. The builtins are expanded only once these are inlined into code
// compiled for those targets (no target attribute here: an always_inline function of another
// target could not be inlined into the default-target templates, e.g. `tally`, that call it).
[[gnu::always_inline]] inline Quad positive_part(Quad v) {
  return __builtin_ia32_maxpd256(v, Quad{});
}
[[gnu::always_inline]] inline Quad negative_part(Quad v) {
  return __builtin_ia32_minpd256(v, Quad{});
}
[[gnu::always_inline]] inline Octet positive_part(Octet v) {
  return __builtin_ia32_maxpd512_mask(v, Octet{}, Octet{}, 0xff, 4);
}
[[gnu::always_inline]] inline Octet negative_part(Octet v) {
  return __builtin_ia32_minpd512_mask(v, Octet{}, Octet{}, 0xff, 4);
}
#endif

/// A vector V with x in every lane, a broadcast (V{} + x would add, and GCC 12 builds wider
/// vectors from an initializer lane by lane under a target attribute).
template <class V, std::size_t... lane>
[[gnu::always_inline]] inline V splat_as(V, double x, std::index_sequence<lane...>) {
  return V{((void)lane, x)...};
}
template <class V>
[[gnu::always_inline]] inline V splat_as(V, double x) {
  return splat_as(V{}, x, std::make_index_sequence<sizeof(V) / sizeof(double)>{});
}
#ifdef VECINOS_BARGAIN_GCC_X86
[[gnu::always_inline]] inline Quad splat_as(Quad, double x) {
  return __builtin_ia32_vbroadcastsd_pd256(Lanes{x, x});
}
[[gnu::always_inline]] inline Octet splat_as(Octet, double x) {
  return __builtin_ia32_broadcastsd512(Lanes{x, x}, Octet{}, 0xff);
}
#endif
template <class V>
[[gnu::always_inline]] inline V splat(double x) {
  return splat_as(V{}, x);
}

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

#if defined(__GNUC__)  // GCC and Clang
#pragma GCC diagnostic pop
#endif

}  // namespace vecinos::bargain
