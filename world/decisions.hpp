#pragma once
// The presidents' decisions, their advisers' pressure and the effects of actions.
//
// Each tick every president scores the actions available to it (world/decisions.cpp,
// `action_utility`) and chooses one, or none, by multinomial logit. Its officials, legislature
// and lobbies press through the influence network: the score is the network-weighted mean of
// the president's own utility and theirs. Actions change the policy state (world/effects.cpp);
// the counterpart answers in later ticks through grievance (tempered by forbearance), the
// personal bond (which buys magnanimity) and domestic pressure. Model/ODD.md has the equations.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "agents/country.hpp"
#include "model/date.hpp"
#include "model/schema.hpp"
#include "world/actions.hpp"
#include "world/side.hpp"

namespace vecinos {

struct World;
struct Event;

struct DecisionParams {
  bool enabled = true;       ///< false: no actor takes a new action (the status_quo scenario)
  double temperature = 0.5;  ///< logit temperature of the presidents' choice
  double action_cost = 2.5;  ///< utility of acting at all, against doing nothing
  double issue_weight = 6.0;
  double style_weight = 1.0;
  double reciprocity_weight = 3.0;
  double bond_weight = 2.0;
  double pressure_weight = 3.0;
  double threat_weight = 2.5;
  double cost_weight = 4.0;
  double tariff_weight = 1.5;
  double repeat_weight = 1.5;      ///< utility lost per recent use of the same action
  double repeat_half_life = 0.25;  ///< years
  double escalation_cost = 3.0;    ///< utility cost of the gravest acts (strikes, USMCA notice)
  bool cabinet_line = true;        ///< at the inauguration, cabinets settle their president's line
  // Sizes of actions
  double tariff_rate = 0.25;
  double tariff_cn_step = 0.10;
  double troops_step = 10000;
  int transfer_size = 29;
  double transfer_leader_share = 0.3;  ///< share of transferred figures who still led a cell
  double enforcement_step = 0.35;
  double cooperation_step = 0.1;
  double legal_step = 0.1;
  double atf_step = 0.1;
  double incentive_step = 0.25;
  int threat_deadline_ticks = 4;
  int demand_deadline_ticks = 4;
  // Bond, grievance and hostility (M8)
  double grievance_gain = 0.6;
  double grievance_half_life = 0.15;  ///< years
  double hostility_half_life = 0.25;  ///< years
  double bond_loss = 0.15;            ///< per unit of unforgiven hostility
  double bond_gain = 0.08;            ///< per unit of cooperation
  double bond_recovery = 0.2;         ///< 1/year drift back to the initial bond
  double hawk_provocation = 0.5;      ///< provocation of U.S. hawks per oil shipment to Cuba
  // Tension
  double tension_distance = 0.5;
  double tension_hostility = 0.8;
  double tension_grievance = 0.4;
  // Ramps
  double enforcement_ramp = 0.6;  ///< 1/year: speed of interior enforcement toward target
  double atf_drift = 0.5;         ///< 1/year: ATF cooperation follows the U.S. president's view
};

struct DomesticParams {
  double approval_speed = 2.0;  ///< 1/year
  double us_overdose_effect = 0.3;
  double us_border_effect = 0.1;
  double us_trade_effect = 0.15;
  double mx_rally_effect = 0.25;  ///< rally round the flag under U.S. hostility
  double mx_pressure_effect = 0.3;
  double mx_homicide_effect = 0.2;
  double mx_economy_effect = 0.5;
  double pressure_returnees = 0.25;   ///< pressure per million persons returned in the last year
  double pressure_remittances = 2.0;  ///< pressure per unit share of remittances lost
  double pressure_strikes = 0.4;      ///< pressure right after a strike (fades)
  double pressure_tariffs = 1.0;      ///< pressure per unit of U.S. tariff on Mexico
  double midterm_pivot =
      0.45;  ///< approval at which the president's party keeps the House half the time
  double election_pivot = 0.47;
  double election_spread = 0.05;
  double midterm_loss_share = 0.47;    ///< seat share after losing the House
  double mx_midterm_effect = 0.3;      ///< change of Morena's share per unit approval above 0.6
  double constitutional_slack = 0.02;  ///< defections: chance to pass falls by e per this shortfall
};

/// Policy levels at the start (`policy:`).
struct PolicyParams {
  double tariff_us_on_cn = kFromConfig;
  double border_enforcement = 0.5;
  double mx_border_troops = 15000;
  double security_cooperation = 0.4;
  double cooperation_cap = 0.6;
  double legal_certainty = 0.5;
  double mx_alignment = 0.4;
  bool remain_in_mexico = false;
  bool cartels_designated = false;
  bool strikes_authorized = false;
  bool prc_screening = false;
  double enforcement_capacity = 0.4;  ///< interior enforcement reachable without new funding
};

/// A dated action forced by a scenario ("on 2025-02-01 the U.S. imposes a 25% tariff").
struct ForcedEvent {
  Date date;
  std::string actor;  ///< a political actor's id
  Action action = Action::conciliate;
  double magnitude = 0.0;  ///< 0: the action's default size
};

void describe(schema::Record<DecisionParams>& r);
void describe(schema::Record<DomesticParams>& r);
void describe(schema::Record<PolicyParams>& r);
void describe(schema::Record<ForcedEvent>& r);

/// Whether the president of `side` may take action `a` in the world's current state (its
/// preconditions, world/effects.cpp).
bool available(const World& w, Side side, Action a);
/// Actions the president of `side` may take now, in menu order (world/actions.cpp).
std::vector<Action> available_actions(const World& w, Side side);
/// Utility of action `a` to political actor `actor` (a president or one of its advisers).
double action_utility(const World& w, std::size_t actor, Side side, Action a);
/// The president's choice this tick (none: nullopt), with advisers' pressure, drawn by logit.
std::optional<Action> choose_action(const World& w, std::size_t president, std::uint64_t tick);
/// The action an official or lobby would propose now (highest utility), or none.
std::optional<Action> proposal(const World& w, std::size_t actor);

/// Default magnitude of an action (tariff rate, troops, persons, barrels ...).
double default_magnitude(const World& w, Action a);

/// Applies an event's effects to the policy state and records it (world/effects.cpp).
/// Legislatures gate what needs them, unless the event is forced by the scenario; returns
/// false when the act was blocked.
bool apply_event(World& w, Event e, bool forced = false);
/// Natural dynamics of the policy state over one step (decay, ramps, deadlines).
void advance_policy(World& w, double dt);

}  // namespace vecinos
