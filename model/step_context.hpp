#pragma once
// What every component is told about the step it takes: the run's random key, the tick the
// step starts from, its length and its date. One step goes from tick t to t + 1.
#include <cstdint>

#include "model/date.hpp"

namespace vecinos {

struct StepContext {
  std::uint64_t seed = 0;  ///< first word of the Philox key
  std::uint64_t run = 0;   ///< second word (the replicate)
  int tick = 0;            ///< the tick the step starts from (the state being read)
  double dt = 0.0;         ///< years per tick
  Date date;               ///< date of `tick`
  /// Years since the start at the end of the step.
  [[nodiscard]] double years_after() const { return (tick + 1) * dt; }
};

}  // namespace vecinos
