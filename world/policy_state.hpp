#pragma once
// The state of the bilateral relationship and of each government's policies: what actions
// change (world/effects.cpp) and what agents react to. One value per world, updated only in
// the resolve phase. Its start comes from the config (set_start_policy in world/world.cpp);
// members start at zero unless said.
#include <array>
#include <cstdint>

#include "agents/issues.hpp"
#include "agents/usmca_status.hpp"
#include "model/date.hpp"
#include "world/actions.hpp"

namespace vecinos {

struct PolicyState {
  // M1 tariffs (fractions, trade-weighted extra tariff)
  double tariff_us_on_mx{};
  double tariff_mx_on_us{};
  double tariff_us_on_cn{};
  int tariff_threat_ticks{};  ///< ticks left on a pending tariff threat (0: none)
  double concessions{};       ///< recent Mexican concessions, decaying (0..1)

  // M7 USMCA
  UsmcaStatus usmca_status = UsmcaStatus::in_force;
  int usmca_next_review_tick = -1;  ///< tick of the next annual review when not extended
  int usmca_termination_tick = -1;  ///< tick the withdrawal takes effect
  bool inaugurated{};               ///< the U.S. president has taken office

  // M2, M3 migration
  double interior_enforcement{};  ///< 0..1 intensity of interior removals
  double enforcement_target{};    ///< where the administration is taking it
  double enforcement_capacity{};  ///< highest intensity funded (Congress can raise it)
  double border_enforcement{};    ///< 0..1 U.S. border enforcement
  double mx_border_troops{};      ///< persons
  bool remain_in_mexico{};
  int rim_demand_ticks{};  ///< ticks left to answer a U.S. demand (0: none pending)

  // M4 drugs and security
  double security_cooperation{};  ///< 0..cooperation_cap
  double cooperation_cap{};       ///< ceiling set by Mexico's 2020 national security law
  bool cartels_designated{};
  bool strikes_authorized{};
  int ticks_since_strike = 1 << 20;  ///< "long ago" until the first strike
  double extraditions_cum{};
  double strikes_cum{};

  // M5 guns
  double atf_cooperation{};

  // M6 legal framework
  double legal_certainty{};

  // M7 China and nearshoring
  bool prc_screening{};
  double nearshoring_incentives{};  ///< 0..1

  // M9 foreign alignment
  double mx_alignment{};  ///< Mexico's alignment with U.S. regional positions, 0..1
  double oil_to_cuba_barrels{};
  double hawk_provocation{};  ///< recent provocation of U.S. hawks, decaying (0..1)

  // M8 leaders' styles and bond
  double leader_bond{};
  std::array<double, 2> grievance{};  ///< [us, mx]: unanswered hostility felt, decaying (0..1)
  std::array<double, 2> hostility{};  ///< [us->mx, mx->us]: recent hostile acts, decaying (0..1)
  double tension{};
  /// [side][action]: recent uses of each action by each side, decaying (repeats lose appeal).
  std::array<std::array<double, kActionCount>, 2> recent_use{};

  // M10 domestic politics
  double approval_us{}, approval_mx{};
  double mx_pressure{};        ///< domestic pressure on the Mexican president (0..1)
  double us_congress_share{};  ///< seat share of the U.S. president's party
  double mx_congress_share{};  ///< seat share of Morena and allies

  /// Where policy stands on each issue, on the issue's 0..1 scale (what presidents compare
  /// their positions with).
  [[nodiscard]] IssueVector status() const;
};

}  // namespace vecinos
