#pragma once
// An event: one action taken by one actor toward a target, at a tick.
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
  double magnitude = 0.0;    ///< meaning depends on the action (see world/actions.cpp)
  double goldstein = 0.0;
};

}  // namespace vecinos
