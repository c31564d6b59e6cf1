#include "output/digest.hpp"

#include <fmt/format.h>

#include "model/world.hpp"

namespace vecinos {

void Fnv1a::bytes(const void* data, std::size_t n) {
  const auto* p = static_cast<const unsigned char*>(data);
  for (std::size_t i = 0; i < n; ++i) {
    h_ ^= p[i];
    h_ *= 0x100000001b3ULL;
  }
}

std::string state_digest(const World& w) {
  Fnv1a h;
  h.value(w.tick);
  h.value(w.date.days_since_epoch());
  for (const auto& pos : w.politics.positions()) h.values(std::span<const double>(pos));
  for (std::uint32_t e = 0; e < w.elite.edge_count(); ++e) h.value(w.elite.edge(e).weight);
  h.value(w.leader_bond);
  h.values(std::span<const double>(w.indicators.values()));
  return fmt::format("{:016x}", h.result());
}

void DigestObserver::on_finish(const World& world, RunStatus) {
  digest_ = state_digest(world);
}

}  // namespace vecinos
