#include "model/calendar.hpp"

namespace vecinos {

Calendar::Calendar(Date start, Date end, int days_per_tick)
    : start_(start),
      days_per_tick_(days_per_tick),
      steps_((end - start + days_per_tick - 1) / days_per_tick) {}

}  // namespace vecinos
