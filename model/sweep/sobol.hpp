#pragma once
// Sobol' low-discrepancy points in [0, 1)^d: Bratley and Fox (1988, ACM TOMS algorithm 659)
// with the direction numbers of Joe and Kuo (2008), "new-joe-kuo-6.21201", for the first
// kSobolMaxDimensions dimensions. Point i is generated directly from the Gray code of i, which
// gives the same sequence as the Antonov-Saleev recursion of Joe and Kuo's own generator (and
// SciPy's unscrambled `qmc.Sobol`): point 0 is the origin, then (1/2, ...), (3/4, 1/4, ...) ...
#include <array>
#include <cstdint>
#include <vector>

namespace vecinos::sweep {

inline constexpr std::size_t kSobolMaxDimensions = 40;

class Sobol {
 public:
  /// The first `dims` dimensions (1 .. kSobolMaxDimensions); throws std::invalid_argument.
  explicit Sobol(std::size_t dims);

  [[nodiscard]] std::size_t dimensions() const { return v_.size(); }
  /// Point `index` (< 2^32) as 32-bit fractions: coordinate = bits / 2^32.
  [[nodiscard]] std::vector<std::uint32_t> bits(std::uint64_t index) const;
  /// Point `index` in [0, 1)^d.
  [[nodiscard]] std::vector<double> point(std::uint64_t index) const;

 private:
  std::vector<std::array<std::uint32_t, 32>> v_;  ///< direction numbers, v[k] for bit k
};

}  // namespace vecinos::sweep
