// Concordance with KTAB itself: KTAB's published reference run of its dummyData_3Dim example
// (lsyaseen/KTAB, examples/smp/doc/20170530_ref-dummyData_3Dim.txt, default model parameters;
// the input is configs/bargain/ktab_dummy_3dim.csv, as printed at the top of that log).
// The expected numbers below are KTAB's printed output, not ours.
#include <doctest/doctest.h>

#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "model/bargain/assessment.hpp"
#include "model/bargain/challenge.hpp"
#include "model/bargain/smp.hpp"
#include "model/bargain/smp_csv.hpp"
#include "model/bargain/turn.hpp"

using namespace vecinos::bargain;

namespace {

Problem ktab_example() {
  return read_smp_csv(std::string(VECINOS_SOURCE_DIR) + "/configs/bargain/ktab_dummy_3dim.csv");
}

Matrix initial_positions(const Problem& p) {
  Matrix m(p.actors.size(), p.dimensions.size());
  for (std::size_t i = 0; i < p.actors.size(); ++i)
    for (std::size_t k = 0; k < p.dimensions.size(); ++k) m(i, k) = p.actors[i].position[k];
  return m;
}

std::vector<double> numbers(const char* text) {
  std::istringstream in(text);
  std::vector<double> v;
  for (double x = 0; in >> x;) v.push_back(x);
  return v;
}

// "History of actor positions over time" (0..100, one decimal), by actor then dimension.
const char* const kPositions[7][3] = {{"75.8 79.5 80.6 80.6 78.5 78.5 78.5 78.5 78.6 78.6 78.6",
                                       "6.4 44.7 34.2 35.0 30.5 30.5 31.2 31.2 31.5 31.8 31.8",
                                       "70.5 72.0 75.9 76.1 74.0 74.0 74.0 74.0 74.0 74.1 74.1"},
                                      {"82.7 78.9 76.0 78.3 79.0 79.0 79.1 78.5 79.9 78.6 78.6",
                                       "73.5 56.3 27.5 30.5 30.6 30.6 30.9 31.2 34.4 31.8 31.8",
                                       "64.0 72.5 72.0 73.8 74.2 74.2 74.3 74.0 75.2 74.1 74.1"},
                                      {"82.5 82.5 82.5 82.5 82.5 82.5 82.5 82.5 82.5 82.5 82.5",
                                       "90.9 90.9 90.9 90.9 90.9 90.9 90.9 90.9 90.9 90.9 90.9",
                                       "0.1 0.1 0.1 0.1 0.1 0.1 0.1 0.1 0.1 0.1 0.1"},
                                      {"62.5 65.8 66.7 66.7 66.7 66.7 67.1 67.1 67.1 67.1 67.1",
                                       "50.8 50.8 50.2 50.2 50.2 50.2 50.1 50.1 50.1 50.1 50.1",
                                       "62.3 63.0 63.5 63.5 63.5 63.5 63.7 63.7 63.7 63.7 63.7"},
                                      {"82.3 79.5 81.5 78.3 78.5 78.5 78.6 80.5 78.6 78.6 78.6",
                                       "45.8 44.7 35.8 30.5 30.5 30.5 30.6 34.6 31.6 31.6 31.6",
                                       "73.3 72.0 79.1 73.8 74.0 74.0 74.1 75.9 74.0 74.1 74.1"},
                                      {"84.5 84.4 80.6 80.7 80.6 80.5 80.5 80.5 79.9 79.9 79.9",
                                       "33.7 34.1 34.2 34.3 34.7 34.6 34.6 34.6 34.4 34.4 34.4",
                                       "88.1 86.3 75.9 76.3 76.1 75.9 75.9 75.9 75.2 75.2 75.2"},
                                      {"71.0 75.6 76.0 77.4 77.4 80.5 78.5 78.5 78.7 78.7 78.6",
                                       "33.5 24.8 27.5 28.7 28.7 34.6 31.2 31.2 31.3 31.3 31.6",
                                       "90.4 72.0 72.0 73.0 73.0 75.9 74.0 74.0 74.1 74.1 74.1"}};

// "History of actors' winning probabilities": the probability of each actor's position, so
// actors at one position both show the whole of it.
const char* const kProbabilities[7] = {
    "0.0047 0.6059 0.3618 0.2234 0.2420 0.4040 0.4031 0.3546 0.4593 0.3962 0.3340",
    "0.0302 0.0509 0.3087 0.3684 0.2457 0.1811 0.1290 0.3546 0.2960 0.3962 0.3340",
    "0.0054 0.0096 0.0256 0.0158 0.0096 0.0339 0.0072 0.0571 0.0194 0.0074 0.0183",
    "0.1492 0.1406 0.1887 0.1674 0.0823 0.2564 0.0533 0.2768 0.1131 0.0507 0.0957",
    "0.6001 0.6059 0.1152 0.3684 0.2420 0.4040 0.0446 0.3115 0.4593 0.1730 0.1512",
    "0.1447 0.1217 0.3618 0.0649 0.3687 0.1246 0.3628 0.3115 0.2960 0.3530 0.4009",
    "0.0656 0.0713 0.3087 0.1602 0.0517 0.1246 0.4031 0.3546 0.1123 0.0198 0.1512"};

}  // namespace

