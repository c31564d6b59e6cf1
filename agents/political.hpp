#pragma once
// Political actors at run time: presidents, cabinet officials and envoys, legislatures.
//
// Each holds a position on the six issues. Positions move by Friedkin-Johnsen influence over
// the advice and lobbying edges of the elite network (Friedkin & Johnsen 1990):
//   x_i(t+1) = lambda_i * sum_j W_ij x_j(t) + (1 - lambda_i) * u_i
// where W_ij is the advice (or lobbying) weight from j to i (W_ii the actor's self_weight),
// normalised by row, lambda_i = 1 - stubbornness_i, and u_i the initial position.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "agents/issues.hpp"
#include "agents/political_params.hpp"
#include "model/hash.hpp"
#include "model/network.hpp"
#include "model/step_context.hpp"

namespace vecinos {

enum class ActorKind : unsigned char { president, official, legislature, lobby };
std::string_view name(ActorKind k);

/// A stable 64-bit key of an id (FNV-1a of its characters): what random streams are keyed by,
/// so that they do not depend on where an actor sorts among the others.
std::uint64_t stable_key(std::string_view id);

/// The fixed attributes of one political actor.
struct PoliticalActor {
  std::string id, name, role;
  std::uint64_t key = 0;  ///< a stable hash of the id: the agent word of its random streams
  ActorKind kind = ActorKind::president;
  Country country = Country::us;
  double capability = 1.0;
  IssueVector salience{};
  IssueVector anchor{};         ///< initial position u_i
  double susceptibility = 0.5;  ///< lambda_i = 1 - stubbornness
  double self_weight = 1.0;
  double forbearance = 0.5;
  double hawkishness = 0.5;
  std::int32_t serves = -1;  ///< index of the president served (officials, legislatures, lobbies)
  double magnanimity = 0.0;  ///< presidents only
  double tariff_propensity = 0.5;  ///< presidents only
  bool decides = true;             ///< presidents only: chooses actions (false: only forced ones)
  std::optional<Owner> owner;      ///< lobbies: whose firms
  double influence = 0.0;          ///< lobbies: edge weight while firms are content
  double grievance_gain = 0.0;     ///< lobbies
  std::int64_t lobby_edge = -1;    ///< lobbies: id of the lobbying edge
};

/// What moves political actors' views: the influence network (its advice and lobbying edges).
struct PoliticalDrivers {
  const EliteNetwork* network = nullptr;
};

class Politics {
 public:
  using Params = PoliticalParams;
  using Drivers = PoliticalDrivers;

  /// Actors in a fixed order (presidents, officials, legislatures, lobbies; each by id).
  void build(const PoliticalParams& cfg, const PoliticalDrivers& d0, const StepContext& ctx);
  /// The actors' ties as edges of `net` (built for them: vertex i is actor i), in a fixed order:
  /// officials' access and loyalty, legislatures' influence, lobbies, then the explicit edges.
  void connect(const PoliticalParams& cfg, EliteNetwork& net);
  /// Decide phase: every actor's position after one Friedkin-Johnsen step.
  void decide(const PoliticalDrivers& d, const StepContext& ctx);
  /// Resolve phase: the decided positions become current.
  void resolve(const StepContext& /*ctx*/) { position_.swap(next_position_); }
  /// Positions and anchors (the cabinet line moves an anchor); the rest is fixed at the build.
  void hash(Fnv1a& h) const {
    for (const auto& pos : position_) h.values(std::span<const double>(pos));
    for (const auto& a : actors_) h.value(a.anchor);
  }

  [[nodiscard]] std::size_t size() const { return actors_.size(); }
  [[nodiscard]] const PoliticalActor& actor(std::size_t i) const { return actors_[i]; }
  [[nodiscard]] const std::vector<PoliticalActor>& actors() const { return actors_; }
  [[nodiscard]] std::size_t us_president() const { return us_president_; }
  [[nodiscard]] std::size_t mx_president() const { return mx_president_; }
  /// Index of an actor by id, or -1.
  [[nodiscard]] std::int64_t find(std::string_view id) const;

  [[nodiscard]] const IssueVector& position(std::size_t i) const { return position_[i]; }
  [[nodiscard]] const std::vector<IssueVector>& positions() const { return position_; }

  /// Actor i's position after one Friedkin-Johnsen step from the current positions.
  [[nodiscard]] IssueVector influenced_position(std::size_t i, const EliteNetwork& net) const;
  /// Replaces every current position (controlled experiments and tests).
  void set_positions(std::vector<IssueVector> x) { position_ = std::move(x); }
  /// Replaces actor i's anchor u_i (the view it is held to), e.g. the line its cabinet settled.
  void set_anchor(std::size_t i, const IssueVector& u) { actors_[i].anchor = u; }

 private:
  std::vector<PoliticalActor> actors_;
  std::vector<IssueVector> position_, next_position_;
  std::size_t us_president_ = 0, mx_president_ = 0;
};

}  // namespace vecinos
