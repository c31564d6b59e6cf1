#pragma once
// The action vocabulary: every action an actor takes is an event with a Goldstein score. One
// table (world/actions.cpp) gives, for every action, the facts the decision layer needs: its
// name, score and CAMEO verb, what it means, whom it is aimed at by default, the parameter that
// sizes it and the largest size accepted, who may take it, whether it costs the actor's own
// economy, whether it is an escalation (and among the gravest), the act it undoes, the demand
// it answers, and where each side's president finds it among its options. Its behavioural
// columns (stance per issue, defiance) are config parameters (world/action_tables.hpp) the
// table points to. The table is complete by construction (checked at compile time); what an
// action does is in world/effects.cpp, in switches without a default.
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
#include "world/action_tables.hpp"
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
  withdraw_remain_in_mexico,
  end_remain_in_mexico,
  usmca_new_agreement,
  accept_third_country_returns,
  refuse_third_country_returns,
  protest_legal_framework,
  threaten_sanctions_cuba,
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
/// Who may take an action (chosen or forced by a scenario): bits of this mask.
inline constexpr std::uint8_t kUs = 1, kMx = 2, kBoth = 3, kNobody = 0;
/// The `answers` value of an act that answers no demand.
inline constexpr std::int8_t kNoDemand = -1;

/// The config parameter that sizes an action: its value, and where the config holds it (so a
/// table can name its key, schema::Record::key_of).
struct SizeParam {
  double (*value)(const Config&);
  const void* (*where)(const Config&);
};

struct ActionInfo {
  Action action;
  std::string_view name;
  double goldstein;          ///< Goldstein score of the action at its configured size
  std::string_view cameo;    ///< CAMEO verb code and name it is scored as
  std::string_view meaning;  ///< what the action is in the model
  DefaultTarget target;
  /// Its configured magnitude (tariff rate, persons, barrels ...); nullptr: unsized (1).
  const SizeParam* size;
  double max_magnitude;              ///< largest magnitude a scenario may give (0: takes none)
  std::string_view unit;             ///< unit of the magnitude (for messages)
  std::uint8_t sides;                ///< who may take it: kUs, kMx, kBoth or kNobody (consequences)
  bool tariff;                       ///< costs the actor's own economy in proportion to its rate
  bool escalation;                   ///< an escalation a magnanimous president may hold back (M8)
  bool gravest;                      ///< carries decisions.escalation_cost (strikes, USMCA notice)
  std::array<Action, 2> reverses;    ///< per side [U.S., Mexico]: the act it undoes (count_: none)
  std::int8_t answers;               ///< the demand it answers (index of an Issue), or kNoDemand
  IssueVector StanceTable::*stance;  ///< its row of decisions.stance
  double DefianceTable::*defiance;   ///< its entry of decisions.defiance
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
/// Whether a side may take the action at all (its column `sides`).
inline bool side_may_take(Action a, Side s) {
  return (info(a).sides & (s == Side::us ? kUs : kMx)) != 0;
}
/// Table for config schemas (found by argument-dependent lookup).
std::span<const std::pair<std::string_view, Action>> names(Action);

}  // namespace vecinos
