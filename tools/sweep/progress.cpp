#include "tools/sweep/progress.hpp"

#include <cmath>
#include <limits>

#include <fmt/format.h>

namespace vecinos::sweep {

std::string duration_text(double s) {
  if (!std::isfinite(s) || s < 0) return "?";
  const auto t = static_cast<long long>(std::llround(s));
  if (t < 60) return fmt::format("{}s", t);
  if (t < 3600) return fmt::format("{}m{:02}s", t / 60, t % 60);
  return fmt::format("{}h{:02}m", t / 3600, (t % 3600) / 60);
}

Progress::Progress(std::uint64_t to_run, std::uint64_t skipped, bool bar, std::ostream& out)
    : to_run_(to_run),
      skipped_(skipped),
      bar_(bar),
      out_(out),
      start_(std::chrono::steady_clock::now()) {
  if (skipped_ > 0)
    out_ << fmt::format("{} tasks complete already (skipped), {} to run\n", skipped_, to_run_);
  tick();
}

std::string Progress::status() const {
  const std::uint64_t done = ok_ + failed_;
  const double elapsed =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double eta = done > 0
                         ? elapsed / static_cast<double>(done) * static_cast<double>(to_run_ - done)
                         : std::numeric_limits<double>::quiet_NaN();
  std::string s = fmt::format("{}/{} tasks", done, to_run_);
  if (failed_ > 0) s += fmt::format(", {} failed", failed_);
  s += fmt::format(", {} elapsed", duration_text(elapsed));
  if (done < to_run_) s += fmt::format(", ETA {}", done > 0 ? duration_text(eta) : "?");
  return s;
}

void Progress::finished(std::uint64_t index, bool ok, double seconds, const std::string& why,
                        const std::string& where) {
  const std::string on = where.empty() ? std::string{} : " on " + where;
  (ok ? ok_ : failed_) += 1;
  if (bar_) {
    if (!ok) out_ << fmt::format("\r\033[Ktask {} FAILED{}: {}\n", index, on, why);
    last_draw_ = {};
    tick();
    return;
  }
  if (ok)
    out_ << fmt::format("task {} complete{} in {:.2f} s [{}]\n", index, on, seconds, status());
  else
    out_ << fmt::format("task {} FAILED{} after {:.2f} s: {} [{}]\n", index, on, seconds, why,
                        status());
  out_.flush();
}

void Progress::tick() {
  if (!bar_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_draw_ < std::chrono::milliseconds(200)) return;
  last_draw_ = now;
  constexpr int kWidth = 30;
  const std::uint64_t done = ok_ + failed_;
  const int filled =
      to_run_ > 0
          ? static_cast<int>(kWidth * static_cast<double>(done) / static_cast<double>(to_run_))
          : kWidth;
  out_ << fmt::format("\r\033[K[{}{}] {}", std::string(static_cast<std::size_t>(filled), '#'),
                      std::string(static_cast<std::size_t>(kWidth - filled), '.'), status());
  out_.flush();
}

void Progress::done() {
  if (!bar_) return;
  last_draw_ = {};
  tick();
  out_ << "\n";
  out_.flush();
}

}  // namespace vecinos::sweep
