// The config keys of the migrant populations (`migrants:`).
#include "agents/migrants.hpp"

namespace vecinos {

void describe(schema::Record<MigrantParams>& r) {
  using P = MigrantParams;
  auto persons = [&](const char* key, double P::*m, double def, const char* help) {
    r.add(key, m, def, help).unit("persons").range(0.0, 5e7);
  };
  auto rate = [&](const char* key, double P::*m, double def, const char* help) {
    r.add(key, m, def, help).unit("1/year").range(0.0, 100.0);
  };
  auto prob = [&](const char* key, double P::*m, double def, const char* help) {
    r.add(key, m, def, help).unit("probability").range(0.0, 1.0);
  };
  auto coef = [&](const char* key, double P::*m, double def, const char* help) {
    r.add(key, m, def, help).unit("log-hazard").range(-20.0, 20.0);
  };
  r.add("scale", &P::scale, 100.0, "persons each agent stands for (1 = one agent per person)")
      .unit("persons/agent")
      .range(1.0, 1e6);
  persons("mexican_unauthorized", &P::mexican_unauthorized, 4.0e6,
          "Mexican-born unauthorized residents of the U.S. at the start");
  persons("mexican_legal", &P::mexican_legal, 6.6e6,
          "Mexican-born legal residents of the U.S. at the start");
  persons("mexican_would_be", &P::mexican_would_be, 1.5e6,
          "Mexicans at home who may attempt to migrate (the pool of would-be migrants)");
  persons("transit_in_mexico", &P::transit_in_mexico, 250000,
          "non-Mexican migrants in transit through Mexico at the start");
  persons("transit_origin", &P::transit_origin, 2.0e6,
          "non-Mexicans south of Mexico who may set out north (the pool)");
  r.add("kin_ties", &P::kin_ties, 4, "kin and town-of-origin ties per person (in-ties)")
      .unit("ties")
      .range(0, 64);
  r.add("mexican_towns", &P::mexican_towns, 2469, "towns of origin among which Mexicans are spread")
      .unit("towns")
      .range(1, 1000000);
  r.add("origin_communities", &P::origin_communities, 400,
        "communities of origin among which non-Mexicans are spread")
      .unit("communities")
      .range(1, 1000000);
  rate("attempt_mexican", &P::attempt_mexican, 0.4,
       "hazard that a would-be Mexican migrant attempts a crossing, at the start's conditions");
  rate("attempt_transit", &P::attempt_transit, 4.2,
       "hazard that a transit migrant attempts to cross, at the start's conditions");
  rate("entry_transit", &P::entry_transit, 0.56,
       "hazard that a person in the pool of origin enters Mexico");
  rate("transit_give_up", &P::transit_give_up, 0.3, "hazard that a transit migrant goes home");
  coef("network_effect", &P::network_effect, 2.0,
       "log-hazard of setting out per unit share of kin ties already in the U.S. (above the "
       "start's)");
  coef("wage_effect", &P::wage_effect, 1.0,
       "log-hazard of attempting per unit change of the log wage gap");
  coef("deterrence", &P::deterrence, 1.5,
       "log-hazard lost per unit of U.S. border enforcement above 0.5");
  coef("rim_deterrence", &P::rim_deterrence, 0.7,
       "log-hazard lost while Remain in Mexico is in force");
  prob("apprehension_base", &P::apprehension_base, 0.7,
       "probability a crossing attempt is apprehended at border enforcement 0.5");
  r.add("apprehension_slope", &P::apprehension_slope, 0.6,
        "added apprehension probability per unit of border enforcement")
      .unit("probability")
      .range(0.0, 2.0);
  r.add("mx_stop_per_10k_troops", &P::mx_stop_per_10k_troops, 0.03,
        "probability that Mexican forces stop a transit migrant's attempt, per 10,000 troops "
        "deployed")
      .unit("probability")
      .range(0.0, 1.0);
  prob("release_share", &P::release_share, 0.25,
       "share of apprehended non-Mexicans released into the U.S. to pursue claims");
  prob("rim_hold_share", &P::rim_hold_share, 0.8,
       "share of apprehended non-Mexicans returned to wait in Mexico under Remain in Mexico");
  rate("held_exit", &P::held_exit, 2.0, "hazard of leaving the wait in Mexico (back into transit)");
  rate("removal_base", &P::removal_base, 0.012,
       "hazard of interior removal of an unauthorized Mexican with no enforcement surge");
  rate("removal_max", &P::removal_max, 0.45, "added removal hazard at full interior enforcement");
  rate("removal_other_base", &P::removal_other_base, 0.03,
       "interior removal hazard of non-Mexicans");
  rate("removal_other_max", &P::removal_other_max, 0.45,
       "added removal hazard of non-Mexicans at full interior enforcement");
  rate("voluntary_return", &P::voluntary_return, 0.03,
       "hazard that an unauthorized Mexican returns home");
  rate("legal_return", &P::legal_return, 0.005, "hazard that a legal resident returns home");
  r.add("heterogeneity", &P::heterogeneity, 0.5, "sd of the log of individual hazard multipliers")
      .range(0.0, 3.0);
  r.add("remit_unauthorized", &P::remit_unauthorized, 6300.0,
        "mean remittances per unauthorized Mexican in the U.S.")
      .unit("USD/year")
      .range(0.0, 1e6);
  r.add("remit_legal", &P::remit_legal, 5950.0, "mean remittances per legal Mexican resident")
      .unit("USD/year")
      .range(0.0, 1e6);
  r.add("remit_dispersion", &P::remit_dispersion, 0.6, "sd of the log of individual remittances")
      .range(0.0, 3.0);
}

}  // namespace vecinos
