#pragma once
// The outcome indicators: a naming contract (../shared/MODEL-BRIEF.md, "Outcome indicators").
// Every indicator is computed every tick; names and units are what outputs use.
#include <array>
#include <cmath>
#include <string_view>

namespace vecinos {

enum class Ind : std::size_t {
  tariff_us_on_mx,
  tariff_mx_on_us,
  tariff_us_on_cn,
  usmca_status,
  trade_us_mx_usd,
  fdi_us_mx_usd,
  fdi_cn_mx_usd,
  remittances_usd,
  border_encounters,
  deportations_mexican_cum,
  deportations_other_cum,
  extraditions_cum,
  us_strikes_cum,
  mexican_unauthorized_in_us,
  transit_migrants_in_mx,
  cartel_members,
  mx_border_troops,
  us_overdose_deaths,
  mx_homicides,
  guns_smuggled,
  security_cooperation,
  legal_certainty,
  relationship_tension,
  leader_bond,
  approval_us_president,
  approval_mx_president,
  remain_in_mexico,
  // Beyond the brief's contract:
  interior_removals_mexican_cum,
  us_imports_from_mx_usd,
  us_exports_to_mx_usd,
  mx_domestic_pressure,
  cartel_cells,
  cartel_revenue_usd,
  firms_active,
  us_congress_share,
  mx_congress_share,
  us_incumbent_party_won,
  position_distance,
  apprehensions_mexican_cum,
  third_country_removed_to_mx_cum,
  removal_capacity,
  investor_disputes_cum,
  prc_announced_usd,
  escalations_held_back_cum,
  us_demand_compliance,
  tariff_threat_pending,
  count_
};
inline constexpr std::size_t kIndicatorCount = static_cast<std::size_t>(Ind::count_);
constexpr std::size_t index(Ind i) {
  return static_cast<std::size_t>(i);
}

struct IndicatorInfo {
  std::string_view name;
  std::string_view units;
  std::string_view description;
  double lo, hi;  ///< the range every value must stay in
};

/// Name, units, description and range of each indicator, in enum order.
extern const std::array<IndicatorInfo, kIndicatorCount> kIndicatorInfo;

/// The indicator values of one tick. Values not computed by any mechanism are NaN.
class Indicators {
 public:
  Indicators() { values_.fill(std::nan("")); }
  double& operator[](Ind i) { return values_[static_cast<std::size_t>(i)]; }
  double operator[](Ind i) const { return values_[static_cast<std::size_t>(i)]; }
  [[nodiscard]] const std::array<double, kIndicatorCount>& values() const { return values_; }

 private:
  std::array<double, kIndicatorCount> values_{};
};

}  // namespace vecinos
