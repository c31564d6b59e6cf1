#pragma once
// Approximate Bayesian computation by adaptive population Monte Carlo (APMC: Lenormand,
// Jabot and Deffuant 2013, after Beaumont et al. 2009 and Del Moral et al. 2012). The core is
// batch-oriented and knows nothing of the model: it proposes a generation of parameter
// vectors, something else simulates them (the sweep engine, a Slurm array, a test's
// std::function) and returns one distance each, and the core ingests the distances.
//
// The algorithm (docs/calibration.md, "The algorithm"), with N particles and alpha in (0, 1),
// N_alpha = floor(alpha N):
//   Generation 0: N draws from the prior are simulated. The N_alpha with the smallest
//     distances are kept, each with weight 1; the tolerance eps_0 is the largest kept distance.
//   Generation t >= 1: the kernel is Gaussian with covariance Sigma = 2 x the weighted
//     covariance of the kept particles (Cholesky factor L). Each of the N - N_alpha proposals
//     picks an ancestor j with probability w_j / sum w, then theta = theta_j + L z with z
//     standard normal; when theta falls outside the prior's support the ancestor AND the
//     perturbation are drawn again (attempt 1, 2, ...), so the proposal density is the kernel
//     mixture restricted to the support with one common normalising constant, and the weight
//     formula below stays right up to that constant (which normalisation removes).
//     After simulation a proposal is accepted when its distance <= eps_{t-1}; its weight is
//     w = prior(theta) / sum_j (w_j / sum w) K_Sigma(theta | theta_j) (both normalised
//     densities, so new weights are on the same scale as the old ones, whose weights are kept
//     unchanged). Old kept and accepted new particles are pooled, sorted by distance (stable:
//     old ones first, then new in index order, so ties are broken deterministically), and the
//     first N_alpha kept; eps_t is the largest kept distance (so eps_t <= eps_{t-1}).
//     p_acc = accepted / (N - N_alpha).
//   Stop after generation t when p_acc < min_acceptance or t == max_generations.
// Failed simulations: a distance that is NaN or infinite counts as rejected (never kept) and is
// counted in Population::failed. A negative distance is an error of the distance function.
//
// Determinism: every draw of proposal i of generation t comes from
// Rng(seed, t, i, attempt, stream) (streams.hpp) and depends only on the previous population,
// so a proposal can be recomputed on its own (`proposal`), and `ingest` orders proposals by
// index, so the order in which they were simulated does not matter. The simulation of a
// proposal should take its randomness from Proposal::simulation_seed.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "model/calibrate/priors.hpp"

namespace vecinos::calibrate {

/// What the calibration file will describe: the priors (one per parameter, in order) and the
/// algorithm's numbers.
struct Settings {
  std::vector<Prior> priors;
  std::size_t particles = 1000;  ///< N, the number of simulations of generation 0
  double alpha = 0.5;            ///< fraction of particles kept each generation
  double min_acceptance = 0.01;  ///< stop once p_acc falls below this
  int max_generations = 50;      ///< stop after this generation (0 = prior draws only)
  int max_attempts = 10000;      ///< redraws of one proposal outside the prior's support

