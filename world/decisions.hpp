#pragma once
// The presidents' decisions, their advisers' pressure and the effects of actions.
//
// Each tick every president scores the actions available to it (world/decisions.cpp,
// `action_utility`) and chooses one, or none, by multinomial logit. Its officials, legislature
// and lobbies press through the influence network: the score is the network-weighted mean of
// the president's own utility and theirs. Actions change the policy state (world/effects.cpp);
// the counterpart answers in later ticks through grievance (tempered by forbearance), the
// personal bond (which buys magnanimity) and domestic pressure. model/ODD.md has the equations.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "agents/country.hpp"
#include "model/date.hpp"
#include "model/schema.hpp"
#include "world/action_tables.hpp"
#include "world/actions.hpp"
#include "world/side.hpp"

namespace vecinos {

struct World;
struct Event;
struct Demand;

struct DecisionParams {
  bool enabled = true;  ///< false: no actor takes a new action (the status_quo scenario)
  /// Whether to act at all is drawn first, against the options' mean-inclusive value; then
  /// which option (false: one flat logit over doing nothing and every option).
  bool two_stage = true;
  double temperature = 0.5;  ///< logit temperature of the presidents' choice
  double action_cost = 1.5;  ///< utility of acting at all, against doing nothing
  double issue_weight = 6.0;
  double style_weight = 1.0;
  double reciprocity_weight = 3.0;
  double bond_weight = 2.0;
  double pressure_weight = 3.0;
  double threat_weight = 2.5;         ///< weight of a threatened or imposed tariff on conceding
  double execute_weight = 2.5;        ///< weight of a missed deadline on executing the threat
  double lift_weight = 2.5;           ///< weight of compliance with a tariff's demand on lifting it
  double threat_pending_level = 0.6;  ///< a pending threat's weight relative to a tariff in force
  double cost_weight = 4.0;
  double us_tariff_cost_share = 0.5;  ///< the U.S. economy's cost of its tariff, vs Mexico's
  double tariff_weight = 1.5;
  /// U.S. pressure on the China issue: (PRC announcements in Mexico / the start's)^this (M7).
  double china_pressure = 1.0;
  /// U.S. pressure on the legal issue: 1 + this x recent investor disputes (M6).
  double dispute_pressure = 0.2;
  double repeat_weight = 1.5;         ///< utility lost per recent use of the same action
  double repeat_half_life = 0.25;     ///< years
  double reversal_weight = 3.0;       ///< utility lost per unit of commitment to the act undone
  double commitment_half_life = 1.0;  ///< years
  double escalation_cost = 4.0;       ///< utility cost of the gravest acts (strikes, USMCA notice)
  bool cabinet_line = true;  ///< at the inauguration, cabinets settle their president's line
  // Sizes of actions
  double tariff_rate = kFromConfig;
  double tariff_cn_step = kFromConfig;
  double troops_step = kFromConfig;
  int transfer_size = 10;
  double transfer_leader_share = 0.3;  ///< share of transferred figures who still led a cell
  double enforcement_step = 0.35;
  double cooperation_step = 0.1;
  double legal_step = 0.1;
  double atf_step = 0.1;
  double incentive_step = 0.25;
  // Threats and demands (M1, M3)
  int threat_deadline_days = 42;
  int execute_window_days = 28;
  int demand_deadline_days = 28;
  double compliance_encounters = 0.15;  ///< fall of encounters that meets a migration demand
  double compliance_transfers = 20;     ///< persons transferred that meet a drugs demand
  double compliance_supply = 0.1;       ///< fall of drug supply that meets a drugs demand
  // Bond, grievance and hostility (M8)
  double grievance_gain = 0.6;
  double grievance_half_life = 0.15;  ///< years
  double hostility_half_life = 0.25;  ///< years
  double bond_loss = 0.15;            ///< per unit of unforgiven hostility
  double bond_gain = 0.08;            ///< per unit of cooperation
  double bond_recovery = 0.2;         ///< 1/year drift back to the initial bond
  double hawk_provocation = 0.5;      ///< provocation of U.S. hawks per oil shipment to Cuba
  double hold_back_pivot = 0.5;       ///< bond above which magnanimity holds back escalations
  double forbearance_capital = 1.0;   ///< forbearance gained per unit of approval above the start
  double forbearance_pressure = 0.5;  ///< forbearance lost per unit of domestic pressure
  double diplomacy_effect = 0.5;      ///< grievance divided by 1 + this x the diplomatic channel
  double size_exponent = 0.5;         ///< an act's score scales as (magnitude / configured)^this
  double size_factor_min = 0.25;
  double size_factor_max = 2.0;
  // Tension (built from the event log)
  double tension_half_life = 0.5;  ///< years
  double tension_scale = 2.0;      ///< net hostility (sum of -Goldstein/10) per unit of log-odds
  // Ramps
  double enforcement_ramp = 0.6;  ///< 1/year: speed of interior enforcement toward target
  double atf_drift = 0.5;         ///< 1/year: ATF cooperation follows the U.S. president's view
  // The behavioural columns of the action table
  StanceTable stance;
  DefianceTable defiance;
};

/// Sizes and thresholds of the effects of actions and of the policy state's own dynamics.
struct EffectParams {
  double troop_cap = 60000;              ///< persons Mexico keeps at its borders at most
  int protest_window_days = 56;          ///< days after a strike in which Mexico may protest it
  int demand_cooldown_days = 182;        ///< days after a refusal before the U.S. demands again
  double legal_floor = 0.05;             ///< legal certainty below which no further reform is tried
  double cooperation_floor = 0.05;       ///< cooperation below which there is nothing to restrict
  double min_tariff_change = 0.005;      ///< smallest change of a rate that counts as an act
  double strike_grievance = 0.3;         ///< Mexico's grievance added by a strike (sovereignty)
  double protest_relief = 0.1;           ///< Mexico's grievance vented by a protest
  double alignment_per_shipment = 0.05;  ///< Mexico's alignment lost per oil shipment to Cuba
  double hostility_gain = 0.5;           ///< hostility memory per unit of an act's hostility
  double transfer_cooperation = 0.5;     ///< share of cooperation_step a transfer adds
  double us_cooperation_share = 0.5;     ///< share of cooperation_step a U.S. expansion adds
  double border_follow = 0.4;        ///< U.S. border enforcement target per unit interior target
  double cooperation_erosion = 0.1;  ///< cooperation lost per year per unit of U.S. hostility
  int notice_months = 6;             ///< USMCA Art. 34.6: withdrawal takes effect after this
  int review_interval_months = 12;   ///< USMCA Art. 34.7: annual reviews while not extended
  // Removal capacity (M2)
  double capacity_growth = 100000;  ///< persons/year by which capacity can grow per year
  double capacity_funded = 1.0e6;   ///< capacity the administration builds toward once funded
  double capacity_unfunded = 1.5;   ///< capacity reachable without new funds (x the start's)
  // Removals of non-Mexicans to Mexico (M2)
  double tcn_share = 0.05;        ///< share of non-Mexicans removed who are sent to Mexico
  double tcn_share_surge = 0.25;  ///< added share at full interior enforcement
  // Investor disputes (M6)
  double dispute_rate = 8.0;       ///< disputes per year per unit of legal certainty lost
  double dispute_half_life = 1.0;  ///< years: memory of recent disputes in U.S. pressure
  // Memories of the hawks' pushback and legal protests
  double pushback_half_life = 0.5;  ///< years
};

/// How the policy in force places each issue on its 0..1 scale (PolicyState::status): the
/// weights of each policy in the status presidents compare their positions with.
struct StatusWeights {
  double migration_base = 0.2;
  double migration_interior = 0.35;
  double migration_border = 0.25;
  double migration_rim = 0.15;
  double migration_troops = 0.05;  ///< per 10,000 Mexican troops at the borders
  double drugs_base = 0.1;
  double drugs_cooperation = 0.5;
  double drugs_designated = 0.15;
  double drugs_strikes = 0.1;  ///< at drugs_strikes_full strikes
  double drugs_strikes_full = 5;
  double drugs_extraditions = 0.1;  ///< at drugs_extraditions_full persons
  double drugs_extraditions_full = 100;
  double china_base = 0.2;
  double china_tariff = 0.5;  ///< per unit of the U.S. tariff on China
  double china_screening = 0.3;
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
  double pressure_returnees = 0.25;     ///< pressure per million persons returned in the last year
  double pressure_remittances = 2.0;    ///< pressure per unit share of remittances lost
  double pressure_strikes = 0.4;        ///< pressure right after a strike (fades)
  double strike_pressure_days = 60;     ///< e-folding time of a strike's pressure
  double pressure_tariffs = 1.0;        ///< pressure per unit of U.S. tariff on Mexico
  double pressure_third_country = 0.5;  ///< pressure per 100,000 non-Mexicans sent per year
  double midterm_pivot =
      0.45;  ///< approval at which the president's party keeps the House half the time
  double election_pivot = 0.47;
  double election_spread = 0.05;
  double midterm_loss_share = 0.47;    ///< seat share after losing the House
  double mx_midterm_effect = 0.3;      ///< change of Morena's share per unit approval above pivot
  double mx_midterm_pivot = 0.6;       ///< approval at which Morena keeps its share
  double constitutional_slack = 0.02;  ///< defections: chance to pass falls by e per this shortfall
  double vote_view_weight = 8.0;       ///< log-odds of passing per unit of the chamber's view
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
  bool mx_accepts_third_country = true;   ///< Mexico takes removals of some non-Mexicans
  double enforcement_capacity = 0.4;      ///< interior enforcement intensity reachable unfunded
  double removal_capacity = kFromConfig;  ///< interior removals per year the U.S. can carry out
};

/// A dated action forced by a scenario ("on 2025-02-01 the U.S. imposes a 25% tariff").
struct ForcedEvent {
  Date date;
  std::string actor;  ///< a political actor's id
  Action action = Action::conciliate;
  double magnitude = 0.0;  ///< 0: the action's default size
};

void describe(schema::Record<DecisionParams>& r);
void describe(schema::Record<EffectParams>& r);
void describe(schema::Record<StatusWeights>& r);
void describe(schema::Record<DomesticParams>& r);
void describe(schema::Record<PolicyParams>& r);
void describe(schema::Record<ForcedEvent>& r);

/// Whether the president of `side` may take action `a` in the world's current state (its
/// preconditions, world/preconditions.cpp).
bool available(const World& w, Side side, Action a);
/// An action's precondition in words, as world/preconditions.cpp tests it (beyond the side
/// being one that may take it).
struct Precondition {
  bool office = false;    ///< the U.S. side needs its president in office (inaugurated)
  std::string_view text;  ///< the rest of the condition
};
Precondition precondition(Action a);
/// Actions the president of `side` may take now, in menu order (world/actions.cpp).
std::vector<Action> available_actions(const World& w, Side side);
/// Utility of action `a` to political actor `actor` (a president or one of its advisers).
double action_utility(const World& w, std::size_t actor, Side side, Action a);

/// A president's choice in a step: an action, none, or an escalation held back (M8).
struct Choice {
  std::optional<Action> action;
  bool held_back = false;  ///< an escalation chosen, then held back out of magnanimity
};
/// The president's choice this tick, with advisers' pressure, drawn by logit.
Choice choose_action(const World& w, std::size_t president, std::uint64_t tick);
/// The action an official or lobby would propose now (highest utility), or none.
std::optional<Action> proposal(const World& w, std::size_t actor);

/// Default magnitude of an action now (tariff rate, troops, persons, barrels ...).
double default_magnitude(const World& w, Action a);
/// The Goldstein score of an act of this magnitude: the action's score scaled by its size
/// relative to the configured size (M8: a 25% tariff is not a 5% one).
double scaled_goldstein(const World& w, Action a, double magnitude);

/// The U.S. side's pressure multipliers on its issue gaps: overdoses on drugs, encounters on
/// migration, PRC announcements on China, investor disputes on the legal framework.
IssueVector us_pressure(const World& w);
/// A president's forbearance now: its trait moved by its political capital (approval relative
/// to the start) and, for Mexico's, by domestic pressure (M8).
double effective_forbearance(const World& w, std::size_t president);
/// The issue the U.S. attaches to a tariff threat or tariff: drugs or migration, whichever its
/// president's weighted gap is larger on (M1).
Issue demand_issue(const World& w);
/// Compliance with a demand, judged on outcomes since it was made: the fall of encounters
/// (migration); transfers of cartel figures and the fall of drug supply (drugs). 0..1.
double compliance(const World& w, const Demand& d);

/// Applies an event's effects to the policy state and records it (world/effects.cpp).
/// Legislatures gate what needs them, unless the event is forced by the scenario. Returns false,
/// recording nothing, when the act was blocked or would change nothing.
bool apply_event(World& w, Event e);
/// Natural dynamics of the policy state over one step (decay, ramps, capacity, disputes).
void advance_policy(World& w, double dt);
/// Deadlines falling in this step: a threat judged on outcomes, an unanswered demand.
void judge_deadlines(World& w);

}  // namespace vecinos
