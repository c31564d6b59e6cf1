#include "world/drivers.hpp"

#include "world/world.hpp"

namespace vecinos {

PoliticalDrivers political_drivers(const World& w) {
  return {&w.elite};
}

MigrantDrivers migrant_drivers(const World& w) {
  MigrantDrivers d;
  d.border_enforcement = w.policy.border_enforcement;
  d.interior_enforcement = w.policy.interior_enforcement;
  d.mx_border_troops = w.policy.mx_border_troops;
  d.remain_in_mexico = w.policy.remain_in_mexico;
  d.log_wage_ratio_change = w.markets.log_wage_ratio_change();
  d.removal_capacity = w.policy.removal_capacity;
  d.third_country_share = w.policy.third_country_share;
  return d;
}

CartelDrivers cartel_drivers(const World& w) {
  CartelDrivers d;
  d.border_enforcement = w.policy.border_enforcement;
  d.mx_border_troops = w.policy.mx_border_troops;
  d.security_cooperation = w.policy.security_cooperation;
  d.drug_demand = w.markets.drug_demand();
  d.drug_revenue_usd = w.markets.drug_revenue_usd();
  d.guns_per_year = w.markets.guns_smuggled();
  d.returnees_recent = w.tallies.returnees_last_year;
  d.economy = w.markets.economy();
  // Crossings of the last step (per year); at the start, those expected under its conditions.
  d.migrant_crossings =
      w.tick > 0
          ? (w.migrants.flow(Transition::mx_crossed) + w.migrants.flow(Transition::other_crossed)) /
                w.dt()
          : w.start_flows.crossings;
  return d;
}

FirmDrivers firm_drivers(const World& w) {
  FirmDrivers d;
  d.tariff_us_on_mx = w.policy.tariff_us_on_mx;
  d.tariff_us_on_cn = w.policy.tariff_us_on_cn;
  d.initial_tariff_us_on_cn = w.config.policy.tariff_us_on_cn;
  d.mfn_tariff = w.config.markets.economy.usmca_exit_tariff;
  d.usmca_status = w.policy.usmca_status;
  d.legal_certainty = w.policy.legal_certainty;
  d.initial_legal_certainty = w.config.policy.legal_certainty;
  d.nearshoring_incentives = w.policy.nearshoring_incentives;
  for (std::size_t r = 0; r < kRegions; ++r)
    d.cartel_presence[r] = w.base.region_members[r] > 0
                               ? w.cartels.members_in_region(r) / w.base.region_members[r] - 1.0
                               : 0.0;
  d.prc_push = w.markets.prc_push();
  return d;
}

MarketDrivers market_drivers(const World& w) {
  const PolicyState& p = w.policy;
  MarketDrivers in;
  in.tariff_mx_on_us = p.tariff_mx_on_us;
  in.tariff_us_on_cn = p.tariff_us_on_cn;
  in.atf_cooperation = p.atf_cooperation;
  in.nearshoring_incentives = p.nearshoring_incentives;
  in.usmca_status = p.usmca_status;
  in.prc_screening = p.prc_screening;
  in.mx_exports_usd = w.firms.exports_usd();
  in.mx_exports0_usd = w.base.mx_exports;
  in.remittances_usd = w.migrants.remittances_usd();
  in.remittances0_usd = w.base.remittances;
  in.drug_supply_index = w.cartels.supply_index();
  in.cartel_revenue_usd = w.cartels.total_revenue();
  in.cartel_revenue0_usd = w.base.cartel_revenue;
  return in;
}

}  // namespace vecinos
