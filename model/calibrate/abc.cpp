#include "model/calibrate/abc.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <numeric>

#include <fmt/format.h>

#include "model/calibrate/streams.hpp"
#include "model/errors.hpp"

namespace vecinos::calibrate {

namespace {

/// A candidate for the kept set: where it comes from and what it carries.
struct Candidate {
  const std::vector<double>* theta;
  double distance;
  double importance;
  Origin origin;
};

/// Solves L y = x for lower-triangular L (row-major): the whitened coordinates.
void whiten(const Kernel& k, std::span<const double> x, std::span<double> y) {
  const std::size_t d = k.dimension;
  for (std::size_t r = 0; r < d; ++r) {
    double s = x[r];
    for (std::size_t c = 0; c < r; ++c) s -= k.cholesky[r * d + c] * y[c];
    y[r] = s / k.cholesky[r * d + r];
  }
}

/// The proposals of one generation sorted by index, checked to be exactly 0 .. count-1.
std::vector<std::size_t> order_by_index(std::span<const Proposal> proposals,
                                        std::span<const double> distances, int generation,
                                        std::size_t count, std::size_t dimension) {
  if (proposals.size() != count || distances.size() != count)
    throw InputError(
        fmt::format("ABC ingest, generation {}: expected {} proposals and distances, got {} and {}",
                    generation, count, proposals.size(), distances.size()));
  std::vector<std::size_t> at(count, count);
  for (std::size_t i = 0; i < count; ++i) {
    const Proposal& p = proposals[i];
    if (p.generation != generation || p.index >= count || at[p.index] != count ||
        p.theta.size() != dimension)
      throw InputError(fmt::format(
          "ABC ingest, generation {}: proposal {} (generation {}, index {}, {} parameters) does "
          "not belong to this generation of {} proposals of {} parameters, or is repeated",
          generation, i, p.generation, p.index, p.theta.size(), count, dimension));
    at[p.index] = i;
  }
  return at;
}

/// Classifies one distance: true when usable; counts failures; rejects negative values.
bool usable(double distance, int generation, std::size_t index, std::size_t& failed) {
  if (!std::isfinite(distance)) {
    ++failed;
    return false;
  }
  if (distance < 0.0)
    throw InputError(
        fmt::format("ABC ingest, generation {}: proposal {} has a negative distance {}", generation,
                    index, distance));
  return true;
}

/// Sorts the candidates by distance (stable) and keeps the first N_alpha as a population.
Population keep_best(std::vector<Candidate> pool, const Settings& settings, int generation) {
  std::stable_sort(pool.begin(), pool.end(),
                   [](const Candidate& a, const Candidate& b) { return a.distance < b.distance; });
  const std::size_t n = settings.kept();
  Population out;
  out.generation = generation;
  double total = 0.0;
  for (std::size_t i = 0; i < n; ++i) total += pool[i].importance;
  for (std::size_t i = 0; i < n; ++i) {
    out.particles.push_back(*pool[i].theta);
    out.importance_weights.push_back(pool[i].importance);
    out.weights.push_back(pool[i].importance / total);
    out.distances.push_back(pool[i].distance);
    out.origins.push_back(pool[i].origin);
  }
  out.tolerance = out.distances.back();
  return out;
}

Proposal perturbed(const Population& prev, const Kernel& kernel, const Settings& settings,
                   std::uint64_t seed, std::size_t index) {
  const int generation = prev.generation + 1;
  const std::size_t d = settings.dimension();
  Proposal p;
  p.generation = generation;
  p.index = index;
  p.simulation_seed = simulation_seed(seed, generation, index);
  p.theta.resize(d);
  std::vector<double> z(d);
  for (int attempt = 0; attempt < settings.max_attempts; ++attempt) {
    Rng rng(seed, static_cast<std::uint64_t>(generation), index,
            static_cast<std::uint64_t>(attempt), streams::kProposal);
    const std::size_t j = rng.categorical(prev.weights);
    for (double& zk : z) zk = rng.normal();
    for (std::size_t r = 0; r < d; ++r) {
      double s = prev.particles[j][r];
      for (std::size_t c = 0; c <= r; ++c) s += kernel.cholesky[r * d + c] * z[c];
      p.theta[r] = s;
    }
    if (in_support(settings.priors, p.theta)) {
      p.ancestor = j;
      p.attempt = attempt;
      return p;
    }
  }
  throw RuntimeError(fmt::format(
      "ABC generation {}: proposal {} fell outside the prior's support {} times in a row; the "
      "kept particles sit against a bound of the prior (raise max_attempts or widen the prior)",
      generation, index, settings.max_attempts));
}

}  // namespace

void Settings::validate() const {
  if (priors.empty()) throw InputError("ABC settings: no parameters (priors is empty)");
  if (!(alpha > 0.0 && alpha < 1.0))
    throw InputError(fmt::format("ABC settings: alpha = {} must lie in (0, 1)", alpha));
  if (kept() < 2 || proposals_per_generation() < 1)
    throw InputError(fmt::format(
        "ABC settings: particles = {} with alpha = {} keeps {} and proposes {}; at least 2 must "
        "be kept and 1 proposed (raise particles)",
        particles, alpha, kept(), proposals_per_generation()));
  if (!(min_acceptance >= 0.0 && min_acceptance <= 1.0))
    throw InputError(
        fmt::format("ABC settings: min_acceptance = {} must lie in [0, 1]", min_acceptance));
  if (max_generations < 0)
    throw InputError(
        fmt::format("ABC settings: max_generations = {} must be >= 0", max_generations));
  if (max_attempts < 1)
    throw InputError(fmt::format("ABC settings: max_attempts = {} must be >= 1", max_attempts));
}

std::size_t Settings::kept() const {
  return static_cast<std::size_t>(std::floor(alpha * static_cast<double>(particles)));
}

std::size_t Settings::proposals_per_generation() const {
  return particles > kept() ? particles - kept() : 0;
}

std::vector<double> Population::column(std::size_t k) const {
  std::vector<double> out;
  out.reserve(particles.size());
  for (const auto& theta : particles) out.push_back(theta.at(k));
  return out;
}

Kernel make_kernel(const Population& population, const Settings& settings) {
  const std::size_t d = settings.dimension();
  const std::size_t n = population.particles.size();
  Kernel k;
  k.dimension = d;
  std::vector<double> mean(d, 0.0);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t r = 0; r < d; ++r)
      mean[r] += population.weights[i] * population.particles[i][r];
  k.covariance.assign(d * d, 0.0);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t r = 0; r < d; ++r)
      for (std::size_t c = 0; c <= r; ++c)
        k.covariance[r * d + c] += 2.0 * population.weights[i] *
                                   (population.particles[i][r] - mean[r]) *
                                   (population.particles[i][c] - mean[c]);
  for (std::size_t r = 0; r < d; ++r)
    for (std::size_t c = 0; c < r; ++c) k.covariance[c * d + r] = k.covariance[r * d + c];
  // Cholesky-Banachiewicz.
  k.cholesky.assign(d * d, 0.0);
  double log_det_l = 0.0;
  for (std::size_t r = 0; r < d; ++r) {
    for (std::size_t c = 0; c <= r; ++c) {
      double s = k.covariance[r * d + c];
      for (std::size_t m = 0; m < c; ++m) s -= k.cholesky[r * d + m] * k.cholesky[c * d + m];
      if (r == c) {
        if (!(s > 0.0) || !std::isfinite(s))
          throw RuntimeError(fmt::format(
              "ABC generation {}: the kept particles have no spread in parameter '{}' (or it "
              "is a linear combination of the others); the kernel's covariance is singular",
              population.generation, settings.priors[r].parameter()));
        k.cholesky[r * d + r] = std::sqrt(s);
        log_det_l += std::log(k.cholesky[r * d + r]);
      } else {
        k.cholesky[r * d + c] = s / k.cholesky[c * d + c];
      }
    }
  }
  k.log_normaliser = 0.5 * static_cast<double>(d) * std::log(2.0 * std::numbers::pi) + log_det_l;
  return k;
}

