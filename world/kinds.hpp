#pragma once
// The agent kinds of the world, each checked against the engine's interface (model/agent_kind.hpp)
// and required to offer a recording table (world/recording.hpp). A new kind is added here, to
// World (world/world.hpp), to the build (world/world.cpp), to the tick (world/simulation.cpp),
// to the drivers (world/drivers.cpp) and to the recording tables.
#include <type_traits>

#include "agents/cartels.hpp"
#include "agents/firms.hpp"
#include "agents/migrants.hpp"
#include "agents/political.hpp"
#include "model/agent_kind.hpp"
#include "world/recording.hpp"

namespace vecinos {

template <class K>
concept RecordedKind = AgentKind<K> && requires {
  { recording_table(std::type_identity<K>{}) } -> std::same_as<AgentTable>;
};

static_assert(RecordedKind<Politics>,
              "political actors: build, decide, resolve, hash, size, table");
static_assert(RecordedKind<Cartels>, "cartel cells: build, decide, resolve, hash, size, table");
static_assert(RecordedKind<Firms>, "firms: build, decide, resolve, hash, size, table");
static_assert(RecordedKind<Migrants>, "people: build, decide, resolve, hash, size, table");

}  // namespace vecinos
