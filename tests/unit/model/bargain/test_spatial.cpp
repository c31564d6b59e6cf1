#include <doctest/doctest.h>

#include <vector>

#include "model/bargain/spatial.hpp"

using namespace vecinos::bargain;

TEST_CASE("salience-weighted distance: sqrt of sum (s d)^2 over sum s^2, by hand") {
  const std::vector<double> ideal{0.0, 0.0}, pos{1.0, 0.0}, sal{0.3, 0.4};
  CHECK(weighted_distance(ideal, pos, sal) == doctest::Approx(0.6));  // sqrt(0.09 / 0.25)
  CHECK(weighted_distance(ideal, std::vector<double>{0.0, 1.0}, sal) == doctest::Approx(0.8));
  CHECK(weighted_distance(ideal, ideal, sal) == 0.0);
  // A dimension the actor does not care about does not count.
  CHECK(weighted_distance(ideal, std::vector<double>{1.0, 0.5}, std::vector<double>{0.0, 0.7}) ==
        doctest::Approx(0.5));
}

TEST_CASE("utility (1 - d)(1 + d R): linear when neutral, concave when averse, convex seeking") {
  CHECK(utility(0.0, -0.5) == 1.0);
  CHECK(utility(1.0, 1.0) == 0.0);
  CHECK(utility(0.5, 0.0) == doctest::Approx(0.5));
  CHECK(utility(0.5, 1.0) == doctest::Approx(0.75));
  CHECK(utility(0.5, -0.5) == doctest::Approx(0.375));
}

TEST_CASE("S2P2 bargain weights each side by (salience x probability)^2, by hand") {
  // w_i = (0.5 * 0.75)^2 = 0.140625, w_j = (0.5 * 0.25)^2 = 0.015625:
  // b = (0.140625 * 0.2 + 0.015625 * 0.6) / 0.15625 = 0.24, for both actors.
  const std::vector<double> t_i{0.2}, t_j{0.6}, s{0.5};
  std::vector<double> b_i(1), b_j(1);
  interpolate_bargain(Interpolation::s2p2, t_i, s, 0.75, t_j, s, 0.25, b_i, b_j);
  CHECK(b_i[0] == doctest::Approx(0.24));
  CHECK(b_j[0] == doctest::Approx(0.24));
  // S1P1: w_i = 0.375, w_j = 0.125: b = (0.375 * 0.2 + 0.125 * 0.6) / 0.5 = 0.3.
  interpolate_bargain(Interpolation::s1p1, t_i, s, 0.75, t_j, s, 0.25, b_i, b_j);
  CHECK(b_i[0] == doctest::Approx(0.3));
  // S2PMax: only the likelier loser j moves, by g s_i^2 / (g s_i^2 + (1 - g) s_j^2) = 1/2
  // of the way, where g = p_i - p_j = 1/2.
  interpolate_bargain(Interpolation::s2pmax, t_i, s, 0.75, t_j, s, 0.25, b_i, b_j);
  CHECK(b_i[0] == doctest::Approx(0.2));
  CHECK(b_j[0] == doctest::Approx(0.4).epsilon(1e-4));
}

TEST_CASE("bargains are rounded to 4 decimals, and stay put when nobody cares") {
  const std::vector<double> t_i{0.123456}, t_j{0.9}, none{0.0};
  std::vector<double> b_i(1), b_j(1);
  interpolate_bargain(Interpolation::s2p2, t_i, none, 0.5, t_j, none, 0.5, b_i, b_j);
  CHECK(b_i[0] == doctest::Approx(0.1235));
  CHECK(b_j[0] == doctest::Approx(0.9));
}
