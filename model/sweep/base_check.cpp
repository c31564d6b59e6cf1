#include "model/sweep/base_check.hpp"

#include <cmath>
#include <set>

#include <fmt/format.h>

#include <vector>

#include "model/schema_values.hpp"
#include "model/suggest.hpp"

namespace vecinos::sweep {
namespace {

std::vector<std::string> split(const std::string& path) {
  std::vector<std::string> out;
  std::size_t begin = 0;
  while (true) {
    const auto dot = path.find('.', begin);
    out.push_back(path.substr(begin, dot == std::string::npos ? dot : dot - begin));
    if (dot == std::string::npos) return out;
    begin = dot + 1;
  }
}

std::string join(const std::vector<std::string>& segs, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += (i > 0 ? "." : "") + segs[i];
  return out;
}

/// What the schema declares at a key path: a value of some type, a section, or nothing known.
struct KeyInfo {
  const schema::RefEntry* leaf = nullptr;   ///< the key is a value
  const schema::RefEntry* under = nullptr;  ///< the key is a section holding this entry
};

bool segment_matches(const std::string& pattern, const std::string& seg) {
  return pattern == seg || pattern == "<id>";
}

KeyInfo key_info(const std::vector<std::string>& segs, const std::vector<schema::RefEntry>& refs) {
  KeyInfo k;
  for (const auto& r : refs) {
    const auto pat = split(r.path);
    if (pat.size() < segs.size()) continue;
    bool match = true;
    for (std::size_t i = 0; i < segs.size() && match; ++i) match = segment_matches(pat[i], segs[i]);
    if (!match) continue;
    if (pat.size() == segs.size()) {
      k.leaf = &r;
      return k;
    }
    if (k.under == nullptr) k.under = &r;
  }
  return k;
}

/// Ids of the entries of the map at `prefix` in a loaded config (from its origin table).
std::vector<std::string> ids_under(const schema::OriginTable& origins, const std::string& prefix) {
  std::vector<std::string> ids;
  const std::string start = prefix + ".";
  for (auto it = origins.lower_bound(start); it != origins.end(); ++it) {
    if (it->first.compare(0, start.size(), start) != 0) break;
    const std::string rest = it->first.substr(start.size());
    const std::string id = rest.substr(0, rest.find('.'));
    if (ids.empty() || ids.back() != id) ids.push_back(id);
  }
  return ids;
}

/// Loads the base with `sets`; returns the diagnostics (empty when it loads).
std::vector<Diagnostic> try_load(const ModelInfo& model, const std::filesystem::path& base,
                                 const std::vector<Override>& sets) {
  try {
    (void)model.load(base, sets);
    return {};
  } catch (const ConfigError& e) {
    return e.diagnostics();
  }
}

std::string origin_of_override(const Override& o) {
  return "--set " + o.text;
}

/// The base config with the sweep's settings, and the errors those cause alone.
struct BaseContext {
  const ModelInfo* model = nullptr;
  std::filesystem::path base;
  std::vector<Override> sets;
  std::set<std::string> known;  ///< Diagnostic::str() of loading base + sets
  schema::OriginTable loaded;   ///< keys of base + sets (the base alone when they do not load)
};

/// Loads the base with the settings and `extra`; reports each new problem once, at `at` (a
/// misspelt key at `key_at`, the key in the sweep file).
void report_value(const BaseContext& ctx, const Override& extra, const Origin& at,
                  const Origin& key_at, const std::string& key, std::set<std::string>& said,
                  Diagnostics& diags) {
  std::vector<Override> all = ctx.sets;
  all.push_back(extra);
  for (const auto& d : try_load(*ctx.model, ctx.base, all)) {
    if (ctx.known.count(d.str()) != 0) continue;
    std::string msg;
    Origin where = at;
    if (d.where.file == origin_of_override(extra)) {
      msg = d.key == key || d.key.empty() ? d.message : d.key + ": " + d.message;
      if (d.message.rfind("unknown key", 0) == 0) where = key_at;
    } else {
      msg = "with this value, the config does not load: " + d.str();
    }
    if (said.insert(msg).second) diags.error(where, key, msg);
  }
}

/// The values of a parameter to load the base with: all of them, except that a numeric key
/// given only numbers needs its smallest and largest (the schema's checks of a number are
/// ranges, and bounds between keys are monotone in each), so that a calibration's generation of
/// thousands of values costs two loads, not thousands.
std::vector<std::size_t> values_to_check(const Parameter& p, const KeyInfo& info) {
  std::vector<std::size_t> all(p.values.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  if (info.leaf == nullptr || all.size() <= 2 ||
      (info.leaf->type != "a number" && info.leaf->type != "an integer"))
    return all;
  std::size_t lo = 0, hi = 0;
  double vlo = 0.0, vhi = 0.0;
  for (std::size_t i = 0; i < p.values.size(); ++i) {
    double v = 0.0;
    std::string why;
    if (!schema::parse_real(p.values[i], v, why) || !std::isfinite(v)) return all;
    std::int64_t whole = 0;
    if (info.leaf->type == "an integer" && !schema::parse_integer(p.values[i], whole, why))
      return all;
    if (i == 0 || v < vlo) {
      lo = i;
      vlo = v;
    }
    if (i == 0 || v > vhi) {
      hi = i;
      vhi = v;
    }
  }
  if (lo == hi) return {lo};
  return {std::min(lo, hi), std::max(lo, hi)};
}

void check_parameter(const Sweep& s, Parameter& p, const BaseContext& ctx,
                     const std::vector<schema::RefEntry>& refs, Diagnostics& diags) {
  const schema::OriginTable& origins = ctx.loaded;
  if (p.path == "simulation.seed") {
    diags.error(p.origin, p.path,
                "the seed of each task is derived from the sweep's `seed` and the task's point "
                "and replicate; vary `replicates` instead");
    return;
  }
  const auto segs = split(p.path);
  const KeyInfo info = key_info(segs, refs);
  // Map entries (presidents.<id>...) must name an entry of the base: a new id would be an
  // incomplete actor.
  if (const schema::RefEntry* r = info.leaf != nullptr ? info.leaf : info.under) {
    const auto pat = split(r->path);
    for (std::size_t i = 0; i < segs.size(); ++i) {
      if (pat[i] != "<id>") continue;
      if (origins.count(join(segs, i + 1)) != 0) continue;
      const std::string map = join(segs, i);
      const auto ids = ids_under(origins, map);
      std::string msg = fmt::format("the base config has no '{}' in {}", segs[i], map);
      if (auto m = closest_match(segs[i], ids); !m.empty())
        msg += fmt::format("; did you mean '{}'?", m);
      diags.error(p.origin, p.path,
                  msg + fmt::format(" (ids: {}); a sweep varies entries of the base, it does "
                                    "not add new ones",
                                    fmt::join(ids, ", ")));
      return;
    }
  }
  if (s.design == Design::posterior && info.leaf != nullptr && info.leaf->type == "an integer") {
    // A calibration's particles are real: the run takes each rounded to the nearest whole.
    p.integer = true;
    p.values = {fmt::format("{}", static_cast<std::int64_t>(std::llround(p.min))),
                fmt::format("{}", static_cast<std::int64_t>(std::llround(p.max)))};
  }
  if (samples_bounds(s.design)) {
    if (info.leaf != nullptr) {
      const std::string& type = info.leaf->type;
      if (type != "a number" && type != "an integer") {
        diags.error(p.origin, p.path,
                    fmt::format("design {} samples numbers between bounds, but this key holds {}; "
                                "use the grid or list design to give its values",
                                name(s.design), type));
        return;
      }
      p.integer = type == "an integer";
    } else if (info.under != nullptr) {
      diags.error(p.origin, p.path,
                  fmt::format("this is a section of the config, not a number (its keys include "
                              "{}); design {} samples numbers",
                              info.under->path, name(s.design)));
      return;
    }
    if (p.integer) {
      for (std::size_t i = 0; i < 2; ++i) {
        const double b = i == 0 ? p.min : p.max;
        if (b != std::floor(b)) {
          diags.error(p.value_origins[i], p.path + (i == 0 ? ".min" : ".max"),
                      fmt::format("{} holds whole numbers; write whole bounds", p.path));
          return;
        }
      }
      p.values = {fmt::format("{}", static_cast<std::int64_t>(p.min)),
                  fmt::format("{}", static_cast<std::int64_t>(p.max))};
    }
  }
  std::set<std::string> said;
  for (const std::size_t i : values_to_check(p, info))
    report_value(ctx, Override{p.path + "=" + p.values[i]}, p.value_origins[i], p.origin, p.path,
                 said, diags);
}

}  // namespace

void check_against_base(Sweep& s, const YamlNode& root, const ModelInfo& model,
                        Diagnostics& diags) {
  const YamlNode* base_node = root.find("base");
  const Origin base_at = base_node != nullptr ? base_node->origin : root.origin;
  if (!std::filesystem::is_regular_file(s.base)) {
    diags.error(base_at, "base",
                fmt::format("cannot read config file '{}': no such file", s.base.string()));
    return;
  }
  if (const auto errors = try_load(model, s.base, {}); !errors.empty()) {
    diags.error(
        base_at, "base",
        fmt::format("the base config {} does not load (its errors follow)", s.base.string()));
    for (const auto& d : errors) diags.error(d.where, d.key, d.message);
    return;
  }

  BaseContext ctx;
  ctx.model = &model;
  ctx.base = s.base;
  std::vector<const Setting*> used;
  for (const auto& st : s.sets) {
    if (st.path == "simulation.seed") {
      diags.error(st.key_origin, "set." + st.path,
                  "the seed of each task is derived from the sweep's `seed`; set that instead");
      continue;
    }
    bool twice = false;
    for (const auto& p : s.parameters) twice = twice || p.path == st.path;
    if (twice) {
      diags.error(st.key_origin, "set." + st.path,
                  "this key is also a parameter of the sweep; give it in one place only");
      continue;
    }
    ctx.sets.push_back(st.as_override());
    used.push_back(&st);
  }
  for (const auto& d : try_load(model, s.base, ctx.sets)) {
    ctx.known.insert(d.str());
    bool placed = false;
    for (std::size_t i = 0; i < used.size() && !placed; ++i) {
      if (d.where.file != origin_of_override(ctx.sets[i])) continue;
      const bool key = d.message.rfind("unknown key", 0) == 0;
      diags.error(key ? used[i]->key_origin : used[i]->origin, d.key, d.message);
      placed = true;
    }
    if (!placed) {
      const YamlNode* set = root.find("set");
      diags.error(set != nullptr ? set->origin : root.origin, "set",
                  "with these settings: " + d.str());
    }
  }
  try {
    ctx.loaded = model.load(s.base, ctx.sets);
  } catch (const ConfigError&) {
    ctx.loaded = model.load(s.base, {});
  }
  for (auto& p : s.parameters) check_parameter(s, p, ctx, model.keys, diags);
}

}  // namespace vecinos::sweep
