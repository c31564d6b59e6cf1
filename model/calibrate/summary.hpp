#pragma once
// Weighted summaries of an ABC population (abc.hpp): means, standard deviations, quantiles
// and credible intervals of one parameter, and the effective sample size of the weights.
// Weights need not be normalised; they must be non-negative with a positive sum.
#include <cstddef>
#include <span>
#include <utility>
#include <vector>

namespace vecinos::calibrate {

[[nodiscard]] double weighted_mean(std::span<const double> x, std::span<const double> w);
/// The square root of the weighted variance sum w_i (x_i - mean)^2 / sum w_i (no bias
/// correction: with normalised importance weights there is no agreed one).
[[nodiscard]] double weighted_sd(std::span<const double> x, std::span<const double> w);
/// The q-quantile of the weighted empirical distribution, q in [0, 1]: the smallest x_i whose
/// cumulative normalised weight (in increasing x) reaches q. No interpolation.
[[nodiscard]] double weighted_quantile(std::span<const double> x, std::span<const double> w,
                                       double q);
/// The central credible interval of probability `level`: the (1-level)/2 and (1+level)/2
/// weighted quantiles.
[[nodiscard]] std::pair<double, double> credible_interval(std::span<const double> x,
                                                          std::span<const double> w, double level);
/// Kish's effective sample size (sum w)^2 / sum w^2: N for equal weights, 1 for a single one.
[[nodiscard]] double effective_sample_size(std::span<const double> w);

}  // namespace vecinos::calibrate
