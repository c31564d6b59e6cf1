#include "tools/sweep/collect.hpp"

#include <cmath>
#include <limits>

#include <fmt/format.h>

#include "model/errors.hpp"
#include "model/schema_values.hpp"
#include "model/sweep/outcome.hpp"
#include "model/version.hpp"
#include "output/hdf5_handle.hpp"
#include "tools/sweep/task_files.hpp"

namespace vecinos::sweep {
namespace {

using h5::Handle;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// A whole 1-D float64 dataset.
std::vector<double> read_series(hid_t file, const std::string& path) {
  const Handle ds(H5Dopen2(file, path.c_str(), h5::kDefault), H5Dclose, "opening " + path);
  const auto d = h5::dims(ds.id());
  std::vector<double> v(d.empty() ? 1 : static_cast<std::size_t>(d[0]));
  if (!v.empty())
    h5::check(H5Dread(ds.id(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, h5::kDefault, v.data()),
              "reading " + path);
  return v;
}

/// Reads one complete task's outcomes; the task becomes invalid when its file is not a
/// complete history of this task.
void read_task_file(const TaskList& tasks, const Task& t, CollectedTask& row) {
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
    for (std::size_t k = 0; k < tasks.sweep().outcomes.size(); ++k) {
      const auto& o = tasks.sweep().outcomes[k];
      row.outcomes[k] =
          summarize(read_series(file.id(), "indicators/" + o.indicator_name()), o.stat);
    }
  } catch (const RuntimeError& e) {
    row.status = "invalid";
    row.note = e.what();
    return;
  }
  row.status = "complete";
}

/// read_task_file, where any failure to read (a damaged file, a checksum that fails) makes
/// the task invalid instead of ending the collect.
void read_task(const TaskList& tasks, const Task& t, CollectedTask& row) {
  try {
    read_task_file(tasks, t, row);
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
      h5::set_attribute(ds.id(), "indicator", o.indicator_name());
      h5::set_attribute(ds.id(), "stat", name(o.stat));
      h5::set_attribute(ds.id(), "units", o.units);
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
    if (state == TaskState::complete) read_task(tasks, t, row);
    if (state == TaskState::failed) row.note = failed_path(tasks.output(t)).string();
    if (row.status == "complete") ++sum.complete;
    sum.tasks.push_back(std::move(row));
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

}  // namespace vecinos::sweep
