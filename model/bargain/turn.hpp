#pragma once
// One turn of the spatial model of politics (KTAB SMPState::doBCN, "bargain, coerce, negotiate"):
// every actor challenges its most advantageous target by proposing a bargain; then every actor
// adopts, among the status quo and the bargains that involve it, the one the whole body of
// actors would most likely choose.
#include <cstddef>
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

/// The positions after one turn. `turn` (the index of the state being left) keys the random
/// draws of the stochastic state transition.
Matrix step(const Problem& problem, const Matrix& positions, const Assessment& a,
            const Options& options, std::size_t turn);

}  // namespace vecinos::bargain
