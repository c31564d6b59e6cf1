#include "output/progress.hpp"

#include <cmath>
#include <string>

#include <fmt/format.h>

#include "world/world.hpp"

namespace vecinos {

std::string duration_text(double s) {
  if (!std::isfinite(s) || s < 0) return "?";
  const auto t = static_cast<long long>(std::llround(s));
  if (t < 60) return fmt::format("{}s", t);
  if (t < 3600) return fmt::format("{}m {:02}s", t / 60, t % 60);
  return fmt::format("{}h {:02}m", t / 3600, (t % 3600) / 60);
}

ProgressObserver::ProgressObserver(std::ostream& out, ProgressOptions options)
    : out_(out), options_(options) {}

void ProgressObserver::on_start(const World& world) {
  start_ = last_ = Clock::now();
  steps_ = world.calendar.steps();
}

void ProgressObserver::on_tick(const World& world) {
  const auto now = Clock::now();
  if (now - start_ < options_.quiet_start) return;
  const auto every = options_.terminal ? options_.redraw : options_.interval;
  if (printed_ && now - last_ < every) return;
  last_ = now;
  print(world, false);
}

void ProgressObserver::on_finish(const World& world, RunStatus /*status*/) {
  if (printed_) print(world, true);
}

void ProgressObserver::print(const World& world, bool final) {
  const double elapsed = std::chrono::duration<double>(Clock::now() - start_).count();
  const double share = steps_ > 0 ? static_cast<double>(world.tick) / steps_ : 1.0;
  const double left = share > 0 ? elapsed * (1.0 - share) / share : std::nan("");
  std::string line = fmt::format("tick {}/{} ({}) {:3.0f}%  {} elapsed", world.tick, steps_,
                                 world.date.iso(), 100.0 * share, duration_text(elapsed));
  if (!final) line += fmt::format(", about {} left", duration_text(left));
  if (options_.terminal) {
    out_ << "\r\x1b[2K" << line << (final ? "\n" : "") << std::flush;
  } else {
    out_ << line << "\n" << std::flush;
  }
  printed_ = true;
}

}  // namespace vecinos
