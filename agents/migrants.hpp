#pragma once
// Migrant populations: one agent per person (or, scaled, per `scale` persons).
//
// Each person has a status (where they are and under what title) and kin ties (influence
// network, layer "kin"). Changes of status are events in continuous time: person i leaves its
// status when its accumulated hazard, sum over ticks of h_group(t) * m_i(t) * dt, passes a
// threshold drawn Exp(1) when it entered (inverse cumulative hazard; exact for hazards that
// change every tick). What happens then (crossing or apprehension, removal or return, ...) is
// drawn from the person's own counter-based stream. Equations: model/ODD.md, M2 and M3.
#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <new>
#include <span>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "model/hash.hpp"
#include "model/network.hpp"
#include "model/rng.hpp"
#include "model/schema.hpp"
#include "model/step_context.hpp"

namespace vecinos {

namespace streams {
inline constexpr StreamId kMigrantBuild = 10;  ///< initial attributes of people
inline constexpr StreamId kMigrantKin = 11;    ///< kin ties
inline constexpr StreamId kMigrantEvent = 12;  ///< what happens when a person's event fires
}  // namespace streams

struct MigrantParams {
  double scale = 100;  ///< persons per agent
  // Initial stocks (persons)
  double mexican_unauthorized = kFromConfig;
  double mexican_legal = kFromConfig;
  double mexican_would_be = 1.5e6;
  double transit_in_mexico = 250000;
  double transit_origin = 2.0e6;
  // Ties
  int kin_ties = 4;
  int mexican_towns = 2469;
  int origin_communities = 400;
  // Hazards (per year) and their drivers
  double attempt_mexican = kFromConfig;
  double attempt_transit = kFromConfig;
  double entry_transit = kFromConfig;
  double transit_give_up = 0.3;
  double network_effect = 2.0;
  double wage_effect = 1.0;
  double deterrence = 1.5;
  double rim_deterrence = 0.7;
  double interior_deterrence =
      1.0;                    ///< log-hazard of setting out lost per unit interior enforcement
  double asylum_pull = 1.45;  ///< log-hazard of transit attempts per unit of release share
  double release_reference = 0.25;  ///< release share at which the transit hazards are given
  double apprehension_base = 0.7;
  double apprehension_slope = 0.6;
  double apprehension_min = 0.02;
  double apprehension_max = 0.98;
  double mx_stop_per_10k_troops = 0.03;
  double mx_stop_max = 0.9;
  double release_share = kFromConfig;
  double rim_hold_share = 0.8;
  double held_exit = 2.0;
  double held_exit_without_rim = 52.0;  ///< per year: the held leave fast once RIM has ended
  double removal_base = 0.012;
  double removal_max = 0.45;
  double removal_other_base = 0.03;
  double removal_other_max = 0.45;
  double voluntary_return = 0.03;
  double legal_return = 0.005;
  double heterogeneity = 0.5;  ///< sd of log individual hazard multipliers
  // Remittances (USD per person per year)
  double remit_unauthorized = kFromConfig;
  double remit_legal = kFromConfig;
  double remit_dispersion = 0.6;  ///< sd of log amounts
  /// Remittances lost at full interior enforcement (fear, lost work), as a share of each sender's.
  double remit_enforcement_effect = 0.2;
};

void describe(schema::Record<MigrantParams>& r);

enum class MigrantStatus : std::uint8_t {
  mx_home,          ///< Mexican in Mexico (would-be migrant or returnee)
  us_unauthorized,  ///< Mexican-born unauthorized resident of the U.S.
  us_legal,         ///< Mexican-born legal resident of the U.S.
  origin,           ///< non-Mexican in the country of origin
  transit_mx,       ///< non-Mexican in transit through Mexico
  held_mx,          ///< non-Mexican held in Mexico under Remain in Mexico
  us_other,         ///< non-Mexican in the U.S.
};
inline constexpr std::size_t kMigrantStatusCount = 7;
std::string_view name(MigrantStatus s);
enum class Transition : std::uint8_t;
std::string_view name(Transition t);

/// What happened to a person in a step (0: nothing).
enum class Transition : std::uint8_t {
  none,  // the names in agents/migrants.cpp follow this order
  mx_crossed,
  mx_apprehended,
  mx_removed,
  mx_returned,
  legal_returned,
  other_entered,
  other_crossed,
  other_released,
  other_removed_border,
  other_held,
  other_stopped_mx,
  other_removed_interior,
  other_gave_up,
  held_released,
  other_sent_to_mx,           ///< apprehended at the border, removed to Mexico (a third country)
  other_sent_to_mx_interior,  ///< removed from the U.S. interior to Mexico
  count_
};
inline constexpr std::size_t kTransitionCount = static_cast<std::size_t>(Transition::count_);

/// What drives the hazards in a step, read from the world at tick t.
struct MigrantDrivers {
  double border_enforcement{};
  double interior_enforcement{};
  double mx_border_troops{};
  bool remain_in_mexico{};
  double log_wage_ratio_change{};   ///< change of log(U.S. wage / Mexican wage) since start
  double removal_capacity = 1e300;  ///< interior removals the U.S. can carry out, persons/year
  double third_country_share{};     ///< share of non-Mexicans removed who are sent to Mexico
};

/// A vector whose resize leaves new elements default-initialised (uninitialised numbers): the
/// build writes every element of the people's arrays in parallel, which then also touches
/// their pages in parallel, instead of one thread zeroing hundreds of megabytes first.
template <class T>
struct UninitializedAllocator : std::allocator<T> {
  template <class U>
  struct rebind {
    using other = UninitializedAllocator<U>;
  };
  UninitializedAllocator() = default;
  template <class U>
  explicit UninitializedAllocator(const UninitializedAllocator<U>& /*other*/) noexcept {}
  template <class U>
  void construct(U* p) noexcept(std::is_nothrow_default_constructible_v<U>) {
    ::new (static_cast<void*>(p)) U;
  }
  template <class U, class... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};
template <class T>
using UninitializedVector = std::vector<T, UninitializedAllocator<T>>;

class Migrants {
 public:
  using Params = MigrantParams;
  using Drivers = MigrantDrivers;

