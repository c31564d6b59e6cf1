#pragma once
// Pieces of the sweep file's reader that other files of the same family reuse (the calibration
// file of model/calibrate/calibration.hpp): the same messages, positions and "did you mean".
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostics.hpp"
#include "model/sweep/sweep.hpp"
#include "model/yaml_tree.hpp"

namespace vecinos::sweep {

/// The whole file; `ok` says whether it could be read.
std::string read_text(const std::filesystem::path& p, bool& ok);
/// "unknown key; did you mean 'x'? (keys allowed here: ...)".
std::string unknown_key_message(const std::string& key, const std::vector<std::string>& allowed);
/// "'x' is not <what>; did you mean 'y'? (<label>: a<sep>b<sep>...)": a name that is not one of
/// `names`, with the closest one when there is one.
std::string not_one_of_message(std::string_view text, const std::vector<std::string>& names,
                               std::string_view what, std::string_view label = "allowed",
                               std::string_view separator = ", ");
/// The scalar `n` as a whole number in [lo, hi], or an error at its position.
std::optional<std::uint64_t> whole(const YamlNode& n, const std::string& key, std::uint64_t lo,
                                   std::uint64_t hi, Diagnostics& diags);
/// A path, relative to `dir` unless absolute, made absolute and normal.
std::filesystem::path path_value(const YamlNode& n, const std::string& key,
                                 const std::filesystem::path& dir, Diagnostics& diags);
/// true or false.
bool read_flag(const YamlNode& n, const char* key, Diagnostics& diags);
/// A `set:` map of config key paths to values.
void read_sets(const YamlNode& n, std::vector<Setting>& sets, Diagnostics& diags);
/// One outcome (docs/sweeps.md, "Outcomes"); `more_keys` are keys the caller reads itself (a
/// calibration target's observed value, for example), allowed beside the outcome's.
std::optional<Outcome> read_outcome(const YamlNode& item, const std::string& path,
                                    const ModelInfo& model, Diagnostics& diags,
                                    const std::vector<std::string>& more_keys = {});

}  // namespace vecinos::sweep
