// The config keys of the decision model (`decisions:`), domestic politics (`domestic:`), the
// policy levels at the start (`policy:`) and forced events (`events:`).
#include "world/decisions.hpp"

namespace vecinos {

void describe(schema::Record<DecisionParams>& r) {
  using P = DecisionParams;
  auto weight = [&](const char* key, double P::*m, const char* help) {
    r.add(key, m, help).unit("utility").range(0.0, 100.0);
  };
  r.add("enabled", &P::enabled, "false: no actor takes a new action (the status_quo scenario)");
  r.add("temperature", &P::temperature,
        "logit temperature of the presidents' choice (higher: more random)")
      .unit("utility")
      .range(0.001, 100.0);
  weight("action_cost", &P::action_cost,
         "utility of doing something rather than nothing (inertia)");
  weight("issue_weight", &P::issue_weight, "weight of moving policy toward one's positions");
  weight("style_weight", &P::style_weight, "weight of hawkishness on hostile acts");
  weight("reciprocity_weight", &P::reciprocity_weight, "weight of grievance on hostile answers");
  weight("bond_weight", &P::bond_weight,
         "weight of the bond (times magnanimity) against hostile acts");
  weight("pressure_weight", &P::pressure_weight,
         "weight of Mexico's domestic pressure on defiance");
  weight("threat_weight", &P::threat_weight,
         "weight of tariff threats on concessions, and of concessions on lifting");
  weight("cost_weight", &P::cost_weight,
         "weight of the own economy's cost of tariffs, per unit of rate");
  weight("tariff_weight", &P::tariff_weight, "weight of a president's tariff propensity");
  weight("repeat_weight", &P::repeat_weight,
         "utility lost per recent use of the same action (repeats lose appeal)");
  r.add("repeat_half_life", &P::repeat_half_life, "half-life of the memory of one's recent acts")
      .unit("years")
      .range(0.001, 100.0);
  weight("escalation_cost", &P::escalation_cost,
         "utility cost of the gravest acts: military strikes and notice of USMCA withdrawal");
  r.add("cabinet_line", &P::cabinet_line,
        "at the U.S. inauguration each cabinet settles its president's line by bargaining "
        "(model/bargain); "
        "the line becomes the president's anchor");
  r.add("tariff_rate", &P::tariff_rate, "rate of a tariff threatened or imposed on Mexico")
      .unit("fraction")
      .range(0.0, 5.0);
  r.add("tariff_cn_step", &P::tariff_cn_step, "rise of the tariff on Chinese goods per action")
      .unit("fraction")
      .range(0.0, 5.0);
  r.add("troops_step", &P::troops_step, "troops sent north per deployment")
      .unit("persons")
      .range(0.0, 1e6);
  r.add("transfer_size", &P::transfer_size, "cartel figures per transfer to the U.S.")
      .unit("persons")
      .range(0, 10000);
  r.add("transfer_leader_share", &P::transfer_leader_share,
        "share of transferred cartel figures who still led a cell (the rest were already jailed)")
      .unit("fraction")
      .range(0.0, 1.0);
  r.add("enforcement_step", &P::enforcement_step,
        "rise of the interior enforcement target per surge")
      .range(0.0, 1.0);
  r.add("cooperation_step", &P::cooperation_step, "change of security cooperation per action")
      .range(0.0, 1.0);
  r.add("legal_step", &P::legal_step, "legal certainty lost per judicial or constitutional reform")
      .range(0.0, 1.0);
  r.add("atf_step", &P::atf_step, "rise of ATF cooperation per action").range(0.0, 1.0);
  r.add("incentive_step", &P::incentive_step, "rise of nearshoring incentives per action")
      .range(0.0, 1.0);
  r.add("threat_deadline_ticks", &P::threat_deadline_ticks, "ticks a tariff threat gives Mexico")
      .unit("ticks")
      .range(1, 1000);
  r.add("demand_deadline_ticks", &P::demand_deadline_ticks, "ticks Mexico has to answer a demand")
      .unit("ticks")
      .range(1, 1000);
  r.add("grievance_gain", &P::grievance_gain, "grievance per unit of unforgiven hostility")
      .range(0.0, 10.0);
  r.add("grievance_half_life", &P::grievance_half_life, "half-life of grievance")
      .unit("years")
      .range(0.001, 100.0);
  r.add("hostility_half_life", &P::hostility_half_life, "half-life of the memory of hostile acts")
      .unit("years")
      .range(0.001, 100.0);
  r.add("bond_loss", &P::bond_loss, "bond lost per unit of unforgiven hostility").range(0.0, 1.0);
  r.add("bond_gain", &P::bond_gain, "bond gained per unit of cooperation (times 1 - bond)")
      .range(0.0, 1.0);
  r.add("bond_recovery", &P::bond_recovery, "drift of the bond back to its initial level")
      .unit("1/year")
      .range(0.0, 100.0);
  r.add("hawk_provocation", &P::hawk_provocation,
        "provocation of U.S. hawks per oil shipment to Cuba")
      .range(0.0, 1.0);
  r.add("tension_distance", &P::tension_distance,
        "weight of the presidents' disagreement in tension")
      .range(0.0, 1.0);
  r.add("tension_hostility", &P::tension_hostility, "weight of recent hostile acts in tension")
      .range(0.0, 1.0);
  r.add("tension_grievance", &P::tension_grievance, "weight of grievance in tension")
      .range(0.0, 1.0);
  r.add("enforcement_ramp", &P::enforcement_ramp, "speed of interior enforcement toward its target")
      .unit("1/year")
      .range(0.0, 100.0);
  r.add("atf_drift", &P::atf_drift,
        "speed at which ATF cooperation follows the U.S. president's view")
      .unit("1/year")
      .range(0.0, 100.0);
}

void describe(schema::Record<DomesticParams>& r) {
  using P = DomesticParams;
  auto eff = [&](const char* key, double P::*m, const char* help) {
    r.add(key, m, help).range(0.0, 100.0);
  };
  r.add("approval_speed", &P::approval_speed, "speed at which approval follows outcomes")
      .unit("1/year")
      .range(0.0, 365.0);
  eff("us_overdose_effect", &P::us_overdose_effect,
      "U.S. approval gained per unit fall of overdoses (relative)");
  eff("us_border_effect", &P::us_border_effect,
      "U.S. approval gained per unit fall of encounters (relative)");
  eff("us_trade_effect", &P::us_trade_effect, "U.S. approval per unit change of trade (relative)");
  eff("mx_rally_effect", &P::mx_rally_effect,
      "Mexican approval gained under U.S. hostility (rally round the flag)");
  eff("mx_pressure_effect", &P::mx_pressure_effect,
      "Mexican approval lost per unit of domestic pressure");
  eff("mx_homicide_effect", &P::mx_homicide_effect,
      "Mexican approval lost per unit rise of homicides (relative)");
  eff("mx_economy_effect", &P::mx_economy_effect,
      "Mexican approval per unit change of the economy index");
  eff("pressure_returnees", &P::pressure_returnees,
      "pressure per million persons returned in the last year");
  eff("pressure_remittances", &P::pressure_remittances,
      "pressure per unit share of remittances lost");
  eff("pressure_strikes", &P::pressure_strikes,
      "pressure right after a U.S. strike (fades over two months)");
  eff("pressure_tariffs", &P::pressure_tariffs, "pressure per unit of U.S. tariff on Mexico");
  r.add("midterm_pivot", &P::midterm_pivot,
        "U.S. approval at which the president's party keeps the House half the time")
      .range(0.0, 1.0);
  r.add("election_pivot", &P::election_pivot,
        "U.S. approval at which the incumbent party wins half the time")
      .range(0.0, 1.0);
  r.add("election_spread", &P::election_spread, "how sharply election odds turn around the pivot")
      .range(0.001, 1.0);
  r.add("midterm_loss_share", &P::midterm_loss_share,
        "the president's party's seat share after losing the House")
      .unit("fraction")
      .range(0.0, 1.0);
  eff("mx_midterm_effect", &P::mx_midterm_effect,
      "change of Morena's seat share per unit of approval above 0.6");
  r.add("constitutional_slack", &P::constitutional_slack,
        "seat share shortfall over which a vote's chance falls by a factor e (defections)")
      .unit("fraction")
      .range(0.001, 1.0);
}

void describe(schema::Record<PolicyParams>& r) {
  using P = PolicyParams;
  r.add("tariff_us_on_cn", &P::tariff_us_on_cn, "U.S. tariff on Chinese goods at the start")
      .unit("fraction")
      .range(0.0, 5.0)
      .required();
  r.add("border_enforcement", &P::border_enforcement, "U.S. border enforcement at the start")
      .unit("0..1")
      .range(0.0, 1.0);
  r.add("mx_border_troops", &P::mx_border_troops,
        "Mexican forces on migration duty at the borders at the start")
      .unit("persons")
      .range(0.0, 1e6);
  r.add("security_cooperation", &P::security_cooperation, "security cooperation at the start")
      .unit("0..1")
      .range(0.0, 1.0);
  r.add("cooperation_cap", &P::cooperation_cap,
        "ceiling on cooperation set by Mexico's 2020 national security law")
      .unit("0..1")
      .range(0.0, 1.0);
  r.add("legal_certainty", &P::legal_certainty, "legal certainty for investors at the start")
      .unit("0..1")
      .range(0.0, 1.0);
  r.add("mx_alignment", &P::mx_alignment, "Mexico's alignment with U.S. regional positions")
      .unit("0..1")
      .range(0.0, 1.0);
  r.add("remain_in_mexico", &P::remain_in_mexico, "Remain in Mexico in force at the start");
  r.add("cartels_designated", &P::cartels_designated,
        "cartels designated terrorist organisations at the start");
  r.add("prc_screening", &P::prc_screening, "Mexico screens PRC investment at the start");
  r.add("strikes_authorized", &P::strikes_authorized,
        "U.S. strikes on cartels authorised at the start");
  r.add("enforcement_capacity", &P::enforcement_capacity,
        "interior enforcement reachable without new funding from Congress")
      .unit("0..1")
      .range(0.0, 1.0);
}

void describe(schema::Record<ForcedEvent>& r) {
  r.add("date", &ForcedEvent::date, "day the action is taken").unit("date").required();
  r.add("actor", &ForcedEvent::actor, "id of the political actor who acts").required();
  r.add("action", &ForcedEvent::action, "what is done").required();
  r.add("magnitude", &ForcedEvent::magnitude,
        "size (tariff rate, persons, ...); 0 takes the action's default")
      .range(0.0, 1e12);
}

}  // namespace vecinos
