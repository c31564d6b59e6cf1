#pragma once
// Loading config files, domain-free: YAML text with `extends:` chains and `--set key=value`
// overrides, merged into one tree that a schema then checks (world/config.cpp does for the
// model's Config).
//
// The file is parsed (duplicate keys reported), its `extends:` chain is resolved (paths relative
// to the file that names them; cycles reported), later files override earlier ones key by key,
// and `--set key.path=value` overrides come last. Every value keeps the file:line:column it
// came from.
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/diagnostics.hpp"
#include "model/yaml_tree.hpp"

namespace vecinos {

/// A `--set key.path=value` override; `value` is read as YAML.
struct Override {
  std::string text;  ///< "key.path=value" as given
};

/// A config's merged tree and the files it came from.
struct MergedTree {
  YamlNode tree;
  std::vector<std::string> files;  ///< the extends chain, base first
};

/// Reads `file`, the chain of files it extends and the overrides; problems go to `diags`.
MergedTree load_merged_tree(const std::filesystem::path& file, std::span<const Override> sets,
                            Diagnostics& diags);
/// The same from text: `name` stands in for the file name in messages, and `extends` paths are
/// relative to `base_dir`.
MergedTree load_merged_text(std::string_view text, const std::string& name,
                            std::span<const Override> sets, const std::filesystem::path& base_dir,
                            Diagnostics& diags);

/// Applies one override to a tree (creating the maps on its key path).
void apply_override(YamlNode& root, const Override& o, Diagnostics& diags);

}  // namespace vecinos
