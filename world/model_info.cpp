#include "world/model_info.hpp"

#include "world/config.hpp"
#include "world/indicators.hpp"

namespace vecinos {

const sweep::ModelInfo& model_info() {
  static const sweep::ModelInfo kInfo = [] {
    sweep::ModelInfo m;
    for (const auto& i : kIndicatorInfo)
      m.indicators.push_back({std::string(i.name), std::string(i.units)});
    m.keys = config_schema().reference();
    m.load = [](const std::filesystem::path& file, const std::vector<Override>& sets) {
      return load_config(file, sets).origins;
    };
    return m;
  }();
  return kInfo;
}

}  // namespace vecinos
