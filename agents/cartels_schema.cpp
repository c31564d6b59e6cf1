// The config keys of the cartels (`cartels:`).
#include "agents/cartels.hpp"

namespace vecinos {

void describe(schema::Record<CartelParams>& r) {
  using P = CartelParams;
  r.add("total_members", &P::total_members, "members of all organisations at the start")
      .unit("persons")
      .range(0.0, 1e7)
      .required();
  auto& o = r.map("organizations", &P::organizations, "criminal organisations, by id");
  o.add("name", &OrganizationParams::name, "name for outputs").required();
  o.add("share", &OrganizationParams::share, "share of all members at the start")
      .unit("fraction")
      .range(0.0, 1.0);
  o.add("cells", &OrganizationParams::cells, "cells (local groups) at the start").range(1, 100000);
  o.int_list("regions", &OrganizationParams::regions, 0, static_cast<int>(kRegions) - 1,
             "Mexican states its cells are in, cells assigned in turn (0-5 are the border states; "
             "the list is kRegionNames in agents/cartels.cpp)");
  r.add("max_cells", &P::max_cells, "cells at most; leaderless cells no longer split beyond it")
      .range(1, 1000000);
  r.add("recruitment_per_week", &P::recruitment_per_week,
        "recruits of all organisations at the start")
      .unit("persons/week")
      .range(0.0, 1e6)
      .required();
  r.add("homicides", &P::homicides, "homicides in Mexico at the start (all causes)")
      .unit("deaths/year")
      .range(0.0, 1e6)
      .required();
  r.add("conflict_share", &P::conflict_share, "share of homicides from organised-crime conflict")
      .unit("fraction")
      .range(0.0, 1.0);
  r.add("conflict_member_share", &P::conflict_member_share,
        "share of conflict deaths who are cartel members")
      .unit("fraction")
      .range(0.0, 1.0);
  r.array("route_mix", &P::route_mix, kRouteNames, 0.0, 1.0, "fraction",
          "shares of drugs moved by each route at the start");
  r.array("interdiction_us", &P::interdiction_us, kRouteNames, 0.0, 1.0, "probability",
          "share of a route's shipments U.S. enforcement seizes at border enforcement 0.5");
  r.array("interdiction_mx", &P::interdiction_mx, kRouteNames, 0.0, 1.0, "probability",
          "share Mexican enforcement seizes at the start's cooperation, no troops, no corruption");
  r.array("route_exposure", &P::route_exposure, kRouteNames, 0.0, 10.0, "relative",
          "how strongly changes of U.S. border enforcement reach each route");
  r.add("route_adapt", &P::route_adapt, "speed at which cells move to safer routes")
      .unit("1/year")
      .range(0.0, 100.0);
  r.add("route_sensitivity", &P::route_sensitivity,
        "logit sensitivity of route choice to interdiction")
      .range(0.0, 1000.0);
  r.add("enforcement_sensitivity", &P::enforcement_sensitivity,
        "relative rise of U.S. interdiction per unit of border enforcement above 0.5 (times 2)")
      .range(0.0, 10.0);
  r.add("fragmentation", &P::fragmentation, "probability that a cell losing its leader splits")
      .unit("probability")
      .range(0.0, 1.0);
  r.add("split_share", &P::split_share, "share of members and guns that leave with a splinter")
      .unit("fraction")
      .range(0.0, 0.9);
  r.add("leader_replacement", &P::leader_replacement,
        "hazard that a leaderless cell finds a leader")
      .unit("1/year")
      .range(0.0, 100.0);
  r.add("strike_casualties", &P::strike_casualties, "members killed by one strike")
      .unit("persons")
      .range(0.0, 10000.0);
  r.add("strike_retaliation", &P::strike_retaliation,
        "relative rise of conflict in a struck region (fades within months)")
      .range(0.0, 10.0);
  r.add("corruption_base", &P::corruption_base,
        "protection (share of Mexican enforcement neutralised) at the start's revenue per member")
      .unit("fraction")
      .range(0.0, 0.95);
  r.add("corruption_adjust", &P::corruption_adjust, "speed at which protection follows revenue")
      .unit("1/year")
      .range(0.0, 100.0);
  r.add("smuggling_fee_usd", &P::smuggling_fee_usd, "smuggling fee per migrant crossing")
      .unit("USD")
      .range(0.0, 1e6);
  r.add("gun_depreciation", &P::gun_depreciation, "share of the arsenal lost or seized per year")
      .unit("1/year")
      .range(0.001, 10.0);
  r.add("cell_size_dispersion", &P::cell_size_dispersion,
        "sd of the log of cell sizes at the start")
      .range(0.0, 5.0);
  r.add("troop_effect", &P::troop_effect,
        "relative rise of Mexican interdiction per 10,000 troops at the borders")
      .range(0.0, 10.0);
  r.add("cooperation_offset", &P::cooperation_offset,
        "Mexican enforcement (interdiction, arrests) scales as this + security cooperation")
      .range(0.0, 10.0);
  r.add("corruption_cap", &P::corruption_cap,
        "largest share of Mexican enforcement protection can neutralise")
      .unit("fraction")
      .range(0.0, 1.0);
  r.add("interdiction_cap", &P::interdiction_cap,
        "largest share of a route's flow U.S. and Mexican interdiction together stop (assumption)")
      .unit("fraction")
      .range(0.0, 1.0);
  r.add("strike_leader_removal", &P::strike_leader_removal,
        "probability that a strike removes the struck cell's leader")
      .unit("probability")
      .range(0.0, 1.0);
  r.add("retaliation_decay", &P::retaliation_decay, "speed at which a strike's retaliation fades")
      .unit("1/year")
      .range(0.0, 365.0);
  r.add("economy_floor", &P::economy_floor,
        "least economy index in the labour pool that recruitment draws from")
      .range(0.01, 1.0);
  r.add("returnee_recruitment", &P::returnee_recruitment,
        "relative rise of recruitment per million persons returned in the last year")
      .range(0.0, 10.0);
}

}  // namespace vecinos
