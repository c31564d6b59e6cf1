#pragma once
// An event: one action taken by one actor toward a target, in a step.
//
// Dates (output/SCHEMA.md, "Time"): the step from tick t to t+1 covers the days
// [date(t), date(t+1)); its events carry tick t+1, the first tick whose state shows them, and a
// date inside the step: the scheduled or forced date of a scheduled or forced event, the step's
// last day for an act chosen in it.
#include <cstdint>

#include "model/date.hpp"
#include "world/actions.hpp"

namespace vecinos {

struct Event {
  std::int32_t tick = 0;  ///< the step in which it happened (state tick t -> t+1 is tick t+1)
  Date date;
  std::uint32_t actor = 0;  ///< index into World::event_actors
  Action action = Action::conciliate;
  std::uint32_t target = 0;  ///< index into World::event_actors
  double magnitude = 0.0;    ///< what took effect; its meaning depends on the action
  double goldstein = 0.0;    ///< the action's score scaled by the act's size
  bool forced = false;       ///< forced by the scenario (`events:`), not chosen
  std::int8_t issue = -1;    ///< the demand a threat or tariff carries (index of an Issue), or -1
};

}  // namespace vecinos
