#include "world/measure.hpp"

#include <algorithm>
#include <cmath>

#include "world/world.hpp"

namespace vecinos {

namespace {
using T = Transition;
using S = MigrantStatus;

// Steps in a month (30.4375 days), the window of the rolling monthly encounter count.
double steps_per_month(const World& w) {
  return 30.4375 / w.calendar.days_per_tick();
}
}  // namespace

void tally_flows(World& w) {
  const auto& mig = w.migrants;
  Tallies& t = w.tallies;
  // A monthly rate over the last month's steps (a rolling month, as CBP reports monthly).
  const double step = mig.flow(T::mx_apprehended) + mig.flow(T::other_released) +
                      mig.flow(T::other_removed_border) + mig.flow(T::other_held) +
                      mig.flow(T::other_sent_to_mx);
  const auto window = static_cast<std::size_t>(std::max(1.0, std::round(steps_per_month(w))));
  t.recent_encounters.push_back(step);
  if (t.recent_encounters.size() > window) t.recent_encounters.erase(t.recent_encounters.begin());
  // Removals only: apprehended Mexicans returned at the border are counted apart.
  t.deportations_mexican += mig.flow(T::mx_removed);
  t.interior_removals_mexican += mig.flow(T::mx_removed);
  t.apprehensions_mexican += mig.flow(T::mx_apprehended);
  const double to_mx = mig.flow(T::other_sent_to_mx) + mig.flow(T::other_sent_to_mx_interior);
  t.deportations_other +=
      mig.flow(T::other_removed_border) + mig.flow(T::other_removed_interior) + to_mx;
  t.third_country_to_mx += to_mx;
}

double position_distance(const World& w) {
  const auto& pol = w.politics;
  const auto us = pol.us_president(), mx = pol.mx_president();
  return 0.5 * (weighted_distance(pol.position(us), pol.position(mx), pol.actor(us).salience) +
                weighted_distance(pol.position(us), pol.position(mx), pol.actor(mx).salience));
}

double relationship_tension(const World& w) {
  // Built from the interaction (model/ODD.md, M8): the start's tension, on the log-odds scale,
  // moved by the net hostility of recent bilateral events (the sum of -Goldstein/10 of each
  // event, decaying with decisions.tension_half_life).
  const double t0 = std::clamp(w.config.relationship.tension, 1e-6, 1.0 - 1e-6);
  const double z = std::log(t0 / (1.0 - t0)) + w.policy.conflict / w.config.decisions.tension_scale;
  return 1.0 / (1.0 + std::exp(-z));
}

Indicators measure(const World& w) {
  Indicators ind;
  const PolicyState& p = w.policy;
  const auto& mig = w.migrants;
  const Tallies& t = w.tallies;
  const double per_month = steps_per_month(w);

  ind[Ind::tariff_us_on_mx] = p.tariff_us_on_mx;
  ind[Ind::tariff_mx_on_us] = p.tariff_mx_on_us;
  ind[Ind::tariff_us_on_cn] = p.tariff_us_on_cn;
  ind[Ind::usmca_status] = steps(p.usmca_status);
  ind[Ind::us_imports_from_mx_usd] = w.firms.exports_usd();
  ind[Ind::us_exports_to_mx_usd] = w.markets.us_exports_usd();
  ind[Ind::trade_us_mx_usd] = w.firms.exports_usd() + w.markets.us_exports_usd();
  ind[Ind::fdi_us_mx_usd] = w.firms.fdi_usd(0);
  ind[Ind::fdi_cn_mx_usd] = w.firms.fdi_usd(2);
  ind[Ind::remittances_usd] = mig.remittances_usd();
  if (!t.recent_encounters.empty()) {
    double sum = 0;
    for (double x : t.recent_encounters) sum += x;
    ind[Ind::border_encounters] = sum / static_cast<double>(t.recent_encounters.size()) * per_month;
  } else {
    ind[Ind::border_encounters] = w.base.encounters;  // the start: the expected level
  }
  ind[Ind::deportations_mexican_cum] = t.deportations_mexican;
  ind[Ind::interior_removals_mexican_cum] = t.interior_removals_mexican;
  ind[Ind::deportations_other_cum] = t.deportations_other;
  ind[Ind::extraditions_cum] = p.extraditions_cum;
  ind[Ind::us_strikes_cum] = p.strikes_cum;
  ind[Ind::mexican_unauthorized_in_us] = mig.stock(S::us_unauthorized);
  ind[Ind::transit_migrants_in_mx] = mig.stock(S::transit_mx) + mig.stock(S::held_mx);
  ind[Ind::cartel_members] = w.cartels.total_members();
  ind[Ind::cartel_cells] = static_cast<double>(w.cartels.size());
  ind[Ind::cartel_revenue_usd] = w.cartels.total_revenue();
  ind[Ind::mx_border_troops] = p.mx_border_troops;
  ind[Ind::us_overdose_deaths] = w.markets.overdose_deaths();
  ind[Ind::mx_homicides] = w.cartels.homicides_per_year();
  ind[Ind::guns_smuggled] = w.markets.guns_smuggled();
  ind[Ind::security_cooperation] = p.security_cooperation;
  ind[Ind::legal_certainty] = p.legal_certainty;
  ind[Ind::relationship_tension] = p.tension;
  ind[Ind::leader_bond] = p.leader_bond;
  ind[Ind::approval_us_president] = p.approval_us;
  ind[Ind::approval_mx_president] = p.approval_mx;
  ind[Ind::remain_in_mexico] = p.remain_in_mexico ? 1.0 : 0.0;
  ind[Ind::mx_domestic_pressure] = p.mx_pressure;
  ind[Ind::firms_active] = w.firms.active_firms();
  ind[Ind::us_congress_share] = p.us_congress_share;
  ind[Ind::mx_congress_share] = p.mx_congress_share;
  ind[Ind::us_incumbent_party_won] = w.us_incumbent_party_won;
  ind[Ind::position_distance] = position_distance(w);
  ind[Ind::apprehensions_mexican_cum] = t.apprehensions_mexican;
  ind[Ind::third_country_removed_to_mx_cum] = t.third_country_to_mx;
  ind[Ind::removal_capacity] = p.removal_capacity;
  ind[Ind::investor_disputes_cum] = p.investor_disputes_cum;
  ind[Ind::prc_announced_usd] = w.markets.prc_announced_usd();
  ind[Ind::escalations_held_back_cum] = p.escalations_held_back;
  ind[Ind::us_demand_compliance] = p.compliance;
  ind[Ind::tariff_threat_pending] = p.threat.active ? 1.0 : 0.0;
  return ind;
}

}  // namespace vecinos
