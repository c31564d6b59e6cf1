#pragma once
// The state of the bilateral relationship and of each government's policies: what actions
// change (world/effects.cpp) and what agents react to. One value per world, updated only in
// the resolve phase (and by the scheduled and forced events of the calendar phase). Its start
// comes from the config (set_start_policy in world/world.cpp); members start at zero unless said.
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "agents/issues.hpp"
#include "agents/usmca_status.hpp"
#include "model/date.hpp"
#include "model/hash.hpp"
#include "world/actions.hpp"

namespace vecinos {

/// A U.S. demand on drugs or migration attached to a tariff threat or to a tariff in force
/// (M1), with the outcome levels at the time it was made: compliance is judged on outcomes.
struct Demand {
  bool active{};
  Issue issue = Issue::migration;
  Date made, deadline;
  double rate{};          ///< the tariff threatened (or in force)
  double encounters{};    ///< border encounters (persons/month) when it was made
  double supply{};        ///< drugs reaching the U.S. (index) when it was made
  double extraditions{};  ///< cartel figures transferred until then
};

struct PolicyState {
  // M1 tariffs (fractions, trade-weighted extra tariff)
  double tariff_us_on_mx{};
  double tariff_mx_on_us{};
  double tariff_us_on_cn{};
  Demand threat;                   ///< a pending tariff threat and its demand
  std::optional<Date> execute_by;  ///< a threat's deadline passed unmet: execute until this date
  double threat_shortfall{};       ///< 1 - compliance judged at the missed deadline
  Demand tariff_demand;            ///< the demand a U.S. tariff in force carries
  double compliance{};             ///< compliance with the current demand, 0..1 (latest judged)

  // M7 USMCA
  UsmcaStatus usmca_status = UsmcaStatus::in_force;
  std::optional<Date> usmca_next_review;  ///< the next annual review while not extended
  std::optional<Date> usmca_termination;  ///< the day a withdrawal takes effect
  bool inaugurated{};                     ///< the U.S. president has taken office

  // M2, M3 migration
  double interior_enforcement{};  ///< 0..1 intensity of interior removals
  double enforcement_target{};    ///< where the administration is taking it
  double enforcement_capacity{};  ///< highest intensity funded (Congress can raise it)
  bool removals_funded{};         ///< Congress has funded mass deportation
  double removal_capacity{};      ///< interior removals the U.S. can carry out, persons/year
  double border_enforcement{};    ///< 0..1 U.S. border enforcement
  double mx_border_troops{};      ///< persons
  bool remain_in_mexico{};
  std::optional<Date> rim_demand_due;  ///< a pending U.S. demand of Remain in Mexico
  std::optional<Date> rim_refused;     ///< when Mexico last refused (or let a demand lapse)
  bool mx_accepts_third_country{};     ///< Mexico takes removals of non-Mexicans
  double third_country_share{};        ///< share of non-Mexicans removed who are sent to Mexico

  // M4 drugs and security
  double security_cooperation{};  ///< 0..cooperation_cap
  double cooperation_cap{};       ///< ceiling set by Mexico's 2020 national security law
  bool cartels_designated{};
  bool strikes_authorized{};
  std::optional<Date> last_strike;
  double extraditions_cum{};
  double strikes_cum{};

  // M5 guns
  double atf_cooperation{};

  // M6 legal framework
  double legal_certainty{};
  double investor_disputes_cum{};
  double recent_disputes{};  ///< disputes of the last year or so (decaying), count
  double legal_protests{};   ///< recent U.S. protests of the legal framework (decaying)

  // M7 China and nearshoring
  bool prc_screening{};
  double nearshoring_incentives{};  ///< 0..1

  // M9 foreign alignment
  double mx_alignment{};  ///< Mexico's alignment with U.S. regional positions, 0..1
  double oil_to_cuba_barrels{};
  double hawk_provocation{};       ///< recent provocation of U.S. hawks, decaying (0..1)
  double cuba_sanctions_threat{};  ///< recent U.S. threats over Cuba, decaying

  // M8 leaders' styles and bond
  double leader_bond{};
  std::array<double, 2> grievance{};  ///< [us, mx]: unanswered hostility felt, decaying (0..1)
  std::array<double, 2> hostility{};  ///< [us->mx, mx->us]: recent hostile acts, decaying (0..1)
  double conflict{};  ///< net hostility of the recent bilateral events (sum of -Goldstein/10)
  double tension{};
  double escalations_held_back{};  ///< escalations a president chose and then held back
  /// [side][action]: recent uses of each action by each side, decaying (repeats lose appeal).
  std::array<std::array<double, kActionCount>, 2> recent_use{};
  /// [side][action]: commitments made by each act, decaying slowly (undoing one has a cost).
  std::array<std::array<double, kActionCount>, 2> commitment{};

  // M10 domestic politics
  double approval_us{}, approval_mx{};
  double mx_pressure{};        ///< domestic pressure on the Mexican president (0..1)
  double us_congress_share{};  ///< seat share of the U.S. president's party
  double mx_congress_share{};  ///< seat share of Morena and allies

  /// Every member, for the digest (world/policy_state.cpp; a static_assert there catches a
  /// member added without being hashed).
  void hash(Fnv1a& h) const;
};

struct StatusWeights;
/// Where policy stands on each issue, on the issue's 0..1 scale (what presidents compare their
/// positions with), with the weights of `status:` (world/policy_status.cpp).
IssueVector policy_status(const PolicyState& p, const StatusWeights& w);

/// One term of an issue's policy status: weight x value / per, where value reads the policy
/// state. An issue with weighted terms has their sum, clamped to 0..1, as its status; an issue
/// with an unweighted term (weight nullptr) has that value itself.
struct StatusTerm {
  Issue issue;
  double StatusWeights::*weight;  ///< its weight (a `status:` key), or nullptr
  std::string_view value_text;    ///< what the weight multiplies, in words
  double (*value)(const PolicyState&, const StatusWeights&);
  double per;  ///< the unit of value the weight is given per (1: per unit)
};
/// Every term, grouped by issue in the order of kIssueNames.
std::span<const StatusTerm> status_terms();

}  // namespace vecinos
