#include "model/world.hpp"

namespace vecinos {

World::World(const Config& cfg)
    : config(cfg),
      calendar(cfg.simulation, cfg.calendar),
      date(cfg.simulation.start),
      politics(Politics::build(cfg, elite)),
      leader_bond(cfg.relationship.leader_bond) {}

}  // namespace vecinos
