#include <algorithm>
#include <cmath>
#include <fstream>
#include <set>
#include <sstream>
#include <vector>

#include <fmt/format.h>

#include "model/hash.hpp"
#include "model/schema_values.hpp"
#include "model/suggest.hpp"
#include "model/sweep/base_check.hpp"
#include "model/sweep/path_rule.hpp"
#include "model/sweep/saltelli.hpp"
#include "model/sweep/sobol.hpp"
#include "model/sweep/sweep.hpp"
#include "model/sweep/sweep_parts.hpp"
#include "model/yaml_tree.hpp"

namespace vecinos::sweep {
namespace {

/// The most tasks a sweep may have (points x replicates; docs/sweeps.md).
constexpr std::uint64_t kMaxSweepTasks = 10'000'000;

/// The keys of a sweep file.
const std::vector<std::string>& sweep_keys() {
  static const std::vector<std::string> keys = {
      "base",       "output",   "replicates",   "seed",   "design",
      "samples",    "scramble", "second_order", "levels", "common_random_numbers",
      "parameters", "set",      "outcomes",     "paths",  "sequence_length",
      "posterior"};
  return keys;
}

}  // namespace

std::string read_text(const std::filesystem::path& p, bool& ok) {
  std::ifstream in(p, std::ios::binary);
  ok = static_cast<bool>(in);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string not_one_of_message(std::string_view text, const std::vector<std::string>& names,
                               std::string_view what, std::string_view label,
                               std::string_view separator) {
  std::string msg = fmt::format("'{}' is not {}", text, what);
  if (auto m = closest_match(text, names); !m.empty())
    msg += fmt::format("; did you mean '{}'?", m);
  return msg + fmt::format(" ({}: {})", label, fmt::join(names, separator));
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
    diags.error(n.origin, key, "expected a path (relative to this file, or absolute)");
    return {};
  }
  std::filesystem::path p = n.text;
  if (p.is_relative()) p = dir / p;
  p = std::filesystem::absolute(p).lexically_normal();
  // "out/" and "out/." name the directory "out".
  if (!p.has_filename() && p.has_relative_path()) p = p.parent_path();
  return p;
}

namespace {

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

}  // namespace

void read_sets(const YamlNode& n, std::vector<Setting>& sets, Diagnostics& diags) {
  if (n.is_null()) return;
  if (!n.is_map()) {
    diags.error(n.origin, "set",
                fmt::format("expected a map of config key paths to values, got {}", n.kind_name()));
    return;
  }
  for (const auto& [k, v] : n.entries) sets.push_back({k.text, flow_yaml(v), v.origin, k.origin});
}

namespace {

std::vector<std::string> names_of(const std::vector<Stat>& stats) {
  std::vector<std::string> out;
  out.reserve(stats.size());
  for (Stat x : stats) out.emplace_back(name(x));
  return out;
}

/// A name from `names`, or an error "'x' is not a <what>; did you mean ...? (<what>s: ...)".
std::optional<std::size_t> one_of(const YamlNode& n, const std::string& key,
                                  const std::vector<std::string>& names, const char* what,
                                  Diagnostics& diags) {
  const auto it = std::find(names.begin(), names.end(), n.text);
  if (n.is_scalar() && it != names.end()) return static_cast<std::size_t>(it - names.begin());
  diags.error(n.origin, key, not_one_of_message(n.text, names, what));
  return std::nullopt;
}

/// The window of an outcome: `from`, `to` (ISO dates, inclusive) or `at` (the value at a date:
/// `to` with stat final or at_end). Called after the stat is read.
bool read_window(const YamlNode& item, const std::string& path, Outcome& o, Diagnostics& diags) {
  bool ok = true;
  auto date = [&](const char* key) -> std::optional<Date> {
    const YamlNode* n = item.find(key);
    if (n == nullptr) return std::nullopt;
    auto d = n->is_scalar() ? Date::parse(n->text) : std::nullopt;
    if (!d) {
      diags.error(n->origin, path + "." + key,
                  fmt::format("expected a date YYYY-MM-DD, got {}",
                              n->is_scalar() ? "'" + n->text + "'" : n->kind_name()));
      ok = false;
    }
    return d;
  };
  o.from = date("from");
  o.to = date("to");
  if (const YamlNode* at = item.find("at")) {
    if (item.find("from") != nullptr || item.find("to") != nullptr) {
      diags.error(at->origin, path + ".at",
                  "'at' is the value at one date; give either 'at' or a window 'from'/'to'");
      return false;
    }
    if (o.kind == OutcomeKind::event) {
      diags.error(at->origin, path + ".at",
                  "'at' applies to indicators; count or date events in a window 'from'/'to'");
      return false;
    }
    const Stat want = o.kind == OutcomeKind::indicator ? Stat::final : Stat::at_end;
    if (o.stat != want) {
      diags.error(at->origin, path + ".at",
                  fmt::format("'at' takes the value at a date, so the stat is {} (got {}); for "
                              "other statistics give a window 'from'/'to'",
                              name(want), name(o.stat)));
      return false;
    }
    o.to = date("at");
  }
  if (ok && o.from && o.to && *o.to < *o.from) {
    diags.error(
        item.find("to")->origin, path + ".to",
        fmt::format("the window ends ({}) before it begins ({})", o.to->iso(), o.from->iso()));
    ok = false;
  }
  return ok;
}

}  // namespace

std::optional<Outcome> read_outcome(const YamlNode& item, const std::string& path,
                                    const ModelInfo& model, Diagnostics& diags,
                                    const std::vector<std::string>& more_keys) {
  std::vector<std::string> kOutcomeKeys = {"indicator", "stat",     "event", "actor",
                                           "above",     "at_least", "below", "at_most",
                                           "name",      "from",     "to",    "at"};
  kOutcomeKeys.insert(kOutcomeKeys.end(), more_keys.begin(), more_keys.end());
  if (!item.is_map()) {
    diags.error(item.origin, path,
                "expected {indicator: NAME, stat: final|first|mean|...}, a threshold {indicator: "
                "NAME, above: X, stat: ever|when|at_end} or an event {event: ACTION, stat: "
                "count|ever|when}");
    return std::nullopt;
  }
  bool ok = true;
  for (const auto& [k, x] : item.entries) {
    if (std::find(kOutcomeKeys.begin(), kOutcomeKeys.end(), k.text) == kOutcomeKeys.end()) {
      diags.error(k.origin, path + "." + k.text, unknown_key_message(k.text, kOutcomeKeys));
      ok = false;
    }
  }
  Outcome o;
  const YamlNode* ind = item.find("indicator");
  const YamlNode* ev = item.find("event");
  const YamlNode* rel = nullptr;
  for (Relation r : {Relation::above, Relation::at_least, Relation::below, Relation::at_most}) {
    const std::string key(name(r));
    const YamlNode* x = item.find(key);
    if (x == nullptr) continue;
    if (rel != nullptr) {
      diags.error(x->origin, fmt::format("{}.{}", path, key),
                  "one threshold per outcome (above, at_least, below or at_most)");
      ok = false;
    }
    rel = x;
    o.relation = r;
  }
  if ((ind == nullptr) == (ev == nullptr)) {
    diags.error(item.origin, path,
                ind == nullptr ? "missing 'indicator' (an indicator's summary or threshold) or "
                                 "'event' (an action's count or date)"
                               : "an outcome has either 'indicator' or 'event', not both");
    return std::nullopt;
  }
  if (ind != nullptr) {
    o.kind = rel != nullptr ? OutcomeKind::threshold : OutcomeKind::indicator;
    std::vector<std::string> indicators;
    for (const auto& info : model.indicators) indicators.emplace_back(info.name);
    const auto it = std::find(indicators.begin(), indicators.end(), ind->text);
    if (!ind->is_scalar() || it == indicators.end()) {
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
      o.description = model.indicators[o.indicator].description;
    }
    if (rel != nullptr) {
      std::string why;
      if (!rel->is_scalar() || !schema::parse_real(rel->text, o.threshold, why)) {
        diags.error(rel->origin, path + "." + std::string(name(o.relation)),
                    fmt::format("expected a number, got {}",
                                rel->is_scalar() ? "'" + rel->text + "'" : rel->kind_name()));
        ok = false;
      }
    }
    if (const YamlNode* a = item.find("actor")) {
      diags.error(a->origin, path + ".actor", "'actor' applies to event outcomes only");
      ok = false;
    }
  } else {
    o.kind = OutcomeKind::event;
    if (rel != nullptr) {
      diags.error(rel->origin, path + "." + std::string(name(o.relation)),
                  "thresholds apply to indicators; an event outcome counts or dates an action");
      ok = false;
    }
    if (auto k = one_of(*ev, path + ".event", model.actions, "an action", diags))
      o.action = model.actions[*k];
    else
      ok = false;
    if (const YamlNode* a = item.find("actor")) {
      if (!a->is_scalar() || a->text.empty()) {
        diags.error(a->origin, path + ".actor", "expected an actor's name, like us or mx");
        ok = false;
      } else {
        o.actor = a->text;
      }
    }
  }
  const auto allowed = stats_of(o.kind);
  const auto stats = names_of(allowed);
  const YamlNode* st = item.find("stat");
  if (st == nullptr || !st->is_scalar()) {
    diags.error(st ? st->origin : item.origin, path + ".stat",
                fmt::format("missing the statistic ({})", fmt::join(stats, " | ")));
    ok = false;
  } else if (auto x = stat_named(st->text);
             x && std::find(allowed.begin(), allowed.end(), *x) != allowed.end()) {
    o.stat = *x;
  } else {
    const char* of = o.kind == OutcomeKind::indicator   ? ""
                     : o.kind == OutcomeKind::threshold ? " of a threshold"
                                                        : " of an event";
    std::string msg = fmt::format("'{}' is not a statistic{}; allowed: {}", st->text, of,
                                  fmt::join(stats, " | "));
    if (auto m = closest_match(st->text, stats); !m.empty())
      msg += fmt::format(" (did you mean '{}'?)", m);
    diags.error(st->origin, path + ".stat", msg);
    ok = false;
  }
  if (const YamlNode* nm = item.find("name")) {
    const bool valid =
        nm->is_scalar() && !nm->text.empty() && nm->text.find_first_of(" `/") == std::string::npos;
    if (!valid) {
      diags.error(nm->origin, path + ".name",
                  "expected a column name without spaces, '/' or '`', like usmca_terminated");
      ok = false;
    } else {
      o.name = nm->text;
    }
  }
  if (!read_window(item, path, o, diags)) ok = false;
  if (!ok) return std::nullopt;
  return o;
}

bool read_flag(const YamlNode& n, const char* key, Diagnostics& diags) {
  if (n.is_scalar() && (n.text == "true" || n.text == "false")) return n.text == "true";
  diags.error(n.origin, key, "write true or false");
  return false;
}

namespace {

void read_outcomes(const YamlNode& n, Sweep& s, const ModelInfo& model, Diagnostics& diags) {
  if (n.is_null()) return;
  if (!n.is_seq()) {
    diags.error(n.origin, "outcomes",
                "expected a list like [{indicator: trade_us_mx_usd, stat: final}]");
    return;
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < n.items.size(); ++i) {
    const std::string path = fmt::format("outcomes[{}]", i);
    auto o = read_outcome(n.items[i], path, model, diags);
    if (!o) continue;
    if (!seen.insert(o->column()).second) {
      diags.error(n.items[i].origin, path, fmt::format("{} is listed twice", o->column()));
      continue;
    }
    s.outcomes.push_back(std::move(*o));
  }
}

/// `paths:` [{name, when, description}]: rules over the outcome columns (path_rule.hpp).
void read_paths(const YamlNode& n, Sweep& s, Diagnostics& diags) {
  if (n.is_null()) return;
  if (!n.is_seq()) {
    diags.error(n.origin, "paths",
                "expected a list like [{name: rupture, when: \"us_strikes_cum.final > 0\"}, "
                "{name: other}]");
    return;
  }
  std::vector<std::string> columns;
  for (const auto& o : s.outcomes) columns.push_back(o.column());
  static const std::vector<std::string> kPathKeys = {"name", "when", "description"};
  std::set<std::string> seen;
  for (std::size_t i = 0; i < n.items.size(); ++i) {
    const YamlNode& item = n.items[i];
    const std::string path = fmt::format("paths[{}]", i);
    if (!item.is_map()) {
      diags.error(item.origin, path, "expected {name: NAME, when: RULE, description: TEXT}");
      continue;
    }
    for (const auto& [k, x] : item.entries)
      if (std::find(kPathKeys.begin(), kPathKeys.end(), k.text) == kPathKeys.end())
        diags.error(k.origin, path + "." + k.text, unknown_key_message(k.text, kPathKeys));
    Path p;
    p.origin = item.origin;
    const YamlNode* nm = item.find("name");
    if (nm == nullptr || !nm->is_scalar() || nm->text.empty() ||
        nm->text.find_first_of(" `") != std::string::npos) {
      diags.error(nm ? nm->origin : item.origin, path + ".name",
                  "expected the path's name, a word like rupture or managed_friction");
      continue;
    }
    p.name = nm->text;
    if (p.name == "unclassified")
      diags.error(nm->origin, path + ".name",
                  "'unclassified' is reserved for the runs no path's rule matches");
    if (!seen.insert(p.name).second)
      diags.error(nm->origin, path + ".name", fmt::format("path {} is defined twice", p.name));
    if (const YamlNode* d = item.find("description")) p.description = d->text;
    if (const YamlNode* w = item.find("when")) {
      if (!w->is_scalar() || w->text.empty()) {
        diags.error(w->origin, path + ".when",
                    "expected a rule, like \"trade_us_mx_usd.final < 6e11\"");
        continue;
      }
      try {
        p.rule = PathRule(w->text);
      } catch (const RuleError& e) {
        diags.error(w->origin, path + ".when", e.what());
        continue;
      }
      for (const auto& used : p.rule->names()) {
        if (std::find(columns.begin(), columns.end(), used) != columns.end()) continue;
        std::string msg = fmt::format("'{}' is not an outcome of this sweep", used);
        if (auto m = closest_match(used, columns); !m.empty())
          msg += fmt::format("; did you mean '{}'?", m);
        diags.error(
            w->origin, path + ".when",
            msg + fmt::format(" (outcomes: {})",
                              columns.empty() ? std::string("none")
                                              : fmt::format("{}", fmt::join(columns, ", "))));
      }
    } else if (i + 1 != n.items.size()) {
      diags.error(item.origin, path,
                  fmt::format("path {} has no 'when' rule: only the last path may (it takes "
                              "every remaining run)",
                              p.name));
    }
    s.paths.push_back(std::move(p));
  }
}

/// Splits a CSV line at commas (the posterior file has no quoted fields); `columns` gets the
/// 1-based column of each field.
std::vector<std::string> csv_fields(const std::string& line, std::vector<int>& columns) {
  std::vector<std::string> out;
  columns.clear();
  std::size_t begin = 0;
  while (true) {
    const auto comma = line.find(',', begin);
    out.push_back(line.substr(begin, comma == std::string::npos ? comma : comma - begin));
    columns.push_back(static_cast<int>(begin) + 1);
    if (comma == std::string::npos) return out;
    begin = comma + 1;
  }
}

/// `posterior: FILE`: the CSV a calibration writes (header `weight,<key path>,...`, one row per
/// particle). Its problems are reported at the CSV's own line and column.
void read_posterior(const YamlNode& n, Sweep& s, const std::filesystem::path& dir,
                    Diagnostics& diags) {
  s.posterior = path_value(n, "posterior", dir, diags);
  if (s.posterior.empty()) return;
  bool ok = false;
  const std::string text = read_text(s.posterior, ok);
  if (!ok || !std::filesystem::is_regular_file(s.posterior)) {
    diags.error(
        n.origin, "posterior",
        fmt::format("cannot read the posterior file '{}': no such file", s.posterior.string()));
    return;
  }
  Fnv1a h;
  h.bytes(text.data(), text.size());
  s.posterior_digest = h.result();
  const std::string file = s.posterior.string();
  std::istringstream in(text);
  std::string line;
  std::vector<int> cols;
  int line_no = 0;
  std::vector<std::string> header;
  double total = 0.0;
  const std::size_t before = diags.size();
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    auto fields = csv_fields(line, cols);
    if (header.empty()) {
      if (fields.size() < 2 || fields[0] != "weight") {
        diags.error({file, line_no, 1}, "posterior",
                    "the header is `weight,<config key path>,...` (the posterior.csv that "
                    "vecinos calibrate writes)");
        return;
      }
      header = fields;
      continue;
    }
    if (fields.size() != header.size()) {
      diags.error({file, line_no, 1}, "posterior",
                  fmt::format("{} fields; the header has {}", fields.size(), header.size()));
      continue;
    }
    std::vector<double> row(fields.size());
    bool good = true;
    for (std::size_t k = 0; k < fields.size(); ++k) {
      std::string why;
      if (!schema::parse_real(fields[k], row[k], why) || !std::isfinite(row[k]) ||
          (k == 0 && row[k] < 0.0)) {
        diags.error({file, line_no, cols[k]}, "posterior." + header[k],
                    fmt::format("'{}' is not a {}", fields[k],
                                k == 0 ? "weight (a number, 0 or more)" : "finite number"));
        good = false;
      }
    }
    if (!good || row.size() < 2) continue;
    total += row[0];
    s.posterior_weights.push_back(row[0]);
    s.posterior_particles.emplace_back(row.begin() + 1, row.end());
  }
  if (diags.size() != before) return;
  if (s.posterior_particles.empty() || !(total > 0.0)) {
    diags.error(n.origin, "posterior",
                fmt::format("{} holds no particle with a positive weight", file));
    return;
  }
  for (std::size_t k = 1; k < header.size(); ++k) {
    Parameter p;
    p.path = header[k];
    p.origin = n.origin;
    p.min = p.max = s.posterior_particles.front()[k - 1];
    for (const auto& row : s.posterior_particles) {
      p.min = std::min(p.min, row[k - 1]);
      p.max = std::max(p.max, row[k - 1]);
    }
    p.values = {schema::format_real(p.min), schema::format_real(p.max)};
    p.value_origins = {n.origin, n.origin};
    s.parameters.push_back(std::move(p));
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
    default: points = s.points(); break;  // samples <= kMaxSweepTasks: no overflow
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
    diags.error(
        root.origin, "",
        "a sweep file is a map with keys " + fmt::format("{}", fmt::join(sweep_keys(), ", ")));
    return s;
  }
  for (const auto& [k, v] : root.entries)
    if (std::find(sweep_keys().begin(), sweep_keys().end(), k.text) == sweep_keys().end())
      diags.error(k.origin, k.text, unknown_key_message(k.text, sweep_keys()));

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
      const std::vector<std::string> all = {"grid",  "list",     "random", "lhs",
                                            "sobol", "saltelli", "morris", "posterior"};
      std::string msg = fmt::format(
          "'{}' is not a design; allowed: grid | list | random | lhs | sobol | saltelli | morris | "
          "posterior",
          n->text);
      if (auto m = closest_match(n->text, all); !m.empty())
        msg += fmt::format(" (did you mean '{}'?)", m);
      diags.error(n->origin, "design", msg);
    }
  }
  const YamlNode* samples = root.find("samples");
  if (samples_bounds(s.design) || s.design == Design::posterior) {
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
                    "lists (samples is for random, lhs, sobol, saltelli, morris and posterior)",
                    name(s.design), s.design == Design::grid ? "combinations" : "positions"));
  }
  s.scramble = s.design == Design::saltelli;  // a scrambled base unless told otherwise
  if (const YamlNode* n = root.find("scramble")) {
    if (s.design != Design::sobol && s.design != Design::saltelli)
      diags.error(n->origin, "scramble", "scramble applies to the sobol and saltelli designs only");
    else
      s.scramble = read_flag(*n, "scramble", diags);
  }
  if (const YamlNode* n = root.find("second_order")) {
    if (s.design != Design::saltelli)
      diags.error(n->origin, "second_order",
                  "second_order applies to the saltelli design only (second-order Sobol' indices)");
    else
      s.second_order = read_flag(*n, "second_order", diags);
  }
  if (const YamlNode* n = root.find("levels")) {
    if (s.design != Design::morris) {
      diags.error(n->origin, "levels", "levels applies to the morris design only");
    } else if (auto v = whole(*n, "levels", 2, 1000, diags)) {
      if (*v % 2 != 0)
        diags.error(n->origin, "levels",
                    fmt::format("{} levels: the Morris grid needs an even number of levels, so "
                                "that each step is a whole number of grid steps (4 is usual)",
                                *v));
      else
        s.levels = *v;
    }
  }
  if (const YamlNode* n = root.find("common_random_numbers"))
    s.common_random_numbers = read_flag(*n, "common_random_numbers", diags);
  if (const YamlNode* n = root.find("sequence_length"))
    s.sequence_length = whole(*n, "sequence_length", 0, 100, diags).value_or(4);
  const YamlNode* posterior = root.find("posterior");
  if (s.design == Design::posterior) {
    if (const YamlNode* p = root.find("parameters"))
      diags.error(p->origin, "parameters",
                  "the posterior design takes its parameters from the posterior file's columns; "
                  "fix others with `set:`");
    if (posterior == nullptr)
      diags.error(root.origin, "posterior",
                  "missing required key: the posterior file of a calibration "
                  "(OUTPUT/posterior.csv of vecinos calibrate)");
    else
      read_posterior(*posterior, s, dir, diags);
  } else {
    if (posterior != nullptr)
      diags.error(posterior->origin, "posterior", "posterior applies to the posterior design only");
    if (const YamlNode* n = required("parameters")) read_parameters(*n, s, diags);
  }
  const std::size_t max_params =
      s.design == Design::saltelli ? kSobolMaxDimensions / 2 : kSobolMaxDimensions;
  if ((s.design == Design::sobol || s.design == Design::saltelli) &&
      s.parameters.size() > max_params)
    diags.error(root.find("parameters")->origin, "parameters",
                fmt::format("the {} design supports at most {} parameters (Joe-Kuo direction "
                            "numbers built in for {} dimensions); this sweep has {}",
                            name(s.design), max_params, kSobolMaxDimensions, s.parameters.size()));
  if (samples_bounds(s.design) && s.points() > 100000000)
    diags.error(samples ? samples->origin : root.origin, "samples",
                fmt::format("{} samples of {} parameters make {} points; at most 100000000",
                            s.samples, s.parameters.size(), s.points()));
  check_task_count(s, root, diags);
  if (const YamlNode* n = root.find("set")) read_sets(*n, s.sets, diags);
  if (const YamlNode* n = root.find("outcomes")) read_outcomes(*n, s, model, diags);
  if (const YamlNode* n = root.find("paths")) read_paths(*n, s, diags);
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
