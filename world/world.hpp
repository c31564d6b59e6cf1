#pragma once
// The state of the simulated world at one tick. Built from a Config by build_world (in named
// steps, world/build.cpp); changed only by the Simulation's tick phases (world/simulation.cpp);
// read by observers.
#include <array>
#include <vector>

#include "agents/cartels.hpp"
#include "agents/firms.hpp"
#include "agents/markets.hpp"
#include "agents/migrants.hpp"
#include "agents/political.hpp"
#include "model/calendar.hpp"
#include "model/network.hpp"
#include "model/step_context.hpp"
#include "world/calendar_events.hpp"
#include "world/config.hpp"
#include "world/event.hpp"
#include "world/indicators.hpp"
#include "world/policy_state.hpp"
#include "world/side.hpp"
#include "world/usmca_review.hpp"

namespace vecinos {

/// Levels at the start that later values are compared with (set by the world's build).
struct Baseline {
  double trade{}, remittances{}, overdoses{}, encounters{}, homicides{};
  double approval_us{}, approval_mx{};
  double mx_exports{}, cartel_revenue{}, prc_announced{};
  std::array<double, kRegions> region_members{};  ///< cartel members by region
};

/// Running totals of flows, kept in the resolve phase and reported by measure().
struct Tallies {
  double returnees_last_year{};  ///< Mexicans removed or returned, persons per year (smoothed)
  double deportations_mexican{}, interior_removals_mexican{}, deportations_other{};
  double apprehensions_mexican{}, third_country_to_mx{};
  double third_country_last_year{};  ///< non-Mexicans sent to Mexico, persons per year (smoothed)
  std::vector<double> recent_encounters;  ///< encounters of the last steps (a month's worth)
};

struct World {
  /// An empty world for `cfg`, at tick 0 of its calendar; build_world fills it.
  explicit World(const Config& cfg);

  [[nodiscard]] double dt() const { return calendar.days_per_tick() / 365.25; }  ///< years per tick
  [[nodiscard]] double years() const { return tick * dt(); }  ///< years since the start
  /// The context of the step from the current tick.
  [[nodiscard]] StepContext step_context() const;

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
  Tallies tallies;
  ReviewResult last_review;            ///< the last USMCA review's bargaining (empty before one)
  double us_incumbent_party_won = -1;  ///< -1 before the 2028 election, then 0 or 1
  std::vector<CalendarEvent> calendar_events;  ///< scheduled events applied in the last step
  /// Everyone who can act or be acted upon in events: the political actors first (same
  /// indices), then the collective actors (governments, cartels, the PRC, Cuba ...).
  std::vector<std::string> event_actors;
  std::vector<Event> events;  ///< events of the last step, in the order they were resolved
  /// What each political actor proposed in the last step (action code, -1 none).
  std::vector<int> proposals;
  /// Index in event_actors of a collective actor.
  [[nodiscard]] std::uint32_t collective(Collective c) const {
    return static_cast<std::uint32_t>(politics.size() + index(c));
  }
};

/// The world of `cfg` at tick 0: every agent built, the start levels set and measured.
World build_world(const Config& cfg);

}  // namespace vecinos
