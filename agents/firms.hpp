#pragma once
// Firms producing in Mexico: U.S.-, Mexican- and PRC-owned, by sector and state.
//
// Each firm has capital, exports to the U.S. and a market: what it could sell there at the
// start's conditions. U.S. tariffs shrink that market through the tariff-inclusive price (the
// 2018-19 evidence: complete pass-through to U.S. prices, so exporters lose volume rather than
// margin), on the goods claiming USMCA preference and on the rest (which already pay the MFN
// tariff) apart; U.S. tariffs on China divert demand toward Mexico. Its expected return falls
// with USMCA uncertainty, extortion where cartels are strong and, for foreign owners, lost legal
// certainty; it rises with nearshoring incentives. A firm wants the capital its market needs at
// that return; at reviews it invests, holds, divests or relocates by logit on the log gap of
// desired to actual capital, so capital adjusts toward a target and stops there. Exports follow
// what it can sell and produce with a lag. Firms not yet in Mexico enter at a hazard that
// follows the return, the market and, for PRC firms, the PRC's push. Exports sum to U.S.
// imports from Mexico; owners' capital changes are the FDI flows; dissatisfied owners lobby
// their government. Equations: model/ODD.md, M1, M6 and M7.
#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "agents/owner.hpp"
#include "agents/usmca_status.hpp"
#include "model/hash.hpp"
#include "model/rng.hpp"
#include "model/schema.hpp"
#include "model/step_context.hpp"

namespace vecinos {

namespace streams {
inline constexpr StreamId kFirmBuild = 30;     ///< initial firms
inline constexpr StreamId kFirmDecision = 31;  ///< firms' choices
}  // namespace streams

inline constexpr std::size_t kSectors = 5;
extern const std::array<std::string_view, kSectors> kSectorNames;
enum class FirmStatus : std::uint8_t { potential, active, relocated };
enum class FirmChoice : std::uint8_t { none, invest, hold, divest, relocate, enter };
std::string_view name(FirmStatus s);
std::string_view name(FirmChoice c);

struct FirmParams {
  int agents = 3000;                                           ///< firm agents
  double scale = 10;                                           ///< real firms each agent stands for
  std::array<double, kOwners> agent_share{0.30, 0.55, 0.15};   ///< of active firms, by owner
  std::array<double, kOwners> export_share{0.50, 0.40, 0.10};  ///< of exports, by owner
  std::array<double, kSectors> sector_share{0.35, 0.22, 0.13, 0.10, 0.20};  ///< of exports
  std::array<double, kOwners> potential_share{0.3, 0.1,
                                              0.8};  ///< agents not yet in Mexico, by owner
  /// Where manufacturing for export sits, by state (relative weights; assumption: the border
  /// states, the Bajio and the centre weigh most, the pattern of INEGI's manufacturing census).
  std::array<double, 32> region_weight{3,   3,   3,   3,   3,   3,   1,   0.2, 0.2, 0.2, 2,
                                       0.2, 0.2, 2,   0.2, 0.2, 2,   2,   0.2, 0.2, 0.2, 0.2,
                                       1,   1,   0.2, 1,   0.2, 0.2, 0.2, 0.2, 0.2, 0.2};
  double size_dispersion = 1.2;      ///< sd of log firm size
  double exports_usd = kFromConfig;  ///< U.S. imports from Mexico at the start
  double capital_per_export = 0.6;
  std::array<double, kOwners> fdi_usd{kFromConfig, kFromConfig,
                                      kFromConfig};  ///< yearly FDI flows at the start
  double review_rate = 2.0;                          ///< reviews per firm per year
  double entry_rate = 0.3;          ///< hazard of entering for a potential firm, per year
  double entry_sensitivity = 6.25;  ///< log entry hazard per unit of return above the hurdle
  double mean_return = 0.11;
  double return_dispersion = 0.03;
  double hurdle = 0.11;
  double choice_sensitivity = 25.0;        ///< logit sensitivity to the log gap of desired capital
  double capital_return_elasticity = 5.0;  ///< log desired capital per unit of return lost
  double invest_step = 0.1;                ///< capital added by an investment (fraction)
  double divest_step = 0.1;                ///< capital withdrawn by a divestment (fraction)
  double relocate_cost =
      0.7;  ///< log gap of desired capital beyond which relocating rivals divesting
  double hold_preference = 2.0;             ///< logit utility of holding (inertia)
  double import_elasticity = kFromConfig;   ///< U.S. import demand to the tariff-inclusive price
  double exporter_incidence = kFromConfig;  ///< share of a U.S. tariff exporters absorb in price
  std::array<double, kOwners> usmca_share{0.55, 0.5, 0.3};  ///< exports claiming USMCA preference
  bool tariff_spares_usmca = false;      ///< U.S. tariffs on Mexico spare USMCA-qualifying goods
  double china_diversion = kFromConfig;  ///< log demand per unit rise of U.S. tariffs on China
  double export_adjust = 4.0;            ///< 1/year: speed of exports toward what firms can sell
  double transshipment = 0.3;      ///< share of PRC firms' exports facing U.S. tariffs on China
  double uncertainty_cost = 0.01;  ///< return lost per step of usmca_status
  double extortion_cost = 0.02;    ///< return lost at twice the average cartel presence, vs average
  double legal_cost = 0.04;  ///< return lost by foreign firms as legal certainty goes 0.5 -> 0
  double incentive_return = 0.02;  ///< return gained at full nearshoring incentives
  double fdi_smoothing = 0.25;     ///< years over which FDI flows are averaged
};

void describe(schema::Record<FirmParams>& r);

/// What drives firms in a step (read from the world at tick t).
struct FirmDrivers {
  double tariff_us_on_mx{}, tariff_us_on_cn{};
  double mfn_tariff{};  ///< the MFN tariff goods outside the USMCA's preference pay
  double initial_tariff_us_on_cn{};
  UsmcaStatus usmca_status{};
  double legal_certainty{}, initial_legal_certainty{};
  double nearshoring_incentives{};
  std::array<double, 32> cartel_presence{};  ///< members by region relative to the start
  double prc_push{};                         ///< PRC entry multiplier (push, screening, tariffs)
};

class Firms {
 public:
  using Params = FirmParams;
  using Drivers = FirmDrivers;

