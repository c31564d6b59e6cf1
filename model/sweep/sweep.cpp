#include "model/sweep/sweep.hpp"

#include <array>
#include <utility>

#include <fmt/format.h>

#include <vector>

#include "model/schema_values.hpp"
#include "model/sweep/saltelli.hpp"

namespace vecinos::sweep {
namespace {
constexpr std::array<std::pair<std::string_view, Stat>, 11> kStats = {{
    {"final", Stat::final},
    {"first", Stat::first},
    {"mean", Stat::mean},
    {"min", Stat::min},
    {"max", Stat::max},
    {"sum", Stat::sum},
    {"change", Stat::change},
    {"ever", Stat::ever},
    {"when", Stat::when},
    {"at_end", Stat::at_end},
    {"count", Stat::count},
}};

constexpr std::array<std::pair<std::string_view, Relation>, 4> kRelations = {{
    {"above", Relation::above},
    {"at_least", Relation::at_least},
    {"below", Relation::below},
    {"at_most", Relation::at_most},
}};

/// A scalar in flow context: plain when it reads back the same there, else double-quoted.
std::string flow_scalar(const YamlNode& n) {
  const std::string& t = n.text;
  const bool plain = n.plain && !t.empty() &&
                     t.find_first_of(",[]{}#&*!|>'\"%@`\n\t") == std::string::npos &&
                     t.find(": ") == std::string::npos && t.front() != ' ' && t.back() != ' ' &&
                     t.back() != ':' && t.front() != '-' && t.front() != '?';
  if (plain) return t;
  std::string out = "\"";
  for (char c : t) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      default: out += c;
    }
  }
  return out + "\"";
}
}  // namespace

std::string_view name(Stat s) {
  for (const auto& [n, x] : kStats)
    if (x == s) return n;
  return "?";
}

std::optional<Stat> stat_named(std::string_view text) {
  for (const auto& [n, x] : kStats)
    if (n == text) return x;
  return std::nullopt;
}

std::vector<std::string> stat_names() {
  std::vector<std::string> out;
  out.reserve(std::size(kStats));
  for (const auto& [n, x] : kStats) out.emplace_back(n);
  return out;
}

std::vector<Stat> stats_of(OutcomeKind k) {
  switch (k) {
    case OutcomeKind::indicator:
      return {Stat::final, Stat::first, Stat::mean, Stat::min, Stat::max, Stat::sum, Stat::change};
    case OutcomeKind::threshold: return {Stat::ever, Stat::when, Stat::at_end};
    case OutcomeKind::event: return {Stat::count, Stat::ever, Stat::when};
  }
  return {};
}

std::string_view name(Relation r) {
  for (const auto& [n, x] : kRelations)
    if (x == r) return n;
  return "?";
}

std::string_view symbol(Relation r) {
  switch (r) {
    case Relation::above: return ">";
    case Relation::at_least: return ">=";
    case Relation::below: return "<";
    case Relation::at_most: return "<=";
  }
  return "?";
}

bool holds(Relation r, double v, double t) {
  switch (r) {
    case Relation::above: return v > t;
    case Relation::at_least: return v >= t;
    case Relation::below: return v < t;
    case Relation::at_most: return v <= t;
  }
  return false;
}

std::string Outcome::column() const {
  if (!name.empty()) return name;
  std::string window;
  if (windowed())
    window =
        fmt::format(".{}..{}", from ? from->iso() : std::string(), to ? to->iso() : std::string());
  switch (kind) {
    case OutcomeKind::indicator:
      return fmt::format("{}.{}{}", indicator_name(), sweep::name(stat), window);
    case OutcomeKind::threshold:
      return fmt::format("{}{}{}.{}{}", indicator_name(), symbol(relation),
                         schema::format_real(threshold), sweep::name(stat), window);
    case OutcomeKind::event:
      return actor.empty() ? fmt::format("{}.{}{}", action, sweep::name(stat), window)
                           : fmt::format("{}.{}.{}{}", actor, action, sweep::name(stat), window);
  }
  return "?";
}

std::string Outcome::column_units() const {
  if (stat == Stat::when) return "days";
  if (stat == Stat::ever || stat == Stat::at_end) return "0/1";
  if (stat == Stat::count) return "count";
  return units;
}

