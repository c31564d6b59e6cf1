#include "model/config_loader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace vecinos {
namespace {

bool is_append_key(std::string_view key) {
  return key.size() > 1 && key.back() == '+';
}

/// Turns the `name+` keys left in a tree (nothing to append to) into `name`, appending to a
/// `name` list in the same map.
void resolve_appends(YamlNode& node) {
  if (node.is_seq()) {
    for (auto& item : node.items) resolve_appends(item);
    return;
  }
  if (!node.is_map()) return;
  // A `list+:` beside `list:` in the same map appends to it; alone, it is the list.
  std::vector<YamlEntry> kept;
  for (auto& e : node.entries) {
    if (is_append_key(e.first.text) && e.second.is_seq()) {
      const std::string name = e.first.text.substr(0, e.first.text.size() - 1);
      auto it = std::find_if(kept.begin(), kept.end(),
                             [&](const YamlEntry& k) { return k.first.text == name; });
      if (it == kept.end()) {
        kept.emplace_back(YamlKey{name, e.first.origin}, std::move(e.second));
        continue;
      }
      if (it->second.is_seq()) {
        for (auto& item : e.second.items) it->second.items.push_back(std::move(item));
        continue;
      }
    }
    kept.push_back(std::move(e));
  }
  node.entries = std::move(kept);
  for (auto& e : node.entries) resolve_appends(e.second);
}

constexpr std::size_t kMaxConfigBytes = std::size_t{4} << 20;  ///< the baseline has 20 KB
constexpr std::size_t kMaxExtendsDepth = 64;

/// Why `p` cannot be read as a config file, or empty when it can: it must exist and be a
/// regular file (not a directory, a device such as /dev/zero, a pipe), and every filesystem
/// error (a name component over 255 bytes, a symlink loop, permissions) is said in words.
std::string unreadable(const std::filesystem::path& p) {
  std::error_code ec;
  const auto st = std::filesystem::status(p, ec);
  if (ec) {
    if (ec == std::errc::no_such_file_or_directory) return "no such file";
    return ec.message();
  }
  switch (st.type()) {
    case std::filesystem::file_type::regular: break;
    case std::filesystem::file_type::not_found: return "no such file";
    case std::filesystem::file_type::directory: return "it is a directory, not a config file";
    default: return "it is not a regular file (a device, a pipe or a socket)";
  }
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::strerror(errno);
  return {};
}

/// The file's text, at most `limit` bytes and one more (so that the parser can say it is too
/// large without reading all of it).
std::string read_file(const std::filesystem::path& p, std::size_t limit, std::string& why) {
  std::ifstream in(p, std::ios::binary);
  if (!in) {
    why = std::strerror(errno);
    return {};
  }
  std::string text;
  char buf[65536];
  while (in && text.size() <= limit) {
    in.read(buf, sizeof buf);
    text.append(buf, static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) why = std::strerror(errno);
  return text;
}

YamlNode load_tree(const std::filesystem::path& file, const Origin& named_at,
                   std::vector<std::filesystem::path>& chain, std::vector<std::string>& files,
                   Diagnostics& diags);

// When `tree` says `extends: FILE` (relative to `dir`), replaces it by FILE's tree with
// `tree` merged over it.
void resolve_extends(YamlNode& tree, const std::filesystem::path& dir,
                     std::vector<std::filesystem::path>& chain, std::vector<std::string>& files,
                     Diagnostics& diags) {
  if (!tree.is_map()) return;
  const YamlNode* ext = tree.find("extends");
  if (ext == nullptr) return;
  if (!ext->is_scalar() || ext->text.empty()) {
    diags.error(ext->origin, "extends", "expected the path of a config file to extend");
    tree.erase("extends");
    return;
  }
  std::filesystem::path parent = ext->text;
  if (parent.is_relative()) parent = dir / parent;
  YamlNode base = load_tree(parent, ext->origin, chain, files, diags);
  tree.erase("extends");
  merge_yaml(base, tree);
  tree = std::move(base);
}

// Reads `file` and the chain of files it extends, merged base first.
YamlNode load_tree(const std::filesystem::path& file, const Origin& named_at,
                   std::vector<std::filesystem::path>& chain, std::vector<std::string>& files,
                   Diagnostics& diags) {
  std::error_code ec;
  const char* key = named_at.line > 0 ? "extends" : "";
  if (const std::string why = unreadable(file); !why.empty()) {
    diags.error(named_at, key, fmt::format("cannot read config file '{}': {}", file.string(), why));
    return {};
  }
  auto canon = std::filesystem::weakly_canonical(file, ec);
  if (ec) canon = file;
  for (const auto& c : chain) {
    if (c == canon) {
      std::string cycle;
      for (const auto& x : chain) cycle += x.filename().string() + " -> ";
      diags.error(named_at, "extends", "extends cycle: " + cycle + canon.filename().string());
      return {};
    }
  }
  if (chain.size() >= kMaxExtendsDepth) {
    diags.error(named_at, key,
                fmt::format("extends chains are limited to {} files", kMaxExtendsDepth));
    return {};
  }
  std::string why;
  const std::string text = read_file(file, kMaxConfigBytes, why);
  if (!why.empty()) {
    diags.error(named_at, key, fmt::format("cannot read config file '{}': {}", file.string(), why));
    return {};
  }
  if (text.size() > kMaxConfigBytes) {
    diags.error({file.string(), 0, 0}, "",
                fmt::format("the file is larger than {} MiB; configs are far smaller",
                            kMaxConfigBytes >> 20));
    return {};
  }
  YamlNode tree = parse_yaml(text, file.string(), diags);
  chain.push_back(canon);
  resolve_extends(tree, file.parent_path(), chain, files, diags);
  resolve_appends(tree);
  chain.pop_back();
  files.push_back(file.string());
  return tree;
}

}  // namespace

void apply_override(YamlNode& root, const Override& o, Diagnostics& diags) {
  const Origin at{"--set " + o.text, 0, 0};
  const auto eq = o.text.find('=');
  if (eq == std::string::npos || eq == 0) {
    diags.error(at, "", "expected key.path=value");
    return;
  }
  const std::string key = o.text.substr(0, eq);
  YamlNode value = parse_yaml(o.text.substr(eq + 1), at.file, diags);
  // Values from the command line have no useful line:column; name the override instead.
  std::vector<YamlNode*> todo{&value};
  while (!todo.empty()) {
    YamlNode* n = todo.back();
    todo.pop_back();
    n->origin = at;
    for (auto& [k, v] : n->entries) {
      k.origin = at;
      todo.push_back(&v);
    }
    for (auto& item : n->items) todo.push_back(&item);
  }
  if (root.kind != YamlNode::Kind::map) {
    root = YamlNode{};
    root.kind = YamlNode::Kind::map;
  }
  YamlNode* cur = &root;
  std::size_t begin = 0;
  while (true) {
    const auto dot = key.find('.', begin);
    const std::string part = key.substr(begin, dot == std::string::npos ? dot : dot - begin);
    if (part.empty()) {
      diags.error(at, key, "empty segment in key path");
      return;
    }
    if (dot == std::string::npos && is_append_key(part) && value.is_seq()) {
      // --set list+=[...] appends to the list.
      YamlNode& list = cur->child(part.substr(0, part.size() - 1), at);
      if (list.is_seq())
        list.items.insert(list.items.end(), value.items.begin(), value.items.end());
      else
        list = value;
      return;
    }
    YamlNode& next = cur->child(part, at);
    if (dot == std::string::npos) {
      merge_yaml(next, value);
      if (!value.is_map()) next = value;
      return;
    }
    cur = &next;
    begin = dot + 1;
  }
}

MergedTree load_merged_tree(const std::filesystem::path& file, std::span<const Override> sets,
                            Diagnostics& diags) {
  MergedTree out;
  std::vector<std::filesystem::path> chain;
  out.tree = load_tree(file, Origin{file.string(), 0, 0}, chain, out.files, diags);
  if (out.tree.is_null() && diags.empty())
    diags.error({file.string(), 1, 1}, "",
                "the config is empty; start from configs/baseline.yaml, or write `extends: "
                "PATH/baseline.yaml` and the keys to change");
  for (const auto& o : sets) apply_override(out.tree, o, diags);
  return out;
}

MergedTree load_merged_text(std::string_view text, const std::string& name,
                            std::span<const Override> sets, const std::filesystem::path& base_dir,
                            Diagnostics& diags) {
  MergedTree out;
  out.tree = parse_yaml(text, name, diags);
  std::vector<std::filesystem::path> chain;
  resolve_extends(out.tree, base_dir, chain, out.files, diags);
  resolve_appends(out.tree);
  out.files.push_back(name);
  for (const auto& o : sets) apply_override(out.tree, o, diags);
  return out;
}

}  // namespace vecinos
