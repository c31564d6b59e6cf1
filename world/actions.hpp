#pragma once
// The action vocabulary: every action an actor takes is an event with a Goldstein score. One
// table (world/actions.cpp) says, for every action, all the decision layer needs: its name,
// score and CAMEO verb, what it means, whom it is aimed at by default, the parameter that sizes
// it, how it moves policy on each issue, whether it defies or concedes to the U.S., whether it
// costs the actor's own economy, and where each side's president finds it among its options.
// The table is complete by construction (checked at compile time); what an action does is in
// world/effects.cpp, in switches without a default.
//
// Scores follow the CAMEO verb codebook's Goldstein (1992) conflict-cooperation scale, from -10
// (most conflictual) to +10 (most cooperative); each action names the CAMEO verb it is scored
// as. Where no CAMEO verb fits exactly the closest is used, and that is said.
#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <utility>

#include "agents/issues.hpp"
#include "world/side.hpp"

namespace vecinos {

struct Config;

enum class Action : unsigned char {
  threaten_tariff,
  impose_tariff,
  lift_tariff,
  retaliatory_tariff,
  mass_deportation,
  deploy_border_troops,
  transfer_cartel_leaders,
  designate_cartels_terrorist,
  military_strike,
  demand_remain_in_mexico,
  accept_remain_in_mexico,
  refuse_remain_in_mexico,
  judicial_reform,
  oil_to_cuba,
  usmca_extend,
  usmca_renegotiate,
  usmca_withdrawal_notice,
  insult,
  conciliate,
  threaten_strike,
  protest_sovereignty,
  restrict_us_agents,
  expand_security_cooperation,
  atf_cooperation,
  tariff_chinese_goods,
  screen_prc_investment,
  nearshoring_incentives,
  usmca_terminate,
  count_
};
inline constexpr std::size_t kActionCount = static_cast<std::size_t>(Action::count_);
constexpr std::size_t index(Action a) {
  return static_cast<std::size_t>(a);
}

/// Whom an action is aimed at when a scenario or a president names no one.
enum class DefaultTarget : unsigned char { counterpart, cartels, prc, cuba };

/// The menu position meaning "never among this side's options".
inline constexpr std::int8_t kNotOnMenu = -1;

struct ActionInfo {
  Action action;
  std::string_view name;
  double goldstein;          ///< Goldstein score of the action
  std::string_view cameo;    ///< CAMEO verb code and name it is scored as
  std::string_view meaning;  ///< what the action is in the model
  DefaultTarget target;
  /// Its default magnitude (tariff rate, persons, barrels ...) from the config; nullptr: 1.
  double (*size)(const Config&);
  /// How it moves policy on each issue, -1 (toward the issue's 0 end) .. +1 (toward its 1 end).
  /// Issues in the order of kIssueNames. Each row is an assumption read from the seed's
  /// account of what the action is for.
  IssueVector stance;
  double defiance;  ///< +1 defies the U.S., -1 concedes to it (Mexico's domestic pressure)
  bool tariff;      ///< costs the actor's own economy in proportion to its rate
  /// Position among each side's options ([U.S., Mexico]; kNotOnMenu: never chosen). Options are
  /// scored in this order, which fixes the random draw of the choice.
  std::array<std::int8_t, 2> menu;
};

extern const std::array<ActionInfo, kActionCount> kActionInfo;

inline const ActionInfo& info(Action a) {
  return kActionInfo[index(a)];
}
inline std::string_view name(Action a) {
  return info(a).name;
}
/// Hostility of an action in [0, 1]: its negative Goldstein score over 10 (negative for
/// cooperative acts).
inline double hostility_of(Action a) {
  return -info(a).goldstein / 10.0;
}
/// Table for config schemas (found by argument-dependent lookup).
std::span<const std::pair<std::string_view, Action>> names(Action);

}  // namespace vecinos
