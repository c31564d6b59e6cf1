#include "model/sweep/sobol.hpp"

#include <stdexcept>
#include <string>

namespace vecinos::sweep {
namespace {

/// One line of new-joe-kuo-6.21201: degree s of the primitive polynomial, its coefficients a
/// and the initial direction numbers m_1 .. m_s.
struct JoeKuo {
  unsigned s, a;
  std::array<std::uint32_t, 8> m;
};

// Dimensions 2 .. 40 of Joe and Kuo (2008), https://web.maths.unsw.edu.au/~fkuo/sobol/
// (dimension 1 is van der Corput's sequence and needs no line).
// clang-format off
constexpr std::array<JoeKuo, kSobolMaxDimensions - 1> kJoeKuo = {{
  {1, 0, {1}},
  {2, 1, {1, 3}},
  {3, 1, {1, 3, 1}},
  {3, 2, {1, 1, 1}},
  {4, 1, {1, 1, 3, 3}},
  {4, 4, {1, 3, 5, 13}},
  {5, 2, {1, 1, 5, 5, 17}},
  {5, 4, {1, 1, 5, 5, 5}},
  {5, 7, {1, 1, 7, 11, 19}},
  {5, 11, {1, 1, 5, 1, 1}},
  {5, 13, {1, 1, 1, 3, 11}},
  {5, 14, {1, 3, 5, 5, 31}},
  {6, 1, {1, 3, 3, 9, 7, 49}},
  {6, 13, {1, 1, 1, 15, 21, 21}},
  {6, 16, {1, 3, 1, 13, 27, 49}},
  {6, 19, {1, 1, 1, 15, 7, 5}},
  {6, 22, {1, 3, 1, 15, 13, 25}},
  {6, 25, {1, 1, 5, 5, 19, 61}},
  {7, 1, {1, 3, 7, 11, 23, 15, 103}},
  {7, 4, {1, 3, 7, 13, 13, 15, 69}},
  {7, 7, {1, 1, 3, 13, 7, 35, 63}},
  {7, 8, {1, 3, 5, 9, 1, 25, 53}},
  {7, 14, {1, 3, 1, 13, 9, 35, 107}},
  {7, 19, {1, 3, 1, 5, 27, 61, 31}},
  {7, 21, {1, 1, 5, 11, 19, 41, 61}},
  {7, 28, {1, 3, 5, 3, 3, 13, 69}},
  {7, 31, {1, 1, 7, 13, 1, 19, 1}},
  {7, 32, {1, 3, 7, 5, 13, 19, 59}},
  {7, 37, {1, 1, 3, 9, 25, 29, 41}},
  {7, 41, {1, 3, 5, 13, 23, 1, 55}},
  {7, 42, {1, 3, 7, 3, 13, 59, 17}},
  {7, 50, {1, 3, 1, 3, 5, 53, 69}},
  {7, 55, {1, 1, 5, 5, 23, 33, 13}},
  {7, 56, {1, 1, 7, 7, 1, 61, 123}},
  {7, 59, {1, 1, 7, 9, 13, 61, 49}},
  {7, 62, {1, 3, 3, 5, 3, 55, 33}},
  {8, 14, {1, 3, 1, 15, 31, 13, 49, 245}},
  {8, 21, {1, 3, 5, 15, 31, 59, 63, 97}},
  {8, 22, {1, 3, 1, 11, 11, 11, 77, 249}},
}};
// clang-format on

}  // namespace

Sobol::Sobol(std::size_t dims) {
  if (dims < 1 || dims > kSobolMaxDimensions)
    throw std::invalid_argument("Sobol: dimensions must be 1 .. " +
                                std::to_string(kSobolMaxDimensions));
  v_.resize(dims);
  // v[k] (k = 0 for the most significant bit) = m_{k+1} / 2^{k+1} as a 32-bit fraction.
  for (unsigned k = 0; k < 32; ++k) v_[0][k] = std::uint32_t{1} << (31 - k);
  for (std::size_t d = 1; d < dims; ++d) {
    const JoeKuo& jk = kJoeKuo[d - 1];
    auto& v = v_[d];
    for (unsigned k = 0; k < jk.s && k < 32; ++k) v[k] = jk.m[k] << (31 - k);
    // Bratley and Fox's recurrence for the remaining direction numbers.
    for (unsigned k = jk.s; k < 32; ++k) {
      std::uint32_t x = v[k - jk.s] ^ (v[k - jk.s] >> jk.s);
      for (unsigned l = 1; l < jk.s; ++l)
        if (((jk.a >> (jk.s - 1 - l)) & 1U) != 0) x ^= v[k - l];
      v[k] = x;
    }
  }
}

std::vector<std::uint32_t> Sobol::bits(std::uint64_t index) const {
  if (index >= (std::uint64_t{1} << 32)) throw std::invalid_argument("Sobol: at most 2^32 points");
  const std::uint64_t gray = index ^ (index >> 1);
  std::vector<std::uint32_t> x(v_.size(), 0);
  for (unsigned k = 0; k < 32; ++k) {
    if (((gray >> k) & 1U) == 0) continue;
    for (std::size_t d = 0; d < v_.size(); ++d) x[d] ^= v_[d][k];
  }
  return x;
}

std::vector<double> Sobol::point(std::uint64_t index) const {
  const auto b = bits(index);
  std::vector<double> x(b.size());
  for (std::size_t d = 0; d < b.size(); ++d) x[d] = static_cast<double>(b[d]) * 0x1.0p-32;
  return x;
}

}  // namespace vecinos::sweep
