#pragma once
// Where the USMCA stands: the trade environment firms and traders face.
#include <cstdint>

namespace vecinos {

enum class UsmcaStatus : std::uint8_t {
  in_force,
  under_review,
  renegotiating,
  withdrawal_notice,
  terminated
};

/// Steps of the review process the agreement has gone through, 0 (in force) .. 4 (terminated):
/// the code of the `usmca_status` indicator, and how much uncertainty it creates.
constexpr int steps(UsmcaStatus s) {
  return static_cast<int>(s);
}

}  // namespace vecinos
