#include "model/sweep/outcome.hpp"

#include <cmath>
#include <limits>
#include <vector>

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

double summarize_threshold(std::span<const double> x, std::span<const std::int32_t> days,
                           Relation relation, double threshold, Stat stat) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  if (x.empty()) return nan;
  auto hit = [&](double v) { return !std::isnan(v) && holds(relation, v, threshold); };
  switch (stat) {
    case Stat::at_end: return hit(x.back()) ? 1.0 : 0.0;
    case Stat::ever:
    case Stat::when:
      for (std::size_t i = 0; i < x.size(); ++i)
        if (hit(x[i]))
          return stat == Stat::ever ? 1.0 : static_cast<double>(i < days.size() ? days[i] : 0);
      return stat == Stat::ever ? 0.0 : nan;
    default: return nan;
  }
}

double summarize_events(std::span<const std::int32_t> days, Stat stat) {
  switch (stat) {
    case Stat::count: return static_cast<double>(days.size());
    case Stat::ever: return days.empty() ? 0.0 : 1.0;
    case Stat::when:
      return days.empty() ? std::numeric_limits<double>::quiet_NaN()
                          : static_cast<double>(days.front());
    default: return std::numeric_limits<double>::quiet_NaN();
  }
}

double summarize(const Outcome& o, std::span<const double> series,
                 std::span<const std::int32_t> days, std::span<const std::int32_t> event_days,
                 Date start) {
  if (o.windowed()) {
    // Days from the start of the window's ends (inclusive); the data outside are dropped.
    const std::int32_t lo = o.from ? *o.from - start : std::numeric_limits<std::int32_t>::min();
    const std::int32_t hi = o.to ? *o.to - start : std::numeric_limits<std::int32_t>::max();
    auto inside = [&](std::int32_t d) { return d >= lo && d <= hi; };
    if (o.kind == OutcomeKind::event) {
      std::vector<std::int32_t> kept;
      for (std::int32_t d : event_days)
        if (inside(d)) kept.push_back(d);
      return summarize_events(kept, o.stat);
    }
    std::vector<double> s;
    std::vector<std::int32_t> d;
    for (std::size_t i = 0; i < days.size() && i < series.size(); ++i)
      if (inside(days[i])) {
        s.push_back(series[i]);
        d.push_back(days[i]);
      }
    Outcome whole = o;
    whole.from.reset();
    whole.to.reset();
    return summarize(whole, s, d, {}, start);
  }
  switch (o.kind) {
    case OutcomeKind::indicator: return summarize(series, o.stat);
    case OutcomeKind::threshold:
      return summarize_threshold(series, days, o.relation, o.threshold, o.stat);
    case OutcomeKind::event: return summarize_events(event_days, o.stat);
  }
  return std::numeric_limits<double>::quiet_NaN();
}

}  // namespace vecinos::sweep
