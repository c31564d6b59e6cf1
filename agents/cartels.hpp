#pragma once
// Cartels: criminal organisations made of cells, each in one of Mexico's 32 states.
//
// A cell has members, an arsenal, a leader (or not), a mix of smuggling routes, corruption
// reach and revenue. Each tick cells earn from drugs delivered to the U.S. and from smuggling
// migrants, recruit, fight rival organisations in their state, lose members to conflict and
// arrests, buy guns, shift routes away from interdiction (the balloon effect) and buy
// protection. Leaders removed by transfers to the U.S. or by strikes leave cells that may
// split into rival organisations. Equations: model/ODD.md, M4 and M5.
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "model/hash.hpp"
#include "model/rng.hpp"
#include "model/schema.hpp"
#include "model/step_context.hpp"

namespace vecinos {

namespace streams {
inline constexpr StreamId kCartelBuild = 20;   ///< initial cells
inline constexpr StreamId kCartelEvent = 21;   ///< cells' random events
inline constexpr StreamId kCartelTarget = 22;  ///< which cells lose leaders
}  // namespace streams

inline constexpr std::size_t kRegions = 32;       ///< Mexico's federal entities
inline constexpr std::size_t kBorderRegions = 6;  ///< regions 0..5 border the U.S.
inline constexpr std::size_t kRoutes = 3;         ///< ports of entry, between ports, sea and air
extern const std::array<std::string_view, kRegions> kRegionNames;
extern const std::array<std::string_view, kRoutes> kRouteNames;

struct OrganizationParams {
  std::string name;
  double share = 0.1;  ///< share of all members at the start
  int cells = 10;
  std::vector<int> regions{0};  ///< regions (kRegionNames indices) its cells are spread over
};

struct CartelParams {
  double total_members = kFromConfig;
  int max_cells = 400;  ///< splits stop when there are this many cells
  std::map<std::string, OrganizationParams> organizations;
  double recruitment_per_week = kFromConfig;
  double conflict_member_share = 0.5;  ///< share of conflict deaths that are cartel members
  double homicides = kFromConfig;      ///< per year at the start (all causes)
  double conflict_share = 0.6;         ///< share of homicides from organised-crime conflict
  std::array<double, kRoutes> route_mix{0.6, 0.25, 0.15};
  std::array<double, kRoutes> interdiction_us{0.10, 0.12, 0.08};
  std::array<double, kRoutes> interdiction_mx{0.04, 0.05, 0.06};
  std::array<double, kRoutes> route_exposure{
      1.0, 1.0, 0.3};               ///< how much U.S. border enforcement reaches each route
  double route_adapt = 2.0;         ///< 1/year: speed of moving toward safer routes
  double route_sensitivity = 15.0;  ///< logit sensitivity to interdiction
  double enforcement_sensitivity = 1.5;
  double fragmentation = 0.3;          ///< probability a leaderless cell splits
  double split_share = 0.4;            ///< share of a splitting cell that leaves
  double leader_replacement = 2.0;     ///< 1/year
  double strike_casualties = 25;       ///< members killed per strike
  double strike_retaliation = 0.5;     ///< extra conflict in the struck region, decaying
  double corruption_base = 0.3;        ///< protection bought at the start's revenue per member
  double corruption_adjust = 0.5;      ///< 1/year: speed toward the protection revenue buys
  double smuggling_fee_usd = 6000;     ///< per migrant crossing (paid to cartels)
  double gun_depreciation = 0.1;       ///< 1/year: arsenal lost or seized
  double returnee_recruitment = 0.2;   ///< relative rise of recruitment per million returnees
  double cell_size_dispersion = 0.5;   ///< sd of log cell sizes at the start
  double troop_effect = 0.1;           ///< relative rise of Mexican interdiction per 10,000 troops
  double cooperation_offset = 0.5;     ///< Mexican enforcement at zero cooperation (x (this + c))
  double corruption_cap = 0.95;        ///< protection never neutralises more than this
  double interdiction_cap = 0.95;      ///< no route loses more than this share of its flow
  double strike_leader_removal = 0.5;  ///< probability a strike removes its cell's leader
  double retaliation_decay = 4.0;      ///< 1/year: how fast a strike's retaliation fades
  double economy_floor = 0.2;          ///< the labour pool's economy index never falls below this
};

void describe(schema::Record<CartelParams>& r);

/// What drives the cells in a step (read from the world at tick t).
struct CartelDrivers {
  double border_enforcement{};
  double mx_border_troops{};
  double security_cooperation{};
  double drug_demand{};        ///< demand index (1 at the start)
  double drug_revenue_usd{};   ///< potential yearly revenue at full delivery
  double migrant_crossings{};  ///< persons per year crossing with smugglers
  double guns_per_year{};
  double returnees_recent{};  ///< persons returned in the last year
  double economy{};           ///< Mexico's economy index
};

class Cartels {
 public:
  using Params = CartelParams;
  using Drivers = CartelDrivers;

