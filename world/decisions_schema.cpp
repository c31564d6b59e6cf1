// The config keys of the decision model (`decisions:`), the effects of actions (`effects:`),
// the policy status weights (`status:`), domestic politics (`domestic:`), the policy levels at
// the start (`policy:`) and forced events (`events:`).
#include "world/decisions.hpp"

namespace vecinos {

void describe(schema::Record<DecisionParams>& r) {
  using P = DecisionParams;
  auto weight = [&](const char* key, double P::*m, const char* help) {
    r.add(key, m, help).unit("utility").range(0.0, 100.0);
  };
  auto years = [&](const char* key, double P::*m, const char* help) {
    r.add(key, m, help).unit("years").range(0.001, 100.0);
  };
  r.add("enabled", &P::enabled, "false: no actor takes a new action (the status_quo scenario)");
  r.add("two_stage", &P::two_stage,
        "draw whether to act first, against the mean-inclusive value of the options, then which "
        "(false: one logit over doing nothing and every option)");
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
         "weight of a threatened or imposed tariff on Mexico's concessions that answer its demand");
  weight("execute_weight", &P::execute_weight,
         "weight of a missed deadline, per unit of non-compliance, on imposing the tariff");
  weight("lift_weight", &P::lift_weight,
         "weight of compliance with a tariff's demand on lifting it (times 2 x compliance - 1)");
  r.add("threat_pending_level", &P::threat_pending_level,
        "weight of a pending threat on concessions, relative to a tariff in force")
      .range(0.0, 1.0);
  weight("cost_weight", &P::cost_weight,
         "weight of the own economy's cost of tariffs, per unit of rate");
  r.add("us_tariff_cost_share", &P::us_tariff_cost_share,
        "the U.S. economy's cost of its own tariff relative to Mexico's of its own")
      .range(0.0, 10.0);
  weight("tariff_weight", &P::tariff_weight, "weight of a president's tariff propensity");
  r.add("china_pressure", &P::china_pressure,
        "U.S. pressure on the China issue: (PRC announcements / the start's) to this power")
      .range(0.0, 10.0);
  r.add("dispute_pressure", &P::dispute_pressure,
        "U.S. pressure on the legal issue per recent investor dispute (1 + this x disputes)")
      .range(0.0, 100.0);
  weight("repeat_weight", &P::repeat_weight,
         "utility lost per recent use of the same action (repeats lose appeal)");
  years("repeat_half_life", &P::repeat_half_life, "half-life of the memory of one's recent acts");
  weight("reversal_weight", &P::reversal_weight,
         "utility lost per unit of one's recent commitment to the act one would undo (audience "
         "costs)");
  years("commitment_half_life", &P::commitment_half_life,
        "half-life of the commitment an act makes");
  weight("escalation_cost", &P::escalation_cost,
         "utility cost of the gravest acts: military strikes and notice of USMCA withdrawal");
  r.add("cabinet_line", &P::cabinet_line,
        "at the U.S. inauguration each cabinet settles its president's line by bargaining "
        "(model/bargain); the line becomes the president's anchor");
  r.add("tariff_rate", &P::tariff_rate,
        "rate of a tariff threatened or imposed on Mexico, and the reference size of tariffs")
      .unit("fraction")
      .range(0.0, 1.0)
      .required();
  r.add("tariff_cn_step", &P::tariff_cn_step, "rise of the tariff on Chinese goods per action")
      .unit("fraction")
      .range(0.0, 1.0)
      .required();
  r.add("troops_step", &P::troops_step, "troops sent to the borders per deployment")
      .unit("persons")
      .range(0.0, 1e6)
      .required();
  r.add("transfer_size", &P::transfer_size,
        "cartel figures per transfer to the U.S. (assumption, a modelling choice as of 2024-12-01: "
        "no transfer of a group of figures outside extradition had happened by then)")
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
  r.add("threat_deadline_days", &P::threat_deadline_days,
        "days a tariff threat gives Mexico to meet its demand (a president-elect's runs at least "
        "to the inauguration)")
      .unit("days")
      .range(1, 3650);
  r.add("execute_window_days", &P::execute_window_days,
        "days after a missed deadline during which executing the threat is expected")
      .unit("days")
      .range(1, 3650);
  r.add("demand_deadline_days", &P::demand_deadline_days,
        "days Mexico has to answer a demand of Remain in Mexico")
      .unit("days")
      .range(1, 3650);
  r.add("compliance_encounters", &P::compliance_encounters,
        "fall of border encounters since a migration demand that fully meets it")
      .unit("fraction")
      .range(0.001, 1.0);
  r.add("compliance_transfers", &P::compliance_transfers,
        "cartel figures transferred since a drugs demand that fully meet it")
      .unit("persons")
      .range(0.001, 1e6);
  r.add("compliance_supply", &P::compliance_supply,
        "fall of drugs reaching the U.S. since a drugs demand that fully meets it")
      .unit("fraction")
      .range(0.001, 1.0);
  r.add("grievance_gain", &P::grievance_gain, "grievance per unit of unforgiven hostility")
      .range(0.0, 10.0);
  years("grievance_half_life", &P::grievance_half_life, "half-life of grievance");
  years("hostility_half_life", &P::hostility_half_life, "half-life of the memory of hostile acts");
  r.add("bond_loss", &P::bond_loss, "bond lost per unit of unforgiven hostility").range(0.0, 1.0);
  r.add("bond_gain", &P::bond_gain, "bond gained per unit of cooperation (times 1 - bond)")
      .range(0.0, 1.0);
  r.add("bond_recovery", &P::bond_recovery, "drift of the bond back to its initial level")
      .unit("1/year")
      .range(0.0, 100.0);
  r.add("hawk_provocation", &P::hawk_provocation,
        "provocation of U.S. hawks per oil shipment to Cuba")
      .range(0.0, 1.0);
  r.add("hold_back_pivot", &P::hold_back_pivot,
        "bond above which a magnanimous president may hold back an escalation it chose "
        "(probability magnanimity x (bond - pivot) / (1 - pivot))")
      .range(0.0, 0.999);
  r.add("forbearance_capital", &P::forbearance_capital,
        "forbearance gained per unit of approval above the start's (political capital)")
      .range(0.0, 10.0);
  r.add("forbearance_pressure", &P::forbearance_pressure,
        "Mexican forbearance lost per unit of domestic pressure")
      .range(0.0, 10.0);
  r.add("diplomacy_effect", &P::diplomacy_effect,
        "grievance from an unforgiven act is divided by 1 + this x the diplomatic channel (sum "
        "of diplomatic edge weights from the acting side to the receiving side)")
      .range(0.0, 100.0);
  r.add("size_exponent", &P::size_exponent,
        "an act's Goldstein score scales as (magnitude / configured size) to this power")
      .range(0.0, 3.0);
  r.add("size_factor_min", &P::size_factor_min, "least factor of that scaling").range(0.0, 1.0);
  r.add("size_factor_max", &P::size_factor_max, "largest factor of that scaling").range(1.0, 10.0);
  years("tension_half_life", &P::tension_half_life,
        "half-life of the net hostility of bilateral events that tension is made of");
  r.add("tension_scale", &P::tension_scale,
        "net hostility (sum of -Goldstein/10 of recent events) that moves tension by one unit of "
        "log-odds")
      .range(0.01, 1000.0);
  r.add("enforcement_ramp", &P::enforcement_ramp, "speed of interior enforcement toward its target")
      .unit("1/year")
      .range(0.0, 100.0);
  r.add("atf_drift", &P::atf_drift,
        "speed at which ATF cooperation follows the U.S. president's view")
      .unit("1/year")
      .range(0.0, 100.0);
  describe(r.section("stance", &P::stance,
                     "how each action moves policy on each issue (the stance table; assumptions "
                     "read from the seed's account of what each action is for)"));
  describe(r.section("defiance", &P::defiance,
                     "whether each action defies (+1) or concedes to (-1) the U.S."));
}

