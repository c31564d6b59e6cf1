#pragma once
// The typed configuration of a run, its schema, and loading from YAML files.
//
// Loading: the file is parsed (duplicate keys reported), its `extends:` chain is resolved
// (paths relative to the file that names them; cycles reported), later files override earlier
// ones key by key, `--set key.path=value` overrides come last, and the merged tree is checked
// against the schema. Every problem found is reported at once, with file:line:column and key.
#include <filesystem>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "agents/cartels.hpp"
#include "agents/decisions.hpp"
#include "agents/firms.hpp"
#include "agents/markets_params.hpp"
#include "agents/migrants.hpp"
#include "agents/political_params.hpp"
#include "agents/usmca_review.hpp"
#include "model/date.hpp"
#include "model/network.hpp"
#include "model/schema.hpp"

namespace vecinos {

struct SimulationParams {
  Date start{2024, 11, 6};
  Date end{2029, 1, 20};
  int days_per_tick = 7;
  std::uint64_t seed = 1;
  std::uint64_t run = 0;
};

/// Dates of the calendar events of ../shared/MODEL-BRIEF.md ("Time").
struct CalendarParams {
  Date inauguration{2025, 1, 20};
  Date usmca_review{2026, 7, 1};
  Date us_midterms{2026, 11, 3};
  Date us_election{2028, 11, 7};
  Date mx_midterms{2027, 6, 6};
};

/// An explicit edge of the elite influence network.
struct EdgeParams {
  std::string from, to;
  EdgeType type = EdgeType::advice;
  double weight = 0.0;
};

struct NetworkParams {
  std::vector<EdgeParams> edges;
};

/// The relationship between the two governments at the start.
struct RelationshipParams {
  double leader_bond = 0.5;  ///< personal bond between the presidents, 0..1
};

/// What the HDF5 history holds and how it is written (output/SCHEMA.md).
struct RecordingParams {
  int every = 1;                  ///< record every k-th tick (tick 0 and the last always)
  bool agents = true;             ///< per-agent state columns
  bool network = true;            ///< network weight history
  int network_every = 4;          ///< ticks between network weight snapshots
  bool events = true;             ///< the event log
  bool compression = false;       ///< shuffle + deflate filters
  int deflate_level = 4;          ///< 1 (fast) .. 9 (small)
  int panel_size = 1000;          ///< individuals recorded per population (random panel)
  bool full_populations = false;  ///< record every individual of every population
  int flush_every = 13;           ///< ticks between flushes to disk (crash safety)
  int queue_ticks = 8;            ///< snapshots buffered between simulation and writer
};

struct Config {
  SimulationParams simulation;
  CalendarParams calendar;
  std::map<std::string, PresidentParams> presidents;
  std::map<std::string, OfficialParams> officials;
  std::map<std::string, LegislatureParams> legislatures;
  std::map<std::string, LobbyParams> lobbies;
  NetworkParams network;
  RelationshipParams relationship;
  PolicyParams policy;
  DecisionParams decisions;
  DomesticParams domestic;
  MarketParams markets;
  CartelParams cartels;
  FirmParams firms;
  MigrantParams migrants;
  UsmcaParams usmca;
  std::vector<ForcedEvent> events;
  RecordingParams recording;
};

/// The one schema of Config (built once, immutable).
const schema::Record<Config>& config_schema();

struct LoadedConfig {
  Config config;
  schema::OriginTable origins;     ///< where each key's value came from
  std::vector<std::string> files;  ///< the extends chain, base first
};

/// A `--set key.path=value` override; `value` is read as YAML.
struct Override {
  std::string text;  ///< "key.path=value" as given
};

/// Loads, merges and validates a config file; throws ConfigError listing every problem.
LoadedConfig load_config(const std::filesystem::path& file, std::span<const Override> sets = {});
/// The same from text (for tests); `name` stands in for the file name in messages, and
/// `extends` paths are relative to `base_dir`.
LoadedConfig load_config_text(std::string_view text, const std::string& name,
                              std::span<const Override> sets = {},
                              const std::filesystem::path& base_dir = ".");

/// The complete resolved config (every key, defaults included) as YAML text that loads back to
/// an identical Config.
std::string resolved_yaml(const Config& cfg);

}  // namespace vecinos
