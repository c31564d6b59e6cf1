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
#include "model/date.hpp"
#include "model/diagnostics.hpp"
#include "model/sweep/design.hpp"
#include "model/sweep/model_info.hpp"
#include "model/sweep/path_rule.hpp"

namespace vecinos::sweep {

/// Summaries of a run (outcome.hpp). Of an indicator's series: final, first, mean, min, max,
/// sum, change. Of a threshold on an indicator: ever (0/1), when (days from the start to the
/// first recorded tick where it holds; NaN if never), at_end (0/1). Of an event: count, ever,
/// when (days from the start to its first occurrence).
enum class Stat { final, first, mean, min, max, sum, change, ever, when, at_end, count };
std::string_view name(Stat s);
std::optional<Stat> stat_named(std::string_view text);
std::vector<std::string> stat_names();

/// What an outcome summarises.
enum class OutcomeKind { indicator, threshold, event };
/// The statistics an outcome of this kind takes.
std::vector<Stat> stats_of(OutcomeKind k);

/// A threshold on an indicator: above (>), at_least (>=), below (<), at_most (<=).
enum class Relation { above, at_least, below, at_most };
std::string_view name(Relation r);
std::string_view symbol(Relation r);
bool holds(Relation r, double value, double threshold);

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
  OutcomeKind kind = OutcomeKind::indicator;
  std::size_t indicator = 0;  ///< index into the model's indicators (ModelInfo)
  std::string label, units;   ///< the indicator's name and units
  std::string description;    ///< the indicator's description
  Stat stat = Stat::final;
  Relation relation = Relation::above;  ///< threshold
  double threshold = 0.0;               ///< threshold
  std::string action;                   ///< event: the action's name
  std::string actor;                    ///< event: only this actor's ("" any actor)
  std::string name;                     ///< the column's name when the sweep file gives one
  /// A window of dates (`from`, `to`, both inclusive; `at: D` is `to: D` with stat final): the
  /// statistic sees only the recorded ticks, or the events, dated inside it. `when` still
  /// counts days from the run's start.
  std::optional<Date> from, to;
  [[nodiscard]] const std::string& indicator_name() const { return label; }
  [[nodiscard]] bool windowed() const { return from.has_value() || to.has_value(); }
  /// The column: `name`, else "<indicator>.<stat>", "<indicator><symbol><threshold>.<stat>"
  /// (usmca_status>=4.ever) or "[<actor>.]<action>.<stat>" (us.military_strike.when), with
  /// the window appended as ".<from>..<to>" (either side empty when open).
  [[nodiscard]] std::string column() const;
  /// The units of the column: the indicator's, "0/1", "days" or "count".
  [[nodiscard]] std::string column_units() const;
  /// The outcome as one line of flow YAML, as the sweep file would write it.
  [[nodiscard]] std::string yaml() const;
};

/// A named path (docs/sweeps.md): a run follows the first path whose rule holds; the last path
/// may have no rule (every remaining run).
struct Path {
  std::string name, description;
  std::optional<PathRule> rule;
  Origin origin;
};

struct Sweep {
  std::filesystem::path file;    ///< the sweep file as given
  std::filesystem::path base;    ///< the base config, absolute
  std::filesystem::path output;  ///< the output directory, absolute
  std::uint64_t replicates = 1;
  std::uint64_t seed = 1;
  Design design = Design::grid;
  std::uint64_t samples = 0;  ///< random, lhs, sobol: points; saltelli: base rows; morris:
                              ///< trajectories
  bool scramble = false;      ///< sobol: random digital shift; saltelli: matrix scramble
  bool second_order = false;  ///< saltelli: the BA matrices too (2k + 2 points per base row)
  std::uint64_t levels = 4;   ///< morris: levels of the grid (even)
  bool common_random_numbers = false;  ///< replicate r of every point has the same seed
  std::uint64_t sequence_length = 4;   ///< collect: first distinct actions kept per run (0: none)
  std::vector<Parameter> parameters;
  std::vector<Setting> sets;
  std::vector<Outcome> outcomes;
  std::vector<Path> paths;
  /// posterior: the file (absolute), its particles (one row per particle, a value per
  /// parameter in the order of `parameters`, which the file's header names), their weights and
  /// an FNV-1a digest of its bytes (written into OUTPUT/sweep.yaml, so outputs drawn from another
  /// posterior are never mixed with these).
  std::filesystem::path posterior;
  std::vector<std::vector<double>> posterior_particles;
  std::vector<double> posterior_weights;
  std::uint64_t posterior_digest = 0;

  /// Points of the design (grid: the product of the list sizes; list: the common length;
  /// random, lhs, sobol: samples; saltelli: samples x (k + 2), or x (2k + 2) with second
  /// order; morris: samples x (k + 1), for k parameters; posterior: samples).
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