  /// Throws InputError naming the setting, its value and what is allowed.
  void validate() const;
  /// N_alpha = floor(alpha N), the particles kept (the size of every population).
  [[nodiscard]] std::size_t kept() const;
  /// N - N_alpha, the proposals of generations 1, 2, ...
  [[nodiscard]] std::size_t proposals_per_generation() const;
  [[nodiscard]] std::size_t dimension() const { return priors.size(); }
};

/// One parameter vector to simulate.
struct Proposal {
  static constexpr std::size_t kFromPrior = static_cast<std::size_t>(-1);
  int generation = 0;
  std::size_t index = 0;              ///< 0 .. count-1 within the generation
  std::vector<double> theta;          ///< the parameters, in the order of Settings::priors
  std::size_t ancestor = kFromPrior;  ///< the previous population's particle perturbed
  int attempt = 0;                    ///< redraws needed to land in the prior's support
  std::uint64_t simulation_seed = 0;  ///< the seed the simulation should use
};

/// Where a particle was first proposed.
struct Origin {
  int generation = 0;
  std::size_t index = 0;
};

/// The kept particles after one generation: a weighted sample of the ABC posterior at
/// `tolerance`. All vectors have N_alpha entries, sorted by increasing distance.
struct Population {
  int generation = 0;
  std::vector<std::vector<double>> particles;
  std::vector<double> weights;             ///< normalised: they sum to 1
  std::vector<double> importance_weights;  ///< unnormalised prior/proposal ratios (merging)
  std::vector<double> distances;
  std::vector<Origin> origins;
  double tolerance = 0.0;             ///< eps_t, the largest kept distance
  double acceptance = 1.0;            ///< p_acc; generation 0: the fraction of finite distances
  std::size_t simulations = 0;        ///< simulations of this generation
  std::size_t total_simulations = 0;  ///< of this and all earlier generations
  std::size_t accepted = 0;           ///< new particles with distance <= the previous tolerance
  std::size_t failed = 0;             ///< simulations of this generation with a NaN/inf distance

  /// Parameter k of every particle (for the summaries of summary.hpp).
  [[nodiscard]] std::vector<double> column(std::size_t k) const;
};

/// The perturbation kernel built from a population: covariance 2 x weighted covariance.
struct Kernel {
  std::size_t dimension = 0;
  std::vector<double> covariance;  ///< row-major, dimension x dimension
  std::vector<double> cholesky;    ///< lower triangular L, L L^T = covariance, row-major
  double log_normaliser = 0.0;     ///< log((2 pi)^(d/2) det(L))
};
/// Throws RuntimeError when the kept particles have no spread in some parameter.
[[nodiscard]] Kernel make_kernel(const Population& population, const Settings& settings);

/// The seed of the simulation of proposal `index` of `generation`.
[[nodiscard]] std::uint64_t simulation_seed(std::uint64_t seed, int generation, std::size_t index);

/// Generation 0: N draws from the prior.
[[nodiscard]] std::vector<Proposal> propose(const Settings& settings, std::uint64_t seed);
/// Generation prev.generation + 1: N - N_alpha perturbed particles.
[[nodiscard]] std::vector<Proposal> propose(const Population& prev, const Settings& settings,
                                            std::uint64_t seed);
/// Proposal `index` alone, equal to the corresponding element of `propose` (generation 0
/// when `prev` is null).
[[nodiscard]] Proposal proposal(const Population* prev, const Settings& settings,
                                std::uint64_t seed, std::size_t index);

/// Generation 0 from its simulated proposals (in any order; distances[i] is proposals[i]'s).
/// Throws RuntimeError when fewer than N_alpha distances are finite.
[[nodiscard]] Population ingest(std::span<const Proposal> proposals,
                                std::span<const double> distances, const Settings& settings);
/// Generation prev.generation + 1.
[[nodiscard]] Population ingest(const Population& prev, std::span<const Proposal> proposals,
                                std::span<const double> distances, const Settings& settings);

/// True when the calibration should stop after `population`.
[[nodiscard]] bool finished(const Population& population, const Settings& settings);

/// Simulates one proposal and returns its distance to the observations.
using Simulate = std::function<double(const Proposal&)>;
/// Simulates a generation; returns one distance per proposal, in the order given.
using SimulateBatch = std::function<std::vector<double>(std::span<const Proposal>)>;

/// The whole loop in one process (tests, small problems): every population, generation 0 first.
[[nodiscard]] std::vector<Population> run(const Settings& settings, std::uint64_t seed,
                                          const Simulate& simulate);
[[nodiscard]] std::vector<Population> run_batches(const Settings& settings, std::uint64_t seed,
                                                  const SimulateBatch& simulate);
/// Continues from `from` (a finished generation, e.g. read back from a file): the populations
/// after it, identical to those an uninterrupted run would have produced.
[[nodiscard]] std::vector<Population> resume(const Population& from, const Settings& settings,
                                             std::uint64_t seed, const SimulateBatch& simulate);

}  // namespace vecinos::calibrate
