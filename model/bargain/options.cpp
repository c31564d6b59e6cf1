#include "model/bargain/options.hpp"

#include <array>
#include <cmath>
#include <span>
#include <type_traits>

#include <fmt/format.h>

#include "model/errors.hpp"

namespace vecinos::bargain {
namespace {

// KTAB's names, in the order of its enum values (kmodel.h and smp.h).
constexpr std::array<std::string_view, 5> kVictoryNames{"Linear", "Square", "Quartic", "Octic",
                                                        "Binary"};
constexpr std::array<std::string_view, 6> kVotingNames{"Binary",  "PropBin", "Prop",
                                                       "PropCbc", "Cubic",   "ASymProsp"};
constexpr std::array<std::string_view, 3> kPceNames{"Conditional", "MarkovIncentive",
                                                    "MarkovUniform"};
constexpr std::array<std::string_view, 2> kTransitionNames{"Deterministic", "Stochastic"};
constexpr std::array<std::string_view, 3> kRangeNames{"Min", "Mid", "Max"};
constexpr std::array<std::string_view, 5> kAdjustNames{"None", "OneThird", "Half", "TwoThirds",
                                                       "Full"};
constexpr std::array<std::string_view, 3> kCommitNames{"NoCommit", "SemiCommit", "FullCommit"};
constexpr std::array<std::string_view, 3> kInterpolationNames{"S1P1", "S2P2", "S2PMax"};
constexpr std::array<std::string_view, 3> kBargainNames{"InitOnlyInterp", "InitRcvrInterp",
                                                        "PWCompInterp"};

/// Calls f(key, member, names) for each parameter, in KTAB's order (SMPModel::
/// updateModelParameters); O is Options or const Options.
template <class O, class F>
void for_each_parameter(O& o, F&& f) {
  f("VictoryProbModel", o.victory, std::span(kVictoryNames));
  f("PCEModel", o.pce, std::span(kPceNames));
  f("StateTransitions", o.transition, std::span(kTransitionNames));
  f("VotingRule", o.voting, std::span(kVotingNames));
  f("BigRAdjust", o.risk_adjust, std::span(kAdjustNames));
  f("BigRRange", o.risk_range, std::span(kRangeNames));
  f("ThirdPartyCommit", o.commitment, std::span(kCommitNames));
  f("InterVecBrgn", o.interpolation, std::span(kInterpolationNames));
  f("BargnModel", o.bargain_model, std::span(kBargainNames));
}

std::string join(std::span<const std::string_view> names) {
  std::string s;
  for (const auto n : names) s += (s.empty() ? "" : ", ") + std::string(n);
  return s;
}

}  // namespace

void set_parameter(Options& options, std::string_view key, std::string_view value) {
  bool found = false;
  std::vector<std::string_view> keys;
  for_each_parameter(
      options, [&](std::string_view k, auto& member, std::span<const std::string_view> names) {
        keys.push_back(k);
        if (k != key) return;
        found = true;
        for (std::size_t i = 0; i < names.size(); ++i) {
          if (names[i] == value) {
            member = static_cast<std::remove_reference_t<decltype(member)>>(i);
            return;
          }
        }
        throw InputError(fmt::format("model parameter {}: unknown value '{}'; allowed: {}", key,
                                     value, join(names)));
      });
  if (!found)
    throw InputError(fmt::format("unknown model parameter '{}'; allowed: {}", key, join(keys)));
}

std::vector<std::pair<std::string, std::string>> parameters(const Options& options) {
  std::vector<std::pair<std::string, std::string>> out;
  for_each_parameter(options, [&](std::string_view k, const auto& member,
                                  std::span<const std::string_view> names) {
    out.emplace_back(std::string(k), std::string(names[static_cast<std::size_t>(member)]));
  });
  return out;
}

void validate(const Options& o) {
  auto require = [](bool ok, std::string_view what) {
    if (!ok) throw InputError(fmt::format("bargaining options: {}", what));
  };
  require(o.max_turns >= 0, "max_turns must be at least 0");
  require(o.min_turns >= 1, "min_turns must be at least 1");
  require(std::isfinite(o.min_delta_ratio) && o.min_delta_ratio >= 0.0,
          "min_delta_ratio must be a non-negative number");
  require(std::isfinite(o.min_sig_delta) && o.min_sig_delta > 0.0,
          "min_sig_delta must be positive");
  require(std::isfinite(o.position_tolerance) && o.position_tolerance >= 0.0,
          "position_tolerance must be a non-negative number");
}

}  // namespace vecinos::bargain
