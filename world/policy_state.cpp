#include "world/policy_state.hpp"

namespace vecinos {

void PolicyState::hash(Fnv1a& h) const {
  h.value(tariff_us_on_mx), h.value(tariff_mx_on_us), h.value(tariff_us_on_cn);
  h.value(tariff_threat_ticks), h.value(concessions);
  h.value(usmca_status), h.value(usmca_next_review_tick), h.value(usmca_termination_tick);
  h.value(inaugurated);
  h.value(interior_enforcement), h.value(enforcement_target), h.value(enforcement_capacity);
  h.value(border_enforcement), h.value(mx_border_troops), h.value(remain_in_mexico);
  h.value(rim_demand_ticks);
  h.value(security_cooperation), h.value(cooperation_cap), h.value(cartels_designated);
  h.value(strikes_authorized), h.value(ticks_since_strike), h.value(extraditions_cum);
  h.value(strikes_cum);
  h.value(atf_cooperation), h.value(legal_certainty), h.value(prc_screening);
  h.value(nearshoring_incentives);
  h.value(mx_alignment), h.value(oil_to_cuba_barrels), h.value(hawk_provocation);
  h.value(leader_bond), h.value(grievance), h.value(hostility), h.value(tension);
  for (const auto& side : recent_use) h.value(side);
  h.value(approval_us), h.value(approval_mx), h.value(mx_pressure);
  h.value(us_congress_share), h.value(mx_congress_share);
}

// A tripwire: a member added to PolicyState changes its size; hash it above, then update this.
static_assert(sizeof(PolicyState) == 736, "PolicyState changed: add the new member to hash()");

}  // namespace vecinos
