#pragma once
// The interface every agent kind provides (oneTBB's body concepts are the model): built from its
// parameters and the drivers of the start; each step it decides (reading tick t only, writing
// its own next state) and resolves (its next state becomes current); it hashes its whole state
// for the digest and tells its size. `Params` are its config keys, `Drivers` what it reads of
// the rest of the world, computed by the composition layer in one place.
#include <concepts>
#include <cstddef>

#include "model/hash.hpp"
#include "model/step_context.hpp"

namespace vecinos {

template <class K>
concept AgentKind = requires(K& k, const K& ck, const typename K::Params& p,
                             const typename K::Drivers& d, const StepContext& ctx, Fnv1a& h) {
  { k.build(p, d, ctx) } -> std::same_as<void>;
  { k.decide(d, ctx) } -> std::same_as<void>;
  { k.resolve(ctx) } -> std::same_as<void>;
  { ck.hash(h) } -> std::same_as<void>;
  { ck.size() } -> std::convertible_to<std::size_t>;
};

}  // namespace vecinos
