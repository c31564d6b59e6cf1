#pragma once
// Domestic politics (M10): approval follows outcomes, pressure builds on the Mexican
// president, elections can change the Congress, and the USMCA joint review (M7).
#include "world/actions.hpp"
#include "world/calendar_events.hpp"

namespace vecinos {

struct World;

/// Approval ratings and Mexico's domestic pressure over one step of dt years.
void update_domestic(World& w, double dt);
/// A scheduled election: U.S. midterms, Mexican midterms or the U.S. presidential election.
void hold_election(World& w, CalendarEvent e);

}  // namespace vecinos
