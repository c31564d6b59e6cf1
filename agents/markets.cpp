#include <algorithm>
#include <cmath>

#include "agents/markets.hpp"

namespace vecinos {

void describe(schema::Record<MarketParams>& r) {
  auto& e = r.section("economy", &MarketParams::economy, "bilateral trade and Mexico's economy");
  e.add("us_exports_to_mx_usd", &EconomyParams::us_exports_to_mx_usd,
        "U.S. exports to Mexico at the start")
      .unit("USD/year")
      .range(0.0, 1e13)
      .required();
  e.add("trade_elasticity", &EconomyParams::trade_elasticity,
        "elasticity of U.S. exports to Mexico to their tariff-inclusive price there")
      .range(0.0, 20.0)
      .required();
  e.add("usmca_share", &EconomyParams::usmca_share,
        "share of U.S. exports to Mexico claiming USMCA preference (they pay the MFN tariff once "
        "it ends)")
      .unit("fraction")
      .range(0.0, 1.0);
  e.add("export_weight", &EconomyParams::export_weight,
        "Mexico's goods exports to the U.S. as a share of its GDP (weight in the economy index)")
      .unit("fraction")
      .range(0.0, 1.0)
      .required();
  e.add("remittance_weight", &EconomyParams::remittance_weight,
        "remittances received as a share of Mexico's GDP (weight in the economy index)")
      .unit("fraction")
      .range(0.0, 1.0)
      .required();
  e.add("economy_floor", &EconomyParams::economy_floor, "least value of the economy index")
      .range(0.0, 1.0);
  e.add("adjust_per_year", &EconomyParams::adjust_per_year,
        "speed at which U.S. exports follow their drivers")
      .unit("1/year")
      .range(0.01, 365.0);
  e.add("usmca_exit_tariff", &EconomyParams::usmca_exit_tariff,
        "average MFN tariff: paid by goods outside the USMCA's preference, and by all goods both "
        "ways once it is terminated")
      .unit("fraction")
      .range(0.0, 1.0);
  e.add("uncertainty_drag", &EconomyParams::uncertainty_drag,
        "share of U.S. exports lost per step of usmca_status (review, renegotiation, notice)")
      .unit("fraction")
      .range(0.0, 1.0);
  e.add("input_share", &EconomyParams::input_share,
        "share of U.S. exports to Mexico that are inputs of Mexican exporters")
      .unit("fraction")
      .range(0.0, 1.0);
  e.add("mx_wage_usd", &EconomyParams::mx_wage_usd, "yearly earnings of a worker in Mexico")
      .unit("USD/year")
      .range(1.0, 1e7);
  e.add("us_wage_usd", &EconomyParams::us_wage_usd,
        "yearly earnings of an unauthorized Mexican worker in the U.S.")
      .unit("USD/year")
      .range(1.0, 1e7);
  auto& d = r.section("drugs", &MarketParams::drugs, "U.S. drug demand and overdoses");
  d.add("overdose_deaths", &DrugParams::overdose_deaths, "U.S. overdose deaths at the start")
      .unit("deaths/year")
      .range(0.0, 1e7)
      .required();
  d.add("supply_elasticity", &DrugParams::supply_elasticity,
        "elasticity of overdose deaths to drugs reaching the U.S.")
      .range(0.0, 10.0);
  d.add("demand_trend", &DrugParams::demand_trend, "yearly change of underlying drug demand")
      .unit("fraction/year")
      .range(-0.5, 0.5);
  d.add("cartel_revenue_usd", &DrugParams::cartel_revenue_usd,
        "cartels' yearly drug revenue at the start")
      .unit("USD/year")
      .range(0.0, 1e12);
  auto& g = r.section("guns", &MarketParams::guns, "firearms trafficked from the U.S.");
  g.add("guns_smuggled", &GunParams::guns_smuggled, "firearms trafficked into Mexico at the start")
      .unit("guns/year")
      .range(0.0, 1e8)
      .required();
  g.add("atf_effect", &GunParams::atf_effect,
        "share of trafficking that full ATF cooperation stops, compared with none")
      .unit("fraction")
      .range(0.0, 1.0);
  g.add("demand_elasticity", &GunParams::demand_elasticity,
        "elasticity of trafficking to cartel revenue")
      .range(0.0, 10.0);
  g.add("initial_atf_cooperation", &GunParams::initial_atf_cooperation,
        "level of ATF cooperation at the start")
      .unit("0..1")
      .range(0.0, 1.0);
  auto& c = r.section("prc", &MarketParams::prc, "the PRC's investment push into Mexico");
  c.add("announced_usd", &PrcParams::announced_usd,
        "PRC investment announced in Mexico per year at the start (projects, not realised FDI)")
      .unit("USD/year")
      .range(0.0, 1e13)
      .required();
  c.add("usmca_exit_factor", &PrcParams::usmca_exit_factor,
        "share of the push left once the USMCA no longer opens the U.S. market")
      .unit("fraction")
      .range(0.0, 1.0);
  c.add("incentive_effect", &PrcParams::incentive_effect,
        "relative rise of PRC announcements at full nearshoring incentives")
      .range(0.0, 100.0);
  c.add("push_growth", &PrcParams::push_growth, "yearly growth of the PRC's push to invest abroad")
      .unit("fraction/year")
      .range(-1.0, 1.0);
  c.add("screening_effect", &PrcParams::screening_effect,
        "share of PRC entries that screening stops")
      .unit("fraction")
      .range(0.0, 1.0);
  c.add("us_tariff_effect", &PrcParams::us_tariff_effect,
        "log-drop of PRC entry per unit rise of the U.S. tariff on Chinese goods")
      .range(0.0, 100.0);
  auto& cu = r.section("cuba", &MarketParams::cuba, "support to Cuba");
  cu.add("barrels_per_shipment", &CubaParams::barrels_per_shipment, "oil per oil_to_cuba action")
      .unit("barrels")
      .range(0.0, 1e9)
      .required();
}

void Markets::build(const MarketParams& p, const MarketDrivers& d0, const StepContext& /*ctx*/) {
  p_ = p;
  us_exports_ = p.economy.us_exports_to_mx_usd;
  economy_ = 1.0;
  overdoses_ = p.drugs.overdose_deaths;
  demand_ = 1.0;
  guns_ = p.guns.guns_smuggled;
  prc_push_ = 1.0;
  prc_announced_ = p.prc.announced_usd;
  atf0_ = d0.atf_cooperation;
  tariff_cn0_ = d0.tariff_us_on_cn;
}

void Markets::update(const MarketDrivers& in, const StepContext& ctx) {
  const MarketDrivers& pol = in;
  const double dt = ctx.dt, years = ctx.years_after();
  const EconomyParams& e = p_.economy;
  const bool terminated = pol.usmca_status == UsmcaStatus::terminated;
  const double mfn = terminated ? e.usmca_exit_tariff : 0.0;
  // Mexico's economy: exports to the U.S. and remittances weighted by their shares of GDP.
  const double x = in.mx_exports_usd / std::max(1.0, in.mx_exports0_usd) - 1.0;
  const double rem = in.remittances_usd / std::max(1.0, in.remittances0_usd) - 1.0;
  economy_ = std::max(e.economy_floor, 1.0 + e.export_weight * x + e.remittance_weight * rem);
  // U.S. exports to Mexico: inputs follow Mexican exports, the rest Mexican demand; Mexico's
  // tariff cuts them through the tariff-inclusive price, the MFN tariff once the USMCA has ended
  // (on the goods that claimed its preference), and uncertainty about the USMCA.
  const double drivers = e.input_share * (1.0 + x) + (1.0 - e.input_share) * economy_;
  const double price =
      e.usmca_share * std::pow(1.0 + pol.tariff_mx_on_us + mfn, -e.trade_elasticity) +
      (1.0 - e.usmca_share) *
          std::pow((1.0 + e.usmca_exit_tariff + pol.tariff_mx_on_us) / (1.0 + e.usmca_exit_tariff),
                   -e.trade_elasticity);
  const double target =
      e.us_exports_to_mx_usd * drivers * price *
      std::max(0.0, 1.0 - e.uncertainty_drag * std::min(steps(pol.usmca_status), 3));
  us_exports_ += (1.0 - std::exp(-e.adjust_per_year * dt)) * (target - us_exports_);
  // Overdoses follow demand and the supply that gets through.
  demand_ = std::pow(1.0 + p_.drugs.demand_trend, years);
  overdoses_ = p_.drugs.overdose_deaths * demand_ *
               std::pow(std::max(0.0, in.drug_supply_index), p_.drugs.supply_elasticity);
  // Guns follow cartels' revenue; ATF cooperation stops a share of them.
  const GunParams& g = p_.guns;
  const double rev = std::max(0.0, in.cartel_revenue_usd / std::max(1.0, in.cartel_revenue0_usd));
  guns_ = g.guns_smuggled * std::pow(rev, g.demand_elasticity) *
          (1.0 - g.atf_effect * pol.atf_cooperation) / std::max(1e-9, 1.0 - g.atf_effect * atf0_);
  // The PRC's push: grows, is stopped by screening and by U.S. tariffs on China via Mexico,
  // and loses most of its point once the USMCA no longer opens the U.S. market.
  const PrcParams& c = p_.prc;
  prc_push_ = std::pow(1.0 + c.push_growth, years) *
              (pol.prc_screening ? 1.0 - c.screening_effect : 1.0) *
              std::exp(-c.us_tariff_effect * std::max(0.0, pol.tariff_us_on_cn - tariff_cn0_)) *
              (terminated ? c.usmca_exit_factor : 1.0);
  prc_announced_ =
      c.announced_usd * prc_push_ * (1.0 + c.incentive_effect * pol.nearshoring_incentives);
}

}  // namespace vecinos
