#pragma once
// From the world's state to the outcome indicators (world/indicators.hpp), every tick, and the
// running totals of flows that some indicators report.

namespace vecinos {

struct World;
class Indicators;

/// Every indicator of the world's current tick. Reads the world only.
Indicators measure(const World& w);
/// Tension between the governments (model/ODD.md, M8), in (0, 1): the start's tension moved
/// by the net hostility of recent bilateral events.
double relationship_tension(const World& w);
/// Salience-weighted distance between the presidents' positions (each weighting by its own
/// salience, averaged), in [0, 1].
double position_distance(const World& w);
/// Adds the flows of the step just resolved to the running totals (resolve phase).
void tally_flows(World& w);

}  // namespace vecinos
