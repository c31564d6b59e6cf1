#pragma once
// What each agent kind reads of the rest of the world, computed in one place per kind from the
// world's state at the current tick (the start included: the build uses the same functions).
#include "agents/cartels.hpp"
#include "agents/firms.hpp"
#include "agents/markets.hpp"
#include "agents/migrants.hpp"
#include "agents/political.hpp"

namespace vecinos {

struct World;

PoliticalDrivers political_drivers(const World& w);
MigrantDrivers migrant_drivers(const World& w);
CartelDrivers cartel_drivers(const World& w);
FirmDrivers firm_drivers(const World& w);
MarketDrivers market_drivers(const World& w);

}  // namespace vecinos
