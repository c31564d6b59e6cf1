#pragma once
// Observers of a vecinos run (model/observer.hpp) see the World.
#include "model/observer.hpp"

namespace vecinos {

struct World;
using WorldObserver = Observer<World>;

}  // namespace vecinos
