#pragma once
// A hash of the complete state of the world, for determinism checks: `vecinos run CONFIG
// --digest`. It covers everything that changes during a run: every agent kind's state (each
// kind's hash()), the elite network's edges and weights, the indicators, the policy state,
// the aggregate markets, the start's levels, the running totals, the last review, the
// proposals and the events of the last step. Not hashed: the config (fixed for the run).
#include <cstdint>
#include <span>
#include <string>

#include "model/hash.hpp"
#include "world/observer.hpp"

namespace vecinos {

/// The digest of the world's state as 16 hex digits.
std::string state_digest(const World& world);

/// Computes the digest at the end of a run.
class DigestObserver final : public WorldObserver {
 public:
  void on_finish(const World& world, RunStatus status) override;
  [[nodiscard]] const std::string& digest() const { return digest_; }

 private:
  std::string digest_;
};

}  // namespace vecinos
