#include "model/sweep/tasks.hpp"

#include <cmath>

#include <fmt/format.h>

#include <vector>
#include "model/rng.hpp"

#include "model/schema_values.hpp"

namespace vecinos::sweep {
namespace {

/// A sampled coordinate u in [0, 1) scaled to the parameter's bounds, as `--set` text.
std::string scaled(const Parameter& p, double u) {
  const double x = p.min + u * (p.max - p.min);
  if (p.integer) {
    const double r = std::min(std::max(std::nearbyint(x), p.min), p.max);
    return fmt::format("{}", static_cast<std::int64_t>(r));
  }
  return schema::format_real(std::min(x, p.max));
}

}  // namespace

std::uint64_t task_seed(std::uint64_t sweep_seed, std::uint64_t point, std::uint64_t replicate) {
  const std::uint64_t s = Rng(sweep_seed, kSweepKey, point, replicate, kTaskSeed).next_u64() >> 11;
  return s == 0 ? 1 : s;
}

std::string task_file_name(std::uint64_t index) {
  return fmt::format("task-{:06}.h5", index);
}

TaskList::TaskList(const Sweep& s) : sweep_(s), points_(s.points()) {
  if (samples_bounds(s.design) && !s.parameters.empty())
    unit_ = std::make_shared<const UnitPoints>(UnitDesign{
        s.design, s.samples, s.parameters.size(), s.seed, s.scramble, s.second_order, s.levels});
}

std::vector<std::string> TaskList::values(std::uint64_t point) const {
  if (point >= points_)
    throw std::out_of_range(
        fmt::format("design point {}: the sweep has {} points", point, points_));
  const auto& ps = sweep_.parameters;
  std::vector<std::string> v(ps.size());
  switch (sweep_.design) {
    case Design::grid: {
      std::vector<std::size_t> sizes;
      sizes.reserve(ps.size());
      for (const auto& p : ps) sizes.push_back(p.values.size());
      const auto idx = grid_index(point, sizes);
      for (std::size_t d = 0; d < ps.size(); ++d) v[d] = ps[d].values[idx[d]];
      return v;
    }
    case Design::list:
      for (std::size_t d = 0; d < ps.size(); ++d) v[d] = ps[d].values.at(point);
      return v;
    case Design::posterior: {
      Rng rng(sweep_.seed, kSweepKey, point, 0, kPosteriorDraw);
      const auto& row = sweep_.posterior_particles.at(rng.categorical(sweep_.posterior_weights));
      for (std::size_t d = 0; d < ps.size(); ++d)
        v[d] = ps[d].integer ? fmt::format("{}", static_cast<std::int64_t>(std::llround(row[d])))
                             : schema::format_real(row[d]);
      return v;
    }
    default: {
      const auto u = (*unit_)(point);
      for (std::size_t d = 0; d < ps.size(); ++d) v[d] = scaled(ps[d], u[d]);
      return v;
    }
  }
}

std::vector<double> TaskList::unit(std::uint64_t point) const {
  if (!unit_) return {};
  return (*unit_)(point);
}

Task TaskList::task(std::uint64_t index) const {
  Task t;
  t.index = index;
  t.point = index / sweep_.replicates;
  t.replicate = index % sweep_.replicates;
  // Common random numbers: the seed of replicate r is that of point 0's replicate r.
  t.seed = task_seed(sweep_.seed, sweep_.common_random_numbers ? 0 : t.point, t.replicate);
  return t;
}

std::filesystem::path TaskList::output(const Task& t) const {
  return sweep_.output / task_file_name(t.index);
}

std::vector<Override> TaskList::overrides(const Task& t) const {
  std::vector<Override> out;
  for (const auto& st : sweep_.sets) out.push_back(st.as_override());
  const auto& v = values(t.point);
  for (std::size_t d = 0; d < v.size(); ++d)
    out.push_back({sweep_.parameters[d].path + "=" + v[d]});
  out.push_back({fmt::format("simulation.seed={}", t.seed)});
  return out;
}

std::vector<std::string> TaskList::run_arguments(const Task& t) const {
  std::vector<std::string> args = {"run", sweep_.base.string()};
  for (const auto& st : sweep_.sets) args.insert(args.end(), {"--set", st.as_override().text});
  const auto& v = values(t.point);
  for (std::size_t d = 0; d < v.size(); ++d)
    args.insert(args.end(), {"--set", sweep_.parameters[d].path + "=" + v[d]});
  args.insert(args.end(), {"--seed", fmt::format("{}", t.seed), "-o", output(t).string(), "-q"});
  return args;
}

std::string shell_command(const std::vector<std::string>& argv) {
  std::string out;
  for (const auto& a : argv) {
    if (!out.empty()) out += ' ';
    const bool safe = !a.empty() && a.find_first_not_of(
                                        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN"
                                        "OPQRSTUVWXYZ0123456789_-./=:,+@%") == std::string::npos;
    if (safe) {
      out += a;
      continue;
    }
    out += '\'';
    for (char c : a) {
      if (c == '\'')
        out += "'\\''";
      else
        out += c;
    }
    out += '\'';
  }
  return out;
}

}  // namespace vecinos::sweep