  /// People, their ties and thresholds, from the parameters (deterministic in seed, run).
  void build(const MigrantParams& p, const MigrantDrivers& d0, const StepContext& ctx);

  /// The number of agents `build` makes: each initial group's persons / scale, rounded.
  static std::size_t agent_count(const MigrantParams& p);
  /// Memory a population of these parameters takes at its peak, in bytes: kBytesPerAgent +
  /// kBytesPerKinTie x kin_ties per agent, fitted to the peak resident memory of `vecinos bench`
  /// at 1,438,164 and 14,380,164 agents with 0, 4 and 8 kin ties (within 2 %;
  /// docs/reliability.md): the person's own state, and per kin tie a source, a weight and the
  /// reversed tie (who counts the person among its kin). Not a
  /// behavioural parameter: it only sizes the memory check.
  static std::uint64_t estimated_bytes(const MigrantParams& p) {
    const auto ties = static_cast<std::uint64_t>(std::max(0, p.kin_ties));
    return static_cast<std::uint64_t>(agent_count(p)) * (kBytesPerAgent + kBytesPerKinTie * ties);
  }
  static constexpr std::uint64_t kBytesPerAgent = 39, kBytesPerKinTie = 12;

  /// Bytes of the people's arrays one step streams through memory per person: status and
  /// network index read, the accumulator read and written, multiplier, threshold and
  /// remittance read. (Next statuses and transitions are written for the few people with an
  /// event only, and the kin are not read at all: their count abroad is kept up to date.)
  [[nodiscard]] static double step_bytes_per_agent() { return 1 + 2 + 8 + 4 + 4 + 4; }

  /// Decide phase: each person reads tick t and writes its own next status and transition.
  void decide(const MigrantDrivers& d, const StepContext& ctx);
  /// Resolve phase: statuses of t+1 become current; flows and stocks are summed.
  void resolve(const StepContext& ctx);
  /// Border encounters and successful crossings per year expected from the current people
  /// under drivers d (what the first step shows on average: the start's reference levels).
  struct Expected {
    double encounters = 0, crossings = 0;
  };
  [[nodiscard]] Expected expected_flows(const MigrantDrivers& d) const;

  [[nodiscard]] std::size_t size() const { return status_.size(); }
  [[nodiscard]] double scale() const { return scale_; }
  [[nodiscard]] MigrantStatus status(std::size_t i) const {
    return static_cast<MigrantStatus>(status_[i]);
  }
  [[nodiscard]] Transition transition(std::size_t i) const {
    return static_cast<Transition>(transition_[i]);
  }
  [[nodiscard]] bool returned(std::size_t i) const { return returned_[i] != 0; }
  /// Remittances this person sends home per year (0 unless a Mexican in the U.S.).
  [[nodiscard]] double remittance(std::size_t i) const;
  /// Interior removals per year the current people would need under drivers d, before the
  /// removal capacity binds (persons, scaled).
  [[nodiscard]] double removal_demand(const MigrantDrivers& d) const;
  [[nodiscard]] double share_ties_in_us(std::size_t i) const;
  /// Person i's kin in the U.S., as kept up to date step by step (not recounted).
  [[nodiscard]] std::size_t kin_in_us(std::size_t i) const { return net_at_[i] % (max_ties_ + 1); }
  [[nodiscard]] const CsrLayer& kin() const { return kin_; }

