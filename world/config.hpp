#pragma once
// The typed configuration of a run, its schema, and loading from YAML files.
//
// Loading (model/config_loader.hpp) merges the file, its `extends:` chain and the `--set`
// overrides into one tree, which is checked against the schema and then across keys. Every
// problem found is reported at once, with file:line:column and key.
#include <filesystem>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "agents/cartels.hpp"
#include "agents/firms.hpp"
#include "agents/markets.hpp"
#include "agents/migrants.hpp"
#include "agents/political_params.hpp"
#include "model/config_loader.hpp"
#include "model/date.hpp"
#include "model/schema.hpp"
#include "world/calendar_events.hpp"
#include "world/decisions.hpp"
#include "world/usmca_review.hpp"

namespace vecinos {

struct SimulationParams {
  Date start{2024, 11, 6};
  Date end{2029, 1, 20};
  int days_per_tick = 7;
  std::uint64_t seed = 1;
  std::uint64_t run = 0;
};

/// The relationship between the two governments at the start.
struct RelationshipParams {
  double leader_bond = 0.5;  ///< personal bond between the presidents, 0..1
  double tension = 0.3;      ///< tension between the governments at the start, 0..1
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

/// The whole configuration of a run. The political actors and the network's edges are the
/// members of PoliticalParams (agents/political_params.hpp).
struct Config : PoliticalParams {
  SimulationParams simulation;
  CalendarParams calendar;
  RelationshipParams relationship;
  PolicyParams policy;
  DecisionParams decisions;
  EffectParams effects;
  StatusWeights status;
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
  /// Allowed but easy to misread: each note is where and what (today, a calendar date before
  /// simulation.start: the event is past and does not happen in the run). `vecinos validate`
  /// and `vecinos run` print them to stderr as "note: file:line:column: key: message".
  std::vector<Diagnostic> notes;
};

/// The notes as lines "note: file:line:column: key: message\n" (empty when there are none).
std::string notes_text(const LoadedConfig& c);

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
