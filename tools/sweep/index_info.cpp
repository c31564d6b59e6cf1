#include "tools/sweep/index_info.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include <fmt/format.h>

#include "model/errors.hpp"
#include "output/hdf5_handle.hpp"
#include "tools/sweep/collect.hpp"
#include "tools/sweep/task_reader.hpp"

namespace vecinos::sweep {
namespace {

using h5::Handle;

Handle open_file(const std::filesystem::path& path) {
  h5::silence_errors();
  const hid_t id = H5Fopen(path.c_str(), H5F_ACC_RDONLY, h5::kDefault);
  if (id < 0) throw InputError(fmt::format("{}: not a readable HDF5 file", path.string()));
  return Handle(id, H5Fclose, "opening " + path.string());
}

bool link_exists(hid_t f, const std::string& p) {
  return H5Lexists(f, p.c_str(), h5::kDefault) > 0;
}

std::vector<std::string> members(hid_t f, const std::string& path) {
  std::vector<std::string> out;
  if (!link_exists(f, path)) return out;
  const Handle g(H5Gopen2(f, path.c_str(), h5::kDefault), H5Gclose, "opening " + path);
  H5G_info_t info;
  h5::check(H5Gget_info(g.id(), &info), "listing " + path);
  for (hsize_t i = 0; i < info.nlinks; ++i) {
    const ssize_t n =
        H5Lget_name_by_idx(g.id(), ".", H5_INDEX_NAME, H5_ITER_INC, i, nullptr, 0, h5::kDefault);
    std::string name(static_cast<std::size_t>(std::max<ssize_t>(n, 0)) + 1, '\0');
    H5Lget_name_by_idx(g.id(), ".", H5_INDEX_NAME, H5_ITER_INC, i, name.data(), name.size(),
                       h5::kDefault);
    name.resize(static_cast<std::size_t>(std::max<ssize_t>(n, 0)));
    out.push_back(std::move(name));
  }
  return out;
}

std::vector<double> doubles(hid_t f, const std::string& path) {
  const Handle ds(H5Dopen2(f, path.c_str(), h5::kDefault), H5Dclose, "opening " + path);
  const auto d = h5::dims(ds.id());
  std::vector<double> v(d.empty() ? 1 : static_cast<std::size_t>(d[0]));
  if (!v.empty())
    h5::check(H5Dread(ds.id(), H5T_NATIVE_DOUBLE, H5S_ALL, H5S_ALL, h5::kDefault, v.data()),
              "reading " + path);
  return v;
}

std::string attribute_text(hid_t f, const std::string& path, const std::string& name) {
  const Handle o(H5Oopen(f, path.c_str(), h5::kDefault), H5Oclose, "opening " + path);
  return h5::string_attribute(o.id(), name).value_or("");
}

bool is_string(hid_t f, const std::string& path) {
  const Handle ds(H5Dopen2(f, path.c_str(), h5::kDefault), H5Dclose, "opening " + path);
  const Handle t(H5Dget_type(ds.id()), H5Tclose, "type of " + path);
  return H5Tget_class(t.id()) == H5T_STRING;
}

std::string num(double v) {
  return std::isfinite(v) ? fmt::format("{:.6g}", v) : "-";
}

}  // namespace

bool is_sweep_index(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return false;
  h5::silence_errors();
  if (H5Fis_hdf5(path.c_str()) <= 0) return false;
  // A history being written (SWMR) or killed opens only in SWMR-read mode: not an index.
  const hid_t id = H5Fopen(path.c_str(), H5F_ACC_RDONLY, h5::kDefault);
  if (id < 0) return false;
  const Handle f(id, H5Fclose, "opening " + path.string());
  try {
    return h5::string_attribute(f.id(), "format").value_or("") == "vecinos sweep index";
  } catch (const RuntimeError&) {
    return false;  // damaged: the history reader says how
  }
}

void print_index(const std::filesystem::path& path, std::ostream& out) {
  const Handle file = open_file(path);
  const hid_t f = file.id();
  const auto status = read_fixed_strings(f, "tasks/status");
  std::map<std::string, std::size_t> by_status;
  for (const auto& s : status) ++by_status[s];
  std::vector<bool> complete(status.size());
  for (std::size_t i = 0; i < status.size(); ++i) complete[i] = status[i] == "complete";
  const std::size_t n_complete = by_status["complete"];
  std::string counts;
  for (const auto& [s, k] : by_status)
    if (k > 0) counts += fmt::format("{}{} {}", counts.empty() ? "" : ", ", k, s);
  out << fmt::format("file        {} (sweep index, format version {})\n", path.string(),
                     h5::int_attribute(f, "format_version").value_or(0));
  out << fmt::format("written by  vecinos {} (git {})\n",
                     h5::string_attribute(f, "program_version").value_or("?"),
                     h5::string_attribute(f, "git_hash").value_or("?"));
  out << fmt::format("tasks       {}: {}\n", status.size(), counts);
  if (link_exists(f, "design")) {
    const Handle g(H5Gopen2(f, "design", h5::kDefault), H5Gclose, "opening /design");
    const auto design = h5::string_attribute(g.id(), "name").value_or("?");
    std::string extra;
    if (design == "saltelli")
      extra = fmt::format(", second order {}",
                          h5::int_attribute(g.id(), "second_order").value_or(0) ? "yes" : "no");
    if (design == "morris")
      extra = fmt::format(", {} levels", h5::int_attribute(g.id(), "levels").value_or(0));
    out << fmt::format("design      {}, {} samples, {} replicates{}; seeds: {}\n", design,
                       h5::int_attribute(g.id(), "samples").value_or(0),
                       h5::int_attribute(g.id(), "replicates").value_or(0), extra,
                       h5::int_attribute(g.id(), "common_random_numbers").value_or(0)
                           ? "common random numbers"
                           : "independent per point");
  }
  out << fmt::format("\n{:<40} {:>12} {:>12}\n", "parameter", "min", "max");
  for (const auto& p : members(f, "parameters")) {
    if (is_string(f, "parameters/" + p)) {
      const auto v = read_fixed_strings(f, "parameters/" + p);
      std::vector<std::string> distinct = v;
      std::sort(distinct.begin(), distinct.end());
      distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
      out << fmt::format("{:<40} {} values\n", p, distinct.size());
      continue;
    }
    const auto v = doubles(f, "parameters/" + p);
    const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
    out << fmt::format("{:<40} {:>12} {:>12}\n", p, v.empty() ? "-" : num(*lo),
                       v.empty() ? "-" : num(*hi));
  }
  // The bands of a posterior-predictive (or any) ensemble: nearest-rank quantiles of the
  // complete runs.
  out << fmt::format("\n{:<40} {:>12} {:>12} {:>12} {:>12} {:>12} {:>12}  {}\n",
                     "outcome (complete tasks)", "mean", "5%", "50%", "95%", "min", "max", "units");
  for (const auto& o : members(f, "outcomes")) {
    const auto v = doubles(f, "outcomes/" + o);
    std::vector<double> x;
    for (std::size_t i = 0; i < v.size(); ++i)
      if (i < complete.size() && complete[i] && !std::isnan(v[i])) x.push_back(v[i]);
    std::sort(x.begin(), x.end());
    const double nan = std::numeric_limits<double>::quiet_NaN();
    double sum = 0.0;
    for (const double y : x) sum += y;
    auto quantile = [&](double q) {
      if (x.empty()) return nan;
      const auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(x.size())));
      return x[std::min(x.size() - 1, rank == 0 ? 0 : rank - 1)];
    };
    out << fmt::format("{:<40} {:>12} {:>12} {:>12} {:>12} {:>12} {:>12}  {}\n", o,
                       num(x.empty() ? nan : sum / static_cast<double>(x.size())),
                       num(quantile(0.05)), num(quantile(0.5)), num(quantile(0.95)),
                       num(x.empty() ? nan : x.front()), num(x.empty() ? nan : x.back()),
                       attribute_text(f, "outcomes/" + o, "units"));
  }
  if (link_exists(f, "paths") && link_exists(f, "tasks/path")) {
    const auto names = read_fixed_strings(f, "paths/name");
    const auto rules = read_fixed_strings(f, "paths/rule");
    const auto path_of = read_fixed_strings(f, "tasks/path");
    out << fmt::format("\n{:<24} {:>8} {:>8}  {:<16}  {}\n", "path", "runs", "share", "95 % Wilson",
                       "rule");
    auto line = [&](const std::string& name, const std::string& rule) {
      const auto k = static_cast<std::uint64_t>(std::count(path_of.begin(), path_of.end(), name));
      const auto [lo, hi] = wilson_interval(k, n_complete);
      out << fmt::format(
          "{:<24} {:>8} {:>7.1f}%  {:>6.1f} .. {:>5.1f} %  {}\n", name, k,
          n_complete ? 100.0 * static_cast<double>(k) / static_cast<double>(n_complete) : 0.0,
          100.0 * lo, 100.0 * hi, rule);
    };
    for (std::size_t i = 0; i < names.size(); ++i)
      line(names[i], i < rules.size() && !rules[i].empty() ? rules[i] : "(every other run)");
    if (std::count(path_of.begin(), path_of.end(), "unclassified") > 0)
      line("unclassified", "(no rule matched)");
    if (link_exists(f, "paths/by_point/count")) {
      const Handle ds(H5Dopen2(f, "paths/by_point/count", h5::kDefault), H5Dclose,
                      "opening /paths/by_point/count");
      const auto d = h5::dims(ds.id());
      const hsize_t points = d.empty() ? 0 : d[0], columns = d.size() > 1 ? d[1] : 0;
      const auto dir = path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
      out << fmt::format(
          "\npaths by point: {} points x {} paths in /paths/by_point (each point's counts and "
          "Wilson intervals: vecinos sweep collect {} --by point)\n",
          points, columns, dir.string());
    }
  }
}

}  // namespace vecinos::sweep
