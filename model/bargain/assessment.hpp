#pragma once
// What every actor makes of one state of the spatial model of politics before anyone moves
// (KTAB SMPState::setAllAUtil, setUENdx and pDist): distances, risk attitudes inferred from
// the risk-neutral outcome probabilities, each actor's estimate of everyone's utilities, the
// unique positions and their outcome probabilities. Equations in SMP.md.
#include <cstddef>
#include <span>
#include <vector>

#include "model/bargain/matrix.hpp"
#include "model/bargain/options.hpp"
#include "model/bargain/problem.hpp"
#include "model/bargain/spatial.hpp"

namespace vecinos::bargain {

class Assessment {
 public:
  /// `positions` is actors x dimensions on the 0..1 scale; each actor's ideal is its position
  /// (KTAB's default identity accommodation matrix).
  Assessment(const Problem& problem, const Matrix& positions, const Options& options);

  [[nodiscard]] std::size_t actors() const { return risk_.size(); }
  /// Distance from i's ideal to j's position, weighted by i's saliences.
  [[nodiscard]] double distance(std::size_t i, std::size_t j) const { return distance_(i, j); }
  /// Every actor's distance to j's position: element n is distance(n, j).
  [[nodiscard]] std::span<const double> distances_to(std::size_t j) const {
    return distance_to_.row(j);
  }
  /// Risk attitude R_i of each actor.
  [[nodiscard]] const std::vector<double>& risk() const { return risk_; }
  /// Risk-neutral outcome probability of each actor's position, equal positions not merged:
  /// the probabilities from which R is inferred.
  [[nodiscard]] const std::vector<double>& neutral_probabilities() const { return neutral_p_; }
  /// h's estimate of the utility to i of j's position, u(d_ij, R^h_i).
  [[nodiscard]] double estimated_utility(std::size_t h, std::size_t i, std::size_t j) const {
    return utility(distance_(i, j), risk_estimate_(h, i));
  }
  /// h's estimates of everyone's risk attitude: element i is R^h_i.
  [[nodiscard]] std::span<const double> estimated_risks(std::size_t h) const {
    return risk_estimate_.row(h);
  }
  /// i's own utility of j's position, u(d_ij, R_i).
  [[nodiscard]] double own_utility(std::size_t i, std::size_t j) const {
    return estimated_utility(i, i, j);
  }
  /// Capability c_i and total salience s_i (the sum over dimensions) of each actor.
  [[nodiscard]] double capability(std::size_t i) const { return capability_[i]; }
  [[nodiscard]] double total_salience(std::size_t i) const { return total_salience_[i]; }
  /// Each actor's weight in a challenge, s_i c_i (total salience times capability).
  [[nodiscard]] const std::vector<double>& challenge_weights() const { return weight_; }

  /// The unique position (index into representatives()) each actor holds.
  [[nodiscard]] const std::vector<std::size_t>& position_class() const { return class_; }
  /// The first actor holding each unique position.
  [[nodiscard]] const std::vector<std::size_t>& representatives() const { return reps_; }
  /// Outcome probability of each unique position (sums to 1).
  [[nodiscard]] const std::vector<double>& class_probabilities() const { return class_p_; }
  /// Each actor's share of the outcome probability: its position's probability divided
  /// equally among the actors holding that position (sums to 1).
  [[nodiscard]] std::vector<double> actor_probabilities() const;

 private:
  /// Fills class_ and reps_ (see position_class and representatives).
  void find_unique_positions(const Matrix& positions, double tolerance);

  Matrix distance_;
  Matrix distance_to_;    ///< (j, n): distance(n, j), the transpose of distance_
  Matrix risk_estimate_;  ///< (h, i): h's estimate of R_i
  std::vector<double> risk_, neutral_p_, capability_, total_salience_, weight_;
  std::vector<std::size_t> class_, reps_;
  std::vector<double> class_p_;
};

}  // namespace vecinos::bargain
