#include "model/calibrate/priors.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numbers>
#include <utility>

#include <fmt/format.h>

#include "model/errors.hpp"

namespace vecinos::calibrate {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

[[noreturn]] void bad_prior(const std::string& parameter, const std::string& prior,
                            const std::string& problem) {
  throw InputError(fmt::format("prior of parameter '{}': {}: {}", parameter, prior, problem));
}

}  // namespace

double normal_cdf(double z) {
  return 0.5 * std::erfc(-z / std::numbers::sqrt2);
}

double normal_quantile(double p) {
  if (!(p > 0.0)) return p == 0.0 ? -kInf : std::numeric_limits<double>::quiet_NaN();
  if (!(p < 1.0)) return p == 1.0 ? kInf : std::numeric_limits<double>::quiet_NaN();
  // Acklam (2003): rational approximations in the centre and the two tails.
  constexpr std::array<double, 6> a = {-3.969683028665376e+01, 2.209460984245205e+02,
                                       -2.759285104469687e+02, 1.383577518672690e+02,
                                       -3.066479806614716e+01, 2.506628277459239e+00};
  constexpr std::array<double, 5> b = {-5.447609879822406e+01, 1.615858368580409e+02,
                                       -1.556989798598866e+02, 6.680131188771972e+01,
                                       -1.328068155288572e+01};
  constexpr std::array<double, 6> c = {-7.784894002430293e-03, -3.223964580411365e-01,
                                       -2.400758277161838e+00, -2.549732539343734e+00,
                                       4.374664141464968e+00,  2.938163982698783e+00};
  constexpr std::array<double, 4> d = {7.784695709041462e-03, 3.224671290700398e-01,
                                       2.445134137142996e+00, 3.754408661907416e+00};
  constexpr double kLow = 0.02425;
  auto tail = [&](double q) {
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
           ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
  };
  double x = 0.0;
  if (p < kLow) {
    x = tail(std::sqrt(-2.0 * std::log(p)));
  } else if (p <= 1.0 - kLow) {
    const double q = p - 0.5;
    const double r = q * q;
    x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
        (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1.0);
  } else {
    x = -tail(std::sqrt(-2.0 * std::log1p(-p)));
  }
  // One Halley step on Phi(x) - p.
  const double e = normal_cdf(x) - p;
  const double u = e * std::sqrt(2.0 * std::numbers::pi) * std::exp(0.5 * x * x);
  return x - u / (1.0 + 0.5 * x * u);
}

Prior::Prior(std::string parameter, PriorKind kind, double lo, double hi, double mean, double sd)
    : parameter_(std::move(parameter)), kind_(kind), lo_(lo), hi_(hi), mean_(mean), sd_(sd) {}

Prior Prior::uniform(std::string parameter, double lo, double hi) {
  const std::string name = fmt::format("uniform({}, {})", lo, hi);
  if (!std::isfinite(lo) || !std::isfinite(hi))
    bad_prior(parameter, name, "both bounds must be finite numbers");
  if (!(lo < hi)) bad_prior(parameter, name, fmt::format("lo = {} must be below hi = {}", lo, hi));
  Prior p(std::move(parameter), PriorKind::uniform, lo, hi, 0.0, 1.0);
  p.log_norm_ = std::log(hi - lo);
  return p;
}

Prior Prior::log_uniform(std::string parameter, double lo, double hi) {
  const std::string name = fmt::format("log_uniform({}, {})", lo, hi);
  if (!std::isfinite(lo) || !std::isfinite(hi))
    bad_prior(parameter, name, "both bounds must be finite numbers");
  if (!(lo > 0.0)) bad_prior(parameter, name, fmt::format("lo = {} must be above 0", lo));
  if (!(lo < hi)) bad_prior(parameter, name, fmt::format("lo = {} must be below hi = {}", lo, hi));
  Prior p(std::move(parameter), PriorKind::log_uniform, lo, hi, 0.0, 1.0);
  p.log_norm_ = std::log(std::log(hi / lo));
  return p;
}

