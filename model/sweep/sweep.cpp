#include "model/sweep/sweep.hpp"

#include <array>
#include <utility>

#include <fmt/format.h>

#include <vector>

#include "model/schema_values.hpp"

namespace vecinos::sweep {
namespace {
constexpr std::array<std::pair<std::string_view, Stat>, 7> kStats = {{
    {"final", Stat::final},
    {"first", Stat::first},
    {"mean", Stat::mean},
    {"min", Stat::min},
    {"max", Stat::max},
    {"sum", Stat::sum},
    {"change", Stat::change},
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
  for (const auto& [n, x] : kStats) out.emplace_back(n);
  return out;
}

std::string Outcome::column() const {
  return fmt::format("{}.{}", indicator_name(), name(stat));
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
  if (samples_bounds(s.design)) out += fmt::format("samples: {}\n", s.samples);
  if (s.design == Design::sobol) out += fmt::format("scramble: {}\n", s.scramble);
  out += "parameters:\n";
  for (const auto& p : s.parameters) {
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
    for (const auto& o : s.outcomes)
      out += fmt::format("  - {{indicator: {}, stat: {}}}\n", o.indicator_name(), name(o.stat));
  }
  return out;
}

}  // namespace vecinos::sweep