std::uint64_t simulation_seed(std::uint64_t seed, int generation, std::size_t index) {
  return Rng(seed, static_cast<std::uint64_t>(generation), index, 0, streams::kSimulationSeed)
      .next_u64();
}

Proposal proposal(const Population* prev, const Settings& settings, std::uint64_t seed,
                  std::size_t index) {
  settings.validate();
  if (prev != nullptr) return perturbed(*prev, make_kernel(*prev, settings), settings, seed, index);
  Rng rng(seed, 0, index, 0, streams::kPriorDraw);
  Proposal p;
  p.generation = 0;
  p.index = index;
  p.theta = sample(settings.priors, rng);
  p.simulation_seed = simulation_seed(seed, 0, index);
  return p;
}

std::vector<Proposal> propose(const Settings& settings, std::uint64_t seed) {
  settings.validate();
  std::vector<Proposal> out;
  out.reserve(settings.particles);
  for (std::size_t i = 0; i < settings.particles; ++i)
    out.push_back(proposal(nullptr, settings, seed, i));
  return out;
}

std::vector<Proposal> propose(const Population& prev, const Settings& settings,
                              std::uint64_t seed) {
  settings.validate();
  const Kernel kernel = make_kernel(prev, settings);
  std::vector<Proposal> out;
  out.reserve(settings.proposals_per_generation());
  for (std::size_t i = 0; i < settings.proposals_per_generation(); ++i)
    out.push_back(perturbed(prev, kernel, settings, seed, i));
  return out;
}