Prior Prior::truncated_normal(std::string parameter, double mean, double sd, double lo, double hi) {
  const std::string name = fmt::format("truncated_normal({}, {}, {}, {})", mean, sd, lo, hi);
  if (!std::isfinite(mean)) bad_prior(parameter, name, "the mean must be a finite number");
  if (!std::isfinite(sd) || !(sd > 0.0))
    bad_prior(parameter, name, fmt::format("sd = {} must be a finite number above 0", sd));
  if (std::isnan(lo) || std::isnan(hi)) bad_prior(parameter, name, "a bound is NaN");
  if (!(lo < hi)) bad_prior(parameter, name, fmt::format("lo = {} must be below hi = {}", lo, hi));
  Prior p(std::move(parameter), PriorKind::truncated_normal, lo, hi, mean, sd);
  // Work on the side of the mean where the distribution function is small (accurate): an
  // interval wholly above the mean is handled as its mirror image below.
  double a = (lo - mean) / sd, b = (hi - mean) / sd;
  if (a > 0.0) {
    p.mirrored_ = true;
    std::swap(a, b);
    a = -a, b = -b;
  }
  p.cdf_lo_ = normal_cdf(a);
  p.cdf_hi_ = normal_cdf(b);
  const double mass = p.cdf_hi_ - p.cdf_lo_;
  if (!(mass > 0.0))
    bad_prior(p.parameter_, name,
              "[lo, hi] lies so far in the tail that it holds no probability in double "
              "precision; move the bounds towards the mean or widen sd");
  p.log_norm_ = std::log(mass) + std::log(sd) + 0.5 * std::log(2.0 * std::numbers::pi);
  return p;
}

std::string Prior::describe() const {
  switch (kind_) {
    case PriorKind::uniform: return fmt::format("uniform({}, {})", lo_, hi_);
    case PriorKind::log_uniform: return fmt::format("log_uniform({}, {})", lo_, hi_);
    case PriorKind::truncated_normal:
      return fmt::format("truncated_normal({}, {}, {}, {})", mean_, sd_, lo_, hi_);
  }
  return "unknown";
}

double Prior::log_density(double x) const {
  if (!in_support(x)) return -kInf;
  switch (kind_) {
    case PriorKind::uniform: return -log_norm_;
    case PriorKind::log_uniform: return -std::log(x) - log_norm_;
    case PriorKind::truncated_normal: {
      const double z = (x - mean_) / sd_;
      return -0.5 * z * z - log_norm_;
    }
  }
  return -kInf;
}

double Prior::sample(Rng& rng) const {
  const double u = rng.uniform();
  switch (kind_) {
    case PriorKind::uniform: return std::clamp(lo_ + u * (hi_ - lo_), lo_, hi_);
    case PriorKind::log_uniform:
      return std::clamp(lo_ * std::exp(u * std::log(hi_ / lo_)), lo_, hi_);
    case PriorKind::truncated_normal: {
      // Inversion: Phi^-1 of a uniform on (Phi(a), Phi(b)).
      const double z = normal_quantile(cdf_lo_ + u * (cdf_hi_ - cdf_lo_));
      const double x = mean_ + sd_ * (mirrored_ ? -z : z);
      return std::clamp(x, lo_, hi_);
    }
  }
  return lo_;
}

bool in_support(std::span<const Prior> priors, std::span<const double> theta) {
  for (std::size_t k = 0; k < priors.size(); ++k)
    if (!priors[k].in_support(theta[k])) return false;
  return true;
}

double log_density(std::span<const Prior> priors, std::span<const double> theta) {
  double sum = 0.0;
  for (std::size_t k = 0; k < priors.size(); ++k) sum += priors[k].log_density(theta[k]);
  return sum;
}

std::vector<double> sample(std::span<const Prior> priors, Rng& rng) {
  std::vector<double> theta;
  theta.reserve(priors.size());
  for (const Prior& p : priors) theta.push_back(p.sample(rng));
  return theta;
}

}  // namespace vecinos::calibrate
