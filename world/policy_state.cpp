#include "world/policy_state.hpp"

namespace vecinos {

namespace {

// Members one by one (a struct's padding bytes are not part of its value).
void hash_date(Fnv1a& h, const std::optional<Date>& d) {
  h.value(d.has_value());
  h.value(d ? d->days_since_epoch() : 0);
}

void hash_demand(Fnv1a& h, const Demand& d) {
  h.value(d.active), h.value(d.issue), h.value(d.made.days_since_epoch());
  h.value(d.deadline.days_since_epoch()), h.value(d.rate), h.value(d.encounters);
  h.value(d.supply), h.value(d.extraditions);
}

}  // namespace

void PolicyState::hash(Fnv1a& h) const {
  h.value(tariff_us_on_mx), h.value(tariff_mx_on_us), h.value(tariff_us_on_cn);
  hash_demand(h, threat), hash_date(h, execute_by), h.value(threat_shortfall);
  hash_demand(h, tariff_demand), h.value(compliance);
  h.value(usmca_status), hash_date(h, usmca_next_review), hash_date(h, usmca_termination);
  h.value(inaugurated);
  h.value(interior_enforcement), h.value(enforcement_target), h.value(enforcement_capacity);
  h.value(removals_funded), h.value(removal_capacity);
  h.value(border_enforcement), h.value(mx_border_troops), h.value(remain_in_mexico);
  hash_date(h, rim_demand_due), hash_date(h, rim_refused);
  h.value(mx_accepts_third_country), h.value(third_country_share);
  h.value(security_cooperation), h.value(cooperation_cap), h.value(cartels_designated);
  h.value(strikes_authorized), hash_date(h, last_strike), h.value(extraditions_cum);
  h.value(strikes_cum);
  h.value(atf_cooperation), h.value(legal_certainty), h.value(investor_disputes_cum);
  h.value(recent_disputes), h.value(legal_protests);
  h.value(prc_screening), h.value(nearshoring_incentives);
  h.value(mx_alignment), h.value(oil_to_cuba_barrels), h.value(hawk_provocation);
  h.value(cuba_sanctions_threat);
  h.value(leader_bond), h.value(grievance), h.value(hostility), h.value(conflict);
  h.value(tension), h.value(escalations_held_back);
  for (const auto& side : recent_use) h.value(side);
  for (const auto& side : commitment) h.value(side);
  h.value(approval_us), h.value(approval_mx), h.value(mx_pressure);
  h.value(us_congress_share), h.value(mx_congress_share);
}

// Tripwires: a member added changes the size; hash it above, then update these.
static_assert(sizeof(Demand) == 56, "Demand changed: add the new member to hash_demand()");
static_assert(sizeof(PolicyState) == 1632, "PolicyState changed: add the new member to hash()");

}  // namespace vecinos
