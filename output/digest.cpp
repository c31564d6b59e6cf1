#include "output/digest.hpp"

#include <fmt/format.h>

#include "world/world.hpp"

namespace vecinos {

namespace {

void hash_event(Fnv1a& h, const Event& e) {
  h.value(e.tick), h.value(e.date.days_since_epoch()), h.value(e.actor), h.value(e.action);
  h.value(e.target), h.value(e.magnitude), h.value(e.goldstein), h.value(e.forced);
  h.value(e.issue);
}

// Tripwires: a member added to these changes their size; hash it below, then update the size.
static_assert(sizeof(Baseline) == 10 * sizeof(double) + sizeof(std::array<double, kRegions>),
              "Baseline changed: add the new member to state_digest()");
static_assert(sizeof(Tallies) == 7 * sizeof(double) + sizeof(std::vector<double>),
              "Tallies changed: add the new member to state_digest()");

}  // namespace

std::string state_digest(const World& w) {
  Fnv1a h;
  h.value(w.tick);
  h.value(w.date.days_since_epoch());
  w.politics.hash(h);
  for (std::uint32_t e = 0; e < w.elite.edge_count(); ++e) {
    const auto edge = w.elite.edge(e);
    h.value(edge.source), h.value(edge.target), h.value(edge.type), h.value(edge.weight);
  }
  h.values(std::span<const double>(w.indicators.values()));
  w.policy.hash(h);
  w.markets.hash(h);
  w.migrants.hash(h);
  w.cartels.hash(h);
  w.firms.hash(h);
  // The start's levels, the running totals and the rest of the world's state.
  const Baseline& b = w.base;
  h.value(b.trade), h.value(b.remittances), h.value(b.overdoses), h.value(b.encounters);
  h.value(b.homicides), h.value(b.approval_us), h.value(b.approval_mx), h.value(b.mx_exports);
  h.value(b.cartel_revenue), h.value(b.prc_announced), h.value(b.region_members);
  h.value(w.start_flows.encounters), h.value(w.start_flows.crossings);
  const Tallies& t = w.tallies;
  h.value(t.returnees_last_year), h.value(t.deportations_mexican);
  h.value(t.interior_removals_mexican), h.value(t.deportations_other);
  h.value(t.apprehensions_mexican), h.value(t.third_country_to_mx);
  h.value(t.third_country_last_year);
  h.values(t.recent_encounters);
  h.value(static_cast<int>(w.last_review.action)), h.values(w.last_review.outcome);
  h.value(w.last_review.change), h.value(w.last_review.us_gap), h.value(w.last_review.turns);
  h.value(w.us_incumbent_party_won);
  h.values(w.calendar_events);
  h.values(w.proposals);
  for (const auto& e : w.events) hash_event(h, e);
  return fmt::format("{:016x}", h.result());
}

void DigestObserver::on_finish(const World& world, RunStatus) {
  digest_ = state_digest(world);
}

}  // namespace vecinos
