#pragma once
// Checks a sweep's parameters and fixed settings against its base config, by applying each
// value as a `--set` override and reporting the schema's errors at the sweep file's line.
#include "model/diagnostics.hpp"
#include "model/sweep/sweep.hpp"
#include "model/yaml_tree.hpp"

namespace vecinos::sweep {

/// Loads `s.base`, then checks every setting, every parameter path (map entries such as
/// presidents.<id> must name an entry of the base) and every value or bound. Marks parameters
/// whose key holds integers. `root` is the sweep file's tree (for the positions of keys).
void check_against_base(Sweep& s, const YamlNode& root, const ModelInfo& model, Diagnostics& diags);

}  // namespace vecinos::sweep