Population ingest(std::span<const Proposal> proposals, std::span<const double> distances,
                  const Settings& settings) {
  settings.validate();
  const std::size_t n = settings.particles;
  const auto at = order_by_index(proposals, distances, 0, n, settings.dimension());
  std::size_t failed = 0;
  std::vector<Candidate> pool;
  for (std::size_t i = 0; i < n; ++i) {
    const Proposal& p = proposals[at[i]];
    const double dist = distances[at[i]];
    if (usable(dist, 0, i, failed)) pool.push_back({&p.theta, dist, 1.0, {0, i}});
  }
  if (pool.size() < settings.kept())
    throw RuntimeError(fmt::format(
        "ABC generation 0: only {} of {} simulations gave a finite distance; {} are needed",
        pool.size(), n, settings.kept()));
  Population out = keep_best(std::move(pool), settings, 0);
  out.simulations = out.total_simulations = n;
  out.failed = failed;
  out.accepted = n - failed;
  out.acceptance = static_cast<double>(n - failed) / static_cast<double>(n);
  return out;
}

Population ingest(const Population& prev, std::span<const Proposal> proposals,
                  std::span<const double> distances, const Settings& settings) {
  settings.validate();
  const int generation = prev.generation + 1;
  const std::size_t m = settings.proposals_per_generation();
  const std::size_t d = settings.dimension();
  const auto at = order_by_index(proposals, distances, generation, m, d);
  const Kernel kernel = make_kernel(prev, settings);
  // The kernel density in whitened coordinates: K(x | x_j) = exp(-|y - y_j|^2 / 2) / norm.
  const std::size_t n_prev = prev.particles.size();
  std::vector<double> centres(n_prev * d);
  for (std::size_t j = 0; j < n_prev; ++j)
    whiten(kernel, prev.particles[j], std::span(centres).subspan(j * d, d));
  std::vector<double> log_w(n_prev);
  for (std::size_t j = 0; j < n_prev; ++j) log_w[j] = std::log(prev.weights[j]);

  std::vector<Candidate> pool;
  for (std::size_t j = 0; j < n_prev; ++j)
    pool.push_back(
        {&prev.particles[j], prev.distances[j], prev.importance_weights[j], prev.origins[j]});
  std::size_t failed = 0, accepted = 0;
  std::vector<double> y(d), terms(n_prev);
  for (std::size_t i = 0; i < m; ++i) {
    const Proposal& p = proposals[at[i]];
    const double dist = distances[at[i]];
    if (!usable(dist, generation, i, failed) || dist > prev.tolerance) continue;
    ++accepted;
    whiten(kernel, p.theta, y);
    double top = -std::numeric_limits<double>::infinity();
    for (std::size_t j = 0; j < n_prev; ++j) {
      double q = 0.0;
      for (std::size_t r = 0; r < d; ++r)
        q += (y[r] - centres[j * d + r]) * (y[r] - centres[j * d + r]);
      terms[j] = log_w[j] - 0.5 * q;
      top = std::max(top, terms[j]);
    }
    double sum = 0.0;
    for (double t : terms) sum += std::exp(t - top);
    const double log_q = top + std::log(sum) - kernel.log_normaliser;
    const double importance = std::exp(log_density(settings.priors, p.theta) - log_q);
    pool.push_back({&p.theta, dist, importance, {generation, i}});
  }
  Population out = keep_best(std::move(pool), settings, generation);
  out.simulations = m;
  out.total_simulations = prev.total_simulations + m;
  out.failed = failed;
  out.accepted = accepted;
  out.acceptance = static_cast<double>(accepted) / static_cast<double>(m);
  return out;
}

bool finished(const Population& population, const Settings& settings) {
  if (population.generation >= settings.max_generations) return true;
  return population.generation > 0 && population.acceptance < settings.min_acceptance;
}

std::vector<Population> resume(const Population& from, const Settings& settings, std::uint64_t seed,
                               const SimulateBatch& simulate) {
  std::vector<Population> out;
  const Population* current = &from;
  while (!finished(*current, settings)) {
    const auto proposals = propose(*current, settings, seed);
    const auto distances = simulate(proposals);
    out.push_back(ingest(*current, proposals, distances, settings));
    current = &out.back();
  }
  return out;
}

std::vector<Population> run_batches(const Settings& settings, std::uint64_t seed,
                                    const SimulateBatch& simulate) {
  const auto proposals = propose(settings, seed);
  const auto distances = simulate(proposals);
  std::vector<Population> out{ingest(proposals, distances, settings)};
  auto rest = resume(out.front(), settings, seed, simulate);
  out.insert(out.end(), std::make_move_iterator(rest.begin()), std::make_move_iterator(rest.end()));
  return out;
}

std::vector<Population> run(const Settings& settings, std::uint64_t seed,
                            const Simulate& simulate) {
  return run_batches(settings, seed, [&](std::span<const Proposal> proposals) {
    std::vector<double> distances;
    distances.reserve(proposals.size());
    for (const Proposal& p : proposals) distances.push_back(simulate(p));
    return distances;
  });
}

}  // namespace vecinos::calibrate
