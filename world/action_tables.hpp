#pragma once
// The behavioural columns of the action table, as config parameters: how each action moves
// policy on each issue (its stance) and whether it defies or concedes to the U.S. Each member's
// initializer is its default (an assumption read from the seed's account of what the action is
// for); `decisions.stance.<action>` and `decisions.defiance.<action>` override them, so a sweep
// or a calibration can vary any of them. The facts of each action (name, Goldstein score, CAMEO
// verb, who may take it) stay in world/actions.cpp.
//
// Issues, in the order of kIssueNames: migration, drugs_security, guns, legal_investment, china,
// foreign_alignment. A stance is in [-1, 1]: toward the issue's 0 end (-1) or its 1 end (+1).
#include "agents/issues.hpp"
#include "model/schema.hpp"

namespace vecinos {

struct StanceTable {
  // Tariffs are tied to drugs and migration (M1).
  IssueVector threaten_tariff{0.5, 0.5, 0, 0, 0, 0};
  IssueVector impose_tariff{1, 1, 0, 0, 0, 0};
  IssueVector lift_tariff{-0.3, -0.3, 0, 0, 0, 0};
  IssueVector retaliatory_tariff{0, 0, 0, 0, 0, 0};
  IssueVector mass_deportation{1, 0, 0, 0, 0, 0};
  IssueVector deploy_border_troops{0.6, 0.2, 0, 0, 0, 0};
  IssueVector transfer_cartel_leaders{0, 0.8, 0, 0, 0, 0};
  IssueVector designate_cartels_terrorist{0, 0.7, 0, 0, 0, 0};
  IssueVector military_strike{0, 1, 0, 0, 0, 0};
  IssueVector demand_remain_in_mexico{0.6, 0, 0, 0, 0, 0};
  IssueVector accept_remain_in_mexico{0.8, 0, 0, 0, 0, 0};
  IssueVector refuse_remain_in_mexico{-0.5, 0, 0, 0, 0, 0};
  IssueVector judicial_reform{0, 0, 0, -1, 0, 0};
  IssueVector oil_to_cuba{0, 0, 0, 0, 0, -1};
  IssueVector usmca_extend{0, 0, 0, 0.3, 0, 0.3};
  IssueVector usmca_renegotiate{0, 0, 0, 0.3, 0.5, 0};
  IssueVector usmca_withdrawal_notice{0.2, 0.2, 0, 0.3, 0.6, 0};
  IssueVector insult{0, 0, 0, 0, 0, 0};
  IssueVector conciliate{0, 0, 0, 0, 0, 0.1};
  IssueVector threaten_strike{0, 0.5, 0, 0, 0, 0};
  IssueVector protest_sovereignty{0, -0.5, 0, 0, 0, -0.2};
  IssueVector restrict_us_agents{0, -0.8, 0, 0, 0, -0.2};
  IssueVector expand_security_cooperation{0, 0.6, 0, 0, 0, 0.2};
  IssueVector atf_cooperation{0, 0, 1, 0, 0, 0};
  IssueVector tariff_chinese_goods{0, 0, 0, 0, 1, 0};
  IssueVector screen_prc_investment{0, 0, 0, 0, 1, 0.2};
  IssueVector nearshoring_incentives{0, 0, 0, 0.3, -0.3, 0};
  IssueVector usmca_terminate{0, 0, 0, 0, 0, 0};
  IssueVector withdraw_remain_in_mexico{-0.6, 0, 0, 0, 0, 0};
  IssueVector end_remain_in_mexico{-0.6, 0, 0, 0, 0, 0};
  IssueVector usmca_new_agreement{0, 0, 0, 0.3, 0.3, 0.3};
  IssueVector accept_third_country_returns{0.5, 0, 0, 0, 0, 0};
  IssueVector refuse_third_country_returns{-0.5, 0, 0, 0, 0, 0};
  IssueVector protest_legal_framework{0, 0, 0, 0.8, 0, 0};
  IssueVector threaten_sanctions_cuba{0, 0, 0, 0, 0, 0.8};
};

/// +1 defies the U.S., -1 concedes to it: weighed against Mexico's domestic pressure (M2, M3).
struct DefianceTable {
  double threaten_tariff = 0;
  double impose_tariff = 0;
  double lift_tariff = 0;
  double retaliatory_tariff = 1;
  double mass_deportation = 0;
  double deploy_border_troops = -1;
  double transfer_cartel_leaders = -1;
  double designate_cartels_terrorist = 0;
  double military_strike = 0;
  double demand_remain_in_mexico = 0;
  double accept_remain_in_mexico = -1;
  double refuse_remain_in_mexico = 1;
  double judicial_reform = 0;
  double oil_to_cuba = 0.5;
  double usmca_extend = 0;
  double usmca_renegotiate = 0;
  double usmca_withdrawal_notice = 0;
  double insult = 0.5;
  double conciliate = -0.3;
  double threaten_strike = 0;
  double protest_sovereignty = 1;
  double restrict_us_agents = 1;
  double expand_security_cooperation = -1;
  double atf_cooperation = 0;
  double tariff_chinese_goods = 0;
  double screen_prc_investment = -0.5;
  double nearshoring_incentives = 0;
  double usmca_terminate = 0;
  double withdraw_remain_in_mexico = 1;
  double end_remain_in_mexico = 0;
  double usmca_new_agreement = 0;
  double accept_third_country_returns = -1;
  double refuse_third_country_returns = 1;
  double protest_legal_framework = 0;
  double threaten_sanctions_cuba = 0;
};

void describe(schema::Record<StanceTable>& r);
void describe(schema::Record<DefianceTable>& r);

}  // namespace vecinos
