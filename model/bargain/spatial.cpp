#include "model/bargain/spatial.hpp"

#include <cmath>

namespace vecinos::bargain {
namespace {

// Bargains are rounded to 4 decimals on the 0..1 scale (0.01 on the file's 0..100 scale),
// against spurious precision and spurious asymmetry (KTAB interpBrgnSnPm, round4).
double round4(double x) {
  return std::floor(0.5 + x * 10000.0) / 10000.0;
}

// Each side pulls the bargain toward its own position with weight w = s^n p^m; a tiny extra
// weight on one's own side keeps b_i = t_i and b_j = t_j when neither cares nor can coerce.
void interpolate_power(int n, double t_i, double s_i, double p_i, double t_j, double s_j,
                       double p_j, double& b_i, double& b_j) {
  constexpr double kMinWeight = 1e-6;
  const double w_i = std::pow(s_i, n) * std::pow(p_i, n);
  const double w_j = std::pow(s_j, n) * std::pow(p_j, n);
  const double total = w_i + kMinWeight + w_j;
  b_i = round4(((w_i + kMinWeight) * t_i + w_j * t_j) / total);
  b_j = round4((w_i * t_i + (kMinWeight + w_j) * t_j) / total);
}

// Only the side less likely to prevail moves, by a share that grows with the probability gap
// and the other side's salience (KTAB interpBrgnS2PMax).
void interpolate_max(double t_i, double s_i, double p_i, double t_j, double s_j, double p_j,
                     double& b_i, double& b_j) {
  constexpr double kMinWeight = 1e-6;
  const double gap_i = p_j > p_i ? p_j - p_i : 0.0;
  const double gap_j = p_i > p_j ? p_i - p_j : 0.0;
  const double si2 = s_i * s_i, sj2 = s_j * s_j;
  const double move_i = (gap_i * sj2) / (gap_i * sj2 + kMinWeight + (1.0 - gap_i) * si2);
  const double move_j = (gap_j * si2) / (gap_j * si2 + kMinWeight + (1.0 - gap_j) * sj2);
  b_i = t_i + move_i * (t_j - t_i);
  b_j = t_j + move_j * (t_i - t_j);
}

}  // namespace

double weighted_distance(std::span<const double> ideal, std::span<const double> position,
                         std::span<const double> salience) {
  double ds2 = 0.0, s2 = 0.0;
  for (std::size_t k = 0; k < ideal.size(); ++k) {
    const double ds = (ideal[k] - position[k]) * salience[k];
    ds2 += ds * ds;
    s2 += salience[k] * salience[k];
  }
  return std::sqrt(ds2 / s2);
}

void interpolate_bargain(Interpolation rule, std::span<const double> t_i,
                         std::span<const double> s_i, double p_i, std::span<const double> t_j,
                         std::span<const double> s_j, double p_j, std::span<double> b_i,
                         std::span<double> b_j) {
  for (std::size_t k = 0; k < t_i.size(); ++k) {
    switch (rule) {
      case Interpolation::s1p1:
        interpolate_power(1, t_i[k], s_i[k], p_i, t_j[k], s_j[k], p_j, b_i[k], b_j[k]);
        break;
      case Interpolation::s2p2:
        interpolate_power(2, t_i[k], s_i[k], p_i, t_j[k], s_j[k], p_j, b_i[k], b_j[k]);
        break;
      case Interpolation::s2pmax:
        interpolate_max(t_i[k], s_i[k], p_i, t_j[k], s_j[k], p_j, b_i[k], b_j[k]);
        break;
    }
  }
}

}  // namespace vecinos::bargain
