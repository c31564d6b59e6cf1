#include "world/usmca_review.hpp"

#include <cmath>

#include "model/bargain/smp.hpp"
#include "world/decisions.hpp"
#include "world/world.hpp"

namespace vecinos {

void describe(schema::Record<UsmcaParams>& r) {
  using P = UsmcaParams;
  r.add("extend_threshold", &P::extend_threshold,
        "distance of the bargained terms from the status quo below which the parties extend")
      .range(0.0, 1.0);
  r.add("withdraw_threshold", &P::withdraw_threshold,
        "distance of the terms from the U.S. president's position above which a hawkish one gives "
        "notice")
      .range(0.0, 1.0);
  r.add("withdraw_hawkishness", &P::withdraw_hawkishness, "hawkishness needed to give notice")
      .range(0.0, 1.0);
  r.add("max_turns", &P::max_turns, "bargaining turns at most").unit("turns").range(1, 10000);
  r.add("hardening", &P::hardening,
        "how far a side's grievance hardens its actors' review positions toward the end each "
        "leans to (x grievance)")
      .range(0.0, 1.0);
  r.add("salience_total", &P::salience_total,
        "sum of the review's saliences handed to the SMP (it wants a sum below 1)")
      .range(0.01, 0.999);
  r.add("victory", &P::victory, "SMP probability-of-victory model (KTAB VictoryProbModel)")
      .one_of({"Linear", "Square", "Quartic", "Octic", "Binary"});
  r.add("voting", &P::voting, "SMP voting rule (KTAB VotingRule)")
      .one_of({"Binary", "PropBin", "Prop", "PropCbc", "Cubic", "ASymProsp"});
  r.add("pce", &P::pce, "SMP probabilistic Condorcet election (KTAB PCEModel)")
      .one_of({"Conditional", "MarkovIncentive", "MarkovUniform"});
  r.add("transition", &P::transition, "SMP state transitions (KTAB StateTransitions)")
      .one_of({"Deterministic", "Stochastic"});
  r.add("bargain_model", &P::bargain_model, "SMP bargaining model (KTAB BargnModel)")
      .one_of({"InitOnlyInterp", "InitRcvrInterp", "PWCompInterp"});
  auto& c = r.section("canada", &P::canada,
                      "Canada, the third party to the review (not in the seed: assumptions)");
  c.add("take_part", &CanadaParams::take_part, "whether Canada bargains in the review");
  c.add("name", &CanadaParams::name, "name for outputs");
  c.add("capability", &CanadaParams::capability, "relative power, on the presidents' scale")
      .range(0.0, 1000.0);
  c.array("position", &CanadaParams::position, kIssueNames, 0.0, 1.0, "0..1", "Canada's positions");
  c.array("salience", &CanadaParams::salience, kIssueNames, 0.0, 1.0, "weight",
          "Canada's saliences");
}

bargain::Options UsmcaParams::options() const {
  bargain::Options o;
  o.max_turns = max_turns;
  bargain::set_parameter(o, "VictoryProbModel", victory);
  bargain::set_parameter(o, "VotingRule", voting);
  bargain::set_parameter(o, "PCEModel", pce);
  bargain::set_parameter(o, "StateTransitions", transition);
  bargain::set_parameter(o, "BargnModel", bargain_model);
  return o;
}

namespace {

bargain::Actor review_actor(std::string name, double capability, const IssueVector& position,
                            const IssueVector& salience, double salience_total) {
  bargain::Actor a;
  a.name = std::move(name);
  a.capability = std::max(1e-6, capability);
  double total = 0;
  for (Issue i : kReviewIssues) total += salience[index(i)];
  for (Issue i : kReviewIssues) {
    a.position.push_back(position[index(i)]);
    // Saliences renormalised to the review's issues (the SMP wants a sum at most 1, above 0).
    a.salience.push_back(total > 0 ? salience_total * salience[index(i)] / total
                                   : salience_total / kReviewIssues.size());
  }
  return a;
}

// Grievance hardens positions: each issue moves toward the end the actor leans to, by half its
// side's grievance (a side that feels wronged bargains harder).
IssueVector hardened(const World& w, std::size_t i) {
  IssueVector x = w.politics.position(i);
  const auto side = side_of(w.politics.actor(i).country);
  if (!side) return x;
  const double g = w.policy.grievance[index(*side)];
  const double h = w.config.usmca.hardening;
  for (double& v : x) v += h * g * ((v >= 0.5 ? 1.0 : 0.0) - v);
  return x;
}

// U.S. actors bring the China issue to the table in proportion to the U.S. pressure on it (PRC
// announcements in Mexico, M7): their salience on China is scaled by it, then renormalised.
IssueVector pressed_salience(const World& w, std::size_t i) {
  IssueVector s = w.politics.actor(i).salience;
  if (w.politics.actor(i).country != Country::us) return s;
  s[index(Issue::china)] *= us_pressure(w)[index(Issue::china)];
  double total = 0;
  for (double x : s) total += x;
  if (total > 0)
    for (double& x : s) x /= total;
  return s;
}

double weighted(const std::vector<double>& a, const std::vector<double>& b,
                const std::vector<double>& w) {
  double d = 0, total = 0;
  for (std::size_t k = 0; k < a.size(); ++k) d += w[k] * std::abs(a[k] - b[k]), total += w[k];
  return total > 0 ? d / total : 0.0;
}

}  // namespace

ReviewResult review_usmca(const World& w) {
  const UsmcaParams& p = w.config.usmca;
  const auto& pol = w.politics;
  bargain::Problem problem;
  problem.name = "USMCA joint review";
  for (Issue i : kReviewIssues) problem.dimensions.emplace_back(kIssueNames[index(i)]);
  for (std::size_t i = 0; i < pol.size(); ++i) {
    const auto& a = pol.actor(i);
    const bool party =
        a.kind == ActorKind::president && (a.country == Country::us || a.country == Country::mx);
    const bool congress = a.kind == ActorKind::legislature && a.country == Country::us;
    if (party || congress || a.kind == ActorKind::lobby)
      problem.actors.push_back(review_actor(a.id, a.capability, hardened(w, i),
                                            pressed_salience(w, i), p.salience_total));
  }
  if (p.canada.take_part)
    problem.actors.push_back(review_actor(p.canada.name, p.canada.capability, p.canada.position,
                                          p.canada.salience, p.salience_total));

  bargain::Options options = p.options();
  options.seed = w.config.simulation.seed ^ (static_cast<std::uint64_t>(w.tick) << 32);
  const bargain::Result r = bargain::solve(problem, options);

  ReviewResult out;
  for (const auto& a : problem.actors) out.actors.push_back(a.name);
  out.outcome = r.outcome;
  out.turns = static_cast<int>(r.turns.size()) - 1;
  const std::size_t us = pol.us_president();
  const auto us_actor =
      review_actor("", 1.0, hardened(w, us), pressed_salience(w, us), p.salience_total);
  std::vector<double> status_quo;
  const IssueVector q = policy_status(w.policy, w.config.status);
  for (Issue i : kReviewIssues) status_quo.push_back(q[index(i)]);
  out.change = weighted(out.outcome, status_quo, us_actor.salience);
  out.us_gap = weighted(out.outcome, us_actor.position, us_actor.salience);
  if (out.change < p.extend_threshold)
    out.action = Action::usmca_extend;
  else if (out.us_gap > p.withdraw_threshold && pol.actor(us).hawkishness >= p.withdraw_hawkishness)
    out.action = Action::usmca_withdrawal_notice;
  else
    out.action = Action::usmca_renegotiate;
  return out;
}

IssueVector settle_cabinet_line(const World& w, std::size_t president) {
  const auto& pol = w.politics;
  bargain::Problem problem;
  problem.name = "cabinet line of " + pol.actor(president).id;
  for (auto n : kIssueNames) problem.dimensions.emplace_back(n);
  auto add = [&](std::size_t i) {
    const auto& a = pol.actor(i);
    bargain::Actor b;
    b.name = a.id;
    b.capability = std::max(1e-6, a.capability);
    b.position.assign(pol.position(i).begin(), pol.position(i).end());
    for (double s : a.salience) b.salience.push_back(w.config.usmca.salience_total * s);
    problem.actors.push_back(std::move(b));
  };
  add(president);
  for (std::size_t i = 0; i < pol.size(); ++i) {
    const auto& a = pol.actor(i);
    const bool adviser =
        a.kind == ActorKind::official && a.serves == static_cast<std::int32_t>(president);
    const bool chamber =
        a.kind == ActorKind::legislature && a.country == pol.actor(president).country;
    if (adviser || chamber) add(i);
  }
  IssueVector line = pol.position(president);
  if (problem.actors.size() < 2) return line;
  bargain::Options options = w.config.usmca.options();
  options.seed = w.config.simulation.seed ^ pol.actor(president).key;
  const bargain::Result r = bargain::solve(problem, options);
  for (std::size_t k = 0; k < kIssueCount; ++k) line[k] = r.outcome[k];
  return line;
}

}  // namespace vecinos
