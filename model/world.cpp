#include "model/world.hpp"

namespace vecinos {

World::World(const Config& cfg)
    : config(cfg),
      calendar(cfg.simulation, cfg.calendar),
      date(cfg.simulation.start),
      politics(Politics::build(cfg, elite)),
      leader_bond(cfg.relationship.leader_bond) {
  for (const auto& a : politics.actors()) event_actors.push_back(a.id);
  for (const char* collective : {"us_government", "mx_government", "cartels", "prc", "cuba"})
    event_actors.emplace_back(collective);
}

}  // namespace vecinos
