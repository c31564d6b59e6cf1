#pragma once
// The USMCA joint review (M7), settled by bargaining: KTAB's spatial model of politics
// (model/bargain) among the U.S. president, the Mexican president, Canada, the U.S. Congress
// and the business lobbies, on the issues the review puts on the table, with each actor's
// position, salience and capability taken from the world on the day of the review. Positions
// are hardened by the grievance of the actor's side: each issue moves toward the end the actor
// leans to by `hardening` times the grievance; U.S. actors' salience on China grows with the
// U.S. pressure on it (PRC announcements in Mexico).
//
// The negotiated terms are the SMP outcome o. With q the policy status quo on those issues
// (PolicyState::status) and the U.S. president's saliences as weights:
//   change = |o - q|   below extend_threshold: the parties confirm the agreement (extend);
//   gap    = |o - x_us| above withdraw_threshold, for a hawkish U.S. president: notice of
//            withdrawal; otherwise: renegotiation (then annual reviews, Art. 34.7).
#include <array>
#include <string>
#include <vector>

#include "agents/issues.hpp"
#include "model/bargain/options.hpp"
#include "model/schema.hpp"
#include "world/actions.hpp"

namespace vecinos {

struct World;

struct CanadaParams {
  bool take_part = true;
  std::string name = "Canada";
  double capability = 30;
  IssueVector position{0.5, 0.6, 0.7, 0.8, 0.7, 0.7};
  IssueVector salience{0.05, 0.1, 0.05, 0.4, 0.3, 0.1};
};

struct UsmcaParams {
  double extend_threshold = 0.04;  ///< change of terms below which the parties extend
  double withdraw_threshold =
      0.24;  ///< U.S. president's distance from the terms that makes it leave
  double withdraw_hawkishness = 0.6;  ///< ... if at least this hawkish
  int max_turns = 100;                ///< bargaining turns at most
  double hardening = 0.5;             ///< grievance's pull on positions toward their leaning end
  double salience_total = 0.95;       ///< the SMP wants saliences summing below 1
  // KTAB options of the bargaining (model/bargain/options.hpp), by KTAB's names
  std::string victory = "Linear";
  std::string voting = "Prop";
  std::string pce = "Conditional";
  std::string transition = "Deterministic";
  std::string bargain_model = "InitOnlyInterp";
  CanadaParams canada;
  /// The bargaining options these name.
  [[nodiscard]] bargain::Options options() const;
};

void describe(schema::Record<UsmcaParams>& r);

/// The issues the review bargains over, in this order.
inline constexpr std::array<Issue, 4> kReviewIssues = {Issue::china, Issue::legal_investment,
                                                       Issue::migration, Issue::drugs_security};

struct ReviewResult {
  Action action = Action::usmca_extend;
  std::vector<std::string> actors;
  std::vector<double> outcome;  ///< negotiated terms on kReviewIssues (0..1)
  double change = 0;            ///< distance of the terms from the status quo
  double us_gap = 0;            ///< distance of the terms from the U.S. president's position
  int turns = 0;
};

/// Runs the review bargaining in the world's current state.
ReviewResult review_usmca(const World& w);

/// A cabinet settling its president's line: the president, the officials who serve it and its
/// country's legislature bargain (the same spatial model) over all six issues, from their
/// current positions; the outcome becomes the president's anchor (the view it is held to in
/// the Friedkin-Johnsen updates). Returns that line.
IssueVector settle_cabinet_line(const World& w, std::size_t president);

}  // namespace vecinos
