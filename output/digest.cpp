#include "output/digest.hpp"

#include <fmt/format.h>

#include "world/world.hpp"

namespace vecinos {

std::string state_digest(const World& w) {
  Fnv1a h;
  h.value(w.tick);
  h.value(w.date.days_since_epoch());
  for (const auto& pos : w.politics.positions()) h.values(std::span<const double>(pos));
  for (std::uint32_t e = 0; e < w.elite.edge_count(); ++e) h.value(w.elite.edge(e).weight);
  h.values(std::span<const double>(w.indicators.values()));
  w.migrants.hash(h);
  w.cartels.hash(h);
  w.firms.hash(h);
  h.value(w.markets.us_exports_usd());
  h.value(w.policy.leader_bond);
  h.value(w.policy.tension);
  h.values(std::span<const double>(w.policy.grievance));
  for (const auto& e : w.events) {
    h.value(e.actor);
    h.value(e.action);
    h.value(e.target);
    h.value(e.magnitude);
  }
  return fmt::format("{:016x}", h.result());
}

void DigestObserver::on_finish(const World& world, RunStatus) {
  digest_ = state_digest(world);
}

}  // namespace vecinos
