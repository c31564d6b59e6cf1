#pragma once
// What the sweep engine needs to know of the model it sweeps, so that it stays domain-free:
// the indicators outcomes can summarise, the config keys parameters can vary, and a loader that
// checks a config with overrides. world/model_info.hpp gives vecinos's.
#include <filesystem>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "model/config_loader.hpp"
#include "model/date.hpp"
#include "model/schema.hpp"

namespace vecinos::sweep {

struct IndicatorInfo {
  std::string name, units;
  std::string description;
};

struct ModelInfo {
  std::vector<IndicatorInfo> indicators;  ///< in the order of the history's indicator datasets
  std::vector<std::string> actions;       ///< the actions events name (outcomes of events)
  std::vector<schema::RefEntry> keys;     ///< every config key (the schema's reference listing)
  /// Loads a config file with overrides and returns where each key's value came from; throws
  /// ConfigError listing every problem.
  std::function<schema::OriginTable(const std::filesystem::path&, const std::vector<Override>&)>
      load;
  /// The first and last dates a config with overrides simulates (its calendar); throws
  /// ConfigError like `load`. Calibration targets use it to place dates (an event's observed
  /// date becomes days from the start).
  std::function<std::pair<Date, Date>(const std::filesystem::path&, const std::vector<Override>&)>
      period;
};

}  // namespace vecinos::sweep
