// The config keys of the firms (`firms:`).
#include "agents/firms.hpp"

namespace vecinos {

void describe(schema::Record<FirmParams>& r) {
  using P = FirmParams;
  r.add("agents", &P::agents, "firm agents (active and potential entrants)")
      .unit("agents")
      .range(0, 10000000);
  r.add("scale", &P::scale, "real firms each agent stands for").unit("firms/agent").range(1.0, 1e6);
  r.array("agent_share", &P::agent_share, kOwnerNames, 0.0, 1.0, "fraction",
          "firm agents by owner");
  r.array("export_share", &P::export_share, kOwnerNames, 0.0, 1.0, "fraction",
          "exports to the U.S. at the start by owner");
  r.array("sector_share", &P::sector_share, kSectorNames, 0.0, 1.0, "fraction",
          "exports by sector");
  r.array("potential_share", &P::potential_share, kOwnerNames, 0.0, 1.0, "fraction",
          "agents of each owner not yet producing in Mexico (potential entrants)");
  r.add("exports_usd", &P::exports_usd, "U.S. imports from Mexico at the start")
      .unit("USD/year")
      .range(0.0, 1e13)
      .required();
  r.add("capital_per_export", &P::capital_per_export, "capital per dollar of yearly exports")
      .unit("USD/(USD/year)")
      .range(0.01, 100.0);
  r.array("fdi_usd", &P::fdi_usd, kOwnerNames, 0.0, 1e12, "USD/year",
          "investment flows into Mexico at the start by owner (calibrates entrants' capital)")
      .required();
  r.add("review_rate", &P::review_rate, "how often a firm reconsiders its investment")
      .unit("1/year")
      .range(0.0, 365.0);
  r.add("entry_rate", &P::entry_rate, "hazard that a potential entrant sets up in Mexico")
      .unit("1/year")
      .range(0.0, 100.0);
  r.add("mean_return", &P::mean_return, "mean expected return at the start")
      .unit("1/year")
      .range(-1.0, 1.0);
  r.add("return_dispersion", &P::return_dispersion, "sd of expected returns across firms")
      .unit("1/year")
      .range(0.0, 1.0);
  r.add("hurdle", &P::hurdle, "return firms compare with").unit("1/year").range(-1.0, 1.0);
  r.add("choice_sensitivity", &P::choice_sensitivity, "logit sensitivity to the return gap")
      .range(0.0, 10000.0);
  r.add("invest_step", &P::invest_step, "capital added by an investment")
      .unit("fraction")
      .range(0.0, 10.0);
  r.add("divest_step", &P::divest_step, "capital withdrawn by a divestment")
      .unit("fraction")
      .range(0.0, 1.0);
  r.add("relocate_cost", &P::relocate_cost,
        "extra return loss at which relocating is as likely as divesting is")
      .unit("1/year")
      .range(0.0, 1.0);
  r.add("hold_preference", &P::hold_preference, "logit utility of holding (inertia)")
      .range(-100.0, 100.0);
  r.add("tariff_pass_through", &P::tariff_pass_through, "share of a U.S. tariff the exporter bears")
      .unit("fraction")
      .range(0.0, 1.0);
  r.add("trade_elasticity", &P::trade_elasticity,
        "elasticity of a firm's exports to the tariff it faces")
      .range(0.0, 20.0);
  r.add("transshipment", &P::transshipment,
        "share of PRC-owned firms' exports treated as Chinese goods by U.S. tariffs on China")
      .unit("fraction")
      .range(0.0, 1.0);
  r.add("uncertainty_cost", &P::uncertainty_cost, "return lost per step of usmca_status")
      .unit("1/year")
      .range(0.0, 1.0);
  r.add("extortion_cost", &P::extortion_cost,
        "return lost per unit rise of cartel presence in the firm's state (relative to the start)")
      .unit("1/year")
      .range(0.0, 1.0);
  r.add("legal_cost", &P::legal_cost, "return foreign firms lose as legal certainty falls by 0.5")
      .unit("1/year")
      .range(0.0, 1.0);
  r.add("incentive_return", &P::incentive_return, "return gained at full nearshoring incentives")
      .unit("1/year")
      .range(0.0, 1.0);
  r.add("fdi_smoothing", &P::fdi_smoothing, "time over which FDI flows are averaged for reporting")
      .unit("years")
      .range(0.01, 10.0);
}

}  // namespace vecinos
