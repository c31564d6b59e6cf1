#pragma once
// The six issues of the relationship: the dimensions of every political actor's position.
// 0 and 1 mean the ends given in ../shared/MODEL-BRIEF.md ("Issues") and model/ODD.md.
#include <array>
#include <cstddef>
#include <string_view>

namespace vecinos {

enum class Issue : std::size_t {
  migration,          ///< 0 humanitarian ... 1 maximal enforcement, mass deportation
  drugs_security,     ///< 0 sovereignty first (2020 law) ... 1 coercion, strikes on cartels
  guns,               ///< 0 no action on U.S. gun flows ... 1 strong ATF cooperation
  legal_investment,   ///< 0 state discretion, judicial overhaul ... 1 strict investor protection
  china,              ///< 0 welcome PRC investment unscreened ... 1 exclude PRC firms
  foreign_alignment,  ///< 0 independent, left-oriented ... 1 aligned with the U.S.
};

inline constexpr std::size_t kIssueCount = 6;
inline constexpr std::array<std::string_view, kIssueCount> kIssueNames = {
    "migration", "drugs_security", "guns", "legal_investment", "china", "foreign_alignment"};

/// One number per issue (a position, a salience, ...).
using IssueVector = std::array<double, kIssueCount>;

constexpr std::size_t index(Issue i) {
  return static_cast<std::size_t>(i);
}

/// Salience-weighted distance between two positions, in [0, 1] when salience sums to 1.
inline double weighted_distance(const IssueVector& a, const IssueVector& b,
                                const IssueVector& salience) {
  double d = 0.0;
  for (std::size_t k = 0; k < kIssueCount; ++k)
    d += salience[k] * (a[k] > b[k] ? a[k] - b[k] : b[k] - a[k]);
  return d;
}

}  // namespace vecinos
