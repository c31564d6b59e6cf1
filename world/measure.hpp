#pragma once
// From the world's state to the outcome indicators (world/indicators.hpp), every tick, and the
// running totals of flows that some indicators report.

namespace vecinos {

struct World;
class Indicators;

/// Every indicator of the world's current tick. Reads the world only.
Indicators measure(const World& w);
/// Tension between the governments (model/ODD.md, M8): the presidents' disagreement, recent
/// hostile acts both ways and unanswered grievance, in [0, 1].
double relationship_tension(const World& w);
/// Adds the flows of the step just resolved to the running totals (resolve phase).
void tally_flows(World& w);

}  // namespace vecinos
