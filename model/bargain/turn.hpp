#pragma once
// One turn of the spatial model of politics (KTAB SMPState::doBCN, "bargain, coerce, negotiate"):
// every actor challenges its most advantageous target by proposing a bargain; then every actor
// adopts, among the status quo and the bargains that involve it, the one the whole body of
// actors would most likely choose.
#include <cstddef>
#include <span>
#include <vector>

#include "model/bargain/assessment.hpp"
#include "model/bargain/matrix.hpp"
#include "model/bargain/options.hpp"
#include "model/bargain/problem.hpp"

namespace vecinos::bargain {

/// The positions the initiator proposes that it and the receiver adopt.
struct Bargain {
  std::size_t initiator = 0, receiver = 0;
  std::vector<double> initiator_position, receiver_position;
};

/// The bargains actor i proposes this turn (none, one, or two under InitRcvrInterp).
std::vector<Bargain> propose(const Problem& problem, const Matrix& positions, const Assessment& a,
                             const Options& options, std::size_t i);

/// Average utility to actor a of the state after bargain b (the status quo when b is null):
/// its own utilities of everyone's positions, the two bargained positions replacing the
/// initiator's and the receiver's (KTAB doBCN, brgnUtil). `own` is a's own utility of each
/// actor's position.
double bargain_utility(const Problem& problem, const Matrix& positions, const Assessment& as,
                       std::span<const double> own, std::size_t a, const Bargain* b);

/// bargain_utility(problem, positions, as, own.row(a), a, &bargains[b]) as value(b, a), for
/// every bargain and actor, bit for bit; own(a, m) is a's own utility of m's position.
Matrix bargain_values(const Problem& problem, const Matrix& positions, const Assessment& as,
                      const Matrix& own, const std::vector<Bargain>& bargains);

/// The positions after one turn. `turn` (the index of the state being left) keys the random
/// draws of the stochastic state transition.
Matrix step(const Problem& problem, const Matrix& positions, const Assessment& a,
            const Options& options, std::size_t turn);

}  // namespace vecinos::bargain
