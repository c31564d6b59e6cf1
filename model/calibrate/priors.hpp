#pragma once
// Priors of the calibration: one independent prior per parameter (the joint prior is their
// product). Each density is normalised (it integrates to one over its support): the importance
// weights of the ABC core (abc.hpp) compare prior and proposal densities, so constants matter.
#include <span>
#include <string>
#include <vector>

#include "model/rng.hpp"

namespace vecinos::calibrate {

enum class PriorKind { uniform, log_uniform, truncated_normal };

/// The prior of one named parameter. Built by the factories, which check the parameters and
/// throw InputError naming the parameter, the prior, the bad value and what is allowed.
class Prior {
 public:
  /// Uniform on [lo, hi]; lo < hi, both finite.
  static Prior uniform(std::string parameter, double lo, double hi);
  /// log(x) uniform on [log lo, log hi]; 0 < lo < hi, both finite.
  static Prior log_uniform(std::string parameter, double lo, double hi);
  /// Normal(mean, sd) restricted to [lo, hi] (either bound may be infinite); sd > 0, lo < hi,
  /// and the interval must hold probability mass in double precision.
  static Prior truncated_normal(std::string parameter, double mean, double sd, double lo,
                                double hi);

  [[nodiscard]] const std::string& parameter() const { return parameter_; }
  [[nodiscard]] PriorKind kind() const { return kind_; }
  [[nodiscard]] double lo() const { return lo_; }
  [[nodiscard]] double hi() const { return hi_; }
  /// "uniform(0, 1)", "log_uniform(0.1, 10)", "truncated_normal(0, 1, -inf, inf)".
  [[nodiscard]] std::string describe() const;

  /// True when x lies in the closed support [lo, hi].
  [[nodiscard]] bool in_support(double x) const { return x >= lo_ && x <= hi_; }
  /// Natural log of the normalised density; -inf outside the support.
  [[nodiscard]] double log_density(double x) const;
  /// One draw; uses exactly one uniform of `rng` (inversion), so draws stay aligned.
  [[nodiscard]] double sample(Rng& rng) const;

 private:
  Prior(std::string parameter, PriorKind kind, double lo, double hi, double mean, double sd);
  std::string parameter_;
  PriorKind kind_;
  double lo_, hi_;
  double mean_ = 0.0, sd_ = 1.0;        // truncated normal only
  double log_norm_ = 0.0;               // log of the normalising constant of the density
  double cdf_lo_ = 0.0, cdf_hi_ = 1.0;  // truncated normal: Phi at the (mirrored) bounds
  bool mirrored_ = false;               // truncated normal: sampled on the negated interval
};

/// The joint prior: in_support, log density and one draw of a whole parameter vector.
[[nodiscard]] bool in_support(std::span<const Prior> priors, std::span<const double> theta);
[[nodiscard]] double log_density(std::span<const Prior> priors, std::span<const double> theta);
[[nodiscard]] std::vector<double> sample(std::span<const Prior> priors, Rng& rng);

/// The standard normal distribution function and its inverse (Acklam's rational approximation
/// refined by one Halley step: relative error near 1e-15).
[[nodiscard]] double normal_cdf(double z);
[[nodiscard]] double normal_quantile(double p);

}  // namespace vecinos::calibrate
