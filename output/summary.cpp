#include "output/summary.hpp"

#include <cmath>

#include <fmt/format.h>

#include "world/world.hpp"

namespace vecinos {
namespace {
std::string number(double v) {
  if (std::isnan(v)) return "-";
  const double a = std::abs(v);
  if (a >= 1e9) return fmt::format("{:.1f}B", v / 1e9);
  if (a >= 1e6) return fmt::format("{:.2f}M", v / 1e6);
  if (a >= 1e4) return fmt::format("{:.0f}", v);
  return fmt::format("{:.3g}", v);
}
}  // namespace

void SummaryObserver::on_start(const World& w) {
  started_ = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < kIndicatorCount; ++i) first_[i] = w.indicators.values()[i];
  first_date_ = w.date.iso();
}

void SummaryObserver::on_tick(const World& w) {
  for (const Event& e : w.events) {
    const auto a = static_cast<std::size_t>(e.action);
    if (count_[a]++ == 0) {
      first_seen_[a] = e.date.iso();
      first_actor_[a] = w.event_actors[e.actor];
    }
  }
}

void SummaryObserver::on_finish(const World& w, RunStatus status) {
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  std::string s;
  s += fmt::format("vecinos run {}: {} .. {}, {} ticks of {} days, seed {}, {:.2f} s\n",
                   name(status), first_date_, w.date.iso(), w.tick, w.calendar.days_per_tick(),
                   w.config.simulation.seed, secs);
  s += fmt::format(
      "agents: {} political actors ({} elite edges), {} cartel cells, {} firm agents, {} people "
      "agents "
      "(each {} persons)\n",
      w.politics.size(), w.elite.edge_count(), w.cartels.size(), w.firms.size(), w.migrants.size(),
      w.migrants.scale());
  int total = 0;
  for (int c : count_) total += c;
  s += fmt::format("events: {}", total);
  if (total > 0) {
    s += "; first of each (count):";
    for (std::size_t a = 0; a < kActionCount; ++a)
      if (count_[a] > 0)
        s += fmt::format("\n  {:<28} {} by {} ({})", name(static_cast<Action>(a)), first_seen_[a],
                         first_actor_[a], count_[a]);
  }
  s += "\n";
  s += fmt::format("{:<28} {:>12} {:>12}  {}\n", "indicator", first_date_, w.date.iso(), "units");
  for (std::size_t i = 0; i < kIndicatorCount; ++i) {
    const double last = w.indicators.values()[i];
    if (std::isnan(first_[i]) && std::isnan(last)) continue;
    s += fmt::format("{:<28} {:>12} {:>12}  {}\n", kIndicatorInfo[i].name, number(first_[i]),
                     number(last), kIndicatorInfo[i].units);
  }
  text_ = std::move(s);
}

}  // namespace vecinos
