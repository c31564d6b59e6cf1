#include "model/calibrate/summary.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <fmt/format.h>

#include "model/errors.hpp"

namespace vecinos::calibrate {

namespace {

double checked_total(std::span<const double> x, std::span<const double> w, const char* what) {
  if (x.size() != w.size())
    throw InputError(fmt::format("{}: {} values but {} weights", what, x.size(), w.size()));
  double total = 0.0;
  for (double wi : w) {
    if (!(wi >= 0.0) || !std::isfinite(wi))
      throw InputError(fmt::format("{}: weight {} is not a finite non-negative number", what, wi));
    total += wi;
  }
  if (!(total > 0.0)) throw InputError(fmt::format("{}: the weights sum to {}", what, total));
  return total;
}

}  // namespace

double weighted_mean(std::span<const double> x, std::span<const double> w) {
  const double total = checked_total(x, w, "weighted_mean");
  double sum = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) sum += w[i] * x[i];
  return sum / total;
}

double weighted_sd(std::span<const double> x, std::span<const double> w) {
  const double total = checked_total(x, w, "weighted_sd");
  const double mean = weighted_mean(x, w);
  double sum = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) sum += w[i] * (x[i] - mean) * (x[i] - mean);
  return std::sqrt(sum / total);
}

double weighted_quantile(std::span<const double> x, std::span<const double> w, double q) {
  const double total = checked_total(x, w, "weighted_quantile");
  if (!(q >= 0.0 && q <= 1.0))
    throw InputError(fmt::format("weighted_quantile: q = {} must lie in [0, 1]", q));
  std::vector<std::size_t> order(x.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t i, std::size_t j) { return x[i] < x[j]; });
  double cumulative = 0.0;
  for (std::size_t i : order) {
    cumulative += w[i] / total;
    if (cumulative >= q && w[i] > 0.0) return x[i];
  }
  // Rounding kept the sum just below q = 1: the largest value of positive weight.
  for (auto it = order.rbegin(); it != order.rend(); ++it)
    if (w[*it] > 0.0) return x[*it];
  return x[order.back()];
}

std::pair<double, double> credible_interval(std::span<const double> x, std::span<const double> w,
                                            double level) {
  if (!(level > 0.0 && level < 1.0))
    throw InputError(fmt::format("credible_interval: level = {} must lie in (0, 1)", level));
  return {weighted_quantile(x, w, 0.5 * (1.0 - level)),
          weighted_quantile(x, w, 0.5 * (1.0 + level))};
}

double effective_sample_size(std::span<const double> w) {
  double sum = 0.0, sum_sq = 0.0;
  for (double wi : w) sum += wi, sum_sq += wi * wi;
  return sum_sq > 0.0 ? sum * sum / sum_sq : 0.0;
}

}  // namespace vecinos::calibrate
