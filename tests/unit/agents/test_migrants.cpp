// Migrant populations (agents/migrants.hpp) in isolation: driven by the baseline world's start
// drivers, every person's change of status is one of the transitions the model defines, and
// the stocks and flows the kind reports are exactly the sums over its people.
#include <doctest/doctest.h>

#include <array>
#include <cstddef>
#include <utility>

#include "agents/migrants.hpp"
#include "tests/support/agent_step.hpp"
#include "tests/support/run_model.hpp"
#include "world/drivers.hpp"
#include "world/world.hpp"

using namespace vecinos;

namespace {

using S = MigrantStatus;
using T = Transition;

// What each transition is: from which status to which (model/ODD.md, M2 and M3). Written out
// here, independently of agents/migrants.cpp, so that a change of the rules shows up.
struct Move {
  T t;
  S from, to;
};
constexpr std::array<Move, kTransitionCount - 1> kMoves{{
    {T::mx_crossed, S::mx_home, S::us_unauthorized},
    {T::mx_apprehended, S::mx_home, S::mx_home},
    {T::mx_removed, S::us_unauthorized, S::mx_home},
    {T::mx_returned, S::us_unauthorized, S::mx_home},
    {T::legal_returned, S::us_legal, S::mx_home},
    {T::other_entered, S::origin, S::transit_mx},
    {T::other_crossed, S::transit_mx, S::us_other},
    {T::other_released, S::transit_mx, S::us_other},
    {T::other_removed_border, S::transit_mx, S::origin},
    {T::other_held, S::transit_mx, S::held_mx},
    {T::other_stopped_mx, S::transit_mx, S::origin},
    {T::other_removed_interior, S::us_other, S::origin},
    {T::other_gave_up, S::transit_mx, S::origin},
    {T::held_released, S::held_mx, S::transit_mx},
    // Issue 14: non-Mexicans removed to Mexico as a third country wait there again.
    {T::other_sent_to_mx, S::transit_mx, S::transit_mx},
    {T::other_sent_to_mx_interior, S::us_other, S::transit_mx},
}};

const Move* move_of(T t) {
  for (const auto& m : kMoves)
    if (m.t == t) return &m;
  return nullptr;
}

bool mexican(S s) {
  return s == S::mx_home || s == S::us_unauthorized || s == S::us_legal;
}

World small_world(std::vector<Override> sets = {}) {
  return build_world(test::config_of("configs/baseline.yaml", test::small(std::move(sets))));
}

}  // namespace

TEST_CASE("migrants: every transition the model names has one move, none is missing") {
  for (std::size_t k = 1; k < kTransitionCount; ++k)
    CHECK_MESSAGE(move_of(static_cast<T>(k)) != nullptr, name(static_cast<T>(k)));
}

TEST_CASE("migrants: people are conserved and each change of status is its transition") {
  // Under mass deportation and Remain in Mexico every transition has a chance to occur.
  World w = small_world();
  w.policy.interior_enforcement = 0.8;
  w.policy.remain_in_mexico = true;
  const MigrantDrivers d = migrant_drivers(w);
  Migrants m = w.migrants;
  const std::size_t n = m.size();
  REQUIRE(n > 1000);

  std::array<std::size_t, kTransitionCount> seen{};
  StepContext ctx = w.step_context();
  for (int step = 0; step < 52; ++step) {
    std::vector<S> before(n);
    std::size_t mexicans_before = 0;
    for (std::size_t i = 0; i < n; ++i) {
      before[i] = m.status(i);
      mexicans_before += mexican(before[i]) ? 1U : 0U;
    }
    test::step_kind(m, d, ctx, w.calendar);

    REQUIRE(m.size() == n);
    std::array<std::size_t, kMigrantStatusCount> stock{};
    std::array<std::size_t, kTransitionCount> flow{};
    std::size_t mexicans_after = 0, bad = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const S now = m.status(i);
      const T t = m.transition(i);
      stock[static_cast<std::size_t>(now)] += 1;
      flow[static_cast<std::size_t>(t)] += 1;
      mexicans_after += mexican(now) ? 1U : 0U;
      if (t == T::none) {
        bad += now != before[i] ? 1U : 0U;
      } else {
        const Move* mv = move_of(t);
        bad += (mv == nullptr || mv->from != before[i] || mv->to != now) ? 1U : 0U;
      }
    }
    CHECK(bad == 0);
    CHECK(mexicans_after == mexicans_before);  // nobody changes nationality
    for (std::size_t s = 0; s < kMigrantStatusCount; ++s)
      CHECK(m.stock(static_cast<S>(s)) ==
            doctest::Approx(static_cast<double>(stock[s]) * m.scale()));
    for (std::size_t t = 1; t < kTransitionCount; ++t) {
      CHECK(m.flow(static_cast<T>(t)) == doctest::Approx(static_cast<double>(flow[t]) * m.scale()));
      seen[t] += flow[t];
    }
  }
  // The drivers chosen above exercise the main paths of both populations.
  for (T t : {T::mx_crossed, T::mx_apprehended, T::mx_removed, T::other_entered, T::other_held,
              T::other_removed_interior, T::held_released})
    CHECK_MESSAGE(seen[static_cast<std::size_t>(t)] > 0, name(t));
}

TEST_CASE("migrants: remittances are the sum over Mexicans in the U.S. and nobody else sends") {
  World w = small_world();
  const Migrants& m = w.migrants;
  double sum = 0;
  for (std::size_t i = 0; i < m.size(); ++i) {
    const S s = m.status(i);
    if (s == S::us_unauthorized || s == S::us_legal)
      sum += m.remittance(i);
    else
      CHECK(m.remittance(i) == 0.0);
  }
  CHECK(m.remittances_usd() == doctest::Approx(sum * m.scale()).epsilon(1e-6));
}

TEST_CASE("migrants: the kin counted in the U.S. follow every move, as a recount finds them") {
  // Every person's count of kin in the U.S. is kept up to date from the moves of its kin (the
  // hazards read it); a recount from the kin layer and the statuses must agree, step by step.
  World w = small_world();
  w.policy.interior_enforcement = 0.8;
  const MigrantDrivers d = migrant_drivers(w);
  Migrants m = w.migrants;
  StepContext ctx = w.step_context();
  auto abroad = [](S s) { return s == S::us_unauthorized || s == S::us_legal || s == S::us_other; };
  std::size_t moves = 0;
  for (int step = 0; step < 40; ++step) {
    std::vector<bool> before(m.size());
    for (std::size_t i = 0; i < m.size(); ++i) before[i] = abroad(m.status(i));
    test::step_kind(m, d, ctx, w.calendar);
    std::size_t wrong = 0;
    for (std::size_t i = 0; i < m.size(); ++i) {
      moves += before[i] != abroad(m.status(i)) ? 1U : 0U;
      std::size_t count = 0;
      for (const auto j : m.kin().sources_of(static_cast<std::uint32_t>(i)))
        count += abroad(m.status(j)) ? 1U : 0U;
      wrong += count != m.kin_in_us(i) ? 1U : 0U;
    }
    CHECK(wrong == 0);
  }
  CHECK(moves > 100);  // people did cross and return, so the counts had to move
}
