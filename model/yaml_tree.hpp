#pragma once
// A YAML document as a plain tree that remembers where every key and value came from.
//
// yaml-cpp's node API drops duplicate map keys silently and loses marks on merge; this tree is
// built from yaml-cpp's event parser instead, so duplicates are reported and every node keeps
// its file, line and column through `extends` merges and `--set` overrides.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/diagnostics.hpp"

namespace vecinos {

struct YamlNode;
struct YamlEntry;

struct YamlKey {
  std::string text;
  Origin origin;
};

struct YamlNode {
  enum class Kind { null, scalar, map, seq };
  Kind kind = Kind::null;
  std::string text;   ///< scalar text (empty for null)
  bool plain = true;  ///< scalar written without quotes
  Origin origin;
  /// Map entries in file order. (A vector of a struct declared below, not of std::pair: a pair
  /// of the still-incomplete YamlNode is ill-formed, and clang's library rejects it.)
  std::vector<YamlEntry> entries;
  std::vector<YamlNode> items;  ///< sequence items

  [[nodiscard]] bool is_map() const { return kind == Kind::map; }
  [[nodiscard]] bool is_seq() const { return kind == Kind::seq; }
  [[nodiscard]] bool is_scalar() const { return kind == Kind::scalar; }
  [[nodiscard]] bool is_null() const { return kind == Kind::null; }
  /// The value under `key` in a map, or nullptr.
  [[nodiscard]] const YamlNode* find(std::string_view key) const;
  [[nodiscard]] YamlNode* find(std::string_view key);
  /// The value under `key`, created (as null, at `origin`) when absent. Turns a non-map into a map.
  YamlNode& child(std::string_view key, const Origin& origin);
  /// Removes `key` from a map; true when it was present.
  bool erase(std::string_view key);
  /// A short name of the node's kind for messages ("a map", "a list", "a scalar", "null").
  [[nodiscard]] std::string_view kind_name() const;
};

/// A map entry: its key and value (named like std::pair's members, so structured bindings and
/// `.first` / `.second` read the same).
struct YamlEntry {
  YamlKey first;
  YamlNode second;
  YamlEntry() = default;
  YamlEntry(YamlKey k, YamlNode v) : first(std::move(k)), second(std::move(v)) {}
};

/// Parses one YAML document. Syntax errors and duplicate keys are added to `diags`.
YamlNode parse_yaml(std::string_view text, const std::string& file, Diagnostics& diags);

/// Merges `over` onto `base`: maps merge key by key, anything else is replaced.
void merge_yaml(YamlNode& base, const YamlNode& over);

/// Writes the tree as block-style YAML (strings quoted where needed).
std::string to_yaml(const YamlNode& node);
/// Quotes a scalar for YAML output when it would not read back as the same plain text.
std::string yaml_quote(std::string_view text);

}  // namespace vecinos
