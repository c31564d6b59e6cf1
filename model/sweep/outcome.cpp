#include "model/sweep/outcome.hpp"

#include <cmath>
#include <limits>

namespace vecinos::sweep {

double summarize(std::span<const double> x, Stat stat) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  if (x.empty()) return nan;
  switch (stat) {
    case Stat::final: return x.back();
    case Stat::first: return x.front();
    case Stat::change: return x.back() - x.front();
    default: break;
  }
  double sum = 0.0, lo = std::numeric_limits<double>::infinity(), hi = -lo;
  std::size_t n = 0;
  for (double v : x) {
    if (std::isnan(v)) continue;
    sum += v;
    lo = std::min(lo, v);
    hi = std::max(hi, v);
    ++n;
  }
  switch (stat) {
    case Stat::sum: return sum;
    case Stat::mean: return n > 0 ? sum / static_cast<double>(n) : nan;
    case Stat::min: return n > 0 ? lo : nan;
    case Stat::max: return n > 0 ? hi : nan;
    default: return nan;
  }
}

}  // namespace vecinos::sweep
