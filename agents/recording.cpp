// The agent tables offered to recorders (see model/recording.hpp).
#include "model/recording.hpp"

#include "model/world.hpp"

namespace vecinos {

namespace {

AgentTable political_table() {
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

}  // namespace

std::vector<AgentTable> agent_tables() {
  std::vector<AgentTable> tables;
  tables.push_back(political_table());
  return tables;
}

}  // namespace vecinos
