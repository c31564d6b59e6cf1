// The USMCA joint review is settled by the spatial model of politics among the presidents,
// Canada, the U.S. Congress and the business lobbies (world/usmca_review.hpp).
#include <doctest/doctest.h>

#include <memory>

#include "tests/support/run_model.hpp"
#include "world/decisions.hpp"
#include "world/usmca_review.hpp"

using namespace vecinos;
using namespace vecinos::test;

namespace {
Simulation at_review(std::vector<Override> more = {}) {
  more.push_back({"simulation.end=2026-07-15"});
  return Simulation(config_of("configs/baseline.yaml", small(std::move(more))));
}
}  // namespace

TEST_CASE("the review happens on its date, is one event, and sets usmca_status") {
  for (int seed : {1, 2, 3}) {
    const auto h =
        run_file("configs/baseline.yaml",
                 small({{"simulation.end=2026-07-15"}, {fmt::format("simulation.seed={}", seed)}}));
    int reviews = 0;
    Action outcome = Action::conciliate;
    for (const auto& e : h.events) {
      if (e.action == Action::usmca_extend || e.action == Action::usmca_renegotiate ||
          e.action == Action::usmca_withdrawal_notice) {
        ++reviews;
        outcome = e.action;
        CHECK(e.date <= Date(2026, 7, 1));
        CHECK(e.date + 7 > Date(2026, 7, 1));
      }
    }
    REQUIRE(reviews == 1);
    const double status = h.last(Ind::usmca_status);
    CHECK(status == (outcome == Action::usmca_extend        ? 0
                     : outcome == Action::usmca_renegotiate ? 2
                                                            : 3));
  }
}

TEST_CASE(
    "the bargaining table holds the presidents, the U.S. Congress, the lobbies and Canada (if it "
    "takes part)") {
  auto sim = at_review();
  const auto r = review_usmca(sim.world());
  const std::vector<std::string> expected = {"mx",          "us",          "us_congress",
                                             "mx_business", "us_business", "Canada"};
  CHECK(r.actors == expected);
  CHECK(r.outcome.size() == kReviewIssues.size());
  auto without = at_review({{"usmca.canada.take_part=false"}});
  CHECK(review_usmca(without.world()).actors.size() == 5);
}

TEST_CASE(
    "terms close to the status quo are extended, a wronged hawkish U.S. far from the terms gives "
    "notice") {
  auto sim = at_review({{"usmca.canada.take_part=false"}});
  World& w = sim.world();
  // Everyone at the table already wants what is in force: the bargain changes nothing.
  std::vector<IssueVector> at_status(w.politics.size(), policy_status(w.policy, w.config.status));
  w.politics.set_positions(at_status);
  const auto calm = review_usmca(w);
  CHECK(calm.change < 1e-6);
  CHECK(calm.action == Action::usmca_extend);

  auto hard = at_review({{"presidents.us.hawkishness=0.9"}, {"usmca.withdraw_threshold=0.05"}});
  hard.world().policy.grievance[0] = 1.0;
  const auto r = review_usmca(hard.world());
  CHECK(r.us_gap > 0.05);
  CHECK(r.action == Action::usmca_withdrawal_notice);
}

TEST_CASE(
    "the review's bargaining is deterministic and its outcome lies within the actors' range") {
  auto a = at_review();
  auto b = at_review();
  const auto ra = review_usmca(a.world()), rb = review_usmca(b.world());
  CHECK(ra.outcome == rb.outcome);
  CHECK(ra.action == rb.action);
  for (double x : ra.outcome) {
    CHECK(x >= 0.0);
    CHECK(x <= 1.0);
  }
}

TEST_CASE("at the inauguration each cabinet settles its president's line by bargaining") {
  auto run_to = [](bool cabinet) {
    auto sim = std::make_unique<Simulation>(config_of(
        "configs/baseline.yaml", small({{"simulation.end=2025-02-01"},
                                        {fmt::format("decisions.cabinet_line={}", cabinet)}})));
    sim->run({2, nullptr});
    return sim;
  };
  const auto with = run_to(true), without = run_to(false);
  const auto& pol = with->world().politics;
  const auto us = pol.us_president();
  CHECK(without->world().politics.actor(us).anchor ==
        without->world().config.presidents.at("us").position);
  const IssueVector line = pol.actor(us).anchor;
  CHECK(line != with->world().config.presidents.at("us").position);
  // The line lies within the range of the cabinet's views on every issue.
  for (std::size_t k = 0; k < kIssueCount; ++k) {
    double lo = 1, hi = 0;
    for (std::size_t i = 0; i < pol.size(); ++i) {
      const auto& a = pol.actor(i);
      const bool member = i == us || a.serves == static_cast<std::int32_t>(us);
      if (member && a.kind != ActorKind::lobby)
        lo = std::min(lo, pol.position(i)[k]), hi = std::max(hi, pol.position(i)[k]);
    }
    CHECK(line[k] >= lo - 0.05);
    CHECK(line[k] <= hi + 0.05);
  }
}
