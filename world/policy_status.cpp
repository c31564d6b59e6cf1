// Where policy stands on each issue (PolicyState::status): one table of terms, each a `status:`
// weight times what it weighs in the policy state, in words next to the code that reads it
// (`vecinos config --odd-table status` prints the table into model/ODD.md).
#include <algorithm>
#include <array>

#include "world/decisions.hpp"
#include "world/policy_state.hpp"

namespace vecinos {

namespace {

using P = PolicyState;
using W = StatusWeights;
using I = Issue;

double one(const P&, const W&) {
  return 1.0;
}
double flag(bool b) {
  return b ? 1.0 : 0.0;
}

// Grouped by issue, in the order of kIssueNames (checked below); within an issue the terms are
// added in this order.
constexpr std::array<StatusTerm, 16> kTerms = {{
    {I::migration, &W::migration_base, "1 (the status with no enforcement at all)", one, 1},
    {I::migration, &W::migration_interior, "interior enforcement (0..1)",
     [](const P& p, const W&) { return p.interior_enforcement; }, 1},
    {I::migration, &W::migration_border, "border enforcement (0..1)",
     [](const P& p, const W&) { return p.border_enforcement; }, 1},
    {I::migration, &W::migration_rim, "Remain in Mexico in force (1, else 0)",
     [](const P& p, const W&) { return flag(p.remain_in_mexico); }, 1},
    {I::migration, &W::migration_troops, "Mexican troops at the borders, per 10,000",
     [](const P& p, const W&) { return p.mx_border_troops; }, 1e4},
    {I::drugs_security, &W::drugs_base, "1 (the status with no cooperation at all)", one, 1},
    {I::drugs_security, &W::drugs_cooperation, "security cooperation (0..1)",
     [](const P& p, const W&) { return p.security_cooperation; }, 1},
    {I::drugs_security, &W::drugs_designated, "cartels designated as terrorists (1, else 0)",
     [](const P& p, const W&) { return flag(p.cartels_designated); }, 1},
    {I::drugs_security, &W::drugs_strikes,
     "U.S. strikes so far / `status.drugs_strikes_full`, at most 1",
     [](const P& p, const W& s) { return std::min(1.0, p.strikes_cum / s.drugs_strikes_full); }, 1},
    {I::drugs_security, &W::drugs_extraditions,
     "cartel figures transferred so far / `status.drugs_extraditions_full`, at most 1",
     [](const P& p, const W& s) {
       return std::min(1.0, p.extraditions_cum / s.drugs_extraditions_full);
     },
     1},
    {I::guns, nullptr, "ATF cooperation (0..1)",
     [](const P& p, const W&) { return p.atf_cooperation; }, 1},
    {I::legal_investment, nullptr, "legal certainty (0..1)",
     [](const P& p, const W&) { return p.legal_certainty; }, 1},
    {I::china, &W::china_base, "1 (the status with no U.S. tariff and no screening)", one, 1},
    {I::china, &W::china_tariff, "the U.S. tariff on Chinese goods (fraction)",
     [](const P& p, const W&) { return p.tariff_us_on_cn; }, 1},
    {I::china, &W::china_screening, "Mexico screens PRC investment (1, else 0)",
     [](const P& p, const W&) { return flag(p.prc_screening); }, 1},
    {I::foreign_alignment, nullptr, "Mexico's alignment with U.S. positions (0..1)",
     [](const P& p, const W&) { return p.mx_alignment; }, 1},
}};

constexpr bool grouped(const std::array<StatusTerm, 16>& t) {
  std::size_t issue = 0;
  for (const StatusTerm& term : t) {
    const std::size_t i = index(term.issue);
    if (i < issue || i > issue + 1 || term.value == nullptr || !(term.per > 0)) return false;
    issue = i;
  }
  return issue + 1 == kIssueCount;
}
static_assert(grouped(kTerms), "kTerms needs every issue, grouped in the order of kIssueNames");

}  // namespace

std::span<const StatusTerm> status_terms() {
  return kTerms;
}

IssueVector policy_status(const PolicyState& p, const StatusWeights& s) {
  IssueVector q{};
  std::array<bool, kIssueCount> weighted{};
  for (const StatusTerm& t : kTerms) {
    const std::size_t i = index(t.issue);
    if (t.weight == nullptr) {
      q[i] = t.value(p, s);
      continue;
    }
    q[i] += s.*t.weight * t.value(p, s) / t.per;
    weighted[i] = true;
  }
  for (std::size_t i = 0; i < kIssueCount; ++i)
    if (weighted[i]) q[i] = std::clamp(q[i], 0.0, 1.0);
  return q;
}

}  // namespace vecinos
