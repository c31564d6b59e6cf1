// Mechanism effects over ensembles (issue 14): the same 16 seeds with and without a lever
// (common random numbers), asserting the sign of the median paired difference and a minimum
// size. Two-year horizons and scaled populations keep them fast.
#include <doctest/doctest.h>

#include "tests/support/ensemble.hpp"
#include "world/actions.hpp"

using namespace vecinos;
using namespace vecinos::test;

namespace {

const std::string kEnsembleBaseline = "configs/baseline.yaml";

std::vector<Override> horizon(std::vector<Override> more = {}) {
  more.push_back({"simulation.end=2026-12-31"});
  return small(std::move(more));
}

double us_escalations(const History& h) {
  double n = 0;
  for (const auto& e : h.events)
    if (!e.forced && info(e.action).escalation && info(e.action).sides != kMx) n += 1;
  return n;
}

double mean_tension(const History& h) {
  return h.mean(1, static_cast<int>(h.ind.size()), Ind::relationship_tension);
}

}  // namespace

TEST_CASE("M8: magnanimity holds back U.S. escalations when the bond is warm") {
  const auto p = paired(
      kEnsembleBaseline,
      horizon({{"presidents.us.magnanimity=0.9"}, {"relationship.leader_bond=0.8"}}),
      kEnsembleBaseline,
      horizon({{"presidents.us.magnanimity=0"}, {"relationship.leader_bond=0.8"}}), us_escalations);
  INFO(p.describe());
  CHECK(p.median() <= -1.0);
  CHECK(p.count_sign(-1) > p.count_sign(1));
}

TEST_CASE("M8 and tension: a forbearing Mexican president lowers tension over the run") {
  const auto p =
      paired(kEnsembleBaseline, horizon({{"presidents.mx.forbearance=0.85"}}), kEnsembleBaseline,
             horizon({{"presidents.mx.forbearance=0.5"}}), mean_tension);
  INFO(p.describe());
  CHECK(p.median() < -0.005);
  CHECK(p.count_sign(-1) > p.count_sign(1));
}

TEST_CASE("M1: threats and tariffs bring Mexican concessions that answer their demand") {
  // The weight of a threatened or imposed tariff on Mexico's answering concessions, against the
  // same seeds with that weight at zero: Mexican troop deployments, transfers of cartel figures
  // and expansions of security cooperation over the two years.
  const auto concessions = [](const History& h) {
    double n = 0;
    for (const auto& e : h.events)
      if (e.actor == 0 &&  // "mx" sorts before "us"
          (e.action == Action::deploy_border_troops ||
           e.action == Action::transfer_cartel_leaders ||
           e.action == Action::expand_security_cooperation))
        n += 1;
    return n;
  };
  const auto p = paired(kEnsembleBaseline, horizon(), kEnsembleBaseline,
                        horizon({{"decisions.threat_weight=0"}}), concessions);
  INFO(p.describe());
  CHECK(p.median() >= 1.0);
  CHECK(p.count_sign(1) > p.count_sign(-1));
}
