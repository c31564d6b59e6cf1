#include "model/calibrate/calibration.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include <fmt/format.h>

#include "model/schema_values.hpp"
#include "model/suggest.hpp"
#include "model/sweep/base_check.hpp"
#include "model/sweep/sweep_parts.hpp"
#include "model/sweep/tasks.hpp"
#include "model/yaml_tree.hpp"

namespace vecinos::calibrate {
namespace {

/// The keys of a calibration file, of a target beside its outcome's, and the priors.
const std::vector<std::string>& file_keys() {
  static const std::vector<std::string> keys = {
      "output",   "seed",       "particles", "alpha", "min_acceptance", "max_generations",
      "episodes", "parameters", "targets",   "set",   "description"};
  return keys;
}
const std::vector<std::string>& target_keys() {
  static const std::vector<std::string> keys = {"episode", "observed", "scale",
                                                "weight",  "missing",  "source"};
  return keys;
}
const std::vector<std::string>& prior_names() {
  static const std::vector<std::string> names = {"uniform", "log_uniform", "truncated_normal"};
  return names;
}

constexpr double kUnbounded = std::numeric_limits<double>::infinity();

std::optional<double> number(const YamlNode& n, const std::string& key, Diagnostics& diags) {
  double v = 0.0;
  std::string why;
  if (n.is_scalar() && schema::parse_real(n.text, v, why) && std::isfinite(v)) return v;
  diags.error(n.origin, key,
              fmt::format("expected a number, got {}",
                          n.is_scalar() ? "'" + n.text + "'" : std::string(n.kind_name())));
  return std::nullopt;
}

bool word(const std::string& s) {
  return !s.empty() && s.find_first_of(" `/:.\t") == std::string::npos;
}

/// `name: {prior: uniform|log_uniform|truncated_normal, min, max, mean, sd}`.
std::optional<Prior> read_prior(const std::string& path, const YamlNode& v, Diagnostics& diags) {
  const std::string at = "parameters." + path;
  if (!v.is_map()) {
    diags.error(v.origin, at,
                "expected a prior, like {prior: uniform, min: 0, max: 1}, {prior: log_uniform, "
                "min: 0.1, max: 10} or {prior: truncated_normal, mean: 0.5, sd: 0.1, min: 0, "
                "max: 1}");
    return std::nullopt;
  }
  const YamlNode* kind = v.find("prior");
  if (kind == nullptr) {
    diags.error(v.origin, at, "missing 'prior' (uniform | log_uniform | truncated_normal)");
    return std::nullopt;
  }
  const auto it = std::find(prior_names().begin(), prior_names().end(), kind->text);
  if (!kind->is_scalar() || it == prior_names().end()) {
    diags.error(kind->origin, at + ".prior",
                sweep::not_one_of_message(kind->text, prior_names(), "a prior", "allowed", " | "));
    return std::nullopt;
  }
  const bool normal = *it == "truncated_normal";
  const std::vector<std::string> keys =
      normal ? std::vector<std::string>{"prior", "mean", "sd", "min", "max"}
             : std::vector<std::string>{"prior", "min", "max"};
  bool ok = true;
  for (const auto& [k, x] : v.entries)
    if (std::find(keys.begin(), keys.end(), k.text) == keys.end()) {
      diags.error(k.origin, at + "." + k.text,
                  sweep::unknown_key_message(k.text, keys) +
                      (k.text == "mean" || k.text == "sd"
                           ? fmt::format("; mean and sd belong to truncated_normal")
                           : std::string()));
      ok = false;
    }
  auto get = [&](const char* key, bool required, double fallback) -> double {
    const YamlNode* n = v.find(key);
    if (n == nullptr) {
      if (required) {
        diags.error(v.origin, at, fmt::format("missing '{}' of the {} prior", key, *it));
        ok = false;
      }
      return fallback;
    }
    const auto x = number(*n, at + "." + key, diags);
    if (!x) ok = false;
    return x.value_or(fallback);
  };
  // Bounds are required for every prior: a config key has a range, and a proposal outside it
  // would only fail to run.
  const double lo = get("min", true, -kUnbounded);
  const double hi = get("max", true, kUnbounded);
  const double mean = normal ? get("mean", true, 0.0) : 0.0;
  const double sd = normal ? get("sd", true, 1.0) : 1.0;
  if (!ok) return std::nullopt;
  try {
    if (*it == "uniform") return Prior::uniform(path, lo, hi);
    if (*it == "log_uniform") return Prior::log_uniform(path, lo, hi);
    return Prior::truncated_normal(path, mean, sd, lo, hi);
  } catch (const InputError& e) {
    diags.error(v.origin, at, e.what());
    return std::nullopt;
  }
}

void read_parameters(const YamlNode& n, Calibration& c, Diagnostics& diags) {
  if (!n.is_map() || n.entries.empty()) {
    diags.error(n.origin, "parameters",
                "expected a map of config key paths to priors, like `decisions.temperature: "
                "{prior: log_uniform, min: 0.1, max: 2}`");
    return;
  }
  std::vector<std::string> episode_names;
  for (const auto& e : c.episodes) episode_names.push_back(e.name);
  for (const auto& [k, v] : n.entries) {
    Parameter par;
    par.name = k.text;
    par.path = k.text;
    par.origin = k.origin;
    if (const auto at = k.text.find('@'); at != std::string::npos) {
      par.path = k.text.substr(0, at);
      const std::string ep = k.text.substr(at + 1);
      const auto it = std::find(episode_names.begin(), episode_names.end(), ep);
      if (it == episode_names.end()) {
        std::string msg = fmt::format("'{}' after '@' is not an episode of this file", ep);
        if (auto m = closest_match(ep, episode_names); !m.empty())
          msg += fmt::format("; did you mean '{}'?", m);
        diags.error(k.origin, "parameters." + k.text,
                    msg + fmt::format(" (episodes: {})", fmt::join(episode_names, ", ")));
        continue;
      }
      par.episode = static_cast<std::size_t>(it - episode_names.begin());
    }
    // One value per key and episode: a key given for all episodes and for one conflicts.
    bool twice = false;
    for (const auto& q : c.parameters)
      twice =
          twice || (q.path == par.path && (!q.episode || !par.episode || q.episode == par.episode));
    if (twice) {
      diags.error(k.origin, "parameters." + k.text,
                  fmt::format("{} is already a parameter of {}: give it once for all episodes, or "
                              "once per episode as {}@<episode>",
                              par.path, par.episode ? episode_names[*par.episode] : "some episode",
                              par.path));
      continue;
    }
    if (auto p = read_prior(k.text, v, diags)) {
      c.settings.priors.push_back(*p);
      c.parameters.push_back(std::move(par));
    }
  }
}

void read_episodes(const YamlNode& n, Calibration& c, const std::vector<sweep::Setting>& common,
                   const std::filesystem::path& dir, Diagnostics& diags) {
  if (!n.is_map() || n.entries.empty()) {
    diags.error(n.origin, "episodes",
                "expected a map of episode names to {base: CONFIG, set: {...}}, like "
                "`trump_amlo: {base: ../history/2018-12_trump_amlo.yaml}`");
    return;
  }
  static const std::vector<std::string> kEpisodeKeys = {"base", "set", "description"};
  for (const auto& [k, v] : n.entries) {
    const std::string at = "episodes." + k.text;
    if (!word(k.text)) {
      diags.error(k.origin, at, "an episode's name is a word without spaces, '.', ':' or '/'");
      continue;
    }
    if (!v.is_map()) {
      diags.error(v.origin, at, "expected {base: CONFIG, set: {...}}");
      continue;
    }
    for (const auto& [kk, x] : v.entries)
      if (std::find(kEpisodeKeys.begin(), kEpisodeKeys.end(), kk.text) == kEpisodeKeys.end())
        diags.error(kk.origin, at + "." + kk.text,
                    sweep::unknown_key_message(kk.text, kEpisodeKeys));
    Episode e;
    e.name = k.text;
    e.origin = k.origin;
    e.sets = common;
    const YamlNode* base = v.find("base");
    if (base == nullptr) {
      diags.error(v.origin, at + ".base", "missing required key: the episode's config file");
      continue;
    }
    e.base = sweep::path_value(*base, at + ".base", dir, diags);
    if (const YamlNode* s = v.find("set")) sweep::read_sets(*s, e.sets, diags);
    c.episodes.push_back(std::move(e));
  }
}

/// Each parameter applied to each episode's config at its prior's bounds, with the schema's
/// messages at the calibration file's lines.
void check_episodes(Calibration& c, const YamlNode& root, const sweep::ModelInfo& model,
                    Diagnostics& diags) {
  const YamlNode* episodes = root.find("episodes");
  for (std::size_t e = 0; e < c.episodes.size(); ++e) {
    Episode& ep = c.episodes[e];
    sweep::Sweep s;
    s.base = ep.base;
    s.design = sweep::Design::random;
    s.sets = ep.sets;
    std::vector<std::size_t> used;  // the parameters that apply to this episode
    for (std::size_t k = 0; k < c.parameters.size(); ++k) {
      if (!c.parameters[k].applies_to(e)) continue;
      used.push_back(k);
      const Prior& pr = c.settings.priors[k];
      sweep::Parameter p;
      p.path = c.parameters[k].path;
      p.origin = c.parameters[k].origin;
      p.min = pr.lo();
      p.max = pr.hi();
      p.values = {schema::format_real(p.min), schema::format_real(p.max)};
      p.value_origins = {p.origin, p.origin};
      s.parameters.push_back(std::move(p));
    }
    const std::size_t before = diags.size();
    // The episode's node stands in for a sweep file's root: its `base` and `set` keys.
    const YamlNode* node = episodes != nullptr ? episodes->find(ep.name) : nullptr;
    sweep::check_against_base(s, node != nullptr ? *node : root, model, diags);
    for (std::size_t i = 0; i < used.size(); ++i)
      c.parameters[used[i]].integer = c.parameters[used[i]].integer || s.parameters[i].integer;
    if (diags.size() != before) continue;
    std::vector<Override> sets;
    for (const auto& st : ep.sets) sets.push_back(st.as_override());
    try {
      const auto [start, end] = model.period(ep.base, sets);
      ep.start = start;
      ep.end = end;
    } catch (const ConfigError& err) {
      for (const auto& d : err.diagnostics()) diags.error(d.where, d.key, d.message);
    }
  }
}

void read_targets(const YamlNode& n, Calibration& c, const sweep::ModelInfo& model,
                  Diagnostics& diags) {
  if (!n.is_seq() || n.items.empty()) {
    diags.error(n.origin, "targets",
                "expected a list of targets, like [{episode: trump_amlo, indicator: "
                "border_encounters, stat: mean, from: 2019-07-01, to: 2019-09-30, observed: "
                "70000, scale: 20000}]");
    return;
  }
  std::vector<std::string> episode_names;
  for (const auto& e : c.episodes) episode_names.push_back(e.name);
  std::set<std::string> seen;
  for (std::size_t i = 0; i < n.items.size(); ++i) {
    const YamlNode& item = n.items[i];
    const std::string at = fmt::format("targets[{}]", i);
    auto o = sweep::read_outcome(item, at, model, diags, target_keys());
    if (!item.is_map()) continue;
    Target t;
    t.origin = item.origin;
    bool ok = o.has_value();
    // The episode: required when there are several.
    if (const YamlNode* ep = item.find("episode")) {
      const auto it = std::find(episode_names.begin(), episode_names.end(), ep->text);
      if (!ep->is_scalar() || it == episode_names.end()) {
        diags.error(ep->origin, at + ".episode",
                    sweep::not_one_of_message(ep->text, episode_names, "an episode of this file",
                                              "episodes"));
        ok = false;
      } else {
        t.episode = static_cast<std::size_t>(it - episode_names.begin());
      }
    } else if (episode_names.size() > 1) {
      diags.error(item.origin, at + ".episode",
                  fmt::format("missing 'episode': this file has several ({})",
                              fmt::join(episode_names, ", ")));
      ok = false;
    }
    const bool when = o && o->stat == sweep::Stat::when;
    const Episode* episode = t.episode < c.episodes.size() ? &c.episodes[t.episode] : nullptr;
    const bool dated = episode != nullptr && episode->end != Date{};
    if (const YamlNode* ob = item.find("observed")) {
      const auto d = when && ob->is_scalar() ? Date::parse(ob->text) : std::nullopt;
      if (d && dated) {
        t.observed = *d - episode->start;
      } else if (auto x = number(*ob, at + ".observed", diags)) {
        t.observed = *x;
      } else {
        ok = false;
      }
    } else {
      diags.error(item.origin, at + ".observed",
                  when ? "missing 'observed': the date it happened (YYYY-MM-DD) or days from the "
                         "episode's start"
                       : "missing 'observed': the value the statistic should take");
      ok = false;
    }
    if (const YamlNode* sc = item.find("scale")) {
      if (auto x = number(*sc, at + ".scale", diags); x && *x > 0.0) {
        t.scale = *x;
      } else {
        if (x) diags.error(sc->origin, at + ".scale", "the scale must be greater than 0");
        ok = false;
      }
    } else {
      diags.error(item.origin, at + ".scale",
                  "missing 'scale': the difference that counts as one unit of distance, in the "
                  "statistic's units (for example the observed value's uncertainty)");
      ok = false;
    }
    if (const YamlNode* w = item.find("weight")) {
      if (auto x = number(*w, at + ".weight", diags); x && *x >= 0.0) {
        t.weight = *x;
      } else {
        if (x) diags.error(w->origin, at + ".weight", "a weight is 0 or more");
        ok = false;
      }
    }
    if (const YamlNode* m = item.find("missing")) {
      // For `when`, a date (the episode's end, say) as well as days.
      const auto d = when && m->is_scalar() ? Date::parse(m->text) : std::nullopt;
      if (d && dated)
        t.missing = static_cast<double>(*d - episode->start);
      else if (auto x = number(*m, at + ".missing", diags))
        t.missing = *x;
      else
        ok = false;
    }
    if (const YamlNode* s = item.find("source")) t.source = s->text;
    if (!ok) continue;
    if (dated && o->windowed()) {
      const Date lo = o->from.value_or(episode->start);
      const Date hi = o->to.value_or(episode->end);
      if (hi < episode->start || lo > episode->end)
        diags.error(
            item.origin, at,
            fmt::format("the window {} .. {} lies outside episode {}'s period {} .. {}", lo.iso(),
                        hi.iso(), episode->name, episode->start.iso(), episode->end.iso()));
    }
    t.name = o->name.empty() ? o->column() : o->name;
    const std::string key = c.episodes[t.episode].name + ":" + t.name;
    if (!seen.insert(key).second) {
      diags.error(item.origin, at,
                  fmt::format("target {} of episode {} is listed twice (give one a `name`)", t.name,
                              c.episodes[t.episode].name));
      continue;
    }
    o->name = t.name;
    t.outcome = std::move(*o);
    c.targets.push_back(std::move(t));
  }
}

void read_settings(const YamlNode& root, Calibration& c, Diagnostics& diags) {
  Settings& s = c.settings;
  if (const YamlNode* n = root.find("seed"))
    c.seed = sweep::whole(*n, "seed", 0, std::uint64_t{1} << 62, diags).value_or(1);
  if (const YamlNode* n = root.find("particles"))
    s.particles = sweep::whole(*n, "particles", 2, 10'000'000, diags).value_or(s.particles);
  if (const YamlNode* n = root.find("max_generations"))
    s.max_generations =
        static_cast<int>(sweep::whole(*n, "max_generations", 0, 1000, diags).value_or(0));
  auto fraction = [&](const char* key, double& out, bool open_one) {
    const YamlNode* n = root.find(key);
    if (n == nullptr) return;
    auto x = number(*n, key, diags);
    if (!x) return;
    if (*x <= 0.0 || *x > 1.0 || (open_one && *x >= 1.0)) {
      diags.error(n->origin, key,
                  fmt::format("{} is out of range; allowed: {}", schema::format_real(*x),
                              open_one ? "0 < x < 1" : "0 < x <= 1"));
      return;
    }
    out = *x;
  };
  fraction("alpha", s.alpha, true);
  fraction("min_acceptance", s.min_acceptance, false);
  if (c.settings.kept() < 2) {
    const YamlNode* n = root.find("particles");
    diags.error(n != nullptr ? n->origin : root.origin, "particles",
                fmt::format("{} particles with alpha {} keep {}; the kernel needs at least 2 "
                            "kept particles",
                            s.particles, schema::format_real(s.alpha), s.kept()));
  }
}

Calibration parse(const YamlNode& root, std::string_view text, const std::string& file,
                  const std::filesystem::path& dir, const sweep::ModelInfo& model,
                  Diagnostics& diags) {
  Calibration c;
  c.file = file;
  c.text = std::string(text);
  if (!root.is_map()) {
    diags.error(
        root.origin, "",
        fmt::format("a calibration file is a map with keys {}", fmt::join(file_keys(), ", ")));
    return c;
  }
  for (const auto& [k, v] : root.entries)
    if (std::find(file_keys().begin(), file_keys().end(), k.text) == file_keys().end())
      diags.error(k.origin, k.text, sweep::unknown_key_message(k.text, file_keys()));
  auto required = [&](const char* key) -> const YamlNode* {
    const YamlNode* n = root.find(key);
    if (n == nullptr) diags.error(root.origin, key, "missing required key");
    return n;
  };
  if (const YamlNode* n = required("output"))
    c.output = sweep::path_value(*n, "output", dir, diags);
  read_settings(root, c, diags);
  std::vector<sweep::Setting> common;
  if (const YamlNode* n = root.find("set")) sweep::read_sets(*n, common, diags);
  const YamlNode* episodes = required("episodes");
  if (episodes != nullptr) read_episodes(*episodes, c, common, dir, diags);
  if (const YamlNode* n = required("parameters")) read_parameters(*n, c, diags);
  if (diags.empty()) check_episodes(c, root, model, diags);
  if (const YamlNode* n = required("targets")) read_targets(*n, c, model, diags);
  if (diags.empty())
    for (std::size_t e = 0; e < c.episodes.size(); ++e)
      if (c.targets_of(e).empty())
        diags.error(c.episodes[e].origin, "episodes." + c.episodes[e].name,
                    "no target uses this episode: its runs would not change the distance");
  return c;
}

Calibration load(std::string_view text, const std::string& name, const std::filesystem::path& dir,
                 const sweep::ModelInfo& model) {
  Diagnostics diags;
  const YamlNode root = parse_yaml(text, name, diags);
  diags.throw_if_any();
  Calibration c = parse(root, text, name, dir, model, diags);
  diags.throw_if_any();
  return c;
}

}  // namespace

std::vector<std::size_t> Calibration::targets_of(std::size_t e) const {
  std::vector<std::size_t> out;
  for (std::size_t k = 0; k < targets.size(); ++k)
    if (targets[k].episode == e) out.push_back(k);
  return out;
}

Calibration load_calibration(const std::filesystem::path& file, const sweep::ModelInfo& model) {
  bool ok = false;
  const std::string text = sweep::read_text(file, ok);
  if (!ok || !std::filesystem::is_regular_file(file)) {
    Diagnostics diags;
    diags.error({file.string(), 0, 0}, "", "cannot read the calibration file: no such file");
    diags.throw_if_any();
  }
  return load(text, file.string(), std::filesystem::absolute(file).parent_path(), model);
}

Calibration load_calibration_text(std::string_view text, const std::string& name,
                                  const std::filesystem::path& dir, const sweep::ModelInfo& model) {
  return load(text, name, std::filesystem::absolute(dir), model);
}

std::vector<double> effective(const Calibration& c, std::span<const double> stats) {
  std::vector<double> out(stats.begin(), stats.end());
  for (std::size_t k = 0; k < out.size() && k < c.targets.size(); ++k)
    if (std::isnan(out[k]) && c.targets[k].missing) out[k] = *c.targets[k].missing;
  return out;
}

double distance(const Calibration& c, std::span<const double> stats) {
  const auto s = effective(c, stats);
  double sum = 0.0, weights = 0.0;
  for (std::size_t k = 0; k < c.targets.size(); ++k) {
    const Target& t = c.targets[k];
    if (t.weight == 0.0) continue;
    if (k >= s.size() || !std::isfinite(s[k])) return std::numeric_limits<double>::quiet_NaN();
    const double z = (s[k] - t.observed) / t.scale;
    sum += t.weight * z * z;
    weights += t.weight;
  }
  return weights > 0.0 ? std::sqrt(sum / weights) : 0.0;
}

std::uint64_t generation_seed(const Calibration& c, int generation) {
  // A whole number below 2^53 (exact in every tool), never 0.
  const std::uint64_t s = simulation_seed(c.seed, generation, Proposal::kFromPrior) >> 11;
  return s == 0 ? 1 : s;
}

std::filesystem::path generation_dir(const Calibration& c, int generation, std::size_t episode) {
  return c.output / fmt::format("gen-{:03d}", generation) / c.episodes.at(episode).name;
}

std::string generation_sweep(const Calibration& c, std::size_t episode, int generation,
                             std::span<const Proposal> proposals) {
  const Episode& e = c.episodes.at(episode);
  std::string y = fmt::format(
      "# vecinos calibrate {}: generation {}, episode {} ({} proposals). Written by the\n"
      "# calibration; point i is proposal i.\n",
      c.file.string(), generation, e.name, proposals.size());
  y += fmt::format("base: {}\noutput: {}\n", yaml_quote(e.base.string()),
                   yaml_quote(generation_dir(c, generation, episode).string()));
  y += fmt::format("design: list\nreplicates: 1\nseed: {}\nsequence_length: 0\n",
                   generation_seed(c, generation));
  bool agents = false, network = false;
  y += "set:\n";
  for (const auto& s : e.sets) {
    agents = agents || s.path == "recording.agents";
    network = network || s.path == "recording.network";
    y += fmt::format("  {}: {}\n", s.path, s.value);
  }
  if (!agents) y += "  recording.agents: false\n";
  if (!network) y += "  recording.network: false\n";
  y += "parameters:\n";
  for (std::size_t k = 0; k < c.parameters.size(); ++k) {
    if (!c.parameters[k].applies_to(episode)) continue;
    std::vector<std::string> values;
    for (const auto& p : proposals) {
      const double v = p.theta.at(k);
      values.push_back(c.parameters[k].integer
                           ? fmt::format("{}", static_cast<std::int64_t>(std::llround(v)))
                           : schema::format_real(v));
    }
    y += fmt::format("  {}: [{}]\n", c.parameters[k].path, fmt::join(values, ", "));
  }
  y += "outcomes:\n";
  for (const std::size_t k : c.targets_of(episode))
    y += fmt::format("  - {}\n", c.targets[k].outcome.yaml());
  return y;
}

}  // namespace vecinos::calibrate
