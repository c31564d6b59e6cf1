#pragma once
// A calibration file (docs/calibration.md, "The calibration file"): the episodes (configs to
// simulate), the parameters with their priors, the targets (a sweep outcome of one episode with
// its observed value, scale and weight) and the settings of the ABC core (abc.hpp).
//
//   const Calibration c = load_calibration("configs/calibration/episodes.yaml", model_info());
//
// Loading checks the file like a config or a sweep file: every problem at once, each at its
// file:line:column with the key and a "did you mean"; every parameter is applied to every
// episode's config (at the prior's bounds) so that a bad key path or an out-of-range bound is
// reported at the calibration file's line with the schema's own message.
//
// Each generation of proposals is simulated as one sweep per episode (`generation_sweep`), a
// list design whose i-th point is proposal i, run by the sweep engine unchanged.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/calibrate/abc.hpp"
#include "model/date.hpp"
#include "model/sweep/model_info.hpp"
#include "model/sweep/sweep.hpp"

namespace vecinos::calibrate {

/// A config to simulate, with fixed settings.
struct Episode {
  std::string name;
  std::filesystem::path base;        ///< the config, absolute
  std::vector<sweep::Setting> sets;  ///< the calibration's `set:`, then the episode's own
  Date start, end;                   ///< the period it simulates (with its settings)
  vecinos::Origin origin;            ///< of its name in the file
};

/// A calibrated config key: in every episode, or in one (`path@episode` in the file: the same
/// key may then take a value of its own in each episode, such as a migration hazard that
/// differs between 2019 and 2022).
struct Parameter {
  std::string name;  ///< as written: "decisions.temperature", "migrants.attempt_transit@biden"
  std::string path;  ///< the config key
  std::optional<std::size_t> episode;  ///< only this episode (index into episodes); else all
  bool integer = false;  ///< the key holds whole numbers: proposals are rounded for the run
  vecinos::Origin origin;
  [[nodiscard]] bool applies_to(std::size_t e) const { return !episode || *episode == e; }
};

/// One summary statistic of one episode and its observed value.
struct Target {
  std::string name;               ///< unique in the file; the column of the episode's sweep
  std::size_t episode = 0;        ///< index into Calibration::episodes
  sweep::Outcome outcome;         ///< what is computed from each run (outcome.name == name)
  double observed = 0.0;          ///< `when`: days from the episode's start
  double scale = 1.0;             ///< z = (simulated - observed) / scale
  double weight = 1.0;            ///< its weight in the distance
  std::optional<double> missing;  ///< the value taken when the statistic is NaN (never happened)
  std::string source;             ///< where the observed value comes from (free text)
  vecinos::Origin origin;
};

struct Calibration {
  std::filesystem::path file;    ///< as given
  std::filesystem::path output;  ///< the output directory, absolute
  std::string text;              ///< the file as read (stored in the output)
  std::uint64_t seed = 1;
  Settings settings;  ///< priors (one per parameter, same order) and ABC numbers
  std::vector<Episode> episodes;
  std::vector<Parameter> parameters;
  std::vector<Target> targets;

  /// Targets of episode e, in file order (indices into targets).
  [[nodiscard]] std::vector<std::size_t> targets_of(std::size_t e) const;
};

/// Loads and checks a calibration file; throws ConfigError listing every problem.
Calibration load_calibration(const std::filesystem::path& file, const sweep::ModelInfo& model);
/// The same from text: `name` stands in for the file in messages; relative paths are taken
/// relative to `dir`.
Calibration load_calibration_text(std::string_view text, const std::string& name,
                                  const std::filesystem::path& dir, const sweep::ModelInfo& model);

/// The statistic of each target as the distance sees it: NaN replaced by `missing` if given.
[[nodiscard]] std::vector<double> effective(const Calibration& c, std::span<const double> stats);
/// The distance of one particle: sqrt(sum_k w_k z_k^2 / sum_k w_k), z_k = (s_k - o_k) / scale_k,
/// over `stats` in the order of the targets; NaN when a statistic is NaN without `missing`.
[[nodiscard]] double distance(const Calibration& c, std::span<const double> stats);

/// The seed of generation g's sweeps (simulation.seed of proposal i is the sweep's task seed of
/// point i: model/sweep/tasks.hpp).
[[nodiscard]] std::uint64_t generation_seed(const Calibration& c, int generation);
/// OUTPUT/gen-NNN/<episode>.
[[nodiscard]] std::filesystem::path generation_dir(const Calibration& c, int generation,
                                                   std::size_t episode);
/// The sweep file (YAML) that simulates `proposals` of `generation` in episode e: base the
/// episode's config, design list (point i = proposals[i]), the settings, and the episode's
/// targets as outcomes. Recording is reduced to what targets read (no agents, no network)
/// unless a setting says otherwise.
[[nodiscard]] std::string generation_sweep(const Calibration& c, std::size_t episode,
                                           int generation, std::span<const Proposal> proposals);

}  // namespace vecinos::calibrate
