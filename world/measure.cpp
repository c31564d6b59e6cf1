#include "world/measure.hpp"

#include <algorithm>
#include <cmath>

#include "world/world.hpp"

namespace vecinos {

void measure(World& w) {
  Indicators& ind = w.indicators;
  PolicyState& p = w.policy;
  const auto& mig = w.migrants;
  using T = Transition;
  using S = MigrantStatus;
  const double per_month = 30.4375 / w.calendar.days_per_tick();

  ind[Ind::tariff_us_on_mx] = p.tariff_us_on_mx;
  ind[Ind::tariff_mx_on_us] = p.tariff_mx_on_us;
  ind[Ind::tariff_us_on_cn] = p.tariff_us_on_cn;
  ind[Ind::usmca_status] = p.usmca_status;
  ind[Ind::us_imports_from_mx_usd] = w.firms.exports_usd();
  ind[Ind::us_exports_to_mx_usd] = w.markets.us_exports_usd();
  ind[Ind::trade_us_mx_usd] = w.firms.exports_usd() + w.markets.us_exports_usd();
  ind[Ind::fdi_us_mx_usd] = w.firms.fdi_usd(0);
  ind[Ind::fdi_cn_mx_usd] = w.firms.fdi_usd(2);
  ind[Ind::remittances_usd] = mig.remittances_usd();
  if (w.tick > 0) {
    // A monthly rate over the last month's steps (a rolling month, as CBP reports monthly).
    const double step = mig.flow(T::mx_apprehended) + mig.flow(T::other_released) +
                        mig.flow(T::other_removed_border) + mig.flow(T::other_held);
    const auto window = static_cast<std::size_t>(std::max(1.0, std::round(per_month)));
    w.recent_encounters.push_back(step);
    if (w.recent_encounters.size() > window) w.recent_encounters.erase(w.recent_encounters.begin());
    double sum = 0;
    for (double x : w.recent_encounters) sum += x;
    ind[Ind::border_encounters] = sum / static_cast<double>(w.recent_encounters.size()) * per_month;
    w.deportations_mexican_cum += mig.flow(T::mx_removed) + mig.flow(T::mx_apprehended);
    w.interior_removals_mexican_cum += mig.flow(T::mx_removed);
    w.deportations_other_cum +=
        mig.flow(T::other_removed_border) + mig.flow(T::other_removed_interior);
  } else {
    ind[Ind::border_encounters] = w.base.encounters;
  }
  ind[Ind::deportations_mexican_cum] = w.deportations_mexican_cum;
  ind[Ind::interior_removals_mexican_cum] = w.interior_removals_mexican_cum;
  ind[Ind::deportations_other_cum] = w.deportations_other_cum;
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

  // Tension: disagreement between the presidents (each weighting issues by its own salience),
  // recent hostile acts both ways, and unanswered grievance (model/ODD.md, M8).
  const auto& pol = w.politics;
  const auto us = pol.us_president(), mx = pol.mx_president();
  const double dist =
      0.5 * (weighted_distance(pol.position(us), pol.position(mx), pol.actor(us).salience) +
             weighted_distance(pol.position(us), pol.position(mx), pol.actor(mx).salience));
  const DecisionParams& d = w.config.decisions;
  p.tension = std::clamp(d.tension_distance * dist +
                             d.tension_hostility * 0.5 * (p.hostility[0] + p.hostility[1]) +
                             d.tension_grievance * 0.5 * (p.grievance[0] + p.grievance[1]),
                         0.0, 1.0);
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
}

}  // namespace vecinos