TEST_CASE("KTAB reference, turn 0: inferred risk attitudes and each actor's best challenge") {
  const Problem p = ktab_example();
  const Options o;
  const Assessment a(p, initial_positions(p), o);
  const std::vector<double> risk{-0.500, -0.459, -0.499, -0.274, +1.000, -0.232, -0.430};
  for (std::size_t i = 0; i < risk.size(); ++i) CHECK(std::abs(a.risk()[i] - risk[i]) <= 0.0005);

  // "In turn 0 actor i has most advantageous target j worth g", "Est by i of prob p that [i>j]".
  struct Expected {
    std::size_t j;
    double p, gain;
  };
  const std::vector<Expected> targets{{6, 0.7643, 0.0947}, {0, 0.7964, 0.2810}, {6, 0.8334, 0.4711},
                                      {0, 0.8056, 0.2839}, {0, 0.5836, 0.0116}, {1, 0.8510, 0.2986},
                                      {1, 0.3970, 0.0286}};
  for (std::size_t i = 0; i < targets.size(); ++i) {
    CAPTURE(i);
    const auto t = best_target(a, o, i);
    REQUIRE(t.has_value());
    CHECK(t->receiver == targets[i].j);
    CHECK(std::abs(t->p_win - targets[i].p) <= 0.00005 + 1e-12);
    CHECK(std::abs(t->gain - targets[i].gain) <= 0.00005 + 1e-12);
  }
  // Others' views of 0 challenging 6: "Est by 0 ... expected gain to 6 of -0.1548",
  // "Est by 6 of prob 0.7660 that [0>6]".
  CHECK(std::abs(estimate_challenge(a, o, 0, 6, 0, 6).gain - -0.1548) <= 0.00005 + 1e-12);
  CHECK(std::abs(estimate_challenge(a, o, 6, 0, 0, 6).p_win - 0.7660) <= 0.00005 + 1e-12);

  // "Bargain [1006, 0:6] from 0's perspective": 0 adopts (75.61, 24.78, 71.95), 6 adopts
  // (75.61, 24.79, 71.95).
  const auto bargains = propose(p, initial_positions(p), a, o, 0);
  REQUIRE(bargains.size() == 1);
  const std::vector<double> for_0{75.61, 24.78, 71.95}, for_6{75.61, 24.79, 71.95};
  for (std::size_t k = 0; k < 3; ++k) {
    CHECK(100.0 * bargains[0].initiator_position[k] == doctest::Approx(for_0[k]));
    CHECK(100.0 * bargains[0].receiver_position[k] == doctest::Approx(for_6[k]));
  }
}

TEST_CASE("KTAB reference: all 11 states' positions and probabilities, and the stopping turn") {
  const Problem p = ktab_example();
  const Result r = solve(p);
  REQUIRE(r.turns.size() == 11);  // "There were 11 states, with 10 steps between them"
  CHECK(r.converged);
  for (std::size_t i = 0; i < 7; ++i) {
    for (std::size_t k = 0; k < 3; ++k) {
      const auto expected = numbers(kPositions[i][k]);
      for (std::size_t t = 0; t < 11; ++t) {
        INFO("actor ", i, ", dimension ", k, ", turn ", t);
        CHECK(std::abs(100.0 * r.turns[t].positions[i][k] - expected[t]) <= 0.05 + 1e-9);
      }
    }
    const auto expected = numbers(kProbabilities[i]);
    for (std::size_t t = 0; t < 11; ++t) {
      // KTAB shows each actor its position's probability: add up the shares at that position.
      double at_position = 0.0;
      for (std::size_t j = 0; j < 7; ++j) {
        double d2 = 0.0;
        for (std::size_t k = 0; k < 3; ++k) {
          const double d = r.turns[t].positions[i][k] - r.turns[t].positions[j][k];
          d2 += d * d;
        }
        if (std::sqrt(d2) < Options{}.position_tolerance)
          at_position += r.turns[t].probabilities[j];
      }
      INFO("actor ", i, ", turn ", t);
      CHECK(std::abs(at_position - expected[t]) <= 0.00005 + 1e-9);
    }
  }
}
