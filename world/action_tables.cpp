// The config keys of the action table's behavioural columns (`decisions.stance`,
// `decisions.defiance`), one per action, in the table's order.
#include "world/action_tables.hpp"

#include <fmt/format.h>

#include "world/actions.hpp"

namespace vecinos {

void describe(schema::Record<StanceTable>& r) {
  for (const ActionInfo& a : kActionInfo)
    r.array(std::string(a.name), a.stance, kIssueNames, -1.0, 1.0, "stance",
            fmt::format("how {} moves policy on each issue (-1 toward the issue's 0 end, +1 "
                        "toward its 1 end); weighs the actor's gap to the policy status",
                        a.name));
}

void describe(schema::Record<DefianceTable>& r) {
  for (const ActionInfo& a : kActionInfo)
    r.add(std::string(a.name), a.defiance,
          fmt::format("+1 if {} defies the U.S., -1 if it concedes to it (weighs Mexico's "
                      "domestic pressure)",
                      a.name))
        .range(-1.0, 1.0);
}

}  // namespace vecinos
