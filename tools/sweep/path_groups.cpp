#include "tools/sweep/path_groups.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "model/errors.hpp"
#include "model/schema_values.hpp"
#include "model/suggest.hpp"

namespace vecinos::sweep {
namespace {

constexpr double kNoValue = std::numeric_limits<double>::quiet_NaN();

/// The shares of sum.paths among the runs `members` (indices into sum.tasks).
PathGroup group_of(const CollectSummary& sum, std::string label,
                   const std::vector<std::size_t>& members) {
  PathGroup g;
  g.label = std::move(label);
  g.runs = members.size();
  for (const auto& p : sum.paths) {
    PathShare share{p.name, 0, g.runs, 0.0, 0.0};
    for (const std::size_t i : members)
      if (sum.tasks[i].path == p.name) ++share.runs;
    std::tie(share.lo, share.hi) = wilson_interval(share.runs, share.total);
    g.paths.push_back(std::move(share));
  }
  return g;
}

std::size_t parameter_index(const Sweep& s, const std::string& key) {
  for (std::size_t d = 0; d < s.parameters.size(); ++d)
    if (s.parameters[d].path == key) return d;
  return s.parameters.size();
}

/// numpy's linear interpolation between a and b (numpy.lib.function_base._lerp): from the
/// nearer end, so that the quantiles are numpy's to the bit.
double numpy_lerp(double a, double b, double t) {
  const double diff = b - a;
  return t >= 0.5 ? b - diff * (1.0 - t) : a + diff * t;
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string out = "\"";
  for (const char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string percent(double share) {
  return std::isfinite(share) ? fmt::format("{:.1f}", 100.0 * share) : "-";
}

}  // namespace

void check_path_grouping(const Sweep& s, const std::string& by, std::size_t bins) {
  std::vector<std::string> keys;
  for (const auto& p : s.parameters) keys.push_back(p.path);
  if (s.paths.empty())
    throw InputError(fmt::format(
        "--by {}: the sweep {} defines no paths (add a paths: section to the sweep file, "
        "docs/sweeps.md)",
        by, s.file.string()));
  if (bins < 1) throw InputError("--bins must be at least 1");
  if (by == "point" || parameter_index(s, by) < s.parameters.size()) return;
  const std::string guess = closest_match(by, keys);
  throw InputError(
      fmt::format("--by {}: not a parameter of the sweep{}; parameters: {} (or "
                  "point: per design point)",
                  by, guess.empty() ? "" : fmt::format(" (did you mean '{}'?)", guess),
                  keys.empty() ? "none" : fmt::format("{}", fmt::join(keys, ", "))));
}

std::vector<PathGroup> path_shares_by_point(const TaskList& tasks, const CollectSummary& sum) {
  std::vector<std::vector<std::size_t>> members(tasks.points());
  for (std::size_t i = 0; i < sum.tasks.size(); ++i)
    if (sum.tasks[i].status == "complete")
      members.at(tasks.task(sum.tasks[i].index).point).push_back(i);
  std::vector<PathGroup> out;
  for (std::uint64_t p = 0; p < tasks.points(); ++p)
    out.push_back(group_of(sum, std::to_string(p), members[p]));
  return out;
}

std::vector<double> equal_count_edges(std::vector<double> values, std::size_t bins) {
  std::sort(values.begin(), values.end());
  std::vector<double> edges;
  if (values.empty() || bins == 0) return edges;
  const std::size_t n = values.size();
  const double step = 1.0 / static_cast<double>(bins);  // numpy.linspace(0, 1, bins + 1)
  for (std::size_t i = 0; i <= bins; ++i) {
    const double q = i == bins ? 1.0 : static_cast<double>(i) * step;
    const double at = static_cast<double>(n - 1) * q;  // numpy's "linear" virtual index
    double v = values[n - 1];
    if (at < static_cast<double>(n - 1)) {
      const double below = std::floor(at);
      const auto j = static_cast<std::size_t>(below);
      v = numpy_lerp(values[j], values[j + 1], at - below);
    }
    edges.push_back(v);
  }
  // pandas drops repeated edges (unless there are only two edges, which cannot repeat here:
  // with more distinct values than bins every bin is wider than a point).
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  return edges;
}

PathGrouping path_grouping(const TaskList& tasks, const CollectSummary& sum, const std::string& by,
                           std::size_t bins) {
  const Sweep& s = tasks.sweep();
  check_path_grouping(s, by, bins);
  PathGrouping out;
  out.by = by;
  if (by == "point") {
    out.how = "design points";
    for (auto& g : path_shares_by_point(tasks, sum))
      if (g.runs > 0) out.groups.push_back(std::move(g));
    return out;
  }
  const std::size_t d = parameter_index(s, by);
  // Numeric when every point's value reads as a number (as collect stores /parameters).
  std::vector<double> number(tasks.points(), kNoValue);
  bool numeric = true;
  for (std::uint64_t p = 0; p < tasks.points() && numeric; ++p) {
    std::string why;
    numeric = schema::parse_real(tasks.values(p)[d], number[p], why);
  }
  std::vector<std::size_t> complete;
  for (std::size_t i = 0; i < sum.tasks.size(); ++i)
    if (sum.tasks[i].status == "complete") complete.push_back(i);
  auto point_of = [&](std::size_t i) { return tasks.task(sum.tasks[i].index).point; };

  std::vector<double> x;
  x.reserve(complete.size());
  for (const std::size_t i : complete) x.push_back(number[point_of(i)]);
  std::vector<double> distinct = x;
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());

  if (numeric && distinct.size() > bins) {
    const auto edges = equal_count_edges(x, bins);
    out.how = fmt::format("{} equal-count bins of the complete runs' values", edges.size() - 1);
    std::vector<std::vector<std::size_t>> members(edges.size() - 1);
    for (std::size_t r = 0; r < complete.size(); ++r) {
      // pandas: searchsorted(edges, x, side="left"), the lowest edge in the first bin.
      auto id = static_cast<std::size_t>(std::lower_bound(edges.begin(), edges.end(), x[r]) -
                                         edges.begin());
      if (x[r] == edges.front()) id = 1;
      if (id == 0 || id == edges.size()) continue;  // outside the edges: cannot happen
      members[id - 1].push_back(complete[r]);
    }
    for (std::size_t b = 0; b + 1 < edges.size(); ++b) {
      if (members[b].empty()) continue;
      auto g = group_of(
          sum, fmt::format("{}{:.4g}, {:.4g}]", b == 0 ? "[" : "(", edges[b], edges[b + 1]),
          members[b]);
      g.lo = edges[b];
      g.hi = edges[b + 1];
      out.groups.push_back(std::move(g));
    }
    return out;
  }
  out.how = "values";
  if (numeric) {
    std::map<double, std::vector<std::size_t>> members;
    for (std::size_t r = 0; r < complete.size(); ++r) members[x[r]].push_back(complete[r]);
    for (const auto& [value, list] : members)
      out.groups.push_back(group_of(sum, fmt::format("{}", value), list));
  } else {
    std::map<std::string, std::vector<std::size_t>> members;
    for (const std::size_t i : complete) members[tasks.values(point_of(i))[d]].push_back(i);
    for (const auto& [value, list] : members) out.groups.push_back(group_of(sum, value, list));
  }
  return out;
}

std::string path_grouping_table(const PathGrouping& g) {
  std::size_t w = std::max<std::size_t>(g.by.size(), 5), pw = 4;
  for (const auto& grp : g.groups) {
    w = std::max(w, grp.label.size());
    for (const auto& p : grp.paths) pw = std::max(pw, p.name.size());
  }
  std::string out = fmt::format("paths by {} ({}):\n", g.by, g.how);
  out += fmt::format("  {:<{}}  {:<{}}  {:>6}  {:>6}  {:>7}  {}\n", g.by, w, "path", pw, "runs",
                     "count", "share", "95 % Wilson interval");
  for (const auto& grp : g.groups) {
    bool first = true;
    for (const auto& p : grp.paths) {
      const double share =
          p.total ? static_cast<double>(p.runs) / static_cast<double>(p.total) : kNoValue;
      out += fmt::format("  {:<{}}  {:<{}}  {:>6}  {:>6}  {:>5} %  {:>5} .. {:>5} %\n",
                         first ? grp.label : "", w, p.name, pw, p.total, p.runs, percent(share),
                         percent(p.lo), percent(p.hi));
      first = false;
    }
  }
  return out;
}

std::string path_grouping_csv(const PathGrouping& g) {
  std::string out =
      fmt::format("{},path,runs,count,probability,lo,hi,group_lo,group_hi\n", csv_field(g.by));
  auto full = [](double v) { return std::isfinite(v) ? fmt::format("{}", v) : std::string(); };
  for (const auto& grp : g.groups)
    for (const auto& p : grp.paths) {
      const double share =
          p.total ? static_cast<double>(p.runs) / static_cast<double>(p.total) : kNoValue;
      const bool bin = grp.lo != grp.hi;
      out += fmt::format("{},{},{},{},{},{},{},{},{}\n", csv_field(grp.label), csv_field(p.name),
                         p.total, p.runs, full(share), full(p.lo), full(p.hi),
                         bin ? full(grp.lo) : "", bin ? full(grp.hi) : "");
    }
  return out;
}

}  // namespace vecinos::sweep