std::string Outcome::yaml() const {
  std::string out = "{";
  if (!name.empty()) out += fmt::format("name: {}, ", yaml_quote(name));
  switch (kind) {
    case OutcomeKind::indicator: out += fmt::format("indicator: {}", indicator_name()); break;
    case OutcomeKind::threshold:
      out += fmt::format("indicator: {}, {}: {}", indicator_name(), sweep::name(relation),
                         schema::format_real(threshold));
      break;
    case OutcomeKind::event:
      out += fmt::format("event: {}", action);
      if (!actor.empty()) out += fmt::format(", actor: {}", yaml_quote(actor));
      break;
  }
  out += fmt::format(", stat: {}", sweep::name(stat));
  if (from) out += fmt::format(", from: {}", from->iso());
  if (to) out += fmt::format(", to: {}", to->iso());
  return out + "}";
}

std::uint64_t Sweep::points() const {
  if (parameters.empty()) return 0;
  switch (design) {
    case Design::grid: {
      std::uint64_t n = 1;
      for (const auto& p : parameters) n *= p.values.size();
      return n;
    }
    case Design::list: return parameters.front().values.size();
    case Design::random:
    case Design::lhs:
    case Design::sobol: return samples;
    case Design::saltelli: return samples * saltelli_block(parameters.size(), second_order);
    case Design::morris: return samples * (parameters.size() + 1);
    case Design::posterior: return samples;
  }
  return 0;
}

std::string flow_yaml(const YamlNode& n) {
  switch (n.kind) {
    case YamlNode::Kind::null: return "~";
    case YamlNode::Kind::scalar: return flow_scalar(n);
    case YamlNode::Kind::seq: {
      std::string out = "[";
      for (std::size_t i = 0; i < n.items.size(); ++i)
        out += (i > 0 ? ", " : "") + flow_yaml(n.items[i]);
      return out + "]";
    }
    case YamlNode::Kind::map: {
      std::string out = "{";
      for (std::size_t i = 0; i < n.entries.size(); ++i)
        out += (i > 0 ? ", " : "") + yaml_quote(n.entries[i].first.text) + ": " +
               flow_yaml(n.entries[i].second);
      return out + "}";
    }
  }
  return "~";
}

std::string canonical_yaml(const Sweep& s) {
  std::string out;
  out += fmt::format("base: {}\n", yaml_quote(s.base.string()));
  out += "output: .\n";
  out +=
      fmt::format("replicates: {}\nseed: {}\ndesign: {}\n", s.replicates, s.seed, name(s.design));
  if (samples_bounds(s.design) || s.design == Design::posterior)
    out += fmt::format("samples: {}\n", s.samples);
  if (s.design == Design::posterior)
    out += fmt::format("posterior: {}  # FNV-1a {:016x}, {} particles\n",
                       yaml_quote(s.posterior.string()), s.posterior_digest,
                       s.posterior_particles.size());
  if (s.design == Design::sobol || s.design == Design::saltelli)
    out += fmt::format("scramble: {}\n", s.scramble);
  if (s.design == Design::saltelli) out += fmt::format("second_order: {}\n", s.second_order);
  if (s.design == Design::morris) out += fmt::format("levels: {}\n", s.levels);
  out += fmt::format("common_random_numbers: {}\nsequence_length: {}\n", s.common_random_numbers,
                     s.sequence_length);
  if (s.design != Design::posterior) out += "parameters:\n";
  for (const auto& p : s.parameters) {
    if (s.design == Design::posterior) break;  // the posterior file names them
    if (samples_bounds(s.design))
      out += fmt::format("  {}: {{min: {}, max: {}}}\n", yaml_quote(p.path),
                         schema::format_real(p.min), schema::format_real(p.max));
    else
      out += fmt::format("  {}: [{}]\n", yaml_quote(p.path), fmt::join(p.values, ", "));
  }
  if (!s.sets.empty()) {
    out += "set:\n";
    for (const auto& st : s.sets) out += fmt::format("  {}: {}\n", yaml_quote(st.path), st.value);
  }
  if (!s.outcomes.empty()) {
    out += "outcomes:\n";
    for (const auto& o : s.outcomes) out += fmt::format("  - {}\n", o.yaml());
  }
  if (!s.paths.empty()) {
    out += "paths:\n";
    for (const auto& p : s.paths) {
      out += fmt::format("  - {{name: {}", yaml_quote(p.name));
      if (p.rule) out += fmt::format(", when: {}", yaml_quote(p.rule->text()));
      if (!p.description.empty())
        out += fmt::format(", description: {}", yaml_quote(p.description));
      out += "}\n";
    }
  }
  return out;
}

}  // namespace vecinos::sweep
