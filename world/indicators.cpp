#include "world/indicators.hpp"

#include <limits>

namespace vecinos {
namespace {
constexpr double kInf = std::numeric_limits<double>::infinity();
}

// clang-format off
const std::array<IndicatorInfo, kIndicatorCount> kIndicatorInfo = {{
  {"tariff_us_on_mx", "fraction", "trade-weighted extra U.S. tariff on Mexican goods", 0, 10},
  {"tariff_mx_on_us", "fraction", "trade-weighted extra Mexican tariff on U.S. goods", 0, 10},
  {"tariff_us_on_cn", "fraction", "trade-weighted extra U.S. tariff on Chinese goods (including via Mexico)", 0, 10},
  {"usmca_status", "code", "0 in force, 1 under review, 2 renegotiating, 3 withdrawal notice, 4 terminated", 0, 4},
  {"trade_us_mx_usd", "USD/year", "U.S.-Mexico goods trade (exports plus imports), annualised", 0, kInf},
  {"fdi_us_mx_usd", "USD/year", "U.S. direct investment flowing into Mexico, annualised", -kInf, kInf},
  {"fdi_cn_mx_usd", "USD/year", "PRC direct investment flowing into Mexico, annualised", -kInf, kInf},
  {"remittances_usd", "USD/year", "remittances received by Mexico, annualised", 0, kInf},
  {"border_encounters", "persons/month", "Southwest border encounters, monthly rate", 0, kInf},
  {"deportations_mexican_cum", "persons", "Mexicans removed from the U.S. interior since the start (removals only; border apprehensions are apprehensions_mexican_cum)", 0, kInf},
  {"deportations_other_cum", "persons", "non-Mexicans removed from the U.S. since the start", 0, kInf},
  {"extraditions_cum", "persons", "cartel figures extradited or transferred to the U.S. since the start", 0, kInf},
  {"us_strikes_cum", "count", "U.S. military strikes on cartel targets in Mexico since the start", 0, kInf},
  {"mexican_unauthorized_in_us", "persons", "Mexican-born unauthorized residents of the U.S.", 0, kInf},
  {"transit_migrants_in_mx", "persons", "non-Mexican migrants in transit through Mexico", 0, kInf},
  {"cartel_members", "persons", "members of Mexican criminal organisations", 0, kInf},
  {"mx_border_troops", "persons", "Mexican troops and National Guard deployed at the border", 0, kInf},
  {"us_overdose_deaths", "deaths/year", "U.S. drug overdose deaths, annualised", 0, kInf},
  {"mx_homicides", "deaths/year", "homicides in Mexico, annualised", 0, kInf},
  {"guns_smuggled", "guns/year", "firearms trafficked from the U.S. into Mexico, annualised", 0, kInf},
  {"security_cooperation", "0..1", "depth of bilateral security cooperation (agency access, extraditions, joint operations)", 0, 1},
  {"legal_certainty", "0..1", "legal certainty for investors in Mexico", 0, 1},
  {"relationship_tension", "0..1", "tension between the two governments: the log-odds of the start's tension moved by the net hostility of recent bilateral events (Goldstein-weighted, decaying)", 0, 1},
  {"leader_bond", "0..1", "personal bond between the two presidents", 0, 1},
  {"approval_us_president", "0..1", "approval rating of the U.S. president", 0, 1},
  {"approval_mx_president", "0..1", "approval rating of the Mexican president", 0, 1},
  {"remain_in_mexico", "0/1", "1 while Mexico accepts the Remain in Mexico policy", 0, 1},
  {"interior_removals_mexican_cum", "persons", "Mexicans removed from the U.S. interior since the start", 0, kInf},
  {"us_imports_from_mx_usd", "USD/year", "U.S. goods imports from Mexico (Mexican exports), annualised", 0, kInf},
  {"us_exports_to_mx_usd", "USD/year", "U.S. goods exports to Mexico, annualised", 0, kInf},
  {"mx_domestic_pressure", "0..1", "domestic pressure on the Mexican president (returnees, lost remittances, strikes, tariffs)", 0, 1},
  {"cartel_cells", "count", "cells of criminal organisations", 0, kInf},
  {"cartel_revenue_usd", "USD/year", "cartels' revenue from drugs and migrant smuggling, annualised", 0, kInf},
  {"firms_active", "firms", "firms producing in Mexico for export (scaled)", 0, kInf},
  {"us_congress_share", "fraction", "seat share of the U.S. president's party", 0, 1},
  {"mx_congress_share", "fraction", "seat share of Morena and allies", 0, 1},
  {"us_incumbent_party_won", "code", "-1 before the 2028 U.S. election, then 1 if the president's party won, else 0", -1, 1},
  {"position_distance", "0..1", "salience-weighted distance between the two presidents' positions (each weighting by its own salience, averaged)", 0, 1},
  {"apprehensions_mexican_cum", "persons", "Mexicans apprehended at the border since the start (returned, not counted as removals)", 0, kInf},
  {"third_country_removed_to_mx_cum", "persons", "non-Mexicans removed by the U.S. to Mexico since the start", 0, kInf},
  {"removal_capacity", "persons/year", "interior removals the U.S. can carry out (detention, officers, flights)", 0, kInf},
  {"investor_disputes_cum", "count", "investor-state disputes brought against Mexico since the start", 0, kInf},
  {"prc_announced_usd", "USD/year", "PRC investment announced in Mexico (projects, not realised flows), annualised", 0, kInf},
  {"escalations_held_back_cum", "count", "escalations a president chose and then held back out of magnanimity, since the start", 0, kInf},
  {"us_demand_compliance", "0..1", "Mexico's compliance with the U.S. demand attached to a threat or tariff, judged on outcomes", 0, 1},
  {"tariff_threat_pending", "0/1", "1 while a U.S. tariff threat and its deadline are pending", 0, 1},
}};
// clang-format on

}  // namespace vecinos
