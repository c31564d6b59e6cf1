// Cartels (agents/cartels.hpp) in isolation. The build solves its scales so that, under the
// drivers of the start, recruitment balances losses and violence stays at the start's level:
// membership is stationary until something changes. Leader removals and strikes do what they
// say.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstddef>

#include "agents/cartels.hpp"
#include "tests/support/agent_step.hpp"
#include "tests/support/run_model.hpp"
#include "world/drivers.hpp"
#include "world/world.hpp"

using namespace vecinos;

namespace {

World cartel_world() {
  return build_world(test::config_of("configs/baseline.yaml", test::small()));
}

std::size_t leaders(const Cartels& c) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < c.size(); ++i) n += c.has_leader(i) ? 1U : 0U;
  return n;
}

}  // namespace

TEST_CASE("cartels: membership and violence are stationary under the start's drivers") {
  World w = cartel_world();
  const CartelDrivers d0 = cartel_drivers(w);
  Cartels c = w.cartels;
  const double members0 = c.total_members();
  const double homicides0 = c.homicides_per_year();
  REQUIRE(members0 > 0);
  REQUIRE(homicides0 > 0);
  StepContext ctx = w.step_context();
  double lo = members0, hi = members0;
  for (int t = 0; t < 4 * 52; ++t) {  // four years, drivers held at the start
    test::step_kind(c, d0, ctx, w.calendar);
    lo = std::min(lo, c.total_members());
    hi = std::max(hi, c.total_members());
  }
  // Splits and leader turnover are random, so members drift a little; they neither grow nor
  // shrink by more than a few percent over four years.
  CHECK(lo > 0.95 * members0);
  CHECK(hi < 1.05 * members0);
  CHECK(c.homicides_per_year() == doctest::Approx(homicides0).epsilon(0.10));
}

TEST_CASE(
    "cartels: more enforcement and cooperation shrink revenue, leader removals and strikes"
    " take leaders and members") {
  World w = cartel_world();
  const CartelDrivers d0 = cartel_drivers(w);
  CartelDrivers hard = d0;
  hard.border_enforcement = std::min(1.0, d0.border_enforcement + 0.4);
  hard.security_cooperation = std::min(1.0, d0.security_cooperation + 0.4);
  Cartels base = w.cartels, pressed = w.cartels;
  StepContext a = w.step_context(), b = w.step_context();
  for (int t = 0; t < 26; ++t) {
    test::step_kind(base, d0, a, w.calendar);
    test::step_kind(pressed, hard, b, w.calendar);
  }
  CHECK(pressed.total_revenue() < base.total_revenue());

  Cartels c = w.cartels;
  StepContext ctx = w.step_context();
  const std::size_t leaders0 = leaders(c);
  REQUIRE(leaders0 >= 5);
  c.remove_leaders(5);
  test::step_kind(c, d0, ctx, w.calendar);
  // Five removed this step; replacements take months (leader_replacement per year), so at most
  // a few come back within one week.
  CHECK(c.leaders_removed_total() == doctest::Approx(5.0));
  CHECK(leaders(c) < leaders0);

  Cartels s = w.cartels, calm = w.cartels;
  StepContext cs = w.step_context(), cc = w.step_context();
  s.strike();
  test::step_kind(s, d0, cs, w.calendar);
  test::step_kind(calm, d0, cc, w.calendar);
  CHECK(s.total_members() < calm.total_members());
  CHECK(s.homicides_per_year() > calm.homicides_per_year());
}
