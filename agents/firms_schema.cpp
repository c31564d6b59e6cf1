// The config keys of the firms (`firms:`).
#include "agents/cartels.hpp"
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
  r.add("choice_sensitivity", &P::choice_sensitivity,
        "logit sensitivity to the log gap of desired to actual capital")
      .range(0.0, 10000.0);
  r.add("invest_step", &P::invest_step, "capital added by an investment")
      .unit("fraction")
      .range(0.0, 10.0);
  r.add("divest_step", &P::divest_step, "capital withdrawn by a divestment")
      .unit("fraction")
      .range(0.0, 1.0);
  r.add("relocate_cost", &P::relocate_cost,
        "log gap of desired to actual capital beyond which relocating is likelier than divesting")
      .range(0.0, 10.0);
  r.add("capital_return_elasticity", &P::capital_return_elasticity,
        "log change of desired capital per unit change of expected return")
      .range(0.0, 1000.0);
  r.add("entry_sensitivity", &P::entry_sensitivity,
        "log change of a potential entrant's hazard per unit of return above the hurdle")
      .range(0.0, 1000.0);
  r.array("region_weight", &P::region_weight, kRegionNames, 0.0, 1000.0, "relative",
          "where firms producing for export sit, by state (assumption: the pattern of INEGI's "
          "manufacturing census)");
  r.add("size_dispersion", &P::size_dispersion, "sd of the log of firm size").range(0.0, 5.0);
  r.add("hold_preference", &P::hold_preference, "logit utility of holding (inertia)")
      .range(-100.0, 100.0);
  r.add("import_elasticity", &P::import_elasticity,
        "elasticity of U.S. imports from a firm to its tariff-inclusive price (what a tariff "
        "costs in volume)")
      .range(0.0, 20.0)
      .required();
  r.add("exporter_incidence", &P::exporter_incidence,
        "share of a U.S. tariff Mexican exporters absorb in their price (the rest is passed "
        "through to U.S. buyers)")
      .unit("fraction")
      .range(0.0, 1.0)
      .required();
  r.array("usmca_share", &P::usmca_share, kOwnerNames, 0.0, 1.0, "fraction",
          "share of each owner's exports claiming USMCA preference (the rest pays the MFN tariff)");
  r.add("tariff_spares_usmca", &P::tariff_spares_usmca,
        "whether U.S. tariffs on Mexico spare goods claiming USMCA preference");
  r.add("china_diversion", &P::china_diversion,
        "log rise of Mexican firms' U.S. market per unit rise of the U.S. tariff on China "
        "(trade diversion, nearshoring)")
      .range(0.0, 20.0)
      .required();
  r.add("export_adjust", &P::export_adjust,
        "speed at which exports follow what a firm can sell and produce (lagged response)")
      .unit("1/year")
      .range(0.01, 365.0);
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
