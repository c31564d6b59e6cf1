#include "agents/firms.hpp"

#include <algorithm>
#include <cmath>

#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include "agents/cartels.hpp"
#include "model/reduce.hpp"
#include "model/rng.hpp"

namespace vecinos {

const std::array<std::string_view, kSectors> kSectorNames = {"automotive", "electronics",
                                                             "machinery", "agrifood", "other"};

std::string_view name(FirmStatus s) {
  static constexpr std::string_view kNames[] = {"potential", "active", "relocated"};
  return kNames[static_cast<std::size_t>(s)];
}
std::string_view name(FirmChoice c) {
  static constexpr std::string_view kNames[] = {"none",   "invest",   "hold",
                                                "divest", "relocate", "enter"};
  return kNames[static_cast<std::size_t>(c)];
}

namespace {

constexpr auto u8(FirmStatus s) {
  return static_cast<std::uint8_t>(s);
}

// Utilities of invest, hold, divest, relocate for a log gap g = log(desired / actual capital).
std::array<double, 4> utilities(const FirmParams& p, double g) {
  const double b = p.choice_sensitivity;
  return {b * g, p.hold_preference, -b * g, -b * (g + p.relocate_cost)};
}

std::array<double, 4> probabilities(const FirmParams& p, double g) {
  auto u = utilities(p, g);
  double z = 0;
  for (double& x : u) z += x = std::exp(x);
  for (double& x : u) x /= z;
  return u;
}

// Entry of a potential firm: its return gap and the market it would serve.
double entry_hazard(const FirmParams& p, double return_gap, double push, double market) {
  return p.entry_rate * push * market * std::exp(p.entry_sensitivity * return_gap);
}

}  // namespace

void Firms::build(const FirmParams& p, const FirmDrivers& /*d0*/, const StepContext& ctx) {
  const std::uint64_t seed = ctx.seed, run = ctx.run;
  p_ = p;
  const auto n = static_cast<std::size_t>(std::max(0, p.agents));
  owner_.resize(n), sector_.resize(n), region_.resize(n), status_.resize(n), choice_.assign(n, 0);
  capital_.assign(n, 0.0), exports_.assign(n, 0.0), market_.assign(n, 0.0);
  base_return_.resize(n), return_.resize(n), acc_.assign(n, 0.0f), threshold_.resize(n);
  loss_.assign(n, 0.0f);
  std::array<double, kOwners> owner_w = p.agent_share;
  std::array<double, kOwners> owner_export_w{};
  std::vector<double> export_w(n, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    Rng r(seed, run, 0, i, streams::kFirmBuild);
    owner_[i] = static_cast<std::uint8_t>(r.categorical(owner_w));
    sector_[i] = static_cast<std::uint8_t>(r.categorical(p.sector_share));
    region_[i] = static_cast<std::uint8_t>(r.categorical(p.region_weight));
    status_[i] = r.uniform() < p.potential_share[owner_[i]] ? u8(FirmStatus::potential)
                                                            : u8(FirmStatus::active);
    base_return_[i] = static_cast<float>(p.mean_return + p.return_dispersion * r.normal());
    threshold_[i] = static_cast<float>(-std::log(r.uniform_pos()));
    // Firm sizes are very unequal: log-normal, times the sector's weight.
    export_w[i] = std::exp(p.size_dispersion * r.normal()) * p.sector_share[sector_[i]];
    if (status_[i] == u8(FirmStatus::active)) owner_export_w[owner_[i]] += export_w[i];
  }
  // Exports at the start: the owner's share of the total, spread by size (agent values are per
  // real firm; aggregates multiply by scale).
  double share_sum = 0;
  for (double s : p.export_share) share_sum += s;
  std::array<double, kOwners> mean_capital{}, count{};
  for (std::size_t i = 0; i < n; ++i) {
    const auto o = owner_[i];
    const double owner_total = p.exports_usd * p.export_share[o] / share_sum / p.scale;
    const double x = owner_export_w[o] > 0 ? owner_total * export_w[i] / owner_export_w[o] : 0.0;
    if (status_[i] == u8(FirmStatus::active)) {
      exports_[i] = x;
      market_[i] = x;
      capital_[i] = x * p.capital_per_export;
      mean_capital[o] += capital_[i];
      count[o] += 1;
    }
  }
  // Entry capital per owner so that expected FDI flows at the start equal fdi_usd: reviews of
  // active firms contribute their expected net investment (none at the start, where every firm
  // has the capital it wants), entries the rest.
  std::array<double, kOwners> review_flow{}, entry_weight{};
  for (std::size_t i = 0; i < n; ++i) {
    const auto o = owner_[i];
    if (status_[i] == u8(FirmStatus::active)) {
      const auto pr = probabilities(p, 0.0);
      review_flow[o] +=
          p.review_rate * capital_[i] * (pr[0] * p.invest_step - pr[2] * p.divest_step - pr[3]);
    } else {
      entry_weight[o] += entry_hazard(p, static_cast<double>(base_return_[i]) - p.hurdle, 1.0, 1.0);
    }
  }
  for (std::size_t o = 0; o < kOwners; ++o) {
    const double mean = count[o] > 0 ? mean_capital[o] / count[o] : 0.0;
    const double needed = p.fdi_usd[o] / p.scale - review_flow[o];
    entry_capital_[o] = entry_weight[o] > 0 && needed > 0 ? needed / entry_weight[o] : mean;
  }
  for (std::size_t i = 0; i < n; ++i) return_[i] = base_return_[i];
  n_status_ = status_;
  n_capital_ = capital_;
  n_exports_ = exports_;
  summarise(0.0);
  for (std::size_t o = 0; o < kOwners; ++o) fdi_smoothed_[o] = p.fdi_usd[o];
}

double Firms::tariff_faced(std::size_t i, const FirmDrivers& d) const {
  // The extra tariff on the firm's exports, weighted by what claims USMCA preference.
  const double share = p_.usmca_share[owner_[i]];
  const bool ended = d.usmca_status == UsmcaStatus::terminated;
  const double on_usmca =
      (p_.tariff_spares_usmca ? 0.0 : d.tariff_us_on_mx) + (ended ? d.mfn_tariff : 0.0);
  double t = share * on_usmca + (1.0 - share) * d.tariff_us_on_mx;
  if (owner_[i] == 2)
    t += p_.transshipment * std::max(0.0, d.tariff_us_on_cn - d.initial_tariff_us_on_cn);
  return t;
}

double Firms::owner_demand_factor(std::size_t owner, const FirmDrivers& d) const {
  const double sigma = p_.import_elasticity;
  const double share = p_.usmca_share[owner];
  const bool ended = d.usmca_status == UsmcaStatus::terminated;
  // Goods claiming USMCA preference pay nothing at the start; the rest already pay the MFN
  // tariff, so only the extra tariff moves their price.
  const double on_usmca =
      (p_.tariff_spares_usmca ? 0.0 : d.tariff_us_on_mx) + (ended ? d.mfn_tariff : 0.0);
  const double usmca = std::pow(1.0 + on_usmca, -sigma);
  const double other =
      std::pow((1.0 + d.mfn_tariff + d.tariff_us_on_mx) / (1.0 + d.mfn_tariff), -sigma);
  double f = share * usmca + (1.0 - share) * other;
  const double rise_cn = std::max(0.0, d.tariff_us_on_cn - d.initial_tariff_us_on_cn);
  // PRC firms' goods treated as Chinese lose that market; everyone else gains from diversion.
  if (owner == 2)
    f *= (1.0 - p_.transshipment) + p_.transshipment * std::pow(1.0 + rise_cn, -sigma);
  return f * std::exp(p_.china_diversion * rise_cn);
}

double Firms::return_of(std::size_t i, const FirmDrivers& d) const {
  double r = static_cast<double>(base_return_[i]);
  r -= p_.exporter_incidence * tariff_faced(i, d);
  r -= p_.uncertainty_cost * steps(d.usmca_status);
  r -= p_.extortion_cost * d.cartel_presence[region_[i]];
  if (owner_[i] != 1) r -= p_.legal_cost * (d.initial_legal_certainty - d.legal_certainty) / 0.5;
  r += p_.incentive_return * d.nearshoring_incentives;
  return r;
}

double Firms::desired_gap(std::size_t i, double ret, double df) const {
  // Desired capital: what its market needs now, at the return it expects.
  const double desired =
      p_.capital_per_export * market_[i] * df *
      std::exp(p_.capital_return_elasticity * (ret - static_cast<double>(base_return_[i])));
  return capital_[i] > 0 && desired > 0 ? std::log(desired / capital_[i]) : 0.0;
}

void Firms::decide(const FirmDrivers& d, const StepContext& ctx) {
  const std::uint64_t seed = ctx.seed, run = ctx.run;
  const int tick = ctx.tick;
  const double dt = ctx.dt;
  const double lag = 1.0 - std::exp(-p_.export_adjust * dt);
  const std::size_t n = size();
  std::array<double, kOwners> demand{};  // the demand factor, once per owner
  for (std::size_t o = 0; o < kOwners; ++o) demand[o] = owner_demand_factor(o, d);
  tbb::parallel_for(
      tbb::blocked_range<std::size_t>(0, n, 1024), [&](const tbb::blocked_range<std::size_t>& rg) {
        for (std::size_t i = rg.begin(); i != rg.end(); ++i) {
          const double ret = return_of(i, d);
          const double df = demand[owner_[i]];
          return_[i] = static_cast<float>(ret);
          std::uint8_t st = status_[i];
          double k = capital_[i], market = market_[i], x = exports_[i];
          auto choice = FirmChoice::none;
          if (st != u8(FirmStatus::relocated)) {
            const bool potential = st == u8(FirmStatus::potential);
            const double h =
                potential ? entry_hazard(p_, ret - p_.hurdle, owner_[i] == 2 ? d.prc_push : 1.0, df)
                          : p_.review_rate;
            acc_[i] += static_cast<float>(h * dt);
            if (acc_[i] >= threshold_[i]) {
              Rng r(seed, run, static_cast<std::uint64_t>(tick), i, streams::kFirmDecision);
              if (potential) {
                choice = FirmChoice::enter;
                st = u8(FirmStatus::active);
                k = entry_capital_[owner_[i]];
                // Its market: what that capital serves now, stated at the start's conditions.
                market = df > 0 ? k / p_.capital_per_export / df : 0.0;
              } else {
                const auto u = utilities(p_, desired_gap(i, ret, df));
                switch (r.logit_choice(u, 1.0)) {
                  case 0: choice = FirmChoice::invest, k *= 1.0 + p_.invest_step; break;
                  case 1: choice = FirmChoice::hold; break;
                  case 2: choice = FirmChoice::divest, k *= 1.0 - p_.divest_step; break;
                  default:
                    choice = FirmChoice::relocate, st = u8(FirmStatus::relocated), k = 0.0;
                    break;
                }
              }
              acc_[i] = 0.0f;
              threshold_[i] = static_cast<float>(-std::log(r.uniform_pos()));
            }
          }
          // Exports move with a lag toward what the firm can sell and produce.
          const double sellable = std::min(k / p_.capital_per_export, market * df);
          x = st == u8(FirmStatus::active)
                  ? (choice == FirmChoice::enter ? sellable : x + lag * (sellable - x))
                  : 0.0;
          n_status_[i] = st;
          n_capital_[i] = k;
          n_exports_[i] = x;
          market_[i] = market;  // changes only at entry, read only by this firm
          // Lost return, counting the margin lost on the market the tariffs took away.
          loss_[i] =
              static_cast<float>(std::max(0.0, static_cast<double>(base_return_[i]) - ret) +
                                 static_cast<double>(base_return_[i]) * std::max(0.0, 1.0 - df));
          choice_[i] = static_cast<std::uint8_t>(choice);
        }
      });
}

void Firms::resolve(const StepContext& ctx) {
  const double dt = ctx.dt;
  summarise(dt);  // flows need both the old and the new capital
  status_.swap(n_status_);
  capital_.swap(n_capital_);
  exports_.swap(n_exports_);
  n_status_ = status_;
  n_capital_ = capital_;
  n_exports_ = exports_;
  // Aggregates of the new state.
  constexpr std::size_t K = 2 * kOwners + 1;
  const auto s = deterministic_sums<K>(size(), [&](std::size_t i, std::array<double, K>& a) {
    if (status_[i] != u8(FirmStatus::active)) return;
    a[owner_[i]] += exports_[i];
    a[kOwners + owner_[i]] += capital_[i] * static_cast<double>(loss_[i]);
    a[K - 1] += 1.0;
  });
  total_exports_ = 0;
  for (std::size_t o = 0; o < kOwners; ++o) {
    exports_by_owner_[o] = s[o] * p_.scale;
    total_exports_ += exports_by_owner_[o];
  }
  active_ = s[K - 1] * p_.scale;
  // Grievance: capital-weighted return lost, per owner.
  const auto cap =
      deterministic_sums<kOwners>(size(), [&](std::size_t i, std::array<double, kOwners>& a) {
        if (status_[i] == u8(FirmStatus::active)) a[owner_[i]] += capital_[i];
      });
  for (std::size_t o = 0; o < kOwners; ++o)
    grievance_[o] = cap[o] > 0 ? s[kOwners + o] / cap[o] : 0.0;
}

void Firms::summarise(double dt) {
  if (dt <= 0) {
    constexpr std::size_t K = kOwners + 1;
    const auto s = deterministic_sums<K>(size(), [&](std::size_t i, std::array<double, K>& a) {
      if (status_[i] != u8(FirmStatus::active)) return;
      a[owner_[i]] += exports_[i];
      a[K - 1] += 1.0;
    });
    total_exports_ = 0;
    for (std::size_t o = 0; o < kOwners; ++o)
      total_exports_ += exports_by_owner_[o] = s[o] * p_.scale;
    active_ = s[K - 1] * p_.scale;
    return;
  }
  // FDI flow of this step: the change of capital held by each owner, annualised and smoothed.
  const auto flow =
      deterministic_sums<kOwners>(size(), [&](std::size_t i, std::array<double, kOwners>& a) {
        a[owner_[i]] += n_capital_[i] - capital_[i];
      });
  const double w = 1.0 - std::exp(-dt / p_.fdi_smoothing);
  for (std::size_t o = 0; o < kOwners; ++o)
    fdi_smoothed_[o] += w * (flow[o] * p_.scale / dt - fdi_smoothed_[o]);
}

}  // namespace vecinos
