#pragma once
// A parameter sweep (docs/sweeps.md): a base config, parameters with values or bounds, a
// sampling design, replicates, fixed overrides for every task and the outcomes to summarise.
//
//   const Sweep s = load_sweep("configs/sweeps/forbearance_tariffs.yaml", model_info());
//   const TaskList tasks(s);   // tasks.hpp: points x replicates
//
// Loading checks the file like a config (every problem at once, with file:line:column, the key
// and a "did you mean"), and checks each parameter against the base config by applying it as a
// `--set` override, so a bad key path or an out-of-range value is reported at the sweep file's
// line with the schema's own message.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/config_loader.hpp"
#include "model/diagnostics.hpp"
#include "model/sweep/design.hpp"
#include "model/sweep/model_info.hpp"

namespace vecinos::sweep {

/// Summaries of an indicator's series over the recorded ticks of a run (outcome.hpp).
enum class Stat { final, first, mean, min, max, sum, change };
std::string_view name(Stat s);
std::optional<Stat> stat_named(std::string_view text);
std::vector<std::string> stat_names();

struct Parameter {
  std::string path;  ///< config key path, e.g. presidents.mx.forbearance
  Origin origin;     ///< the key in the sweep file
  /// grid, list: the values, each as YAML text (what `--set path=value` takes)
  std::vector<std::string> values;
  std::vector<Origin> value_origins;
  /// random, lhs, sobol: the bounds of a numeric key
  double min = 0.0, max = 0.0;
  bool integer = false;  ///< the key holds integers: sampled values are rounded to nearest
};

/// A fixed override for every task (`set:`).
struct Setting {
  std::string path, value;  ///< value as YAML text
  Origin origin;            ///< of the value in the sweep file
  Origin key_origin;        ///< of the key
  [[nodiscard]] Override as_override() const { return {path + "=" + value}; }
};

struct Outcome {
  std::size_t indicator = 0;  ///< index into the model's indicators (ModelInfo)
  std::string label, units;   ///< the indicator's name and units
  Stat stat = Stat::final;
  [[nodiscard]] const std::string& indicator_name() const { return label; }
  [[nodiscard]] std::string column() const;  ///< "<indicator>.<stat>"
};

struct Sweep {
  std::filesystem::path file;    ///< the sweep file as given
  std::filesystem::path base;    ///< the base config, absolute
  std::filesystem::path output;  ///< the output directory, absolute
  std::uint64_t replicates = 1;
  std::uint64_t seed = 1;
  Design design = Design::grid;
  std::uint64_t samples = 0;  ///< random, lhs, sobol
  bool scramble = false;      ///< sobol: random digital shift
  std::vector<Parameter> parameters;
  std::vector<Setting> sets;
  std::vector<Outcome> outcomes;

  /// Points of the design (grid: the product of the list sizes; list: the common length;
  /// random, lhs, sobol: samples).
  [[nodiscard]] std::uint64_t points() const;
  [[nodiscard]] std::uint64_t tasks() const { return points() * replicates; }
};

/// Loads and checks a sweep file of `model`; throws ConfigError listing every problem.
Sweep load_sweep(const std::filesystem::path& file, const ModelInfo& model);
/// The same from text: `name` stands in for the file in messages; relative paths are taken
/// relative to `dir`.
Sweep load_sweep_text(std::string_view text, const std::string& name,
                      const std::filesystem::path& dir, const ModelInfo& model);

/// The sweep as self-contained YAML: absolute base, `output: .`, every key explicit. Written
/// as OUTPUT/sweep.yaml, where loading it gives the same tasks.
std::string canonical_yaml(const Sweep& s);

/// A value as one line of YAML (flow style), e.g. `{min: 0.1, max: 0.9}` or `[1, 2]`.
std::string flow_yaml(const YamlNode& node);

}  // namespace vecinos::sweep