  /// Persons (scaled) by status, after the last resolve.
  [[nodiscard]] double stock(MigrantStatus s) const {
    return stock_[static_cast<std::size_t>(s)] * scale_;
  }
  /// Persons (scaled) making this transition in the last step.
  [[nodiscard]] double flow(Transition t) const {
    return flow_[static_cast<std::size_t>(t)] * scale_;
  }
  /// Remittances to Mexico, USD per year (scaled), after the last resolve.
  [[nodiscard]] double remittances_usd() const { return remittances_; }
  [[nodiscard]] double initial_remittances_usd() const { return initial_remittances_; }

  /// Every member that changes during a run (the digest: output/digest.hpp).
  void hash(Fnv1a& h) const {
    h.values(std::span<const std::uint8_t>(status_)), h.values(transition_), h.values(returned_),
        h.values(acc_), h.values(std::span<const float>(threshold_));
    h.value(stock_), h.value(flow_), h.value(remittances_), h.value(remit_factor_);
  }

 private:
  /// Hazards (per year) and probabilities of a step, from its drivers.
  struct Rates {
    double p_app, p_stop, h_mx, h_removal, h_unauth, h_origin, h_attempt, h_transit, h_held,
        h_other, p_to_mx;
  };
  [[nodiscard]] Rates rates(const MigrantDrivers& d) const;
  /// Hazard of person i (before the individual multiplier).
  [[nodiscard]] double hazard(std::size_t i, const Rates& r) const;
  /// Stocks, flows and remittances from the current people (the start; each step's come from
  /// the tallies of decide).
  void summarise();
  /// What one block of kReduceBlock people (model/reduce.hpp) makes in a step: integer counts
  /// of next statuses and of transitions (exact, so they do not depend on how blocks are
  /// scheduled) and the remittances of the block's senders, summed in index order.
  /// The block's stock counts are kept from step to step (only its events change them); its
  /// events of the last step are listed, ascending, with each person's next status, so that
  /// resolve touches only them.
  struct BlockTally {
    std::array<std::uint32_t, kMigrantStatusCount> stock{};
    std::array<std::uint32_t, kTransitionCount> flow{};
    double remit = 0;
    std::vector<std::pair<std::uint32_t, std::uint8_t>> fired;
  };
  /// exp(network_effect x (k/n - reference)) for n ties with k abroad, at [n * (max + 1) + k]
  /// (the network factor of the hazards of Mexicans at home and of people at origin).
  [[nodiscard]] std::vector<double> network_factors(double reference) const;

  MigrantParams p_;
  double scale_ = 1;
  /// The tallies of every block from the current statuses (the start).
  void reset_tallies();
  /// Moves a person's network index when one of its kin enters or leaves the U.S.
  void kin_moved(std::uint32_t person, bool now_in_us);

  UninitializedVector<std::uint8_t> status_;
  std::vector<std::uint8_t> transition_, returned_;
  std::vector<float> acc_;
  UninitializedVector<float> threshold_, mult_, remit_;
  CsrLayer kin_;
  /// The people who count person j among their kin: out_kin_[out_start_[j] .. out_start_[j+1]).
  UninitializedVector<std::uint32_t> out_start_, out_kin_;
  /// Person i's row in the network-factor tables: ties x (max_ties_ + 1) + ties in the U.S.,
  /// kept up to date as kin move (the same number counting the kin's statuses would give).
  UninitializedVector<std::uint16_t> net_at_;
  std::uint32_t max_ties_ = 0;       ///< most ties any person has
  std::vector<BlockTally> tallies_;  ///< of the last decide, one per block (derived from state)
  double net_ref_mx_ = 0, net_ref_other_ = 0;  ///< initial mean shares of ties abroad
  std::array<double, kMigrantStatusCount> stock_{};
  std::array<double, kTransitionCount> flow_{};
  double remittances_ = 0, initial_remittances_ = 0;
  double remit_factor_ = 1;  ///< share of remittances still sent under the enforcement in force
};

}  // namespace vecinos
