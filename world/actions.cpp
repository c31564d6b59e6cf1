#include "world/actions.hpp"

#include "world/config.hpp"

namespace vecinos {

namespace {
using T = DefaultTarget;
using A = Action;
using S = StanceTable;
using D = DefianceTable;
constexpr std::int8_t kNo = kNotOnMenu;
constexpr A kNone = A::count_;
constexpr std::int8_t kMig = static_cast<std::int8_t>(Issue::migration);
constexpr std::int8_t kDrugs = static_cast<std::int8_t>(Issue::drugs_security);

// The config parameter that sizes each sized action: `sized<get>` reads it (as a double) and
// locates it, from one accessor.
template <auto Get>
constexpr SizeParam sized{[](const Config& c) { return static_cast<double>(Get(c)); },
                          [](const Config& c) -> const void* { return &Get(c); }};
constexpr auto tariff_rate = [](const Config& c) -> const auto& {
  return c.decisions.tariff_rate;
};
constexpr auto tariff_cn_step = [](const Config& c) -> const auto& {
  return c.decisions.tariff_cn_step;
};
constexpr auto troops_step = [](const Config& c) -> const auto& {
  return c.decisions.troops_step;
};
constexpr auto transfer_size = [](const Config& c) -> const auto& {
  return c.decisions.transfer_size;
};
constexpr auto enforcement_step = [](const Config& c) -> const auto& {
  return c.decisions.enforcement_step;
};
constexpr auto barrels = [](const Config& c) -> const auto& {
  return c.markets.cuba.barrels_per_shipment;
};
constexpr auto cooperation_step = [](const Config& c) -> const auto& {
  return c.decisions.cooperation_step;
};
constexpr auto legal_step = [](const Config& c) -> const auto& {
  return c.decisions.legal_step;
};
constexpr auto atf_step = [](const Config& c) -> const auto& {
  return c.decisions.atf_step;
};
constexpr auto incentive_step = [](const Config& c) -> const auto& {
  return c.decisions.incentive_step;
};

// Columns: action, name, Goldstein, CAMEO, meaning, default target, size, largest magnitude,
// unit, who may take it, tariff, escalation, gravest, reverses [U.S., Mexico], demand answered,
// stance, defiance, menu [U.S., Mexico].
// clang-format off
constexpr std::array<ActionInfo, kActionCount> kTable = {{
  {A::threaten_tariff, "threaten_tariff", -5.8, "1312 threaten with sanctions", "announce a tariff unless a demand (drugs or migration) is met by a deadline (magnitude: tariff rate)",
   T::counterpart, &sized<tariff_rate>, 1.0, "fraction", kUs, false, false, false, {kNone, kNone}, kNoDemand, &S::threaten_tariff, &D::threaten_tariff, {0, kNo}},
  {A::impose_tariff, "impose_tariff", -8.0, "163 impose embargo, boycott or sanctions", "impose an extra tariff on the partner's goods (magnitude: tariff rate)",
   T::counterpart, &sized<tariff_rate>, 1.0, "fraction", kUs, true, true, false, {A::lift_tariff, kNone}, kNoDemand, &S::impose_tariff, &D::impose_tariff, {5, kNo}},
  {A::lift_tariff, "lift_tariff", 7.0, "085 ease economic sanctions", "remove the extra tariff one's side imposed",
   T::counterpart, nullptr, 0.0, "", kBoth, false, false, false, {A::impose_tariff, A::retaliatory_tariff}, kNoDemand, &S::lift_tariff, &D::lift_tariff, {6, 3}},
  {A::retaliatory_tariff, "retaliatory_tariff", -8.0, "163 impose embargo, boycott or sanctions", "answer a U.S. tariff with a tariff, at most matching it (magnitude: the rate that takes effect)",
   T::counterpart, &sized<tariff_rate>, 1.0, "fraction", kMx, true, true, false, {kNone, A::lift_tariff}, kNoDemand, &S::retaliatory_tariff, &D::retaliatory_tariff, {kNo, 2}},
  {A::mass_deportation, "mass_deportation", -5.0, "174 expel or deport individuals", "large-scale removals to Mexico (magnitude: rise of the interior enforcement target)",
   T::counterpart, &sized<enforcement_step>, 1.0, "0..1", kUs, false, false, false, {kNone, kNone}, kNoDemand, &S::mass_deportation, &D::mass_deportation, {7, kNo}},
  {A::deploy_border_troops, "deploy_border_troops", 5.0, "08 yield (accede to demands)", "Mexico sends troops and National Guard to its borders (magnitude: persons)",
   T::counterpart, &sized<troops_step>, 200000.0, "persons", kMx, false, false, false, {kNone, kNone}, kMig, &S::deploy_border_troops, &D::deploy_border_troops, {kNo, 4}},
  {A::transfer_cartel_leaders, "transfer_cartel_leaders", 7.4, "063 engage in judicial cooperation", "Mexico transfers or extradites cartel figures to the U.S. (magnitude: persons)",
   T::counterpart, &sized<transfer_size>, 1000.0, "persons", kMx, false, false, false, {kNone, kNone}, kDrugs, &S::transfer_cartel_leaders, &D::transfer_cartel_leaders, {kNo, 5}},
  {A::designate_cartels_terrorist, "designate_cartels_terrorist", -5.0, "172 impose administrative sanctions", "the U.S. designates cartels as terrorist organisations",
   T::cartels, nullptr, 0.0, "", kUs, false, true, false, {kNone, kNone}, kNoDemand, &S::designate_cartels_terrorist, &D::designate_cartels_terrorist, {8, kNo}},
  {A::military_strike, "military_strike", -10.0, "195 employ aerial weapons", "a U.S. strike on a cartel target in Mexico",
   T::cartels, nullptr, 0.0, "", kUs, false, true, true, {kNone, kNone}, kNoDemand, &S::military_strike, &D::military_strike, {9, kNo}},
  {A::demand_remain_in_mexico, "demand_remain_in_mexico", -5.0, "10 demand", "the U.S. administration asks Mexico to hold asylum seekers",
   T::counterpart, nullptr, 0.0, "", kUs, false, false, false, {A::end_remain_in_mexico, kNone}, kNoDemand, &S::demand_remain_in_mexico, &D::demand_remain_in_mexico, {4, kNo}},
  {A::accept_remain_in_mexico, "accept_remain_in_mexico", 5.0, "08 yield", "Mexico accepts Remain in Mexico",
   T::counterpart, nullptr, 0.0, "", kMx, false, false, false, {kNone, A::withdraw_remain_in_mexico}, kMig, &S::accept_remain_in_mexico, &D::accept_remain_in_mexico, {kNo, 6}},
  {A::refuse_remain_in_mexico, "refuse_remain_in_mexico", -4.0, "12 reject", "Mexico refuses a pending demand of Remain in Mexico",
   T::counterpart, nullptr, 0.0, "", kMx, false, false, false, {kNone, kNone}, kNoDemand, &S::refuse_remain_in_mexico, &D::refuse_remain_in_mexico, {kNo, 7}},
  {A::judicial_reform, "judicial_reform", -2.0, "no CAMEO verb; scored as 111 criticize (assumption)", "a further constitutional or legal change that lowers legal certainty for investors (magnitude: certainty lost)",
   T::counterpart, &sized<legal_step>, 1.0, "0..1", kMx, false, false, false, {kNone, kNone}, kNoDemand, &S::judicial_reform, &D::judicial_reform, {kNo, 8}},
  {A::oil_to_cuba, "oil_to_cuba", 7.0, "07 provide aid", "Mexico ships oil and support to Cuba (target: Cuba; magnitude: barrels)",
   T::cuba, &sized<barrels>, 1e8, "barrels", kMx, false, false, false, {kNone, kNone}, kNoDemand, &S::oil_to_cuba, &D::oil_to_cuba, {kNo, 9}},
  {A::usmca_extend, "usmca_extend", 8.0, "057 sign formal agreement", "the joint review confirms the USMCA for another 16 years",
   T::counterpart, nullptr, 0.0, "", kBoth, false, false, false, {kNone, kNone}, kNoDemand, &S::usmca_extend, &D::usmca_extend, {kNo, kNo}},
  {A::usmca_renegotiate, "usmca_renegotiate", 7.0, "046 engage in negotiation", "the review opens a renegotiation, with annual reviews until it ends",
   T::counterpart, nullptr, 0.0, "", kBoth, false, false, false, {kNone, kNone}, kNoDemand, &S::usmca_renegotiate, &D::usmca_renegotiate, {kNo, kNo}},
  {A::usmca_withdrawal_notice, "usmca_withdrawal_notice", -4.0, "161 reduce or break diplomatic relations", "notice of withdrawal from the USMCA (Art. 34.6); it ends six months later",
   T::counterpart, nullptr, 0.0, "", kBoth, true, true, true, {kNone, kNone}, kNoDemand, &S::usmca_withdrawal_notice, &D::usmca_withdrawal_notice, {13, kNo}},
  {A::insult, "insult", -2.0, "111 criticize or denounce", "public disparagement of the other government",
   T::counterpart, nullptr, 0.0, "", kBoth, false, false, false, {kNone, kNone}, kNoDemand, &S::insult, &D::insult, {1, 0}},
  {A::conciliate, "conciliate", 3.4, "018 make empathetic comment / 051 praise", "a conciliatory gesture or statement",
   T::counterpart, nullptr, 0.0, "", kBoth, false, false, false, {kNone, kNone}, kNoDemand, &S::conciliate, &D::conciliate, {2, 1}},
  {A::threaten_strike, "threaten_strike", -7.0, "138 threaten with military force", "threaten to strike cartels in Mexico (after a designation it asks Congress to authorise force)",
   T::cartels, nullptr, 0.0, "", kUs, false, true, false, {kNone, kNone}, kNoDemand, &S::threaten_strike, &D::threaten_strike, {3, kNo}},
  {A::protest_sovereignty, "protest_sovereignty", -6.5, "14 protest", "Mexico protests a violation of its sovereignty (after a strike)",
   T::counterpart, nullptr, 0.0, "", kMx, false, false, false, {kNone, kNone}, kNoDemand, &S::protest_sovereignty, &D::protest_sovereignty, {kNo, 10}},
  {A::restrict_us_agents, "restrict_us_agents", -5.0, "172 impose administrative sanctions", "Mexico restricts U.S. agents' activity (2020 national security law; magnitude: cooperation lost)",
   T::counterpart, &sized<cooperation_step>, 1.0, "0..1", kMx, false, false, false, {kNone, A::expand_security_cooperation}, kNoDemand, &S::restrict_us_agents, &D::restrict_us_agents, {kNo, 11}},
  {A::expand_security_cooperation, "expand_security_cooperation", 7.4, "062 engage in military cooperation", "joint operations, intelligence sharing, agency access (magnitude: cooperation gained)",
   T::counterpart, &sized<cooperation_step>, 1.0, "0..1", kBoth, false, false, false, {kNone, A::restrict_us_agents}, kDrugs, &S::expand_security_cooperation, &D::expand_security_cooperation, {12, 12}},
  {A::atf_cooperation, "atf_cooperation", 7.4, "063 engage in judicial cooperation", "joint work against gun trafficking (ATF eTrace, seizures; magnitude: rise of ATF cooperation)",
   T::counterpart, &sized<atf_step>, 1.0, "0..1", kBoth, false, false, false, {kNone, kNone}, kNoDemand, &S::atf_cooperation, &D::atf_cooperation, {11, 13}},
  {A::tariff_chinese_goods, "tariff_chinese_goods", -8.0, "163 impose embargo, boycott or sanctions", "tariffs on Chinese goods, including those routed through Mexico (target: PRC; magnitude: rise of the rate)",
   T::prc, &sized<tariff_cn_step>, 1.0, "fraction", kUs, true, false, false, {kNone, kNone}, kNoDemand, &S::tariff_chinese_goods, &D::tariff_chinese_goods, {10, kNo}},
  {A::screen_prc_investment, "screen_prc_investment", -5.0, "172 impose administrative sanctions", "Mexico screens or restricts PRC investment (target: PRC)",
   T::prc, nullptr, 0.0, "", kMx, false, false, false, {kNone, kNone}, kNoDemand, &S::screen_prc_investment, &D::screen_prc_investment, {kNo, 14}},
  {A::nearshoring_incentives, "nearshoring_incentives", 6.4, "061 cooperate economically", "Mexico offers tax breaks and infrastructure to investors (magnitude: rise of incentives)",
   T::counterpart, &sized<incentive_step>, 1.0, "0..1", kMx, false, false, false, {kNone, kNone}, kNoDemand, &S::nearshoring_incentives, &D::nearshoring_incentives, {kNo, 15}},
  {A::usmca_terminate, "usmca_terminate", -4.0, "161 reduce or break diplomatic relations", "the USMCA ends for the withdrawing party, six months after its notice (a consequence, never chosen or forced)",
   T::counterpart, nullptr, 0.0, "", kNobody, false, false, false, {kNone, kNone}, kNoDemand, &S::usmca_terminate, &D::usmca_terminate, {kNo, kNo}},
  {A::withdraw_remain_in_mexico, "withdraw_remain_in_mexico", -4.0, "12 reject", "Mexico stops holding asylum seekers under Remain in Mexico",
   T::counterpart, nullptr, 0.0, "", kMx, false, false, false, {kNone, A::accept_remain_in_mexico}, kNoDemand, &S::withdraw_remain_in_mexico, &D::withdraw_remain_in_mexico, {kNo, 16}},
  {A::end_remain_in_mexico, "end_remain_in_mexico", 5.0, "08 yield (scored at the root code; assumption)", "the U.S. administration drops Remain in Mexico",
   T::counterpart, nullptr, 0.0, "", kUs, false, false, false, {A::demand_remain_in_mexico, kNone}, kNoDemand, &S::end_remain_in_mexico, &D::end_remain_in_mexico, {14, kNo}},
  {A::usmca_new_agreement, "usmca_new_agreement", 8.0, "057 sign formal agreement", "a new trade agreement after the USMCA's termination (only forced by a scenario)",
   T::counterpart, nullptr, 0.0, "", kBoth, false, false, false, {kNone, kNone}, kNoDemand, &S::usmca_new_agreement, &D::usmca_new_agreement, {kNo, kNo}},
  {A::accept_third_country_returns, "accept_third_country_returns", 5.0, "08 yield", "Mexico accepts removals of non-Mexicans (Venezuelans and others) to its territory",
   T::counterpart, nullptr, 0.0, "", kMx, false, false, false, {kNone, A::refuse_third_country_returns}, kMig, &S::accept_third_country_returns, &D::accept_third_country_returns, {kNo, 17}},
  {A::refuse_third_country_returns, "refuse_third_country_returns", -4.0, "12 reject", "Mexico refuses removals of non-Mexicans to its territory",
   T::counterpart, nullptr, 0.0, "", kMx, false, false, false, {kNone, A::accept_third_country_returns}, kNoDemand, &S::refuse_third_country_returns, &D::refuse_third_country_returns, {kNo, 18}},
  {A::protest_legal_framework, "protest_legal_framework", -2.0, "111 criticize or denounce", "the U.S. (ambassador, administration, business) protests Mexico's legal changes and investor disputes",
   T::counterpart, nullptr, 0.0, "", kUs, false, false, false, {kNone, kNone}, kNoDemand, &S::protest_legal_framework, &D::protest_legal_framework, {15, kNo}},
  {A::threaten_sanctions_cuba, "threaten_sanctions_cuba", -5.8, "1312 threaten with sanctions", "U.S. hawks threaten sanctions over Mexico's support to Cuba",
   T::counterpart, nullptr, 0.0, "", kUs, false, true, false, {kNone, kNone}, kNoDemand, &S::threaten_sanctions_cuba, &D::threaten_sanctions_cuba, {16, kNo}},
}};
// clang-format on

// Complete by construction: one row per action, in the enum's order, each named; a sized
// action accepts a magnitude and an unsized one none; and each side's menu positions are 0, 1,
// 2, ... without gaps or repeats, holding only actions the side may take.
constexpr bool complete(const std::array<ActionInfo, kActionCount>& t) {
  for (std::size_t i = 0; i < t.size(); ++i) {
    const auto& row = t[i];
    if (index(row.action) != i || row.name.empty() || row.cameo.empty() || row.meaning.empty())
      return false;
    if ((row.size != nullptr) != (row.max_magnitude > 0)) return false;
    if (row.goldstein < -10 || row.goldstein > 10) return false;
  }
  for (std::size_t side = 0; side < 2; ++side) {
    const std::uint8_t bit = side == 0 ? kUs : kMx;
    int n = 0;
    for (const auto& row : t) {
      if (row.menu[side] == kNotOnMenu) continue;
      ++n;
      if ((row.sides & bit) == 0) return false;
    }
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
