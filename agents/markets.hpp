#pragma once
// Parameters of the aggregate processes: bilateral trade and Mexico's economy, U.S. drug
// demand and overdoses, the U.S. gun market, the PRC's investment push, Cuba.
#include <cmath>

#include "agents/usmca_status.hpp"
#include "model/hash.hpp"
#include "model/schema.hpp"
#include "model/step_context.hpp"

namespace vecinos {

struct EconomyParams {
  double us_exports_to_mx_usd = kFromConfig;  ///< USD/year at the start
  double trade_elasticity = kFromConfig;  ///< Mexico's import demand to the tariff-inclusive price
  double adjust_per_year = 3.0;           ///< speed of trade toward its target (1/year)
  double usmca_exit_tariff = 0.035;  ///< average MFN tariff (non-USMCA goods; all once it ends)
  double usmca_share = 0.5;          ///< share of U.S. exports to Mexico claiming USMCA preference
  double uncertainty_drag = 0.04;    ///< trade lost per step of usmca_status (fraction)
  double input_share = 0.4;          ///< share of U.S. exports that are inputs to Mexican exporters
  double export_weight = kFromConfig;      ///< Mexico's goods exports to the U.S. / its GDP
  double remittance_weight = kFromConfig;  ///< remittances received / Mexico's GDP
  double economy_floor = 0.2;              ///< the economy index never falls below this
  double mx_wage_usd = 5500;               ///< annual earnings of a Mexican worker at home
  double us_wage_usd = 32000;  ///< annual earnings of an unauthorized Mexican worker in the U.S.
};

struct DrugParams {
  double overdose_deaths = kFromConfig;  ///< per year at the start
  double supply_elasticity = 0.6;        ///< deaths respond to supply reaching the U.S.
  double demand_trend = 0.0;             ///< yearly change in underlying demand
  double cartel_revenue_usd = 13.0e9;    ///< cartels' yearly drug revenue at the start
};

struct GunParams {
  double guns_smuggled = kFromConfig;  ///< per year at the start
  double atf_effect = 0.5;             ///< share of trafficking ATF cooperation at 1 stops, vs at 0
  double demand_elasticity = 0.8;      ///< response of trafficking to cartels' revenue
  double initial_atf_cooperation = 0.6;
};

struct PrcParams {
  double announced_usd = kFromConfig;  ///< PRC investment announced in Mexico per year at the start
  double push_growth = 0.10;           ///< yearly growth of the PRC's investment push
  double screening_effect = 0.7;       ///< share of PRC investment that screening blocks
  double us_tariff_effect = 2.0;       ///< sensitivity of PRC entry to U.S. tariffs via Mexico
  double usmca_exit_factor = 0.3;      ///< what is left of the push once the USMCA has ended
  double incentive_effect = 0.5;       ///< rise of announcements at full nearshoring incentives
};

struct CubaParams {
  double barrels_per_shipment = kFromConfig;  ///< oil per oil_to_cuba action
};

struct MarketParams {
  EconomyParams economy;
  DrugParams drugs;
  GunParams guns;
  PrcParams prc;
  CubaParams cuba;
};

void describe(schema::Record<MarketParams>& r);

/// What the aggregate processes read of the rest of the world: the policies in force, and the
/// agents' aggregates now and at the start.
struct MarketDrivers {
  double tariff_mx_on_us{}, tariff_us_on_cn{}, atf_cooperation{}, nearshoring_incentives{};
  UsmcaStatus usmca_status{};
  bool prc_screening{};
  double mx_exports_usd{}, mx_exports0_usd{};  ///< firms' exports to the U.S.
  double remittances_usd{}, remittances0_usd{};
  double drug_supply_index{};  ///< drugs reaching the U.S. relative to the start
  double cartel_revenue_usd{}, cartel_revenue0_usd{};
};

/// The aggregate processes' state and their yearly-rate outputs (valid once built).
class Markets {
 public:
  using Params = MarketParams;
  using Drivers = MarketDrivers;

  /// The start's levels; of the drivers only the policies at the start are read.
  void build(const MarketParams& p, const MarketDrivers& d0, const StepContext& ctx);
  /// Advances over one step, after the agents have resolved it.
  void update(const MarketDrivers& in, const StepContext& ctx);

  [[nodiscard]] double us_exports_usd() const { return us_exports_; }
  [[nodiscard]] double economy() const { return economy_; }
  [[nodiscard]] double log_wage_ratio_change() const { return -std::log(economy_); }
  [[nodiscard]] double overdose_deaths() const { return overdoses_; }
  [[nodiscard]] double drug_demand() const { return demand_; }
  [[nodiscard]] double drug_revenue_usd() const { return p_.drugs.cartel_revenue_usd; }
  [[nodiscard]] double guns_smuggled() const { return guns_; }
  [[nodiscard]] double prc_push() const { return prc_push_; }
  /// PRC investment announced in Mexico, USD/year: the push, raised by nearshoring incentives
  /// (announcements are projects, not realised flows; those are firms' entries).
  [[nodiscard]] double prc_announced_usd() const { return prc_announced_; }
  [[nodiscard]] const MarketParams& params() const { return p_; }
  /// Every member that changes during a run (the digest: output/digest.hpp).
  void hash(Fnv1a& h) const {
    h.value(us_exports_), h.value(economy_), h.value(overdoses_), h.value(demand_);
    h.value(guns_), h.value(prc_push_), h.value(prc_announced_), h.value(atf0_);
    h.value(tariff_cn0_);
  }

 private:
  MarketParams p_;
  double us_exports_{}, economy_{}, overdoses_{}, demand_{}, guns_{}, prc_push_{}, prc_announced_{};
  double atf0_{}, tariff_cn0_{};  ///< policies at the start
};

}  // namespace vecinos
