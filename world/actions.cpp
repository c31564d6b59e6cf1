#include "world/actions.hpp"

namespace vecinos {

// clang-format off
const std::array<ActionInfo, kActionCount> kActionInfo = {{
  {"threaten_tariff", -5.8, "1312 threaten with sanctions", "announce a tariff unless demands are met"},
  {"impose_tariff", -8.0, "163 impose embargo, boycott or sanctions", "impose an extra tariff on the partner's goods (magnitude: tariff rate)"},
  {"lift_tariff", 7.0, "085 ease economic sanctions", "remove an extra tariff"},
  {"retaliatory_tariff", -8.0, "163 impose embargo, boycott or sanctions", "answer a tariff with a tariff (magnitude: tariff rate)"},
  {"mass_deportation", -5.0, "174 expel or deport individuals", "large-scale removals to Mexico (magnitude: enforcement intensity)"},
  {"deploy_border_troops", 5.0, "08 yield (accede to demands)", "Mexico sends troops and National Guard to its northern border (magnitude: persons)"},
  {"transfer_cartel_leaders", 7.4, "063 engage in judicial cooperation", "Mexico transfers or extradites cartel figures to the U.S. (magnitude: persons)"},
  {"designate_cartels_terrorist", -5.0, "172 impose administrative sanctions", "the U.S. designates cartels as terrorist organisations"},
  {"military_strike", -10.0, "195 employ aerial weapons", "a U.S. strike on a cartel target in Mexico"},
  {"demand_remain_in_mexico", -5.0, "10 demand", "the U.S. asks Mexico to hold asylum seekers"},
  {"accept_remain_in_mexico", 5.0, "08 yield", "Mexico accepts Remain in Mexico"},
  {"refuse_remain_in_mexico", -4.0, "12 reject", "Mexico refuses Remain in Mexico"},
  {"judicial_reform", -2.0, "no CAMEO verb; scored as 111 criticize (assumption)", "a further constitutional or legal change that lowers legal certainty for investors"},
  {"oil_to_cuba", 7.0, "07 provide aid", "Mexico ships oil and support to Cuba (target: Cuba; magnitude: barrels)"},
  {"usmca_extend", 8.0, "057 sign formal agreement", "the joint review confirms the USMCA for another 16 years"},
  {"usmca_renegotiate", 7.0, "046 engage in negotiation", "the review opens a renegotiation"},
  {"usmca_withdrawal_notice", -4.0, "161 reduce or break diplomatic relations", "notice of withdrawal from the USMCA (Art. 34.6)"},
  {"insult", -2.0, "111 criticize or denounce", "public disparagement of the other government"},
  {"conciliate", 3.4, "018 make empathetic comment / 051 praise", "a conciliatory gesture or statement"},
  {"threaten_strike", -7.0, "138 threaten with military force", "threaten to strike cartels in Mexico"},
  {"protest_sovereignty", -6.5, "14 protest", "Mexico protests a violation of its sovereignty"},
  {"restrict_us_agents", -5.0, "172 impose administrative sanctions", "Mexico restricts U.S. agents' activity (2020 national security law)"},
  {"expand_security_cooperation", 7.4, "062 engage in military cooperation", "joint operations, intelligence sharing, agency access"},
  {"atf_cooperation", 7.4, "063 engage in judicial cooperation", "joint work against gun trafficking (ATF eTrace, seizures)"},
  {"tariff_chinese_goods", -8.0, "163 impose embargo, boycott or sanctions", "tariffs on Chinese goods, including those routed through Mexico (target: PRC)"},
  {"screen_prc_investment", -5.0, "172 impose administrative sanctions", "Mexico screens or restricts PRC investment (target: PRC)"},
  {"nearshoring_incentives", 6.4, "061 cooperate economically", "Mexico offers tax breaks and infrastructure to investors"},
  {"usmca_terminate", -4.0, "161 reduce or break diplomatic relations", "the USMCA ends for the withdrawing party"},
}};
// clang-format on

std::span<const std::pair<std::string_view, Action>> names(Action) {
  static const auto kTable = [] {
    std::array<std::pair<std::string_view, Action>, kActionCount> t{};
    for (std::size_t i = 0; i < kActionCount; ++i)
      t[i] = {kActionInfo[i].name, static_cast<Action>(i)};
    return t;
  }();
  return kTable;
}

}  // namespace vecinos