void describe(schema::Record<EffectParams>& r) {
  using P = EffectParams;
  r.add("troop_cap", &P::troop_cap, "Mexican forces at the borders at most")
      .unit("persons")
      .range(0.0, 1e7);
  r.add("protest_window_days", &P::protest_window_days,
        "days after a U.S. strike in which Mexico may protest it")
      .unit("days")
      .range(1, 3650);
  r.add("demand_cooldown_days", &P::demand_cooldown_days,
        "days after Mexico refuses (or lets lapse) a demand of Remain in Mexico before the U.S. "
        "demands it again")
      .unit("days")
      .range(0, 3650);
  r.add("legal_floor", &P::legal_floor,
        "legal certainty below which no further reform is tried; also the least change of "
        "certainty, and of hawks' provocation, that invites a U.S. protest")
      .range(0.0, 1.0);
  r.add("cooperation_floor", &P::cooperation_floor,
        "security cooperation below which there is nothing left to restrict")
      .range(0.0, 1.0);
  r.add("min_tariff_change", &P::min_tariff_change,
        "smallest change of a tariff rate that counts as an act (smaller ones are not available)")
      .unit("fraction")
      .range(0.0, 1.0);
  r.add("strike_grievance", &P::strike_grievance,
        "Mexico's grievance added by a U.S. strike (sovereignty backlash)")
      .range(0.0, 1.0);
  r.add("protest_relief", &P::protest_relief, "Mexico's grievance vented by a protest")
      .range(0.0, 1.0);
  r.add("alignment_per_shipment", &P::alignment_per_shipment,
        "Mexico's alignment with U.S. regional positions lost per oil shipment to Cuba")
      .range(0.0, 1.0);
  r.add("hostility_gain", &P::hostility_gain,
        "memory of hostile acts gained per unit of an act's hostility (-Goldstein/10)")
      .range(0.0, 10.0);
  r.add("transfer_cooperation", &P::transfer_cooperation,
        "share of decisions.cooperation_step a transfer of cartel figures adds to cooperation")
      .range(0.0, 10.0);
  r.add("us_cooperation_share", &P::us_cooperation_share,
        "share of decisions.cooperation_step a U.S. expansion of cooperation adds (Mexico's "
        "law caps what the U.S. alone can do)")
      .range(0.0, 1.0);
  r.add("border_follow", &P::border_follow,
        "rise of the U.S. border enforcement target per unit of the interior enforcement target")
      .range(0.0, 1.0);
  r.add("cooperation_erosion", &P::cooperation_erosion,
        "security cooperation lost per year per unit of recent U.S. hostility")
      .unit("1/year")
      .range(0.0, 100.0);
  r.add("notice_months", &P::notice_months,
        "months after a notice of withdrawal that it takes effect (USMCA Art. 34.6)")
      .unit("months")
      .range(0, 120);
  r.add("review_interval_months", &P::review_interval_months,
        "months between reviews while the USMCA is not extended (USMCA Art. 34.7)")
      .unit("months")
      .range(1, 240);
  r.add("capacity_growth", &P::capacity_growth,
        "most the U.S. removal capacity can change in a year (detention beds, officers, "
        "flights)")
      .unit("persons/year per year")
      .range(0.0, 1e8);
  r.add("capacity_funded", &P::capacity_funded,
        "removal capacity the administration builds toward at full enforcement once Congress "
        "funds mass deportation")
      .unit("persons/year")
      .range(0.0, 1e8);
  r.add("capacity_unfunded", &P::capacity_unfunded,
        "removal capacity reachable without new funds, as a multiple of the start's")
      .range(1.0, 100.0);
  r.add("tcn_share", &P::tcn_share,
        "share of non-Mexicans removed by the U.S. who are sent to Mexico while Mexico accepts "
        "them")
      .unit("fraction")
      .range(0.0, 1.0);
  r.add("tcn_share_surge", &P::tcn_share_surge,
        "added share sent to Mexico at full interior enforcement")
      .unit("fraction")
      .range(0.0, 1.0);
  r.add("dispute_rate", &P::dispute_rate,
        "investor-state disputes per year per unit of legal certainty lost since the start")
      .unit("1/year")
      .range(0.0, 1e4);
  r.add("dispute_half_life", &P::dispute_half_life,
        "half-life of the memory of recent disputes in U.S. pressure")
      .unit("years")
      .range(0.001, 100.0);
  r.add("pushback_half_life", &P::pushback_half_life,
        "half-life of the memory of U.S. protests of the legal framework and of sanctions "
        "threats over Cuba")
      .unit("years")
      .range(0.001, 100.0);
}

