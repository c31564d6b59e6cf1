// The USMCA review's outcome rule (world/usmca_review.hpp), one case per outcome, on the
// baseline's world at the start: the bargaining's terms are fixed by the world, the thresholds
// decide what the parties do with them.
#include <doctest/doctest.h>

#include <cmath>

#include "tests/support/run_model.hpp"
#include "world/decisions.hpp"
#include "world/usmca_review.hpp"
#include "world/world.hpp"

using namespace vecinos;

namespace {

World review_world(std::vector<Override> sets = {}) {
  sets.push_back({"usmca.canada.take_part=false"});
  return build_world(test::config_of("configs/baseline.yaml", test::small(std::move(sets))));
}

}  // namespace

TEST_CASE("usmca review: the thresholds decide among extension, renegotiation and notice") {
  World w = review_world();
  const ReviewResult r = review_usmca(w);
  REQUIRE(r.change > 0.0);
  REQUIRE(r.us_gap > 0.0);
  const double hawk = w.politics.actor(w.politics.us_president()).hawkishness;

  struct Row {
    double extend, withdraw, hawkishness;
    Action expected;
  };
  const Row rows[] = {
      {r.change + 0.01, 0.0, 0.0, Action::usmca_extend},  // terms change little
      {r.change - 0.01, r.us_gap - 0.01, hawk, Action::usmca_withdrawal_notice},   // far, hawkish
      {r.change - 0.01, r.us_gap - 0.01, hawk + 0.01, Action::usmca_renegotiate},  // not hawkish
      {r.change - 0.01, r.us_gap + 0.01, 0.0, Action::usmca_renegotiate},          // close enough
  };
  for (const Row& row : rows) {
    CAPTURE(row.extend);
    CAPTURE(row.withdraw);
    CAPTURE(row.hawkishness);
    World v = w;
    v.config.usmca.extend_threshold = row.extend;
    v.config.usmca.withdraw_threshold = row.withdraw;
    v.config.usmca.withdraw_hawkishness = row.hawkishness;
    const ReviewResult got = review_usmca(v);
    CHECK(got.change == r.change);  // the thresholds do not change the bargaining
    CHECK(got.us_gap == r.us_gap);
    CHECK(got.action == row.expected);
  }
}

TEST_CASE(
    "usmca review: a U.S. grievance hardens its positions and widens its gap from the terms") {
  World calm = review_world();
  World wronged = calm;
  wronged.policy.grievance[0] = 1.0;
  const ReviewResult a = review_usmca(calm), b = review_usmca(wronged);
  // On every issue the terms move toward the end the U.S. president leans to, and further from
  // the status quo.
  const IssueVector us = calm.politics.position(calm.politics.us_president());
  const IssueVector q = policy_status(calm.policy, calm.config.status);
  for (std::size_t k = 0; k < kReviewIssues.size(); ++k) {
    const std::size_t i = index(kReviewIssues[k]);
    CAPTURE(k);
    CHECK((b.outcome[k] - a.outcome[k]) * (us[i] - 0.5) > 0);
    CHECK(std::abs(b.outcome[k] - q[i]) > std::abs(a.outcome[k] - q[i]));
  }
  CHECK(b.change > a.change);
}
