#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <vector>

#include <fmt/format.h>

#include "model/schema_values.hpp"
#include "model/suggest.hpp"
#include "model/sweep/base_check.hpp"
#include "model/sweep/sobol.hpp"
#include "model/sweep/sweep.hpp"
#include "model/yaml_tree.hpp"

namespace vecinos::sweep {
namespace {

/// The most tasks a sweep may have (points x replicates; docs/sweeps.md).
constexpr std::uint64_t kMaxSweepTasks = 10'000'000;

const std::vector<std::string> kKeys = {"base",    "output",   "replicates", "seed", "design",
                                        "samples", "scramble", "parameters", "set",  "outcomes"};

std::string read_text(const std::filesystem::path& p, bool& ok) {
  std::ifstream in(p, std::ios::binary);
  ok = static_cast<bool>(in);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string unknown_key_message(const std::string& key, const std::vector<std::string>& allowed) {
  std::string msg = "unknown key";
  if (auto s = closest_match(key, allowed); !s.empty())
    msg += fmt::format("; did you mean '{}'?", s);
  return msg + fmt::format(" (keys allowed here: {})", fmt::join(allowed, ", "));
}

/// Reads the scalar under `key` as a whole number in [lo, hi].
std::optional<std::uint64_t> whole(const YamlNode& n, const std::string& key, std::uint64_t lo,
                                   std::uint64_t hi, Diagnostics& diags) {
  std::int64_t v = 0;
  std::string why;
  if (!n.is_scalar() || !schema::parse_integer(n.text, v, why)) {
    diags.error(n.origin, key,
                fmt::format("expected a whole number, got {}",
                            n.is_scalar() ? "'" + n.text + "'" : n.kind_name()));
    return std::nullopt;
  }
  if (v < 0 || static_cast<std::uint64_t>(v) < lo || static_cast<std::uint64_t>(v) > hi) {
    diags.error(n.origin, key, fmt::format("{} is out of range; allowed: {} .. {}", v, lo, hi));
    return std::nullopt;
  }
  return static_cast<std::uint64_t>(v);
}

std::filesystem::path path_value(const YamlNode& n, const std::string& key,
                                 const std::filesystem::path& dir, Diagnostics& diags) {
  if (!n.is_scalar() || n.text.empty()) {
    diags.error(n.origin, key, "expected a path (relative to the sweep file, or absolute)");
    return {};
  }
  std::filesystem::path p = n.text;
  if (p.is_relative()) p = dir / p;
  p = std::filesystem::absolute(p).lexically_normal();
  // "out/" and "out/." name the directory "out".
  if (!p.has_filename() && p.has_relative_path()) p = p.parent_path();
  return p;
}

/// A parameter's value list (grid, list).
void read_values(const YamlNode& v, Parameter& p, Design design, Diagnostics& diags) {
  if (v.is_map()) {
    diags.error(v.origin, p.path,
                fmt::format("design {} takes a list of values for each parameter, like [0.2, "
                            "0.5, 0.8]; bounds {{min: .., max: ..}} are for the random, lhs and "
                            "sobol designs",
                            name(design)));
    return;
  }
  if (!v.is_seq() || v.items.empty()) {
    diags.error(v.origin, p.path,
                fmt::format("expected a non-empty list of values, like [0.2, 0.5, 0.8], got {}",
                            v.kind_name()));
    return;
  }
  for (const auto& item : v.items) {
    if (item.is_null()) {
      diags.error(item.origin, p.path, "empty value in the list");
      continue;
    }
    p.values.push_back(flow_yaml(item));
    p.value_origins.push_back(item.origin);
  }
}

/// A parameter's bounds (random, lhs, sobol).
void read_bounds(const YamlNode& v, Parameter& p, Design design, Diagnostics& diags) {
  if (v.is_seq()) {
    diags.error(v.origin, p.path,
                fmt::format("design {} samples between bounds: write {{min: .., max: ..}}; "
                            "lists of values are for the grid and list designs",
                            name(design)));
    return;
  }
  if (!v.is_map()) {
    diags.error(v.origin, p.path,
                fmt::format("expected bounds {{min: .., max: ..}}, got {}", v.kind_name()));
    return;
  }
  static const std::vector<std::string> kBoundKeys = {"min", "max"};
  bool ok = true;
  for (const auto& [k, x] : v.entries) {
    if (k.text != "min" && k.text != "max") {
      diags.error(k.origin, p.path + "." + k.text, unknown_key_message(k.text, kBoundKeys));
      ok = false;
    }
  }
  auto bound = [&](const char* key, double& out) {
    const YamlNode* b = v.find(key);
    if (b == nullptr) {
      diags.error(v.origin, p.path,
                  fmt::format("missing '{}' (bounds are {{min: .., max: ..}})", key));
      ok = false;
      return;
    }
    std::string why;
    if (!b->is_scalar() || !schema::parse_real(b->text, out, why)) {
      diags.error(b->origin, p.path + "." + key,
                  fmt::format("expected a number, got {}",
                              b->is_scalar() ? "'" + b->text + "'" : std::string(b->kind_name())));
      ok = false;
    }
  };
  bound("min", p.min);
  bound("max", p.max);
  if (ok && !(p.min < p.max)) {
    const YamlNode* mx = v.find("max");
    diags.error(mx->origin, p.path + ".max",
                fmt::format("max ({}) must be greater than min ({})", schema::format_real(p.max),
                            schema::format_real(p.min)));
  }
  // The value texts checked against the base: the two bounds.
  if (ok) {
    p.values = {schema::format_real(p.min), schema::format_real(p.max)};
    p.value_origins = {v.find("min")->origin, v.find("max")->origin};
  }
}

void read_parameters(const YamlNode& n, Sweep& s, Diagnostics& diags) {
  if (!n.is_map() || n.entries.empty()) {
    diags.error(n.origin, "parameters",
                "expected a map of config key paths to values, like "
                "`presidents.mx.forbearance: [0.2, 0.5]`");
    return;
  }
  for (const auto& [k, v] : n.entries) {
    Parameter p;
    p.path = k.text;
    p.origin = k.origin;
    if (samples_bounds(s.design))
      read_bounds(v, p, s.design, diags);
    else
      read_values(v, p, s.design, diags);
    s.parameters.push_back(std::move(p));
  }
  if (s.design == Design::list && !s.parameters.empty()) {
    const std::size_t n0 = s.parameters.front().values.size();
    for (const auto& p : s.parameters) {
      if (p.values.size() != n0 && !p.values.empty())
        diags.error(p.origin, p.path,
                    fmt::format("the list design pairs the i-th values of every parameter, so "
                                "the lists must have the same length: {} has {} values, {} has {}",
                                s.parameters.front().path, n0, p.path, p.values.size()));
    }
  }
}

void read_sets(const YamlNode& n, Sweep& s, Diagnostics& diags) {
  if (n.is_null()) return;
  if (!n.is_map()) {
    diags.error(n.origin, "set",
                fmt::format("expected a map of config key paths to values, got {}", n.kind_name()));
    return;
  }
  for (const auto& [k, v] : n.entries) s.sets.push_back({k.text, flow_yaml(v), v.origin, k.origin});
}

void read_outcomes(const YamlNode& n, Sweep& s, const ModelInfo& model, Diagnostics& diags) {
  if (n.is_null()) return;
  if (!n.is_seq()) {
    diags.error(n.origin, "outcomes",
                "expected a list like [{indicator: trade_us_mx_usd, stat: final}]");
    return;
  }
  std::vector<std::string> indicators;
  for (const auto& info : model.indicators) indicators.emplace_back(info.name);
  const auto stats = stat_names();
  static const std::vector<std::string> kOutcomeKeys = {"indicator", "stat"};
  std::set<std::string> seen;
  for (std::size_t i = 0; i < n.items.size(); ++i) {
    const YamlNode& item = n.items[i];
    const std::string path = fmt::format("outcomes[{}]", i);
    if (!item.is_map()) {
      diags.error(item.origin, path, "expected {indicator: NAME, stat: final|first|mean|...}");
      continue;
    }
    bool ok = true;
    for (const auto& [k, x] : item.entries) {
      if (k.text != "indicator" && k.text != "stat") {
        diags.error(k.origin, path + "." + k.text, unknown_key_message(k.text, kOutcomeKeys));
        ok = false;
      }
    }
    Outcome o;
    const YamlNode* ind = item.find("indicator");
    if (ind == nullptr || !ind->is_scalar()) {
      diags.error(ind ? ind->origin : item.origin, path + ".indicator",
                  "missing the indicator's name (vecinos inspect lists them)");
      ok = false;
    } else {
      const auto it = std::find(indicators.begin(), indicators.end(), ind->text);
      if (it == indicators.end()) {
        std::string msg = fmt::format("'{}' is not an indicator", ind->text);
        if (auto m = closest_match(ind->text, indicators); !m.empty())
          msg += fmt::format("; did you mean '{}'?", m);
        diags.error(ind->origin, path + ".indicator",
                    msg + fmt::format(" (indicators: {})", fmt::join(indicators, ", ")));
        ok = false;
      } else {
        o.indicator = static_cast<std::size_t>(it - indicators.begin());
        o.label = model.indicators[o.indicator].name;
        o.units = model.indicators[o.indicator].units;
      }
    }
    const YamlNode* st = item.find("stat");
    if (st == nullptr || !st->is_scalar()) {
      diags.error(st ? st->origin : item.origin, path + ".stat",
                  fmt::format("missing the statistic ({})", fmt::join(stats, " | ")));
      ok = false;
    } else if (auto x = stat_named(st->text)) {
      o.stat = *x;
    } else {
      std::string msg =
          fmt::format("'{}' is not a statistic; allowed: {}", st->text, fmt::join(stats, " | "));
      if (auto m = closest_match(st->text, stats); !m.empty())
        msg += fmt::format(" (did you mean '{}'?)", m);
      diags.error(st->origin, path + ".stat", msg);
      ok = false;
    }
    if (!ok) continue;
    if (!seen.insert(o.column()).second) {
      diags.error(item.origin, path, fmt::format("{} is listed twice", o.column()));
      continue;
    }
    s.outcomes.push_back(o);
  }
}

/// The number of points and tasks, in checked arithmetic: a 16 x 16 grid of 16-value lists has
/// 2^64 points, which would wrap to 0 in 64 bits. Past kMaxSweepTasks the sweep is refused
/// (its task list alone would need gigabytes, and no cluster runs it).
void check_task_count(const Sweep& s, const YamlNode& root, Diagnostics& diags) {
  std::uint64_t points = 0;
  bool over = false;
  switch (s.design) {
    case Design::grid:
      points = s.parameters.empty() ? 0 : 1;
      for (const auto& p : s.parameters) {
        const auto n = static_cast<std::uint64_t>(p.values.size());
        if (n != 0 && points > kMaxSweepTasks / n) over = true;
        points = over ? kMaxSweepTasks + 1 : points * n;
      }
      break;
    case Design::list:
      points = s.parameters.empty() ? 0 : s.parameters.front().values.size();
      break;
    default: points = s.samples; break;
  }
  const std::uint64_t reps = std::max<std::uint64_t>(1, s.replicates);
  if (!over && points > kMaxSweepTasks / reps) over = true;
  if (!over) return;
  const YamlNode* where =
      s.design == Design::grid ? root.find("parameters") : root.find("replicates");
  if (where == nullptr) where = &root;
  diags.error(where->origin, s.design == Design::grid ? "parameters" : "replicates",
              fmt::format("the sweep has more than {} tasks ({} design{}); split it into several "
                          "sweeps, or use a sampling design (lhs, sobol) with fewer points",
                          kMaxSweepTasks, name(s.design),
                          s.design == Design::grid ? ": the product of the list lengths" : ""));
}

Sweep parse(const YamlNode& root, const std::string& file, const std::filesystem::path& dir,
            const ModelInfo& model, Diagnostics& diags) {
  Sweep s;
  s.file = file;
  if (!root.is_map()) {
    diags.error(root.origin, "",
                "a sweep file is a map with keys " + fmt::format("{}", fmt::join(kKeys, ", ")));
    return s;
  }
  for (const auto& [k, v] : root.entries)
    if (std::find(kKeys.begin(), kKeys.end(), k.text) == kKeys.end())
      diags.error(k.origin, k.text, unknown_key_message(k.text, kKeys));

  auto required = [&](const char* key) -> const YamlNode* {
    const YamlNode* n = root.find(key);
    if (n == nullptr) diags.error(root.origin, key, "missing required key");
    return n;
  };
  if (const YamlNode* n = required("base")) s.base = path_value(*n, "base", dir, diags);
  if (const YamlNode* n = required("output")) s.output = path_value(*n, "output", dir, diags);
  if (const YamlNode* n = root.find("replicates"))
    s.replicates = whole(*n, "replicates", 1, 1000000000, diags).value_or(1);
  if (const YamlNode* n = root.find("seed"))
    s.seed = whole(*n, "seed", 0, std::uint64_t{1} << 62, diags).value_or(1);
  if (const YamlNode* n = root.find("design")) {
    if (auto d = n->is_scalar() ? design_named(n->text) : std::nullopt) {
      s.design = *d;
    } else {
      const std::vector<std::string> all = {"grid", "list", "random", "lhs", "sobol"};
      std::string msg =
          fmt::format("'{}' is not a design; allowed: grid | list | random | lhs | sobol", n->text);
      if (auto m = closest_match(n->text, all); !m.empty())
        msg += fmt::format(" (did you mean '{}'?)", m);
      diags.error(n->origin, "design", msg);
    }
  }
  const YamlNode* samples = root.find("samples");
  if (samples_bounds(s.design)) {
    if (samples == nullptr)
      diags.error(root.origin, "samples",
                  fmt::format("missing required key: the number of points of the {} design",
                              name(s.design)));
    else
      s.samples = whole(*samples, "samples", 1, kMaxSweepTasks, diags).value_or(0);
  } else if (samples != nullptr) {
    diags.error(
        samples->origin, "samples",
        fmt::format("the {} design takes no samples: its points are the {} of the value "
                    "lists (samples is for random, lhs and sobol)",
                    name(s.design), s.design == Design::grid ? "combinations" : "positions"));
  }
  if (const YamlNode* n = root.find("scramble")) {
    if (s.design != Design::sobol) {
      diags.error(n->origin, "scramble", "scramble applies to the sobol design only");
    } else if (n->is_scalar() && (n->text == "true" || n->text == "false")) {
      s.scramble = n->text == "true";
    } else {
      diags.error(n->origin, "scramble", "write true or false");
    }
  }
  if (const YamlNode* n = required("parameters")) read_parameters(*n, s, diags);
  if (s.design == Design::sobol && s.parameters.size() > kSobolMaxDimensions)
    diags.error(root.find("parameters")->origin, "parameters",
                fmt::format("the sobol design supports at most {} parameters (Joe-Kuo direction "
                            "numbers built in); this sweep has {}",
                            kSobolMaxDimensions, s.parameters.size()));
  check_task_count(s, root, diags);
  if (const YamlNode* n = root.find("set")) read_sets(*n, s, diags);
  if (const YamlNode* n = root.find("outcomes")) read_outcomes(*n, s, model, diags);
  return s;
}

Sweep load(std::string_view text, const std::string& name, const std::filesystem::path& dir,
           const ModelInfo& model, Diagnostics& diags) {
  const YamlNode root = parse_yaml(text, name, diags);
  if (!diags.empty()) diags.throw_if_any();
  Sweep s = parse(root, name, dir, model, diags);
  // Parameters and settings that were read are checked against the base too, so a file's
  // errors are all reported at once.
  if (!s.base.empty()) check_against_base(s, root, model, diags);
  diags.throw_if_any();
  return s;
}

}  // namespace

Sweep load_sweep(const std::filesystem::path& file, const ModelInfo& model) {
  Diagnostics diags;
  bool ok = false;
  const std::string text = read_text(file, ok);
  if (!ok || !std::filesystem::is_regular_file(file)) {
    diags.error({file.string(), 0, 0}, "", "cannot read the sweep file: no such file");
    diags.throw_if_any();
  }
  const auto dir = std::filesystem::absolute(file).parent_path();
  return load(text, file.string(), dir, model, diags);
}

Sweep load_sweep_text(std::string_view text, const std::string& name,
                      const std::filesystem::path& dir, const ModelInfo& model) {
  Diagnostics diags;
  return load(text, name, std::filesystem::absolute(dir), model, diags);
}

}  // namespace vecinos::sweep
