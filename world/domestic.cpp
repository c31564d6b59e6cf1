#include "world/domestic.hpp"

#include <algorithm>
#include <cmath>

#include "world/decisions.hpp"
#include "world/streams.hpp"
#include "world/world.hpp"

namespace vecinos {

namespace {
double logistic(double x) {
  return 1.0 / (1.0 + std::exp(-x));
}
double level_ratio(double x, double base) {
  return base != 0 ? x / base : 1.0;
}
}  // namespace

void update_domestic(World& w, double dt) {
  PolicyState& p = w.policy;
  const DomesticParams& d = w.config.domestic;
  const Indicators& ind = w.indicators;
  // Pressure on the Mexican president (M2): returnees, lost remittances, strikes, tariffs.
  const double lost_remit =
      std::max(0.0, 1.0 - level_ratio(ind[Ind::remittances_usd], w.base.remittances));
  const Date today = w.calendar.date(w.tick + 1);
  const double strike =
      p.last_strike
          ? std::exp(-static_cast<double>(today - *p.last_strike) / d.strike_pressure_days)
          : 0.0;
  p.mx_pressure = std::clamp(d.pressure_returnees * w.tallies.returnees_last_year / 1e6 +
                                 d.pressure_remittances * lost_remit + d.pressure_strikes * strike +
                                 d.pressure_tariffs * p.tariff_us_on_mx +
                                 d.pressure_third_country * w.tallies.third_country_last_year / 1e5,
                             0.0, 1.0);
  // Approval moves toward a level set by outcomes relative to the start.
  const double us_target =
      w.base.approval_us +
      d.us_overdose_effect * (1.0 - level_ratio(ind[Ind::us_overdose_deaths], w.base.overdoses)) +
      d.us_border_effect * (1.0 - level_ratio(ind[Ind::border_encounters], w.base.encounters)) +
      d.us_trade_effect * (level_ratio(ind[Ind::trade_us_mx_usd], w.base.trade) - 1.0);
  const double mx_target =
      w.base.approval_mx + d.mx_rally_effect * p.hostility[0] -
      d.mx_pressure_effect * p.mx_pressure -
      d.mx_homicide_effect * (level_ratio(ind[Ind::mx_homicides], w.base.homicides) - 1.0) +
      d.mx_economy_effect * (w.markets.economy() - 1.0);
  const double k = 1.0 - std::exp(-d.approval_speed * dt);
  p.approval_us = std::clamp(p.approval_us + k * (us_target - p.approval_us), 0.0, 1.0);
  p.approval_mx = std::clamp(p.approval_mx + k * (mx_target - p.approval_mx), 0.0, 1.0);
}

void hold_election(World& w, CalendarEvent e) {
  PolicyState& p = w.policy;
  const DomesticParams& d = w.config.domestic;
  const auto& sim = w.config.simulation;
  Rng r(sim.seed, sim.run, static_cast<std::uint64_t>(w.tick), static_cast<std::uint64_t>(e),
        streams::kElections);
  switch (e) {
    case CalendarEvent::us_midterms:
      if (r.uniform() >= logistic((p.approval_us - d.midterm_pivot) / d.election_spread))
        p.us_congress_share = std::min(p.us_congress_share, d.midterm_loss_share);
      break;
    case CalendarEvent::mx_midterms:
      p.mx_congress_share = std::clamp(
          p.mx_congress_share + d.mx_midterm_effect * (p.approval_mx - d.mx_midterm_pivot), 0.0,
          1.0);
      break;
    case CalendarEvent::us_election:
      w.us_incumbent_party_won =
          r.uniform() < logistic((p.approval_us - d.election_pivot) / d.election_spread) ? 1.0
                                                                                         : 0.0;
      break;
    default: break;
  }
}

}  // namespace vecinos
