#include "world/model_info.hpp"

#include "world/actions.hpp"
#include "world/config.hpp"
#include "world/indicators.hpp"

namespace vecinos {

const sweep::ModelInfo& model_info() {
  static const sweep::ModelInfo kInfo = [] {
    sweep::ModelInfo m;
    for (const auto& i : kIndicatorInfo)
      m.indicators.push_back(
          {std::string(i.name), std::string(i.units), std::string(i.description)});
    for (const auto& a : kActionInfo) m.actions.emplace_back(a.name);
    m.keys = config_schema().reference();
    m.load = [](const std::filesystem::path& file, const std::vector<Override>& sets) {
      return load_config(file, sets).origins;
    };
    m.period = [](const std::filesystem::path& file, const std::vector<Override>& sets) {
      const auto c = load_config(file, sets);
      return std::pair{c.config.simulation.start, c.config.simulation.end};
    };
    return m;
  }();
  return kInfo;
}

}  // namespace vecinos
