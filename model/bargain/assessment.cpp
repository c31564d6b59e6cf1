#include "model/bargain/assessment.hpp"

#include <cmath>
#include <numeric>

#include <tbb/parallel_for.h>
#include <tbb/parallel_invoke.h>

#include "model/bargain/spatial.hpp"
#include "model/bargain/voting.hpp"

namespace vecinos::bargain {

Assessment::Assessment(const Problem& problem, const Matrix& positions, const Options& options) {
  const std::size_t n = problem.actors.size();
  for (const Actor& a : problem.actors) {
    capability_.push_back(a.capability);
    total_salience_.push_back(std::accumulate(a.salience.begin(), a.salience.end(), 0.0));
    weight_.push_back(total_salience_.back() * a.capability);
  }

  // Rows in parallel: each cell is computed on its own, so the values do not depend on threads.
  distance_ = Matrix(n, n);
  tbb::parallel_for(std::size_t{0}, n, [&](std::size_t i) {
    for (std::size_t j = 0; j < n; ++j)
      distance_(i, j) =
          weighted_distance(positions.row(i), positions.row(j), problem.actors[i].salience);
  });
  distance_to_ = Matrix(n, n);
  tbb::parallel_for(std::size_t{0}, n, [&](std::size_t j) {
    for (std::size_t i = 0; i < n; ++i) distance_to_(j, i) = distance_(i, j);
  });

  // Risk attitudes (KTAB setAllAUtil): the outcome probabilities every actor's position would
  // have if all were risk neutral, rescaled so the likeliest is the most risk averse. The
  // unique positions (below) do not depend on them and are found meanwhile.
  tbb::parallel_invoke(
      [&] {
        Matrix neutral(n, n);
        tbb::parallel_for(std::size_t{0}, n, [&](std::size_t i) {
          for (std::size_t j = 0; j < n; ++j) neutral(i, j) = utility(distance_(i, j), 0.0);
        });
        neutral_p_ = scalar_pce(capability_, neutral, options.voting, options.victory, options.pce);
        risk_ = risk_from_probabilities(neutral_p_, options.risk_range);
        risk_estimate_ = Matrix(n, n);
        tbb::parallel_for(std::size_t{0}, n, [&](std::size_t h) {
          for (std::size_t i = 0; i < n; ++i)
            risk_estimate_(h, i) = estimated_risk(risk_[h], risk_[i], options.risk_adjust);
        });
      },
      [&] { find_unique_positions(positions, options.position_tolerance); });

  // Outcome probabilities of the unique positions, each actor judging by its own utilities
  // (KTAB pDist with perspective -1).
  Matrix own(n, reps_.size());
  tbb::parallel_for(std::size_t{0}, n, [&](std::size_t i) {
    for (std::size_t r = 0; r < reps_.size(); ++r) own(i, r) = own_utility(i, reps_[r]);
  });
  class_p_ = scalar_pce(capability_, own, options.voting, options.victory, options.pce);
}

// Unique positions (KTAB setUENdx, equivNdx): each actor joins the first earlier unique
// position within the tolerance (Euclidean, 0..1 scale), or starts a new one.
void Assessment::find_unique_positions(const Matrix& positions, double tolerance) {
  const std::size_t n = positions.rows();
  class_.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t c_i = reps_.size();
    for (std::size_t r = 0; r < reps_.size() && c_i == reps_.size(); ++r) {
      double d2 = 0.0;
      for (std::size_t k = 0; k < positions.cols(); ++k) {
        const double d = positions(i, k) - positions(reps_[r], k);
        d2 += d * d;
      }
      if (std::sqrt(d2) < tolerance) c_i = r;
    }
    if (c_i == reps_.size()) reps_.push_back(i);
    class_[i] = c_i;
  }
}

std::vector<double> Assessment::actor_probabilities() const {
  std::vector<std::size_t> holders(reps_.size(), 0);
  for (const std::size_t c : class_) ++holders[c];
  std::vector<double> p(class_.size());
  for (std::size_t i = 0; i < class_.size(); ++i)
    p[i] = class_p_[class_[i]] / static_cast<double>(holders[class_[i]]);
  return p;
}

}  // namespace vecinos::bargain
