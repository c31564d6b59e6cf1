// Unit tests of path rules (model/sweep/path_rule.hpp) and outcome summaries of thresholds and
// events (model/sweep/outcome.hpp).
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "model/sweep/outcome.hpp"
#include "model/sweep/path_rule.hpp"

using namespace vecinos::sweep;

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
bool holds(const std::string& rule, std::vector<double> v) {
  return PathRule(rule).holds(v);
}
}  // namespace

TEST_SUITE("path rules") {
  TEST_CASE("names, comparisons, precedence and NaN") {
    const PathRule r("not a > 0.5 and b >= 1 or a == 2");
    CHECK(r.names() == std::vector<std::string>{"a", "b"});
    CHECK(r.holds(std::vector<double>{0.0, 5.0}));
    CHECK_FALSE(r.holds(std::vector<double>{1.0, kNaN}));
    CHECK(r.holds(std::vector<double>{2.0, 1.0}));
    CHECK(r.holds(std::vector<double>{kNaN, 1.0}));  // a > 0.5 is false for NaN
    CHECK_FALSE(holds("b != 1", {kNaN}));
    CHECK_FALSE(holds("x", {kNaN}));
    CHECK_FALSE(holds("x", {0.0}));
    CHECK(holds("x", {-3.0}));
    CHECK(holds("x >= -1e0", {-1.0}));
    CHECK(holds("not (x > 1 and x < 3)", {5.0}));
    CHECK(holds("trade_us_mx_usd.final < 6e11 or `usmca_status>=4.ever`", {7e11, 1.0}));
    CHECK(PathRule("`usmca_status>=4.ever` and y.z").names() ==
          std::vector<std::string>{"usmca_status>=4.ever", "y.z"});
  }

  TEST_CASE("errors say where") {
    auto where = [](const std::string& rule) -> std::string {
      try {
        (void)PathRule(rule);
      } catch (const RuleError& e) {
        return std::to_string(e.position) + ": " + e.what();
      }
      return "parsed";
    };
    CHECK(where("a > $ 3") == "4: unexpected '$ 3' at character 5 of 'a > $ 3'");
    CHECK(where("(a > 1").find("missing ')'") != std::string::npos);
    CHECK(where("a >").find("ends early") != std::string::npos);
    CHECK(where("a b").find("unexpected 'b' at character 3") != std::string::npos);
    CHECK(where("") == "0: empty rule");
  }
}

TEST_SUITE("sweep outcomes") {
  TEST_CASE("thresholds: ever, when (days), at_end") {
    const std::vector<double> x = {0, 2, 4, kNaN, 3};
    const std::vector<std::int32_t> days = {0, 7, 14, 21, 28};
    CHECK(summarize_threshold(x, days, Relation::at_least, 4, Stat::ever) == 1.0);
    CHECK(summarize_threshold(x, days, Relation::at_least, 4, Stat::when) == 14.0);
    CHECK(summarize_threshold(x, days, Relation::at_least, 4, Stat::at_end) == 0.0);
    CHECK(summarize_threshold(x, days, Relation::above, 4, Stat::ever) == 0.0);
    CHECK(std::isnan(summarize_threshold(x, days, Relation::above, 4, Stat::when)));
    CHECK(summarize_threshold(x, days, Relation::below, 1, Stat::when) == 0.0);
    CHECK(summarize_threshold(x, days, Relation::at_most, 3, Stat::at_end) == 1.0);
    CHECK(std::isnan(summarize_threshold({}, {}, Relation::above, 0, Stat::ever)));
  }

  TEST_CASE("events: count, ever, when") {
    const std::vector<std::int32_t> days = {35, 70, 71};
    CHECK(summarize_events(days, Stat::count) == 3.0);
    CHECK(summarize_events(days, Stat::ever) == 1.0);
    CHECK(summarize_events(days, Stat::when) == 35.0);
    CHECK(summarize_events({}, Stat::count) == 0.0);
    CHECK(summarize_events({}, Stat::ever) == 0.0);
    CHECK(std::isnan(summarize_events({}, Stat::when)));
  }

  TEST_CASE("outcome columns and units") {
    Outcome o;
    o.label = "usmca_status";
    o.units = "code";
    o.kind = OutcomeKind::threshold;
    o.relation = Relation::at_least;
    o.threshold = 4;
    o.stat = Stat::ever;
    CHECK(o.column() == "usmca_status>=4.ever");
    CHECK(o.column_units() == "0/1");
    CHECK(o.yaml() == "{indicator: usmca_status, at_least: 4, stat: ever}");
    o.name = "terminated";
    CHECK(o.column() == "terminated");
    Outcome e;
    e.kind = OutcomeKind::event;
    e.action = "military_strike";
    e.actor = "us";
    e.stat = Stat::when;
    CHECK(e.column() == "us.military_strike.when");
    CHECK(e.column_units() == "days");
    CHECK(e.yaml() == "{event: military_strike, actor: us, stat: when}");
  }
}
