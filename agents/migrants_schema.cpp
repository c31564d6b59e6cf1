// The config keys of the migrant populations (`migrants:`).
#include "agents/migrants.hpp"

namespace vecinos {

void describe(schema::Record<MigrantParams>& r) {
  using P = MigrantParams;
  auto persons = [&](const char* key, double P::*m, const char* help) -> auto& {
    return r.add(key, m, help).unit("persons").range(0.0, 5e7);
  };
  auto rate = [&](const char* key, double P::*m, const char* help) -> auto& {
    return r.add(key, m, help).unit("1/year").range(0.0, 100.0);
  };
  auto prob = [&](const char* key, double P::*m, const char* help) -> auto& {
    return r.add(key, m, help).unit("probability").range(0.0, 1.0);
  };
  auto coef = [&](const char* key, double P::*m, const char* help) -> auto& {
    return r.add(key, m, help).unit("log-hazard").range(-20.0, 20.0);
  };
  r.add("scale", &P::scale, "persons each agent stands for (1 = one agent per person)")
      .unit("persons/agent")
      .range(1.0, 1e6);
  persons("mexican_unauthorized", &P::mexican_unauthorized,
          "Mexican-born unauthorized residents of the U.S. at the start")
      .required();
  persons("mexican_legal", &P::mexican_legal,
          "Mexican-born legal residents of the U.S. at the start")
      .required();
  persons("mexican_would_be", &P::mexican_would_be,
          "Mexicans at home who may attempt to migrate (the pool of would-be migrants)");
  persons("transit_in_mexico", &P::transit_in_mexico,
          "non-Mexican migrants in transit through Mexico at the start");
  persons("transit_origin", &P::transit_origin,
          "non-Mexicans south of Mexico who may set out north (the pool)");
  r.add("kin_ties", &P::kin_ties, "kin and town-of-origin ties per person (in-ties)")
      .unit("ties")
      .range(0, 64);
  r.add("mexican_towns", &P::mexican_towns, "towns of origin among which Mexicans are spread")
      .unit("towns")
      .range(1, 1000000);
  r.add("origin_communities", &P::origin_communities,
        "communities of origin among which non-Mexicans are spread")
      .unit("communities")
      .range(1, 1000000);
  rate("attempt_mexican", &P::attempt_mexican,
       "hazard that a would-be Mexican migrant attempts a crossing, at the start's conditions")
      .required();
  rate("attempt_transit", &P::attempt_transit,
       "hazard that a transit migrant attempts to cross, at the start's conditions")
      .required();
  rate("entry_transit", &P::entry_transit,
       "hazard that a person in the pool of origin enters Mexico")
      .required();
  rate("transit_give_up", &P::transit_give_up, "hazard that a transit migrant goes home");
  coef("network_effect", &P::network_effect,
       "log-hazard of setting out per unit share of kin ties already in the U.S. (above the "
       "start's)");
  coef("wage_effect", &P::wage_effect,
       "log-hazard of attempting per unit change of the log wage gap");
  coef("deterrence", &P::deterrence,
       "log-hazard lost per unit of U.S. border enforcement above 0.5");
  coef("rim_deterrence", &P::rim_deterrence, "log-hazard lost while Remain in Mexico is in force");
  coef("interior_deterrence", &P::interior_deterrence,
       "log-hazard of a would-be Mexican migrant setting out, lost per unit of interior "
       "enforcement (removal risk once across)");
  coef("asylum_pull", &P::asylum_pull,
       "log-hazard of entering Mexico and attempting, per unit of release_share above "
       "release_reference (asylum policy's pull)");
  prob("release_reference", &P::release_reference,
       "release share at which entry_transit and attempt_transit are given (the start's)");
  prob("apprehension_min", &P::apprehension_min, "least apprehension probability");
  prob("apprehension_max", &P::apprehension_max, "largest apprehension probability");
  prob("mx_stop_max", &P::mx_stop_max, "largest probability that Mexican forces stop an attempt");
  prob("apprehension_base", &P::apprehension_base,
       "probability a crossing attempt is apprehended at border enforcement 0.5");
  r.add("apprehension_slope", &P::apprehension_slope,
        "added apprehension probability per unit of border enforcement")
      .unit("probability")
      .range(0.0, 2.0);
  r.add("mx_stop_per_10k_troops", &P::mx_stop_per_10k_troops,
        "probability that Mexican forces stop a transit migrant's attempt, per 10,000 troops "
        "deployed")
      .unit("probability")
      .range(0.0, 1.0);
  prob("release_share", &P::release_share,
       "share of apprehended non-Mexicans released into the U.S. to pursue claims")
      .required();
  prob("rim_hold_share", &P::rim_hold_share,
       "share of apprehended non-Mexicans returned to wait in Mexico under Remain in Mexico");
  rate("held_exit", &P::held_exit, "hazard of leaving the wait in Mexico (back into transit)");
  r.add("held_exit_without_rim", &P::held_exit_without_rim,
        "hazard of leaving the wait once Remain in Mexico has ended")
      .unit("1/year")
      .range(0.0, 1000.0);
  rate("removal_base", &P::removal_base,
       "hazard of interior removal of an unauthorized Mexican with no enforcement surge");
  rate("removal_max", &P::removal_max, "added removal hazard at full interior enforcement");
  rate("removal_other_base", &P::removal_other_base, "interior removal hazard of non-Mexicans");
  rate("removal_other_max", &P::removal_other_max,
       "added removal hazard of non-Mexicans at full interior enforcement");
  rate("voluntary_return", &P::voluntary_return,
       "hazard that an unauthorized Mexican returns home");
  rate("legal_return", &P::legal_return, "hazard that a legal resident returns home");
  r.add("heterogeneity", &P::heterogeneity, "sd of the log of individual hazard multipliers")
      .range(0.0, 3.0);
  r.add("remit_unauthorized", &P::remit_unauthorized,
        "mean remittances per unauthorized Mexican in the U.S.")
      .unit("USD/year")
      .range(0.0, 1e6)
      .required();
  r.add("remit_legal", &P::remit_legal, "mean remittances per legal Mexican resident")
      .unit("USD/year")
      .range(0.0, 1e6)
      .required();
  r.add("remit_dispersion", &P::remit_dispersion, "sd of the log of individual remittances")
      .range(0.0, 3.0);
  r.add("remit_enforcement_effect", &P::remit_enforcement_effect,
        "share of each sender's remittances lost at full interior enforcement (fear, lost "
        "work)")
      .unit("fraction")
      .range(0.0, 1.0);
}

}  // namespace vecinos
