// Unit tests of the state digest (output/digest.hpp): it covers what it claims to cover.
#include <doctest/doctest.h>

#include <functional>

#include "output/digest.hpp"
#include "tests/support/run_model.hpp"
#include "world/simulation.hpp"

using namespace vecinos;

TEST_SUITE("unit") {
  //! A change in any part of the world's state changes the digest; a copy digests the same.
  TEST_CASE("the digest changes with every part of the state and not with a copy") {
    Config cfg = test::config_of("configs/baseline.yaml", test::small());
    cfg.simulation.end = cfg.simulation.start + 10 * cfg.simulation.days_per_tick;
    Simulation sim(cfg);
    for (int t = 0; t < 6; ++t) sim.step();
    const World& base = sim.world();
    const std::string d0 = state_digest(base);
    const World copy = base;  // copies the network's edges correctly, too
    CHECK(state_digest(copy) == d0);

    const std::vector<std::pair<std::string, std::function<void(World&)>>> changes = {
        {"tick", [](World& w) { w.tick += 1; }},
        {"a position",
         [](World& w) {
           w.politics.set_positions({w.politics.size(), IssueVector{}});
         }},
        {"an anchor", [](World& w) { w.politics.set_anchor(0, IssueVector{}); }},
        {"an edge weight", [](World& w) { w.elite.set_weight(0, 0.123); }},
        {"an indicator", [](World& w) { w.indicators[Ind::leader_bond] += 0.01; }},
        {"compliance", [](World& w) { w.policy.compliance += 0.01; }},
        {"a threat's demand", [](World& w) { w.policy.threat.rate += 0.01; }},
        {"the next review", [](World& w) { w.policy.usmca_next_review = Date(2027, 7, 1); }},
        {"a commitment", [](World& w) { w.policy.commitment[0][3] += 1; }},

        {"recent use", [](World& w) { w.policy.recent_use[1][5] += 1; }},
        {"congress share", [](World& w) { w.policy.mx_congress_share += 0.01; }},
        {"markets",
         [](World& w) {
           MarketDrivers d;
           d.atf_cooperation = 0.9;
           w.markets.build(w.config.markets, d, w.step_context());
         }},
        {"a pending strike", [](World& w) { w.cartels.strike(); }},
        {"a start level", [](World& w) { w.base.trade *= 1.01; }},
        {"a running total", [](World& w) { w.tallies.deportations_other += 1; }},
        {"the encounter window", [](World& w) { w.tallies.recent_encounters.push_back(1.0); }},
        {"the last review", [](World& w) { w.last_review.change = 0.5; }},
        {"the election", [](World& w) { w.us_incumbent_party_won = 1; }},
        {"a proposal", [](World& w) { w.proposals[1] = 2; }},
        {"an event", [](World& w) { w.events.push_back(Event{}); }},
    };
    for (const auto& c : changes) {
      World w = base;
      c.second(w);
      CHECK_MESSAGE(state_digest(w) != d0, c.first);
    }
    CHECK(state_digest(base) == d0);
  }
}
