#pragma once
// One step of a single agent kind outside the simulation, as the tick takes it: decide from the
// current state, resolve, and move the context to the next tick and its date.
#include "model/agent_kind.hpp"
#include "model/calendar.hpp"
#include "model/step_context.hpp"

namespace vecinos::test {

template <AgentKind K>
void step_kind(K& kind, const typename K::Drivers& d, StepContext& ctx, const Calendar& calendar) {
  kind.decide(d, ctx);
  kind.resolve(ctx);
  ctx.tick += 1;
  ctx.date = calendar.date(ctx.tick);
}

}  // namespace vecinos::test
