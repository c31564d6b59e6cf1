#pragma once
// From the world's state to the outcome indicators (model/indicators.hpp), every tick.

namespace vecinos {

struct World;

/// Computes every indicator of the world's current tick (and the relationship's tension).
void measure(World& w);

}  // namespace vecinos
