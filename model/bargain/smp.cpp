#include "model/bargain/smp.hpp"

#include <cmath>

#include "model/bargain/assessment.hpp"
#include "model/bargain/turn.hpp"

namespace vecinos::bargain {
namespace {

Turn record(const Matrix& positions, const Assessment& a) {
  Turn t;
  for (std::size_t i = 0; i < positions.rows(); ++i) {
    const auto row = positions.row(i);
    t.positions.emplace_back(row.begin(), row.end());
  }
  t.probabilities = a.actor_probabilities();
  return t;
}

}  // namespace

double state_distance(const std::vector<std::vector<double>>& a,
                      const std::vector<std::vector<double>>& b) {
  double total = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    double d2 = 0.0;
    for (std::size_t k = 0; k < a[i].size(); ++k) d2 += (a[i][k] - b[i][k]) * (a[i][k] - b[i][k]);
    total += std::sqrt(d2);
  }
  return total;
}

Result solve(const Problem& problem, const Options& options) {
  validate(problem);
  validate(options);
  const std::size_t n = problem.actors.size(), nd = problem.dimensions.size();
  Matrix positions(n, nd);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t k = 0; k < nd; ++k) positions(i, k) = problem.actors[i].position[k];

  Result r;
  Assessment assessment(problem, positions, options);
  r.turns.push_back(record(positions, assessment));
  for (int t = 1; t <= options.max_turns; ++t) {
    positions = step(problem, positions, assessment, options, static_cast<std::size_t>(t - 1));
    assessment = Assessment(problem, positions, options);
    r.turns.push_back(record(positions, assessment));
    // KTAB smpStopFn: stop once the last move is a small fraction of the first.
    const double first = state_distance(r.turns[0].positions, r.turns[1].positions);
    const double last =
        state_distance(r.turns[r.turns.size() - 2].positions, r.turns.back().positions);
    if (t >= options.min_turns &&
        last / (first + options.min_sig_delta) < options.min_delta_ratio) {
      r.converged = true;
      break;
    }
  }

  const Turn& final_turn = r.turns.back();
  r.outcome.assign(nd, 0.0);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t k = 0; k < nd; ++k)
      r.outcome[k] += final_turn.probabilities[i] * final_turn.positions[i][k];
  return r;
}

}  // namespace vecinos::bargain
