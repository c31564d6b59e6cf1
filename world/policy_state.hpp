#pragma once
// The state of the bilateral relationship and of each government's policies: what actions
// change (agents/effects.cpp) and what agents react to. One value per world, updated only in
// the resolve phase.
#include <array>
#include <cstdint>

#include "agents/issues.hpp"
#include "agents/usmca_status.hpp"
#include "model/date.hpp"
#include "world/actions.hpp"

namespace vecinos {

struct PolicyState {
  // M1 tariffs (fractions, trade-weighted extra tariff)
  double tariff_us_on_mx = 0.0;
  double tariff_mx_on_us = 0.0;
  double tariff_us_on_cn = 0.0;
  int tariff_threat_ticks = 0;  ///< ticks left on a pending tariff threat (0: none)
  double concessions = 0.0;     ///< recent Mexican concessions, decaying (0..1)

  // M7 USMCA
  UsmcaStatus usmca_status = UsmcaStatus::in_force;
  int usmca_next_review_tick = -1;  ///< tick of the next annual review when not extended
  int usmca_termination_tick = -1;  ///< tick the withdrawal takes effect
  bool inaugurated = false;         ///< the U.S. president has taken office

  // M2, M3 migration
  double interior_enforcement = 0.0;  ///< 0..1 intensity of interior removals
  double enforcement_target = 0.0;    ///< where the administration is taking it
  double enforcement_capacity = 0.4;  ///< highest intensity funded (Congress can raise it)
  double border_enforcement = 0.5;    ///< 0..1 U.S. border enforcement
  double mx_border_troops = 0.0;      ///< persons
  bool remain_in_mexico = false;
  int rim_demand_ticks = 0;  ///< ticks left to answer a U.S. demand (0: none pending)

  // M4 drugs and security
  double security_cooperation = 0.4;  ///< 0..cooperation_cap
  double cooperation_cap = 0.6;       ///< ceiling set by Mexico's 2020 national security law
  bool cartels_designated = false;
  bool strikes_authorized = false;
  int ticks_since_strike = 1 << 20;
  double extraditions_cum = 0.0;
  double strikes_cum = 0.0;

  // M5 guns
  double atf_cooperation = 0.6;

  // M6 legal framework
  double legal_certainty = 0.5;

  // M7 China and nearshoring
  bool prc_screening = false;
  double nearshoring_incentives = 0.0;  ///< 0..1

  // M9 foreign alignment
  double mx_alignment = 0.4;  ///< Mexico's alignment with U.S. regional positions, 0..1
  double oil_to_cuba_barrels = 0.0;
  double hawk_provocation = 0.0;  ///< recent provocation of U.S. hawks, decaying (0..1)

  // M8 leaders' styles and bond
  double leader_bond = 0.5;
  std::array<double, 2> grievance{};  ///< [us, mx]: unanswered hostility felt, decaying (0..1)
  std::array<double, 2> hostility{};  ///< [us->mx, mx->us]: recent hostile acts, decaying (0..1)
  double tension = 0.0;
  /// [side][action]: recent uses of each action by each side, decaying (repeats lose appeal).
  std::array<std::array<double, kActionCount>, 2> recent_use{};

  // M10 domestic politics
  double approval_us = 0.5, approval_mx = 0.5;
  double mx_pressure = 0.0;         ///< domestic pressure on the Mexican president (0..1)
  double us_congress_share = 0.5;   ///< seat share of the U.S. president's party
  double mx_congress_share = 0.65;  ///< seat share of Morena and allies

  /// Where policy stands on each issue, on the issue's 0..1 scale (what presidents compare
  /// their positions with).
  [[nodiscard]] IssueVector status() const;
};

}  // namespace vecinos
