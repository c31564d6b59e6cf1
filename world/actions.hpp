#pragma once
// The action vocabulary: every action an actor takes is an event with a Goldstein score.
//
// Scores follow the CAMEO verb codebook's Goldstein (1992) conflict-cooperation scale, from -10
// (most conflictual) to +10 (most cooperative); each action names the CAMEO verb it is scored
// as. Where no CAMEO verb fits exactly the closest is used, and that is said.
#include <array>
#include <span>
#include <string_view>
#include <utility>

namespace vecinos {

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

struct ActionInfo {
  std::string_view name;
  double goldstein;          ///< Goldstein score of the action
  std::string_view cameo;    ///< CAMEO verb code and name it is scored as
  std::string_view meaning;  ///< what the action is in the model
};

extern const std::array<ActionInfo, kActionCount> kActionInfo;

inline const ActionInfo& info(Action a) {
  return kActionInfo[static_cast<std::size_t>(a)];
}
inline std::string_view name(Action a) {
  return info(a).name;
}
/// Table for config schemas (found by argument-dependent lookup).
std::span<const std::pair<std::string_view, Action>> names(Action);

}  // namespace vecinos
