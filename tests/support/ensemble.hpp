#pragma once
// Paired comparisons over an ensemble: the same seeds run with and without a lever (common
// random numbers), so each seed's difference is the lever's doing plus the noise the lever's
// own path adds. Tests assert the sign of the median paired difference and a minimum size.
#include <algorithm>
#include <functional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "tests/support/run_model.hpp"

namespace vecinos::test {

/// Seeds an ensemble test uses unless it says otherwise (at least 16: issue 14).
inline constexpr int kEnsembleSeeds = 16;

struct Paired {
  std::vector<double> with, without;  ///< the outcome per seed, with and without the lever
  [[nodiscard]] std::vector<double> differences() const {
    std::vector<double> d(with.size());
    for (std::size_t i = 0; i < d.size(); ++i) d[i] = with[i] - without[i];
    return d;
  }
  [[nodiscard]] static double median_of(std::vector<double> x) {
    if (x.empty()) return 0.0;
    std::sort(x.begin(), x.end());
    const std::size_t n = x.size();
    return n % 2 == 1 ? x[n / 2] : 0.5 * (x[n / 2 - 1] + x[n / 2]);
  }
  /// Median of the paired differences (with - without).
  [[nodiscard]] double median() const { return median_of(differences()); }
  /// Mean of the paired differences (for outcomes where most seeds tie and the median is 0).
  [[nodiscard]] double mean() const {
    const auto d = differences();
    double s = 0;
    for (double x : d) s += x;
    return d.empty() ? 0.0 : s / static_cast<double>(d.size());
  }
  /// Median of the outcome without the lever (the scale effect sizes are judged against).
  [[nodiscard]] double median_without() const { return median_of(without); }
  [[nodiscard]] double median_with() const { return median_of(with); }
  /// Seeds on which the difference has the given sign (+1 or -1).
  [[nodiscard]] int count_sign(int sign) const {
    int n = 0;
    for (double d : differences()) n += (sign > 0 ? d > 0 : d < 0) ? 1 : 0;
    return n;
  }
  [[nodiscard]] std::string describe() const {
    return fmt::format(
        "median with {:.6g}, without {:.6g}, median paired difference {:.6g} "
        "({} of {} seeds up, {} down)",
        median_with(), median_without(), median(), count_sign(1), with.size(), count_sign(-1));
  }
};

/// Runs `file_with` + `sets_with` and `file_without` + `sets_without` on seeds 1..n and keeps
/// `outcome` of each history.
inline Paired paired(const std::string& file_with, const std::vector<Override>& sets_with,
                     const std::string& file_without, const std::vector<Override>& sets_without,
                     const std::function<double(const History&)>& outcome, int n = kEnsembleSeeds) {
  Paired p;
  for (int seed = 1; seed <= n; ++seed) {
    const Override s{fmt::format("simulation.seed={}", seed)};
    auto a = sets_with, b = sets_without;
    a.push_back(s), b.push_back(s);
    p.with.push_back(outcome(run_file(file_with, a)));
    p.without.push_back(outcome(run_file(file_without, b)));
  }
  return p;
}

}  // namespace vecinos::test