  void build(const FirmParams& p, const FirmDrivers& d0, const StepContext& ctx);
  /// Memory the firms of these parameters take, in bytes: 32 per agent (measured with `vecinos
  /// bench`: 300,000 agents add 9 MB to the peak).
  static std::uint64_t estimated_bytes(const FirmParams& p) {
    return 32 * static_cast<std::uint64_t>(std::max(0, p.agents));
  }
  void decide(const FirmDrivers& d, const StepContext& ctx);
  void resolve(const StepContext& ctx);

  [[nodiscard]] std::size_t size() const { return owner_.size(); }
  [[nodiscard]] std::uint8_t owner(std::size_t i) const { return owner_[i]; }
  [[nodiscard]] std::uint8_t sector(std::size_t i) const { return sector_[i]; }
  [[nodiscard]] std::uint8_t region(std::size_t i) const { return region_[i]; }
  [[nodiscard]] FirmStatus status(std::size_t i) const {
    return static_cast<FirmStatus>(status_[i]);
  }
  [[nodiscard]] FirmChoice choice(std::size_t i) const {
    return static_cast<FirmChoice>(choice_[i]);
  }
  [[nodiscard]] double capital(std::size_t i) const { return capital_[i]; }
  [[nodiscard]] double exports(std::size_t i) const { return exports_[i]; }
  [[nodiscard]] double expected_return(std::size_t i) const {
    return static_cast<double>(return_[i]);
  }
  /// What the firm could sell in the U.S. now relative to its market at the start (the tariffs
  /// it faces, the USMCA, trade diverted from China).
  [[nodiscard]] double demand_factor(std::size_t i, const FirmDrivers& d) const {
    return owner_demand_factor(owner_[i], d);
  }
  /// The same for every firm of one owner (it depends on nothing else).
  [[nodiscard]] double owner_demand_factor(std::size_t owner, const FirmDrivers& d) const;
  [[nodiscard]] double scale() const { return p_.scale; }

  // Aggregates (scaled) after the last resolve.
  [[nodiscard]] double exports_usd() const { return total_exports_; }
  [[nodiscard]] double exports_usd(std::size_t owner) const { return exports_by_owner_[owner]; }
  [[nodiscard]] double fdi_usd(std::size_t owner) const { return fdi_smoothed_[owner]; }
  [[nodiscard]] double active_firms() const { return active_; }
  /// Capital-weighted loss of expected return since the start among foreign firms of `owner`
  /// (what their lobby presses about), in return points.
  [[nodiscard]] double grievance(std::size_t owner) const { return grievance_[owner]; }

  /// Every member that changes during a run (the digest: output/digest.hpp).
  void hash(Fnv1a& h) const {
    h.values(status_), h.values(choice_), h.values(capital_), h.values(exports_), h.values(acc_);
    h.values(market_), h.values(return_), h.values(threshold_), h.values(loss_);
    h.value(exports_by_owner_), h.value(fdi_smoothed_), h.value(grievance_);
    h.value(total_exports_), h.value(active_);
  }

 private:
  [[nodiscard]] double return_of(std::size_t i, const FirmDrivers& d) const;
  [[nodiscard]] double tariff_faced(std::size_t i, const FirmDrivers& d) const;
  [[nodiscard]] double desired_gap(std::size_t i, double ret, double df) const;
  void summarise(double dt);

  FirmParams p_;
  std::vector<std::uint8_t> owner_, sector_, region_, status_, choice_, n_status_;
  std::vector<double> capital_, exports_, n_capital_, n_exports_, market_;
  std::vector<float> base_return_, return_, acc_, threshold_, loss_;
  std::array<double, kOwners> entry_capital_{}, exports_by_owner_{}, fdi_smoothed_{}, grievance_{};
  double total_exports_ = 0, active_ = 0;
};

}  // namespace vecinos
