#pragma once
// The spatial part of the spatial model of politics: salience-weighted distance, risk-curved
// utility and the interpolation of bargains, as in KTAB's SMPModel::bvDiff, SMPModel::bsUtil
// and SMPActor::interpolateBrgn (examples/smp/libsrc/smp.cpp). Equations in SMP.md.
#include <span>

#include "model/bargain/options.hpp"

namespace vecinos::bargain {

/// Distance from `ideal` to `position` weighted by `salience` (all on the 0..1 scale):
/// sqrt(sum_k (s_k d_k)^2 / sum_k s_k^2), so 0 <= d <= 1. Requires some salience > 0.
double weighted_distance(std::span<const double> ideal, std::span<const double> position,
                         std::span<const double> salience);

/// Utility of a position at distance d from one's ideal for risk attitude R:
/// u = (1 - d)(1 + d R); R = 0 is risk neutral (linear), R = 1 risk averse (concave),
/// R = -1 risk seeking (convex). Beyond d = 1 (round-off only) KTAB uses (1 - d)(1 + R).
inline double utility(double d, double risk) {
  return d <= 1.0 ? (1.0 - d) * (1.0 + d * risk) : (1.0 - d) * (1.0 + risk);
}

/// The bargain two actors i and j interpolate, dimension by dimension, between their positions
/// t_i and t_j, with saliences s_i, s_j and the probabilities p_i, p_j each is thought to prevail
/// (KTAB SMPActor::interpolateBrgn). S1P1 and S2P2 weight each side by w = s^n p^n and round to
/// 4 decimals; S2PMax moves only the likelier loser. Writes i's and j's bargained positions.
void interpolate_bargain(Interpolation rule, std::span<const double> t_i,
                         std::span<const double> s_i, double p_i, std::span<const double> t_j,
                         std::span<const double> s_j, double p_j, std::span<double> b_i,
                         std::span<double> b_j);

}  // namespace vecinos::bargain