void describe(schema::Record<StatusWeights>& r) {
  using P = StatusWeights;
  auto w = [&](const char* key, double P::*m, const char* help) {
    r.add(key, m, help).range(0.0, 1.0);
  };
  w("migration_base", &P::migration_base, "migration status with no enforcement at all");
  w("migration_interior", &P::migration_interior, "weight of interior enforcement");
  w("migration_border", &P::migration_border, "weight of border enforcement");
  w("migration_rim", &P::migration_rim, "weight of Remain in Mexico in force");
  w("migration_troops", &P::migration_troops,
    "weight of Mexican troops at the borders, per 10,000");
  w("drugs_base", &P::drugs_base, "drugs and security status with no cooperation at all");
  w("drugs_cooperation", &P::drugs_cooperation, "weight of security cooperation");
  w("drugs_designated", &P::drugs_designated, "weight of the terrorist designation of cartels");
  w("drugs_strikes", &P::drugs_strikes, "weight of U.S. strikes, reached at drugs_strikes_full");
  r.add("drugs_strikes_full", &P::drugs_strikes_full, "strikes at which their weight is full")
      .range(1.0, 1e6);
  w("drugs_extraditions", &P::drugs_extraditions,
    "weight of transfers of cartel figures, reached at drugs_extraditions_full");
  r.add("drugs_extraditions_full", &P::drugs_extraditions_full,
        "persons transferred at which their weight is full")
      .range(1.0, 1e6);
  w("china_base", &P::china_base, "China status with no U.S. tariff and no screening");
  w("china_tariff", &P::china_tariff, "weight per unit of the U.S. tariff on Chinese goods");
  w("china_screening", &P::china_screening, "weight of Mexico's screening of PRC investment");
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
      "pressure right after a U.S. strike (fades with strike_pressure_days)");
  r.add("strike_pressure_days", &P::strike_pressure_days,
        "e-folding time of the pressure a strike creates")
      .unit("days")
      .range(1.0, 3650.0);
  eff("pressure_tariffs", &P::pressure_tariffs, "pressure per unit of U.S. tariff on Mexico");
  eff("pressure_third_country", &P::pressure_third_country,
      "pressure per 100,000 non-Mexicans the U.S. sends to Mexico per year (\"particularly those "
      "involving Venezuelans and other non-Mexican citizens\")");
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
      "change of Morena's seat share per unit of approval above mx_midterm_pivot");
  r.add("mx_midterm_pivot", &P::mx_midterm_pivot,
        "Mexican approval at which Morena keeps its seat share at the midterms")
      .range(0.0, 1.0);
  r.add("constitutional_slack", &P::constitutional_slack,
        "seat share shortfall over which a vote's chance falls by a factor e (defections)")
      .unit("fraction")
      .range(0.001, 1.0);
  r.add("vote_view_weight", &P::vote_view_weight,
        "log-odds of passing a measure per unit of the chamber's view of its issue")
      .range(0.0, 1000.0);
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
  r.add("mx_accepts_third_country", &P::mx_accepts_third_country,
        "Mexico accepts removals of some non-Mexicans to its territory at the start");
  r.add("enforcement_capacity", &P::enforcement_capacity,
        "interior enforcement intensity reachable without new funding from Congress")
      .unit("0..1")
      .range(0.0, 1.0);
  r.add("removal_capacity", &P::removal_capacity,
        "interior removals per year the U.S. can carry out at the start (all nationalities)")
      .unit("persons/year")
      .range(0.0, 1e8)
      .required();
}

void describe(schema::Record<ForcedEvent>& r) {
  r.add("date", &ForcedEvent::date, "day the action is taken (inside the simulation window)")
      .unit("date")
      .required();
  r.add("actor", &ForcedEvent::actor, "id of the president whose side acts").required();
  r.add("action", &ForcedEvent::action, "what is done (an action that side may take)").required();
  r.add("magnitude", &ForcedEvent::magnitude,
        "size (tariff rate as a fraction, persons, ...; each action's largest size is checked); "
        "0 takes the action's default")
      .range(0.0, 1e12);
}

}  // namespace vecinos
