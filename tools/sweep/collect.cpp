#include "tools/sweep/collect.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

#include <fmt/format.h>

#include "model/errors.hpp"
#include "model/schema_values.hpp"
#include "model/sweep/outcome.hpp"
#include "model/version.hpp"
#include "output/hdf5_handle.hpp"
#include "tools/sweep/path_groups.hpp"
#include "tools/sweep/task_files.hpp"
#include "tools/sweep/task_reader.hpp"

namespace vecinos::sweep {
namespace {

using h5::Handle;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// The outcomes, path and first actions of one complete task; the task becomes invalid when its
/// file is not a complete history of this task.
void read_task_file(const TaskList& tasks, const Task& t, CollectedTask& row,
                    std::vector<std::string>& warnings) {
  const Sweep& s = tasks.sweep();
  const auto path = tasks.output(t);
  h5::silence_errors();
  const hid_t id = H5Fopen(path.c_str(), H5F_ACC_RDONLY, h5::kDefault);
  if (id < 0) {
    row.status = "invalid";
    row.note = "not a readable HDF5 file";
    return;
  }
  const Handle file(id, H5Fclose, "opening " + path.string());
  const auto status = h5::string_attribute(file.id(), "status");
  const auto seed = h5::int_attribute(file.id(), "seed");
  if (!status || !seed) {
    row.status = "invalid";
    row.note = "not a vecinos history";
    return;
  }
  if (*status != "complete") {
    row.status = "invalid";
    row.note = fmt::format("its status is {}", *status);
    return;
  }
  if (static_cast<std::uint64_t>(*seed) != t.seed) {
    row.status = "invalid";
    row.note = fmt::format("its seed {} is not the task's seed {}: it is not this sweep's run",
                           *seed, t.seed);
    return;
  }
  try {
    TaskHistory h(file.id());
    for (std::size_t k = 0; k < s.outcomes.size(); ++k) {
      const auto& o = s.outcomes[k];
      if (o.kind == OutcomeKind::event) {
        const auto& ev = h.events();
        if (!ev) {
          if (warnings.empty() || warnings.back().find("/events") == std::string::npos)
            warnings.push_back(fmt::format(
                "task {}: its history records no events (recording.events: false), so the "
                "event outcomes are NaN",
                t.index));
          continue;
        }
        std::vector<std::int32_t> days;
        for (std::size_t i = 0; i < ev->day.size(); ++i)
          if (ev->action[i] == o.action && (o.actor.empty() || ev->actor[i] == o.actor))
            days.push_back(ev->day[i]);
        row.outcomes[k] = summarize(o, {}, {}, days, o.windowed() ? h.start() : Date{});
      } else {
        const auto series = h.series(o.indicator_name());
        row.outcomes[k] = summarize(o, series, h.days(), {}, o.windowed() ? h.start() : Date{});
      }
    }
    if (s.sequence_length > 0)
      if (const auto& ev = h.events())
        row.sequence = event_sequence(ev->actor, ev->action, s.sequence_length);
  } catch (const RuntimeError& e) {
    row.status = "invalid";
    row.note = e.what();
    return;
  }
  row.status = "complete";
  // The path: the first whose rule holds.
  if (!s.paths.empty()) {
    row.path = "unclassified";
    for (const auto& p : s.paths) {
      bool hit = true;
      if (p.rule) {
        std::vector<double> values;
        for (const auto& used : p.rule->names())
          for (std::size_t k = 0; k < s.outcomes.size(); ++k)
            if (s.outcomes[k].column() == used) values.push_back(row.outcomes[k]);
        hit = p.rule->holds(values);
      }
      if (hit) {
        row.path = p.name;
        break;
      }
    }
  }
}

/// read_task_file, where any failure to read (a damaged file, a checksum that fails) makes
/// the task invalid instead of ending the collect.
void read_task(const TaskList& tasks, const Task& t, CollectedTask& row,
               std::vector<std::string>& warnings) {
  try {
    read_task_file(tasks, t, row, warnings);
  } catch (const std::exception& e) {
    row.status = "invalid";
    row.note = e.what();
  }
}

void write_text_dataset(hid_t parent, const char* name, const std::string& text) {
  const Handle type = h5::vlen_string_type();
  const Handle space(H5Screate(H5S_SCALAR), H5Sclose, "dataspace");
  const Handle ds(
      H5Dcreate2(parent, name, type.id(), space.id(), h5::kDefault, h5::kDefault, h5::kDefault),
      H5Dclose, fmt::format("creating /{}", name));
  const char* p = text.c_str();
  h5::check(H5Dwrite(ds.id(), type.id(), H5S_ALL, H5S_ALL, h5::kDefault, &p),
            fmt::format("writing /{}", name));
}

template <class T>
void write_column(hid_t group, const std::string& name, const std::vector<T>& v, hid_t file_type,
                  hid_t mem_type, const std::string& description) {
  const Handle ds = h5::write_vector(group, name, file_type, mem_type, v.data(), v.size());
  h5::set_attribute(ds.id(), "description", description);
}

/// /paths/by_point: the runs of each path at each design point, with Wilson's interval.
void write_point_shares(hid_t paths, const CollectSummary& sum) {
  const Handle g = h5::create_group(paths, "by_point");
  h5::set_attribute(g.id(), "description",
                    std::string_view("each path's share of the complete runs of each design "
                                     "point, with Wilson's (1927) 95 % interval"));
  std::vector<std::string> names;
  for (const auto& p : sum.paths) names.push_back(p.name);
  h5::set_attribute(h5::write_strings(g.id(), "path", names).id(), "description",
                    std::string_view("the path of each column: /paths/name, then "
                                     "\"unclassified\" when a run matched no rule"));
  const std::size_t points = sum.by_point.size(), k = names.size();
  std::vector<std::int64_t> runs(points), count(points * k);
  std::vector<double> lo(points * k), hi(points * k);
  for (std::size_t p = 0; p < points; ++p) {
    runs[p] = static_cast<std::int64_t>(sum.by_point[p].runs);
    for (std::size_t j = 0; j < k; ++j) {
      const PathShare& share = sum.by_point[p].paths.at(j);
      count[p * k + j] = static_cast<std::int64_t>(share.runs);
      lo[p * k + j] = share.lo;
      hi[p * k + j] = share.hi;
    }
  }
  write_column(g.id(), "runs", runs, H5T_STD_I64LE, H5T_NATIVE_INT64,
               "[point] complete runs of the point");
  auto matrix = [&](const char* name, const void* data, hid_t file_type, hid_t mem_type,
                    std::string_view what) {
    const hsize_t d[2] = {points, k};
    const Handle space(H5Screate_simple(2, d, nullptr), H5Sclose, "dataspace");
    const Handle ds(
        H5Dcreate2(g.id(), name, file_type, space.id(), h5::kDefault, h5::kDefault, h5::kDefault),
        H5Dclose, fmt::format("creating /paths/by_point/{}", name));
    if (points * k > 0)
      h5::check(H5Dwrite(ds.id(), mem_type, H5S_ALL, H5S_ALL, h5::kDefault, data),
                fmt::format("writing /paths/by_point/{}", name));
    h5::set_attribute(ds.id(), "description", what);
  };
  matrix("count", count.data(), H5T_STD_I64LE, H5T_NATIVE_INT64,
         "[point, path] complete runs of the point that follow the path");
  matrix("lo", lo.data(), H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE,
         "[point, path] lower end of the 95 % Wilson interval of count / runs (NaN: no runs)");
  matrix("hi", hi.data(), H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE,
         "[point, path] upper end of the 95 % Wilson interval of count / runs (NaN: no runs)");
}

void write_index(const TaskList& tasks, const CollectSummary& sum,
                 const std::filesystem::path& path) {
  const Sweep& s = tasks.sweep();
  const std::size_t n = sum.tasks.size();
  h5::silence_errors();
  Handle file(H5Fcreate(path.c_str(), H5F_ACC_TRUNC, h5::kDefault, h5::kDefault), H5Fclose,
              "creating " + path.string());
  const hid_t f = file.id();
  h5::set_attribute(f, "format", std::string_view("vecinos sweep index"));
  h5::set_attribute(f, "format_version", std::int64_t{1});
  h5::set_attribute(f, "program_version", version());
  h5::set_attribute(f, "git_hash", git_hash());
  h5::set_attribute(f, "tasks", static_cast<std::int64_t>(n));
  h5::set_attribute(f, "complete", static_cast<std::int64_t>(sum.complete));
  write_text_dataset(f, "sweep", sweep_file_text(s));

  std::vector<std::int64_t> task(n), point(n), replicate(n);
  std::vector<std::uint64_t> seed(n);
  std::vector<std::string> status(n), file_name(n);
  for (std::size_t i = 0; i < n; ++i) {
    const Task t = tasks.task(sum.tasks[i].index);
    task[i] = static_cast<std::int64_t>(t.index);
    point[i] = static_cast<std::int64_t>(t.point);
    replicate[i] = static_cast<std::int64_t>(t.replicate);
    seed[i] = t.seed;
    status[i] = sum.tasks[i].status;
    file_name[i] = task_file_name(t.index);
  }
  {
    const Handle g = h5::create_group(f, "tasks");
    write_column(g.id(), "task", task, H5T_STD_I64LE, H5T_NATIVE_INT64, "task index");
    write_column(g.id(), "point", point, H5T_STD_I64LE, H5T_NATIVE_INT64, "point of the design");
    write_column(g.id(), "replicate", replicate, H5T_STD_I64LE, H5T_NATIVE_INT64,
                 "replicate of the point");
    write_column(g.id(), "seed", seed, H5T_STD_U64LE, H5T_NATIVE_UINT64,
                 "simulation.seed of the run");
    h5::set_attribute(h5::write_strings(g.id(), "status", status).id(), "description",
                      std::string_view("complete | failed | incomplete | missing | invalid"));
    h5::set_attribute(h5::write_strings(g.id(), "file", file_name).id(), "description",
                      std::string_view("the task's history, relative to this file's directory"));
    if (!s.paths.empty()) {
      std::vector<std::string> labels(n);
      for (std::size_t i = 0; i < n; ++i) labels[i] = sum.tasks[i].path;
      h5::set_attribute(h5::write_strings(g.id(), "path", labels).id(), "description",
                        std::string_view("the named path the run follows (/paths); empty "
                                         "unless complete"));
    }
    if (s.sequence_length > 0) {
      std::vector<std::string> seq(n);
      for (std::size_t i = 0; i < n; ++i) seq[i] = sum.tasks[i].sequence;
      const Handle ds = h5::write_strings(g.id(), "sequence", seq);
      h5::set_attribute(ds.id(), "description",
                        std::string_view("the run's first distinct actions, in order: \"actor "
                                         "action > actor action ...\""));
      h5::set_attribute(ds.id(), "length", static_cast<std::int64_t>(s.sequence_length));
    }
  }
  {
    const Handle g = h5::create_group(f, "parameters");
    for (std::size_t d = 0; d < s.parameters.size(); ++d) {
      std::vector<std::string> text(n);
      std::vector<double> num(n);
      bool numeric = true;
      for (std::size_t i = 0; i < n; ++i) {
        text[i] = tasks.values(static_cast<std::uint64_t>(point[i]))[d];
        std::string why;
        numeric = numeric && schema::parse_real(text[i], num[i], why);
      }
      const std::string& key = s.parameters[d].path;
      if (numeric)
        write_column(g.id(), key, num, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, "parameter value");
      else
        h5::set_attribute(h5::write_strings(g.id(), key, text).id(), "description",
                          std::string_view("parameter value (YAML text)"));
    }
  }
  {
    const Handle g = h5::create_group(f, "outcomes");
    for (std::size_t k = 0; k < s.outcomes.size(); ++k) {
      std::vector<double> v(n);
      for (std::size_t i = 0; i < n; ++i) v[i] = sum.tasks[i].outcomes[k];
      const auto& o = s.outcomes[k];
      const Handle ds = h5::write_vector(g.id(), o.column(), H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE,
                                         v.data(), v.size());
      h5::set_attribute(ds.id(), "kind",
                        std::string_view(o.kind == OutcomeKind::indicator   ? "indicator"
                                         : o.kind == OutcomeKind::threshold ? "threshold"
                                                                            : "event"));
      if (o.kind == OutcomeKind::event) {
        h5::set_attribute(ds.id(), "event", o.action);
        if (!o.actor.empty()) h5::set_attribute(ds.id(), "actor", o.actor);
      } else {
        h5::set_attribute(ds.id(), "indicator", o.indicator_name());
        h5::set_attribute(ds.id(), "description", o.description);
      }
      if (o.kind == OutcomeKind::threshold) {
        h5::set_attribute(ds.id(), "relation", symbol(o.relation));
        h5::set_attribute(ds.id(), "threshold", o.threshold);
      }
      h5::set_attribute(ds.id(), "stat", name(o.stat));
      h5::set_attribute(ds.id(), "units", o.column_units());
    }
  }
  if (!s.paths.empty()) {
    const Handle g = h5::create_group(f, "paths");
    std::vector<std::string> names, rules, descriptions;
    for (const auto& p : s.paths) {
      names.push_back(p.name);
      rules.push_back(p.rule ? p.rule->text() : "");
      descriptions.push_back(p.description);
    }
    h5::write_strings(g.id(), "name", names);
    h5::set_attribute(h5::write_strings(g.id(), "rule", rules).id(), "description",
                      std::string_view("the path's rule over the outcomes (empty: every "
                                       "remaining run); a run follows the first that holds"));
    h5::write_strings(g.id(), "description", descriptions);
    write_point_shares(g.id(), sum);
  }
  {
    const Handle g = h5::create_group(f, "design");
    h5::set_attribute(g.id(), "name", name(s.design));
    h5::set_attribute(g.id(), "samples", static_cast<std::int64_t>(s.samples));
    h5::set_attribute(g.id(), "replicates", static_cast<std::int64_t>(s.replicates));
    h5::set_attribute(g.id(), "second_order", std::int64_t{s.second_order ? 1 : 0});
    h5::set_attribute(g.id(), "levels",
                      static_cast<std::int64_t>(s.design == Design::morris ? s.levels : 0));
    h5::set_attribute(g.id(), "scramble", std::int64_t{s.scramble ? 1 : 0});
    h5::set_attribute(g.id(), "common_random_numbers",
                      std::int64_t{s.common_random_numbers ? 1 : 0});
    if (samples_bounds(s.design) && !s.parameters.empty()) {
      const std::size_t k = s.parameters.size();
      std::vector<double> unit(tasks.points() * k);
      for (std::uint64_t p = 0; p < tasks.points(); ++p) {
        const auto u = tasks.unit(p);
        std::copy(u.begin(), u.end(), unit.begin() + static_cast<std::ptrdiff_t>(p * k));
      }
      const hsize_t d[2] = {tasks.points(), k};
      const Handle space(H5Screate_simple(2, d, nullptr), H5Sclose, "dataspace");
      const Handle ds(H5Dcreate2(g.id(), "unit", H5T_IEEE_F64LE, space.id(), h5::kDefault,
                                 h5::kDefault, h5::kDefault),
                      H5Dclose, "creating /design/unit");
      if (!unit.empty())
        h5::check(H5Dwrite(ds.id(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, h5::kDefault, unit.data()),
                  "writing /design/unit");
      h5::set_attribute(ds.id(), "description",
                        std::string_view("[point, parameter] coordinates in the unit cube "
                                         "before scaling to the bounds"));
    }
  }
  {
    const Handle g = h5::create_group(f, "runs");
    for (std::size_t i = 0; i < n; ++i) {
      if (sum.tasks[i].status != "complete") continue;
      const std::string link = file_name[i].substr(0, file_name[i].size() - 3);  // task-NNNNNN
      h5::check(H5Lcreate_external(file_name[i].c_str(), "/indicators", g.id(), link.c_str(),
                                   h5::kDefault, h5::kDefault),
                "linking " + link);
    }
  }
  file.close("closing " + path.string());
}

}  // namespace

CollectSummary collect(const TaskList& tasks) {
  const Sweep& s = tasks.sweep();
  CollectSummary sum;
  sum.index_file = s.output / "sweep.h5";
  for (std::uint64_t i = 0; i < tasks.size(); ++i) {
    const Task t = tasks.task(i);
    CollectedTask row;
    row.index = i;
    row.outcomes.assign(s.outcomes.size(), kNaN);
    std::string why;
    const TaskState state = task_state(tasks.output(t), &why);
    row.status = std::string(name(state));
    if (state == TaskState::invalid) row.note = why;
    if (state == TaskState::complete) read_task(tasks, t, row, sum.warnings);
    if (state == TaskState::failed) row.note = failed_path(tasks.output(t)).string();
    if (row.status == "complete") ++sum.complete;
    sum.tasks.push_back(std::move(row));
  }
  if (!s.paths.empty()) {
    std::vector<std::string> names;
    for (const auto& p : s.paths) names.push_back(p.name);
    std::uint64_t unclassified = 0;
    for (const auto& row : sum.tasks)
      if (row.path == "unclassified") ++unclassified;
    if (unclassified > 0) names.emplace_back("unclassified");
    for (const auto& n : names) {
      PathShare share{n, 0, sum.complete, 0.0, 0.0};
      for (const auto& row : sum.tasks)
        if (row.path == n) ++share.runs;
      std::tie(share.lo, share.hi) = wilson_interval(share.runs, share.total);
      sum.paths.push_back(share);
    }
    sum.by_point = path_shares_by_point(tasks, sum);
  }
  std::filesystem::path tmp = sum.index_file;
  tmp += ".partial";
  write_index(tasks, sum, tmp);
  std::error_code ec;
  std::filesystem::rename(tmp, sum.index_file, ec);
  if (ec)
    throw RuntimeError(fmt::format("{}: cannot write: {}", sum.index_file.string(), ec.message()));
  return sum;
}

std::string event_sequence(const std::vector<std::string>& actor,
                           const std::vector<std::string>& action, std::size_t length) {
  std::vector<std::string> seen;
  for (std::size_t i = 0; i < actor.size() && i < action.size() && seen.size() < length; ++i) {
    std::string item = actor[i] + " " + action[i];
    if (std::find(seen.begin(), seen.end(), item) == seen.end()) seen.push_back(std::move(item));
  }
  return fmt::format("{}", fmt::join(seen, " > "));
}

std::pair<double, double> wilson_interval(std::uint64_t k, std::uint64_t n) {
  if (n == 0) return {kNaN, kNaN};
  constexpr double z = 1.959963984540054;  // the normal 97.5 % quantile
  const double nn = static_cast<double>(n);
  const double p = static_cast<double>(k) / nn;
  const double denom = 1.0 + z * z / nn;
  const double centre = (p + z * z / (2.0 * nn)) / denom;
  const double half = z / denom * std::sqrt(p * (1.0 - p) / nn + z * z / (4.0 * nn * nn));
  return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

std::string path_report(const CollectSummary& sum) {
  std::string out;
  for (const auto& p : sum.paths)
    out += fmt::format(
        "  path {}: {} of {} complete runs, {:.1f} % (95 % Wilson interval "
        "{:.1f} .. {:.1f} %)\n",
        p.name, p.runs, p.total,
        p.total ? 100.0 * static_cast<double>(p.runs) / static_cast<double>(p.total) : kNaN,
        100.0 * p.lo, 100.0 * p.hi);
  return out;
}

}  // namespace vecinos::sweep
