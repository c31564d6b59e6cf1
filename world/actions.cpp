#include "world/actions.hpp"

#include "world/config.hpp"

namespace vecinos {

namespace {
using T = DefaultTarget;
constexpr std::int8_t kNo = kNotOnMenu;

// The config parameter that sizes each sized action.
double tariff_rate(const Config& c) {
  return c.decisions.tariff_rate;
}
double tariff_cn_step(const Config& c) {
  return c.decisions.tariff_cn_step;
}
double troops_step(const Config& c) {
  return c.decisions.troops_step;
}
double transfer_size(const Config& c) {
  return c.decisions.transfer_size;
}
double enforcement_step(const Config& c) {
  return c.decisions.enforcement_step;
}
double barrels(const Config& c) {
  return c.markets.cuba.barrels_per_shipment;
}
double cooperation_step(const Config& c) {
  return c.decisions.cooperation_step;
}
double legal_step(const Config& c) {
  return c.decisions.legal_step;
}
double atf_step(const Config& c) {
  return c.decisions.atf_step;
}
double incentive_step(const Config& c) {
  return c.decisions.incentive_step;
}

// Issues: migration, drugs_security, guns, legal_investment, china, foreign_alignment.
// Tariffs are tied to drugs and migration (M1).
// clang-format off
constexpr std::array<ActionInfo, kActionCount> kTable = {{
  {Action::threaten_tariff, "threaten_tariff", -5.8, "1312 threaten with sanctions", "announce a tariff unless demands are met",
   T::counterpart, tariff_rate, {0.5, 0.5, 0, 0, 0, 0}, 0, false, {0, kNo}},
  {Action::impose_tariff, "impose_tariff", -8.0, "163 impose embargo, boycott or sanctions", "impose an extra tariff on the partner's goods (magnitude: tariff rate)",
   T::counterpart, tariff_rate, {1, 1, 0, 0, 0, 0}, 0, true, {5, kNo}},
  {Action::lift_tariff, "lift_tariff", 7.0, "085 ease economic sanctions", "remove an extra tariff",
   T::counterpart, nullptr, {-0.3, -0.3, 0, 0, 0, 0}, 0, false, {6, 3}},
  {Action::retaliatory_tariff, "retaliatory_tariff", -8.0, "163 impose embargo, boycott or sanctions", "answer a tariff with a tariff (magnitude: tariff rate)",
   T::counterpart, tariff_rate, {0, 0, 0, 0, 0, 0}, 1, true, {kNo, 2}},
  {Action::mass_deportation, "mass_deportation", -5.0, "174 expel or deport individuals", "large-scale removals to Mexico (magnitude: enforcement intensity)",
   T::counterpart, enforcement_step, {1, 0, 0, 0, 0, 0}, 0, false, {7, kNo}},
  {Action::deploy_border_troops, "deploy_border_troops", 5.0, "08 yield (accede to demands)", "Mexico sends troops and National Guard to its northern border (magnitude: persons)",
   T::counterpart, troops_step, {0.6, 0.2, 0, 0, 0, 0}, -1, false, {kNo, 4}},
  {Action::transfer_cartel_leaders, "transfer_cartel_leaders", 7.4, "063 engage in judicial cooperation", "Mexico transfers or extradites cartel figures to the U.S. (magnitude: persons)",
   T::counterpart, transfer_size, {0, 0.8, 0, 0, 0, 0}, -1, false, {kNo, 5}},
  {Action::designate_cartels_terrorist, "designate_cartels_terrorist", -5.0, "172 impose administrative sanctions", "the U.S. designates cartels as terrorist organisations",
   T::cartels, nullptr, {0, 0.7, 0, 0, 0, 0}, 0, false, {8, kNo}},
  {Action::military_strike, "military_strike", -10.0, "195 employ aerial weapons", "a U.S. strike on a cartel target in Mexico",
   T::cartels, nullptr, {0, 1, 0, 0, 0, 0}, 0, false, {9, kNo}},
  {Action::demand_remain_in_mexico, "demand_remain_in_mexico", -5.0, "10 demand", "the U.S. asks Mexico to hold asylum seekers",
   T::counterpart, nullptr, {0.6, 0, 0, 0, 0, 0}, 0, false, {4, kNo}},
  {Action::accept_remain_in_mexico, "accept_remain_in_mexico", 5.0, "08 yield", "Mexico accepts Remain in Mexico",
   T::counterpart, nullptr, {0.8, 0, 0, 0, 0, 0}, -1, false, {kNo, 6}},
  {Action::refuse_remain_in_mexico, "refuse_remain_in_mexico", -4.0, "12 reject", "Mexico refuses Remain in Mexico",
   T::counterpart, nullptr, {-0.5, 0, 0, 0, 0, 0}, 1, false, {kNo, 7}},
  {Action::judicial_reform, "judicial_reform", -2.0, "no CAMEO verb; scored as 111 criticize (assumption)", "a further constitutional or legal change that lowers legal certainty for investors",
   T::counterpart, legal_step, {0, 0, 0, -1, 0, 0}, 0, false, {kNo, 8}},
  {Action::oil_to_cuba, "oil_to_cuba", 7.0, "07 provide aid", "Mexico ships oil and support to Cuba (target: Cuba; magnitude: barrels)",
   T::cuba, barrels, {0, 0, 0, 0, 0, -1}, 0.5, false, {kNo, 9}},
  {Action::usmca_extend, "usmca_extend", 8.0, "057 sign formal agreement", "the joint review confirms the USMCA for another 16 years",
   T::counterpart, nullptr, {0, 0, 0, 0.3, 0, 0.3}, 0, false, {kNo, kNo}},
  {Action::usmca_renegotiate, "usmca_renegotiate", 7.0, "046 engage in negotiation", "the review opens a renegotiation",
   T::counterpart, nullptr, {0, 0, 0, 0.3, 0.5, 0}, 0, false, {kNo, kNo}},
  {Action::usmca_withdrawal_notice, "usmca_withdrawal_notice", -4.0, "161 reduce or break diplomatic relations", "notice of withdrawal from the USMCA (Art. 34.6)",
   T::counterpart, nullptr, {0.2, 0.2, 0, 0.3, 0.6, 0}, 0, true, {13, kNo}},
  {Action::insult, "insult", -2.0, "111 criticize or denounce", "public disparagement of the other government",
   T::counterpart, nullptr, {0, 0, 0, 0, 0, 0}, 0.5, false, {1, 0}},
  {Action::conciliate, "conciliate", 3.4, "018 make empathetic comment / 051 praise", "a conciliatory gesture or statement",
   T::counterpart, nullptr, {0, 0, 0, 0, 0, 0.1}, -0.3, false, {2, 1}},
  {Action::threaten_strike, "threaten_strike", -7.0, "138 threaten with military force", "threaten to strike cartels in Mexico",
   T::cartels, nullptr, {0, 0.5, 0, 0, 0, 0}, 0, false, {3, kNo}},
  {Action::protest_sovereignty, "protest_sovereignty", -6.5, "14 protest", "Mexico protests a violation of its sovereignty",
   T::counterpart, nullptr, {0, -0.5, 0, 0, 0, -0.2}, 1, false, {kNo, 10}},
  {Action::restrict_us_agents, "restrict_us_agents", -5.0, "172 impose administrative sanctions", "Mexico restricts U.S. agents' activity (2020 national security law)",
   T::counterpart, cooperation_step, {0, -0.8, 0, 0, 0, -0.2}, 1, false, {kNo, 11}},
  {Action::expand_security_cooperation, "expand_security_cooperation", 7.4, "062 engage in military cooperation", "joint operations, intelligence sharing, agency access",
   T::counterpart, cooperation_step, {0, 0.6, 0, 0, 0, 0.2}, -1, false, {12, 12}},
  {Action::atf_cooperation, "atf_cooperation", 7.4, "063 engage in judicial cooperation", "joint work against gun trafficking (ATF eTrace, seizures)",
   T::counterpart, atf_step, {0, 0, 1, 0, 0, 0}, 0, false, {11, 13}},
  {Action::tariff_chinese_goods, "tariff_chinese_goods", -8.0, "163 impose embargo, boycott or sanctions", "tariffs on Chinese goods, including those routed through Mexico (target: PRC)",
   T::prc, tariff_cn_step, {0, 0, 0, 0, 1, 0}, 0, false, {10, kNo}},
  {Action::screen_prc_investment, "screen_prc_investment", -5.0, "172 impose administrative sanctions", "Mexico screens or restricts PRC investment (target: PRC)",
   T::prc, nullptr, {0, 0, 0, 0, 1, 0.2}, -0.5, false, {kNo, 14}},
  {Action::nearshoring_incentives, "nearshoring_incentives", 6.4, "061 cooperate economically", "Mexico offers tax breaks and infrastructure to investors",
   T::counterpart, incentive_step, {0, 0, 0, 0.3, -0.3, 0}, 0, false, {kNo, 15}},
  {Action::usmca_terminate, "usmca_terminate", -4.0, "161 reduce or break diplomatic relations", "the USMCA ends for the withdrawing party",
   T::counterpart, nullptr, {0, 0, 0, 0, 0, 0}, 0, false, {kNo, kNo}},
}};
// clang-format on

// Complete by construction: one row per action, in the enum's order, each named; and each
// side's menu positions are 0, 1, 2, ... without gaps or repeats.
constexpr bool complete(const std::array<ActionInfo, kActionCount>& t) {
  for (std::size_t i = 0; i < t.size(); ++i)
    if (index(t[i].action) != i || t[i].name.empty() || t[i].cameo.empty() || t[i].meaning.empty())
      return false;
  for (std::size_t side = 0; side < 2; ++side) {
    int n = 0;
    for (const auto& row : t) n += row.menu[side] != kNotOnMenu ? 1 : 0;
    for (int pos = 0; pos < n; ++pos) {
      int found = 0;
      for (const auto& row : t) found += row.menu[side] == pos ? 1 : 0;
      if (found != 1) return false;
    }
  }
  return true;
}
static_assert(complete(kTable), "kActionInfo needs one complete row per Action, in enum order");
}  // namespace

const std::array<ActionInfo, kActionCount> kActionInfo = kTable;

std::span<const std::pair<std::string_view, Action>> names(Action) {
  static const auto kNames = [] {
    std::array<std::pair<std::string_view, Action>, kActionCount> t{};
    for (std::size_t i = 0; i < kActionCount; ++i)
      t[i] = {kActionInfo[i].name, static_cast<Action>(i)};
    return t;
  }();
  return kNames;
}

}  // namespace vecinos
