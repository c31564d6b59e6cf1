#include "agents/cartels.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

namespace vecinos {

// INEGI's federal entities; the first six border the United States.
const std::array<std::string_view, kRegions> kRegionNames = {
    "Baja California", "Sonora",          "Chihuahua",        "Coahuila",
    "Nuevo Leon",      "Tamaulipas",      "Aguascalientes",   "Baja California Sur",
    "Campeche",        "Chiapas",         "Ciudad de Mexico", "Colima",
    "Durango",         "Guanajuato",      "Guerrero",         "Hidalgo",
    "Jalisco",         "Mexico",          "Michoacan",        "Morelos",
    "Nayarit",         "Oaxaca",          "Puebla",           "Queretaro",
    "Quintana Roo",    "San Luis Potosi", "Sinaloa",          "Tabasco",
    "Tlaxcala",        "Veracruz",        "Yucatan",          "Zacatecas"};
const std::array<std::string_view, kRoutes> kRouteNames = {"ports_of_entry", "between_ports",
                                                           "sea_air"};

void Cartels::add_cell(std::uint32_t org, std::uint32_t region, double members, double arsenal,
                       const std::array<double, kRoutes>& routes, double corruption) {
  org_.push_back(org);
  region_.push_back(region);
  leader_.push_back(1);
  members_.push_back(members);
  arsenal_.push_back(arsenal);
  revenue_.push_back(0.0);
  corruption_.push_back(corruption);
  deaths_.push_back(0.0);
  delivered_.push_back(0.0);
  routes_.push_back(routes);
}

void Cartels::build(const CartelParams& p, const CartelDrivers& d0, const StepContext& ctx) {
  const std::uint64_t seed = ctx.seed, run = ctx.run;
  p_ = p;
  double share_total = 0;
  for (const auto& [id, o] : p.organizations) share_total += o.share;
  std::uint32_t org_id = 0;
  for (const auto& [id, o] : p.organizations) {
    org_names_.push_back(o.name);
    const double org_members = p.total_members * o.share / share_total;
    const std::size_t first = members_.size();
    // Each organisation's draws are keyed by its id, so adding one leaves the others' cells.
    Fnv1a key;
    key.bytes(id.data(), id.size());
    for (int k = 0; k < o.cells; ++k) {
      Rng r(seed, run, 0, key.result() + static_cast<std::uint64_t>(k), streams::kCartelBuild);
      const auto region =
          static_cast<std::uint32_t>(o.regions[static_cast<std::size_t>(k) % o.regions.size()]);
      // Cell sizes vary (log-normal), normalised to the organisation's total below.
      add_cell(org_id, region, std::exp(p.cell_size_dispersion * r.normal()), 0.0, p.route_mix,
               p.corruption_base);
    }
    double sum = 0;
    for (std::size_t c = first; c < members_.size(); ++c) sum += members_[c];
    for (std::size_t c = first; c < members_.size(); ++c) members_[c] *= org_members / sum;
    ++org_id;
  }
  // Arsenal at the start: stationary under the start's gun inflow and depreciation
  // (guns_smuggled / gun_depreciation), spread in proportion to members.
  const double arsenal0 = d0.guns_per_year / std::max(1e-6, p.gun_depreciation);
  for (std::size_t c = 0; c < size(); ++c) arsenal_[c] = arsenal0 * members_[c] / p.total_members;
  summarise(0.0);

  // Calibration at the start (model/ODD.md, M4): drug revenue per member, conflict deaths equal
  // to conflict_share of homicides, recruitment equal to the configured weekly figure, arrests
  // balancing recruitment against members lost to conflict, protection at its stationary level.
  potential0_ = d0.drug_revenue_usd * d0.drug_demand;
  delivered0_ = 1.0;
  revenue_per_member0_ = 1.0;
  const double bm = border_members();
  double delivered = 0, contact = 0;
  for (std::size_t c = 0; c < size(); ++c) {
    const Flows f = flows(c, d0, bm);
    delivered += f.delivered;
    contact += f.contact;
  }
  delivered0_ = delivered;
  revenue_per_member0_ =
      (potential0_ + d0.migrant_crossings * p.smuggling_fee_usd) / total_members_;
  const double conflict = p.conflict_share * p.homicides;
  violence_scale_ = contact > 0 ? conflict / contact : 0.0;
  homicides_base_ = p.homicides - conflict;
  const double pool = 1.0 / std::max(p.economy_floor, d0.economy);
  double recruit_weight = 0, arrest_weight = 0;
  for (std::size_t c = 0; c < size(); ++c) {
    const Flows f = flows(c, d0, bm);
    corruption_[c] = std::min(p.corruption_cap, p.corruption_base * std::sqrt(f.per_member));
    recruit_weight += members_[c] * std::sqrt(f.per_member) * pool;
  }
  for (std::size_t c = 0; c < size(); ++c)
    arrest_weight += members_[c] * flows(c, d0, bm).arrest_factor;
  const double recruits = p.recruitment_per_week * 52.1775;
  recruit_scale_ = recruit_weight > 0 ? recruits / recruit_weight : 0.0;
  const double lost_in_conflict = p.conflict_member_share * conflict;
  arrest_scale_ =
      arrest_weight > 0 ? std::max(0.0, recruits - lost_in_conflict) / arrest_weight : 0.0;
  for (std::size_t c = 0; c < size(); ++c) {
    const Flows f = flows(c, d0, bm);
    revenue_[c] = f.revenue;
    delivered_[c] = f.delivered;
  }
  summarise(0.0);
  homicides_ = p.homicides;
  supply_index_ = 1.0;
}

double Cartels::border_members() const {
  double m = 0;
  for (std::size_t c = 0; c < size(); ++c)
    if (region_[c] < kBorderRegions) m += members_[c];
  return m;
}

std::array<double, kRoutes> Cartels::interdiction(std::size_t c, const CartelDrivers& d) const {
  std::array<double, kRoutes> q{};
  const double us = p_.enforcement_sensitivity * 2.0 * (d.border_enforcement - 0.5);
  const double mx = (1.0 + d.mx_border_troops / 1e4 * p_.troop_effect) *
                    (p_.cooperation_offset + d.security_cooperation) * (1.0 - corruption_[c]);
  for (std::size_t r = 0; r < kRoutes; ++r)
    q[r] = std::clamp(p_.interdiction_us[r] * std::max(0.0, 1.0 + p_.route_exposure[r] * us) +
                          p_.interdiction_mx[r] * mx,
                      0.0, p_.interdiction_cap);
  return q;
}

Cartels::Flows Cartels::flows(std::size_t c, const CartelDrivers& d, double bm) const {
  Flows f{};
  const auto q = interdiction(c, d);
  double del = 0;
  for (std::size_t r = 0; r < kRoutes; ++r) del += routes_[c][r] * (1.0 - q[r]);
  f.delivered = members_[c] * del;
  const double potential = d.drug_revenue_usd * d.drug_demand;
  f.revenue = potential * f.delivered / delivered0_;
  if (region_[c] < kBorderRegions && bm > 0)
    f.revenue += d.migrant_crossings * p_.smuggling_fee_usd * members_[c] / bm;
  f.per_member = f.revenue / std::max(1.0, members_[c]) / revenue_per_member0_;
  const double rivals =
      region_strength_[region_[c]] - org_region_strength_.at({region_[c], org_[c]});
  f.contact = std::sqrt(arsenal_[c]) * rivals * (1.0 + retaliation_[region_[c]]);
  f.arrest_factor = (p_.cooperation_offset + d.security_cooperation) * (1.0 - corruption_[c]);
  return f;
}

void Cartels::decide(const CartelDrivers& d, const StepContext& ctx) {
  const double dt = ctx.dt;
  const std::size_t n = size();
  n_members_.resize(n), n_arsenal_.resize(n), n_revenue_.resize(n), n_corruption_.resize(n);
  n_deaths_.resize(n), n_delivered_.resize(n), n_routes_.resize(n);
  const double bm = border_members();
  const double pool = (1.0 + p_.returnee_recruitment * d.returnees_recent / 1e6) /
                      std::max(p_.economy_floor, d.economy);
  const double adapt = 1.0 - std::exp(-p_.route_adapt * dt);
  const double protect = 1.0 - std::exp(-p_.corruption_adjust * dt);

  tbb::parallel_for(
      tbb::blocked_range<std::size_t>(0, n, 16), [&](const tbb::blocked_range<std::size_t>& rg) {
        for (std::size_t c = rg.begin(); c != rg.end(); ++c) {
          const Flows f = flows(c, d, bm);
          // Balloon effect: route shares drift toward a logit of low interdiction.
          const auto q = interdiction(c, d);
          std::array<double, kRoutes> target{};
          double z = 0;
          for (std::size_t r = 0; r < kRoutes; ++r)
            z += target[r] = p_.route_mix[r] * std::exp(-p_.route_sensitivity * q[r]);
          for (std::size_t r = 0; r < kRoutes; ++r)
            n_routes_[c][r] = (1 - adapt) * routes_[c][r] + adapt * target[r] / z;
          const double pm = std::sqrt(std::max(0.0, f.per_member));
          const double recruits = recruit_scale_ * members_[c] * pm * pool * dt;
          const double deaths = violence_scale_ * f.contact;  // per year
          const double arrests = arrest_scale_ * members_[c] * f.arrest_factor * dt;
          n_members_[c] = std::max(
              1.0, members_[c] + recruits - p_.conflict_member_share * deaths * dt - arrests);
          n_deaths_[c] = deaths;
          n_revenue_[c] = f.revenue;
          n_delivered_[c] = f.delivered;
          n_arsenal_[c] =
              arsenal_[c] * std::exp(-p_.gun_depreciation * dt);  // new guns added in resolve
          n_corruption_[c] =
              corruption_[c] +
              protect * (std::min(p_.corruption_cap, p_.corruption_base * pm) - corruption_[c]);
        }
      });
  guns_ = d.guns_per_year;
}

void Cartels::remove_leader(std::size_t c, Rng& r) {
  if (leader_[c] == 0) return;
  leader_[c] = 0;
  leaders_removed_ += 1;
  if (r.uniform() < p_.fragmentation && size() < static_cast<std::size_t>(p_.max_cells)) {
    // A splinter: a new organisation in the same region, a rival of the old one.
    const auto org = static_cast<std::uint32_t>(org_names_.size());
    org_names_.push_back(org_names_[org_[c]] + " splinter " + std::to_string(org));
    const double m = members_[c] * p_.split_share, a = arsenal_[c] * p_.split_share;
    members_[c] -= m;
    arsenal_[c] -= a;
    const auto routes = routes_[c];
    add_cell(org, region_[c], m, a, routes, corruption_[c]);
    splits_ += 1;
  }
}

void Cartels::resolve(const StepContext& ctx) {
  const std::uint64_t seed = ctx.seed, run = ctx.run;
  const int tick = ctx.tick;
  const double dt = ctx.dt;
  const int leaders_removed = pending_leaders_, strikes = pending_strikes_;
  pending_leaders_ = pending_strikes_ = 0;
  const std::size_t n = size();
  members_.swap(n_members_), arsenal_.swap(n_arsenal_), revenue_.swap(n_revenue_);
  corruption_.swap(n_corruption_), deaths_.swap(n_deaths_), delivered_.swap(n_delivered_),
      routes_.swap(n_routes_);
  // Guns bought in proportion to revenue.
  const double rev =
      std::accumulate(revenue_.begin(), revenue_.begin() + static_cast<std::ptrdiff_t>(n), 0.0);
  for (std::size_t c = 0; c < n; ++c) arsenal_[c] += rev > 0 ? guns_ * dt * revenue_[c] / rev : 0.0;
  for (auto& x : retaliation_) x *= std::exp(-p_.retaliation_decay * dt);
  // Leaders removed by transfers to the U.S.: cells drawn in proportion to their size.
  Rng r(seed, run, static_cast<std::uint64_t>(tick), 0, streams::kCartelTarget);
  auto pick = [&]() -> std::optional<std::size_t> {
    std::vector<double> w(size());
    double total = 0;
    for (std::size_t c = 0; c < size(); ++c) total += w[c] = leader_[c] != 0 ? members_[c] : 0.0;
    if (total <= 0) return std::nullopt;
    return r.categorical(w);
  };
  for (int k = 0; k < leaders_removed; ++k)
    if (auto c = pick()) remove_leader(*c, r);
  for (int k = 0; k < strikes; ++k) {
    const auto target = pick();
    if (!target) break;
    const std::size_t c = *target;
    members_[c] = std::max(1.0, members_[c] - p_.strike_casualties);
    deaths_[c] += p_.strike_casualties / dt;  // counted in this step's homicide rate
    retaliation_[region_[c]] += p_.strike_retaliation;
    if (r.uniform() < p_.strike_leader_removal) remove_leader(c, r);
  }
  // Leaders are replaced.
  for (std::size_t c = 0; c < size(); ++c) {
    if (leader_[c] != 0) continue;
    Rng rc(seed, run, static_cast<std::uint64_t>(tick), c, streams::kCartelEvent);
    if (rc.uniform() < 1.0 - std::exp(-p_.leader_replacement * dt)) leader_[c] = 1;
  }
  summarise(dt);
}

void Cartels::summarise(double dt) {
  region_strength_.fill(0.0);
  region_members_.fill(0.0);
  org_region_strength_.clear();
  total_members_ = total_revenue_ = 0;
  double killed = 0, delivered = 0;
  for (std::size_t c = 0; c < size(); ++c) {
    const double s = std::sqrt(arsenal_[c]);
    region_strength_[region_[c]] += s;
    region_members_[region_[c]] += members_[c];
    org_region_strength_[{region_[c], org_[c]}] += s;
    total_members_ += members_[c];
    total_revenue_ += revenue_[c];
    killed += deaths_[c];
    delivered += delivered_[c];
  }
  if (dt > 0) {
    homicides_ = homicides_base_ + killed;
    supply_index_ = delivered0_ > 0 ? delivered / delivered0_ : 1.0;
  }
}

}  // namespace vecinos