  /// Cells from the parameters; scales are calibrated so that, under the drivers `d0` of the
  /// start, recruitment, conflict homicides and arrests match the configured levels and
  /// membership is stationary.
  void build(const CartelParams& p, const CartelDrivers& d0, const StepContext& ctx);
  void decide(const CartelDrivers& d, const StepContext& ctx);
  /// Leaders removed (transfers to the U.S.) and strikes in this step, applied in resolve.
  void remove_leaders(int n) { pending_leaders_ += n; }
  void strike() { pending_strikes_ += 1; }
  /// Applies leader removals and strikes of this step, then the decided states.
  void resolve(const StepContext& ctx);

  [[nodiscard]] std::size_t size() const { return org_.size(); }
  [[nodiscard]] std::uint32_t org(std::size_t c) const { return org_[c]; }
  [[nodiscard]] std::uint32_t region(std::size_t c) const { return region_[c]; }
  [[nodiscard]] double members(std::size_t c) const { return members_[c]; }
  [[nodiscard]] double arsenal(std::size_t c) const { return arsenal_[c]; }
  [[nodiscard]] bool has_leader(std::size_t c) const { return leader_[c] != 0; }
  [[nodiscard]] double revenue(std::size_t c) const { return revenue_[c]; }
  [[nodiscard]] double corruption(std::size_t c) const { return corruption_[c]; }
  [[nodiscard]] double route(std::size_t c, std::size_t r) const { return routes_[c][r]; }
  [[nodiscard]] double deaths(std::size_t c) const { return deaths_[c]; }
  [[nodiscard]] const std::vector<std::string>& organization_names() const { return org_names_; }

  // Aggregates after the last resolve.
  [[nodiscard]] double total_members() const { return total_members_; }
  [[nodiscard]] double total_revenue() const { return total_revenue_; }
  [[nodiscard]] double homicides_per_year() const { return homicides_; }
  /// Drugs reaching the U.S. relative to the start.
  [[nodiscard]] double supply_index() const { return supply_index_; }
  [[nodiscard]] double members_in_region(std::size_t r) const { return region_members_[r]; }
  [[nodiscard]] double leaders_removed_total() const { return leaders_removed_; }
  [[nodiscard]] double splits_total() const { return splits_; }

  /// Every member that changes during a run (the digest: output/digest.hpp).
  void hash(Fnv1a& h) const {
    h.value(org_names_.size());
    h.values(org_), h.values(region_), h.values(leader_), h.values(members_), h.values(arsenal_);
    h.values(revenue_), h.values(corruption_), h.values(deaths_), h.values(delivered_);
    h.values(routes_);
    h.value(region_strength_), h.value(region_members_), h.value(retaliation_);
    for (const auto& [key, s] : org_region_strength_)
      h.value(key.first), h.value(key.second), h.value(s);
    h.value(guns_), h.value(total_members_), h.value(total_revenue_), h.value(homicides_);
    h.value(supply_index_), h.value(leaders_removed_), h.value(splits_);
    h.value(pending_leaders_), h.value(pending_strikes_);
  }

 private:
  void add_cell(std::uint32_t org, std::uint32_t region, double members, double arsenal,
                const std::array<double, kRoutes>& routes, double corruption);
  void remove_leader(std::size_t c, Rng& r);
  void summarise(double dt);
  [[nodiscard]] std::array<double, kRoutes> interdiction(std::size_t c,
                                                         const CartelDrivers& d) const;
  /// What cell c earns and loses per year under drivers d (before the scales that calibrate).
  struct Flows {
    double revenue, delivered, per_member, contact, arrest_factor;
  };
  [[nodiscard]] Flows flows(std::size_t c, const CartelDrivers& d, double border_members) const;
  [[nodiscard]] double border_members() const;

  CartelParams p_;
  std::vector<std::string> org_names_;
  // Cell state (structure of arrays), current and decided next.
  std::vector<std::uint32_t> org_, region_;
  std::vector<std::uint8_t> leader_;
  std::vector<double> members_, arsenal_, revenue_, corruption_, deaths_, delivered_;
  std::vector<std::array<double, kRoutes>> routes_;
  std::vector<double> n_members_, n_arsenal_, n_revenue_, n_corruption_, n_deaths_, n_delivered_;
  std::vector<std::array<double, kRoutes>> n_routes_;
  // Region conflict exposure (sum of sqrt(arsenal) by region, and by region and organisation).
  std::array<double, kRegions> region_strength_{}, region_members_{}, retaliation_{};
  std::map<std::pair<std::uint32_t, std::uint32_t>, double> org_region_strength_;
  double violence_scale_ = 0, arrest_scale_ = 0, recruit_scale_ = 0, revenue_per_member0_ = 0;
  double delivered0_ = 0, homicides_base_ = 0, guns_ = 0, potential0_ = 0;
  double total_members_ = 0, total_revenue_ = 0, homicides_ = 0, supply_index_ = 1;
  double leaders_removed_ = 0, splits_ = 0;
  int pending_leaders_ = 0, pending_strikes_ = 0;
};

}  // namespace vecinos
