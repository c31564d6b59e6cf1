#include "model/rng.hpp"

#include <cmath>
#include <limits>
#include <numbers>

namespace vecinos {
namespace {
__extension__ using u128 = unsigned __int128;
}

void Rng::refill() {
  const Philox gen;
  const auto out = gen(ctr_, key_);
  for (std::size_t i = 0; i < 4; ++i) block_[i] = out[i];
  ctr_[3] += 1;  // next block of this stream
  used_ = 0;
}

std::uint64_t Rng::below(std::uint64_t n) {
  // Lemire (2019), "Fast random integer generation in an interval".
  u128 m = static_cast<u128>(next_u64()) * n;
  auto low = static_cast<std::uint64_t>(m);
  if (low < n) {
    const std::uint64_t threshold = (0 - n) % n;
    while (low < threshold) {
      m = static_cast<u128>(next_u64()) * n;
      low = static_cast<std::uint64_t>(m);
    }
  }
  return static_cast<std::uint64_t>(m >> 64);
}

double Rng::normal() {
  const double u1 = uniform_pos();
  const double u2 = uniform();
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

double Rng::gumbel() {
  return -std::log(-std::log(uniform_pos()));
}

std::uint64_t Rng::poisson(double mean) {
  if (!(mean > 0.0)) return 0;
  if (mean > 64.0) {
    const double x = std::round(normal(mean, std::sqrt(mean)));
    return x <= 0.0 ? 0 : static_cast<std::uint64_t>(x);
  }
  // Inversion by sequential search (Devroye 1986, X.3).
  const double u = uniform();
  double p = std::exp(-mean);
  double cdf = p;
  std::uint64_t k = 0;
  while (u > cdf && k < 1000) {
    ++k;
    p *= mean / static_cast<double>(k);
    cdf += p;
  }
  return k;
}

std::uint64_t Rng::binomial(std::uint64_t n, double p) {
  if (n == 0 || !(p > 0.0)) return 0;
  if (p >= 1.0) return n;
  const bool flip = p > 0.5;
  const double q = flip ? 1.0 - p : p;
  const double nd = static_cast<double>(n);
  std::uint64_t k = 0;
  if (nd * q < 32.0) {
    // Inversion: walk the cdf from 0 using the pmf recurrence.
    const double u = uniform();
    const double ratio = q / (1.0 - q);
    double pmf = std::pow(1.0 - q, nd);
    double cdf = pmf;
    while (u > cdf && k < n) {
      pmf *= ratio * static_cast<double>(n - k) / static_cast<double>(k + 1);
      ++k;
      cdf += pmf;
      if (pmf < 1e-300 && cdf < u) break;
    }
  } else {
    const double x = std::round(normal(nd * q, std::sqrt(nd * q * (1.0 - q))));
    k = x <= 0.0 ? 0 : (x >= nd ? n : static_cast<std::uint64_t>(x));
  }
  return flip ? n - k : k;
}

std::size_t Rng::categorical(std::span<const double> weights) {
  double total = 0.0;
  for (double w : weights) total += w;
  double target = uniform() * total;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (target < weights[i]) return i;
    target -= weights[i];
  }
  // Rounding left the target past the end: the last positive weight.
  for (std::size_t i = weights.size(); i-- > 0;)
    if (weights[i] > 0.0) return i;
  return 0;
}

std::size_t Rng::logit_choice(std::span<const double> utilities, double temperature) {
  // Gumbel-max: argmax(u_i/T + G_i) is distributed as the multinomial logit.
  std::size_t best = 0;
  double best_value = -std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < utilities.size(); ++i) {
    const double v = utilities[i] / temperature + gumbel();
    if (v > best_value) {
      best_value = v;
      best = i;
    }
  }
  return best;
}

}  // namespace vecinos
