#pragma once
// The state of the simulated world at one tick. Built from a Config; changed only by the
// Simulation's tick phases; read by observers.
#include <vector>

#include "agents/cartels.hpp"
#include "agents/firms.hpp"
#include "agents/markets.hpp"
#include "agents/migrants.hpp"
#include "agents/political.hpp"
#include "model/calendar.hpp"
#include "model/network.hpp"
#include "world/calendar_events.hpp"
#include "world/config.hpp"
#include "world/event.hpp"
#include "world/indicators.hpp"
#include "world/policy_state.hpp"
#include "world/usmca_review.hpp"

namespace vecinos {

/// What drives people's hazards in the world's current state.
MigrantDrivers migrant_drivers(const World& w);

/// Levels at the start that later values are compared with.
struct Baseline {
  double trade = 1, remittances = 1, overdoses = 1, encounters = 1, homicides = 1;
  double approval_us = 0.5, approval_mx = 0.5, fdi_cn = 1, legal_certainty = 0.5;
  double mx_exports = 1, cartel_revenue = 1;
  std::array<double, kRegions> region_members{};  ///< cartel members by region
};

struct World {
  explicit World(const Config& cfg);

  [[nodiscard]] double dt() const { return calendar.days_per_tick() / 365.25; }  ///< years per tick
  [[nodiscard]] double years() const { return tick * dt(); }  ///< years since the start

  Config config;  ///< the resolved configuration this world was built from
  Calendar calendar;
  int tick = 0;
  Date date;
  EliteNetwork elite;
  Politics politics;
  PolicyState policy;
  Markets markets;
  Cartels cartels;
  Firms firms;
  Migrants migrants;
  Indicators indicators;
  Baseline base;
  Migrants::Expected start_flows;  ///< migrant flows expected at the start (reference levels)
  double returnees_last_year = 0;  ///< Mexicans removed or returned, persons per year (smoothed)
  double deportations_mexican_cum = 0, interior_removals_mexican_cum = 0,
         deportations_other_cum = 0;
  std::vector<double> recent_encounters;  ///< encounters of the last steps (a month's worth)
  ReviewResult last_review;               ///< the last USMCA review's bargaining (empty before one)
  double us_incumbent_party_won = -1;     ///< -1 before the 2028 election, then 0 or 1
  std::vector<CalendarEvent> calendar_events;  ///< scheduled events applied in the last step
  /// Everyone who can act or be acted upon in events: the political actors first (same
  /// indices), then the collective actors (governments, cartels, the PRC, Cuba ...).
  std::vector<std::string> event_actors;
  std::vector<Event> events;  ///< events of the last step, in the order they were resolved
  /// What each political actor proposed in the last step (action code, -1 none).
  std::vector<int> proposals;
  /// Index in event_actors of a collective actor.
  [[nodiscard]] std::uint32_t collective(std::string_view name) const;
};

}  // namespace vecinos
