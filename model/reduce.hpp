#pragma once
// Deterministic parallel reductions.
//
// The range [0, n) is cut into blocks of a fixed size that does not depend on the thread count;
// each block is summed sequentially (in parallel across blocks) and the block sums are added in
// block order. The result is bit-identical for any number of threads.
#include <array>
#include <cstddef>
#include <vector>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

namespace vecinos {

inline constexpr std::size_t kReduceBlock = 4096;

/// Sum of value(i) for i in [0, n), deterministically.
template <class F>
double deterministic_sum(std::size_t n, F&& value, std::size_t block = kReduceBlock) {
  if (n == 0) return 0.0;
  const std::size_t blocks = (n + block - 1) / block;
  if (blocks == 1) {
    double s = 0.0;
    for (std::size_t i = 0; i < n; ++i) s += value(i);
    return s;
  }
  std::vector<double> partial(blocks, 0.0);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, blocks, 1),
                    [&](const tbb::blocked_range<std::size_t>& r) {
                      for (std::size_t b = r.begin(); b != r.end(); ++b) {
                        const std::size_t end = std::min(n, (b + 1) * block);
                        double s = 0.0;
                        for (std::size_t i = b * block; i < end; ++i) s += value(i);
                        partial[b] = s;
                      }
                    });
  double total = 0.0;
  for (double s : partial) total += s;
  return total;
}

/// K sums at once: `add(i, acc)` adds agent i's contributions into acc[0..K).
template <std::size_t K, class F>
std::array<double, K> deterministic_sums(std::size_t n, F&& add, std::size_t block = kReduceBlock) {
  std::array<double, K> total{};
  if (n == 0) return total;
  const std::size_t blocks = (n + block - 1) / block;
  std::vector<std::array<double, K>> partial(blocks);
  tbb::parallel_for(tbb::blocked_range<std::size_t>(0, blocks, 1),
                    [&](const tbb::blocked_range<std::size_t>& r) {
                      for (std::size_t b = r.begin(); b != r.end(); ++b) {
                        std::array<double, K> acc{};
                        const std::size_t end = std::min(n, (b + 1) * block);
                        for (std::size_t i = b * block; i < end; ++i) add(i, acc);
                        partial[b] = acc;
                      }
                    });
  for (const auto& p : partial)
    for (std::size_t k = 0; k < K; ++k) total[k] += p[k];
  return total;
}

}  // namespace vecinos
