// The agent tables offered to recorders (see world/recording.hpp).
#include "world/recording.hpp"

#include "world/kinds.hpp"
#include "world/world.hpp"

namespace vecinos {

namespace {

AgentTable political_table_impl() {
  AgentTable t;
  t.kind = "political";
  t.description = "presidents, cabinet officials and envoys, legislatures";
  t.count = [](const World& w) { return w.politics.size(); };
  t.static_text = {
      {"id", "config id", [](const World& w, std::size_t i) { return w.politics.actor(i).id; }},
      {"name", "full name", [](const World& w, std::size_t i) { return w.politics.actor(i).name; }},
      {"kind", "president, official or legislature",
       [](const World& w, std::size_t i) { return std::string(name(w.politics.actor(i).kind)); }},
      {"country", "us, mx or ca",
       [](const World& w, std::size_t i) {
         return std::string(name(w.politics.actor(i).country));
       }},
      {"role", "office held",
       [](const World& w, std::size_t i) { return w.politics.actor(i).role; }},
  };
  t.static_number = {
      {"capability", "relative", "power in collective decisions", DType::f64,
       [](const World& w, std::size_t i) { return w.politics.actor(i).capability; }},
      {"forbearance", "probability", "probability of letting an insult pass", DType::f64,
       [](const World& w, std::size_t i) { return w.politics.actor(i).forbearance; }},
      {"hawkishness", "0..1", "disposition to coercive action", DType::f64,
       [](const World& w, std::size_t i) { return w.politics.actor(i).hawkishness; }},
      {"susceptibility", "0..1", "1 - stubbornness (Friedkin-Johnsen lambda)", DType::f64,
       [](const World& w, std::size_t i) { return w.politics.actor(i).susceptibility; }},
  };
  t.state.push_back(
      {"proposal", "action code",
       "action proposed this tick (index into /events action names; -1 none)", DType::i32,
       [](const World& w, std::size_t i) { return static_cast<double>(w.proposals[i]); }});
  for (std::size_t k = 0; k < kIssueCount; ++k) {
    const std::string issue(kIssueNames[k]);
    t.static_number.push_back(
        {"salience_" + issue, "weight", "salience of " + issue, DType::f64,
         [k](const World& w, std::size_t i) { return w.politics.actor(i).salience[k]; }});
    t.state.push_back({"position_" + issue, "0..1", "position on " + issue, DType::f64,
                       [k](const World& w, std::size_t i) { return w.politics.position(i)[k]; }});
  }
  return t;
}

// Cells occupy slots 0 .. max_cells-1; slots not in use hold zeros (and organisation -1).
AgentTable cartel_table_impl() {
  AgentTable t;
  t.kind = "cartels";
  t.description =
      "cells of criminal organisations (slots; new cells appear when leaderless cells split)";
  t.count = [](const World& w) { return static_cast<std::size_t>(w.config.cartels.max_cells); };
  auto live = [](const World& w, std::size_t c) { return c < w.cartels.size(); };
  t.static_text = {
      {"initial_organization", "organisation of the cell at the start (empty for later slots)",
       [live](const World& w, std::size_t c) {
         return live(w, c) ? w.cartels.organization_names()[w.cartels.org(c)] : std::string();
       }}};
  auto col = [&](std::string name, std::string units, std::string help, DType type, auto f,
                 std::optional<Ind> sums = {}) {
    t.state.push_back(
        {std::move(name), std::move(units), std::move(help), type,
         [live, f](const World& w, std::size_t c) { return live(w, c) ? f(w, c) : 0.0; },
         std::move(sums)});
  };
  t.state.push_back({"organization", "code",
                     "organisation (index into the cartel organisation names; -1 unused slot)",
                     DType::i32, [live](const World& w, std::size_t c) {
                       return live(w, c) ? static_cast<double>(w.cartels.org(c)) : -1.0;
                     }});
  col("region", "code", "Mexican state (index into the region names)", DType::i32,
      [](const World& w, std::size_t c) { return static_cast<double>(w.cartels.region(c)); });
  col(
      "members", "persons", "members", DType::f64,
      [](const World& w, std::size_t c) { return w.cartels.members(c); }, Ind::cartel_members);
  col("arsenal", "guns", "firearms held", DType::f64,
      [](const World& w, std::size_t c) { return w.cartels.arsenal(c); });
  col(
      "revenue", "USD/year", "revenue from drugs and migrant smuggling", DType::f64,
      [](const World& w, std::size_t c) { return w.cartels.revenue(c); }, Ind::cartel_revenue_usd);
  col("conflict_deaths", "deaths/year", "deaths in this cell's conflicts with rivals", DType::f64,
      [](const World& w, std::size_t c) { return w.cartels.deaths(c); });
  col("corruption", "0..1", "share of Mexican enforcement neutralised by protection", DType::f32,
      [](const World& w, std::size_t c) { return w.cartels.corruption(c); });
  col("has_leader", "0/1", "1 while the cell has a leader", DType::u8,
      [](const World& w, std::size_t c) { return w.cartels.has_leader(c) ? 1.0 : 0.0; });
  for (std::size_t r = 0; r < kRoutes; ++r)
    col("route_" + std::string(kRouteNames[r]), "fraction", "share of drugs moved by this route",
        DType::f32, [r](const World& w, std::size_t c) { return w.cartels.route(c, r); });
  return t;
}

// Values are for the real firms an agent stands for (per-firm value times the scale), so that
// they sum to the aggregates.
AgentTable firm_table_impl() {
  AgentTable t;
  t.kind = "firms";
  t.description = "firms producing in Mexico (each agent stands for `firms.scale` firms)";
  t.count = [](const World& w) { return w.firms.size(); };
  t.static_text = {
      {"owner", "us, mx or cn",
       [](const World& w, std::size_t i) { return std::string(kOwnerNames[w.firms.owner(i)]); }},
      {"sector", "sector",
       [](const World& w, std::size_t i) { return std::string(kSectorNames[w.firms.sector(i)]); }}};
  t.static_number = {
      {"region", "code", "Mexican state (index into the region names)", DType::i32,
       [](const World& w, std::size_t i) { return static_cast<double>(w.firms.region(i)); }}};
  t.state = {
      {"status", "code", "0 potential entrant, 1 active, 2 relocated", DType::u8,
       [](const World& w, std::size_t i) { return static_cast<double>(w.firms.status(i)); }},
      {"choice", "code", "0 none, 1 invest, 2 hold, 3 divest, 4 relocate, 5 enter", DType::u8,
       [](const World& w, std::size_t i) { return static_cast<double>(w.firms.choice(i)); }},
      {"capital", "USD", "capital in Mexico", DType::f32,
       [](const World& w, std::size_t i) { return w.firms.capital(i) * w.firms.scale(); }},
      {"exports", "USD/year", "exports to the U.S.", DType::f64,
       [](const World& w, std::size_t i) { return w.firms.exports(i) * w.firms.scale(); },
       Ind::us_imports_from_mx_usd},
      {"expected_return", "1/year", "expected return on capital", DType::f32,
       [](const World& w, std::size_t i) { return w.firms.expected_return(i); }},
  };
  return t;
}

AgentTable migrant_table_impl() {
  AgentTable t;
  t.kind = "migrants";
  t.description = "people (each agent stands for `migrants.scale` persons)";
  t.population = true;
  t.count = [](const World& w) { return w.migrants.size(); };
  t.state = {
      {"status", "code",
       "0 mx_home, 1 us_unauthorized, 2 us_legal, 3 origin, 4 transit_mx, 5 held_mx, 6 us_other",
       DType::u8,
       [](const World& w, std::size_t i) { return static_cast<double>(w.migrants.status(i)); }},
      {"transition", "code", "what happened in the step (see output/SCHEMA.md)", DType::u8,
       [](const World& w, std::size_t i) { return static_cast<double>(w.migrants.transition(i)); }},
      {"returned", "0/1", "1 once removed from the U.S.", DType::u8,
       [](const World& w, std::size_t i) { return w.migrants.returned(i) ? 1.0 : 0.0; }},
      {"remittances", "USD/year", "remittances sent to Mexico", DType::f32,
       [](const World& w, std::size_t i) { return w.migrants.remittance(i) * w.migrants.scale(); },
       Ind::remittances_usd},
      {"share_ties_in_us", "fraction", "share of kin ties in the U.S.", DType::f32,
       [](const World& w, std::size_t i) { return w.migrants.share_ties_in_us(i); }},
  };
  for (std::size_t s = 0; s < kMigrantStatusCount; ++s) {
    const auto st = static_cast<MigrantStatus>(s);
    t.aggregates.push_back({"stock_" + std::string(name(st)), "persons", "persons with this status",
                            [st](const World& w) { return w.migrants.stock(st); }});
  }
  for (std::size_t k = 1; k < kTransitionCount; ++k) {
    const auto tr = static_cast<Transition>(k);
    t.aggregates.push_back({"flow_" + std::string(name(tr)), "persons/step",
                            "persons making this transition in the step",
                            [tr](const World& w) { return w.migrants.flow(tr); }});
  }
  return t;
}

}  // namespace

AgentTable recording_table(std::type_identity<Politics>) {
  return political_table_impl();
}
AgentTable recording_table(std::type_identity<Cartels>) {
  return cartel_table_impl();
}
AgentTable recording_table(std::type_identity<Firms>) {
  return firm_table_impl();
}
AgentTable recording_table(std::type_identity<Migrants>) {
  return migrant_table_impl();
}

std::vector<AgentTable> agent_tables() {
  return {recording_table(std::type_identity<Politics>{}),
          recording_table(std::type_identity<Cartels>{}),
          recording_table(std::type_identity<Firms>{}),
          recording_table(std::type_identity<Migrants>{})};
}

}  // namespace vecinos
