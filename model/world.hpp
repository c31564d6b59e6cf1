#pragma once
// The state of the simulated world at one tick. Built from a Config; changed only by the
// Simulation's tick phases; read by observers.
#include <vector>

#include "agents/political.hpp"
#include "model/calendar.hpp"
#include "model/config.hpp"
#include "model/event.hpp"
#include "model/indicators.hpp"
#include "model/network.hpp"

namespace vecinos {

struct World {
  explicit World(const Config& cfg);

  Config config;  ///< the resolved configuration this world was built from
  Calendar calendar;
  int tick = 0;
  Date date;
  EliteNetwork elite;
  Politics politics;
  double leader_bond = 0.5;
  Indicators indicators;
  std::vector<CalendarEvent> calendar_events;  ///< scheduled events applied in the last step
  /// Everyone who can act or be acted upon in events: the political actors first (same
  /// indices), then the collective actors (governments, cartels, the PRC, Cuba ...).
  std::vector<std::string> event_actors;
  std::vector<Event> events;  ///< events of the last step, in the order they were resolved
};

}  // namespace vecinos
