// `vecinos validate`, `vecinos config --reference` and `vecinos config --odd-table`.
#include <iostream>
#include <map>

#include <fmt/format.h>

#include "model/yaml_tree.hpp"
#include "tools/cli/commands.hpp"
#include "tools/cli/markdown.hpp"
#include "world/config.hpp"
#include "world/footprint.hpp"

namespace vecinos::cli {

Action add_validate(CLI::App& app) {
  auto files = std::make_shared<std::vector<std::string>>();
  app.add_option("CONFIG", *files, "config files to check")->required()->check(CLI::ExistingFile);
  return [files] {
    int rc = 0;
    for (const auto& f : *files) {
      try {
        const LoadedConfig c = load_config(f);
        std::cerr << notes_text(c);
        std::cout << fmt::format(
            "{}: ok ({} presidents, {} officials, {} legislatures; a run needs about {} of "
            "memory)\n",
            f, c.config.presidents.size(), c.config.officials.size(), c.config.legislatures.size(),
            memory_text(estimated_memory(c.config).bytes));
      } catch (const ConfigError& e) {
        std::cerr << e.what() << "\n";
        rc = 2;
      }
    }
    return rc;
  };
}

namespace {

/// The value of every leaf of a config's tree by key path ("presidents.mx.forbearance",
/// "events[2].date"), in the tree's order, as flow YAML text.
void flatten(const YamlNode& n, const std::string& path,
             std::vector<std::pair<std::string, std::string>>& out) {
  switch (n.kind) {
    case YamlNode::Kind::map:
      if (n.entries.empty()) out.emplace_back(path, "{}");
      for (const auto& [k, v] : n.entries)
        flatten(v, path.empty() ? k.text : path + "." + k.text, out);
      break;
    case YamlNode::Kind::seq:
      if (n.items.empty()) out.emplace_back(path, "[]");
      for (std::size_t i = 0; i < n.items.size(); ++i)
        flatten(n.items[i], fmt::format("{}[{}]", path, i), out);
      break;
    case YamlNode::Kind::scalar: out.emplace_back(path, yaml_quote(n.text)); break;
    case YamlNode::Kind::null: out.emplace_back(path, "~"); break;
  }
}

/// Where the value at `path` came from: the innermost key of the path with a recorded origin
/// (values inside a list item come from that item), or "default".
std::string origin_of(const schema::OriginTable& origins, std::string path) {
  while (!path.empty()) {
    if (auto it = origins.find(path); it != origins.end() && !it->second.file.empty())
      return it->second.line > 0 ? fmt::format("{}:{}", it->second.file, it->second.line)
                                 : it->second.file;
    const auto cut = path.find_last_of(".[");
    if (cut == std::string::npos) break;
    path.resize(cut);
  }
  return "default";
}

std::vector<std::pair<std::string, std::string>> leaves(const LoadedConfig& c) {
  std::vector<std::pair<std::string, std::string>> out;
  flatten(config_schema().save(&c.config), "", out);
  return out;
}

int print_resolved(const std::string& file) {
  const LoadedConfig c = load_config(file);
  std::cout << fmt::format("# {} resolved: every key, with the file:line its value came from\n",
                           file);
  for (const auto& [path, value] : leaves(c))
    std::cout << fmt::format("{}: {}  # {}\n", path, value, origin_of(c.origins, path));
  return 0;
}

int print_diff(const std::string& a, const std::string& b) {
  const LoadedConfig x = load_config(a), y = load_config(b);
  std::map<std::string, std::string> left, right;
  std::vector<std::string> order;
  for (const auto& [p, v] : leaves(x)) {
    left[p] = v;
    order.push_back(p);
  }
  for (const auto& [p, v] : leaves(y)) {
    if (left.count(p) == 0) order.push_back(p);
    right[p] = v;
  }
  int differences = 0;
  for (const auto& p : order) {
    const auto l = left.find(p), r = right.find(p);
    if (l != left.end() && r != right.end() && l->second == r->second) continue;
    ++differences;
    if (l != left.end())
      std::cout << fmt::format("- {}: {}  # {}\n", p, l->second, origin_of(x.origins, p));
    if (r != right.end())
      std::cout << fmt::format("+ {}: {}  # {}\n", p, r->second, origin_of(y.origins, p));
  }
  std::cout << fmt::format("{} value{} differ{} between {} and {}\n", differences,
                           differences == 1 ? "" : "s", differences == 1 ? "s" : "", a, b);
  return differences == 0 ? 0 : 1;
}

}  // namespace

Action add_config(CLI::App& app) {
  auto reference = std::make_shared<bool>(false);
  auto markdown = std::make_shared<bool>(false);
  auto resolved = std::make_shared<std::string>();
  auto diff = std::make_shared<std::vector<std::string>>();
  auto odd = std::make_shared<std::string>();
  app.add_flag("--reference", *reference,
               "print every config key with type, unit, default, allowed values and help");
  app.add_flag("--markdown", *markdown, "print the reference as a Markdown table");
  app.add_option("--resolved", *resolved,
                 "print FILE merged (extends, lists, defaults): every key, with the file:line of "
                 "its value");
  app.add_option("--odd-table", *odd,
                 "print a table of model/ODD.md as Markdown, from the code's tables and the "
                 "schema (tools/gen-odd-tables.sh)")
      ->check(CLI::IsMember(odd_table_names()));
  CLI::App* diff_app = app.add_subcommand(
      "diff",
      "the keys whose values differ between two configs, each with its file:line (exit 1 "
      "when some differ)");
  diff_app->add_option("A B", *diff, "two config files")->expected(2)->required();
  return [reference, markdown, resolved, diff, diff_app, odd] {
    if (diff_app->parsed()) return print_diff((*diff)[0], (*diff)[1]);
    if (!odd->empty()) {
      std::cout << odd_table(*odd);
      return 0;
    }
    if (!resolved->empty()) return print_resolved(*resolved);
    if (!*reference) {
      std::cerr << "vecinos config: nothing to do; try --reference, --odd-table NAME, --resolved "
                   "FILE or diff A B\n";
      return 2;
    }
    const auto entries = config_schema().reference();
    if (*markdown) {
      std::cout << "| key | type | unit | default | allowed | help |\n|---|---|---|---|---|---|\n";
      for (const auto& e : entries)
        std::cout << fmt::format("| `{}` | {} | {} | {} | {} | {} |\n", e.path,
                                 markdown_cell(e.type), markdown_cell(e.unit),
                                 markdown_cell(e.default_text), markdown_cell(e.allowed),
                                 markdown_cell(e.help));
      return 0;
    }
    for (const auto& e : entries) {
      std::cout << e.path << "\n";
      std::cout << fmt::format("    {}{}, default {}; allowed: {}\n", e.type,
                               e.unit.empty() ? "" : " (" + e.unit + ")", e.default_text,
                               e.allowed);
      std::cout << "    " << e.help << "\n";
    }
    return 0;
  };
}

}  // namespace vecinos::cli
