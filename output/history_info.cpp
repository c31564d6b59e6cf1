#include "output/history_info.hpp"

#include <hdf5_hl.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include <fmt/format.h>

#include "model/errors.hpp"
#include "output/hdf5_handle.hpp"
#include "output/history_file.hpp"

namespace vecinos {

namespace {

using h5::Handle;

bool exists(hid_t parent, const std::string& path) {
  // Checks each component, as H5Lexists requires.
  std::size_t pos = 0;
  while (true) {
    pos = path.find('/', pos + 1);
    const std::string part = path.substr(0, pos);
    if (H5Lexists(parent, part.c_str(), h5::kDefault) <= 0) return false;
    if (pos == std::string::npos) return true;
  }
}

Handle open_dataset(hid_t parent, const std::string& path) {
  return {H5Dopen2(parent, path.c_str(), h5::kDefault), H5Dclose, "opening " + path};
}

std::size_t length(hid_t parent, const std::string& path) {
  const Handle ds = open_dataset(parent, path);
  const auto d = h5::dims(ds.id());
  return d.empty() ? 1 : static_cast<std::size_t>(d[0]);
}

/// Element `row` (of the first column) of a dataset, read as `mem_type`.
void read_at(hid_t ds, std::size_t row, hid_t mem_type, void* out) {
  const Handle space(H5Dget_space(ds), H5Sclose, "dataspace");
  const auto d = h5::dims(ds);
  std::vector<hsize_t> start(d.size(), 0), count(d.size(), 1);
  start[0] = row;
  h5::check(
      H5Sselect_hyperslab(space.id(), H5S_SELECT_SET, start.data(), nullptr, count.data(), nullptr),
      "selecting an element");
  const hsize_t one = 1;
  const Handle mem(H5Screate_simple(1, &one, nullptr), H5Sclose, "dataspace");
  h5::check(H5Dread(ds, mem_type, mem.id(), space.id(), h5::kDefault, out), "reading");
}

std::string string_at(hid_t parent, const std::string& path, std::size_t row) {
  const Handle ds = open_dataset(parent, path);
  const Handle type(H5Dget_type(ds.id()), H5Tclose, "type");
  std::string s(H5Tget_size(type.id()), '\0');
  read_at(ds.id(), row, type.id(), s.data());
  s.resize(std::strlen(s.c_str()));
  return s;
}

std::int64_t int_at(hid_t parent, const std::string& path, std::size_t row) {
  const Handle ds = open_dataset(parent, path);
  std::int64_t v = 0;
  read_at(ds.id(), row, H5T_NATIVE_INT64, &v);
  return v;
}

double double_at(hid_t parent, const std::string& path, std::size_t row) {
  const Handle ds = open_dataset(parent, path);
  double v = 0;
  read_at(ds.id(), row, H5T_NATIVE_DOUBLE, &v);
  return v;
}

/// Names of a group's members, in creation order when it is tracked.
std::vector<std::string> members(hid_t parent, const std::string& path) {
  const Handle g(H5Gopen2(parent, path.c_str(), h5::kDefault), H5Gclose, "opening " + path);
  H5G_info_t info;
  h5::check(H5Gget_info(g.id(), &info), "listing " + path);
  const Handle gcpl(H5Gget_create_plist(g.id()), H5Pclose, "group properties");
  unsigned flags = 0;
  H5Pget_link_creation_order(gcpl.id(), &flags);
  const H5_index_t index =
      (flags & H5P_CRT_ORDER_INDEXED) != 0 ? H5_INDEX_CRT_ORDER : H5_INDEX_NAME;
  std::vector<std::string> names;
  for (hsize_t i = 0; i < info.nlinks; ++i) {
    const ssize_t n =
        H5Lget_name_by_idx(g.id(), ".", index, H5_ITER_INC, i, nullptr, 0, h5::kDefault);
    h5::check(static_cast<herr_t>(n < 0 ? -1 : 0), "listing " + path);
    std::string name(static_cast<std::size_t>(n) + 1, '\0');
    H5Lget_name_by_idx(g.id(), ".", index, H5_ITER_INC, i, name.data(), name.size(), h5::kDefault);
    name.resize(static_cast<std::size_t>(n));
    names.push_back(std::move(name));
  }
  return names;
}

/// The members of a group that are data, not its dimension scales (`time`, `agent`, ...: the
/// netCDF coordinates of schema 3, which readers skip).
std::vector<std::string> data_members(hid_t parent, const std::string& path) {
  std::vector<std::string> names;
  for (auto& n : members(parent, path)) {
    const Handle ds = open_dataset(parent, fmt::format("{}/{}", path, n));
    if (H5DSis_scale(ds.id()) <= 0) names.push_back(std::move(n));
  }
  return names;
}

HistoryInfo read_info(const std::filesystem::path& path);

}  // namespace

Handle open_history(const std::filesystem::path& path, bool& swmr) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    throw InputError(fmt::format("{}: no such file", path.string()));
  if (!std::filesystem::is_regular_file(path, ec))
    throw InputError(fmt::format("{}: not a regular file", path.string()));
  h5::silence_errors();
  if (H5Fis_hdf5(path.c_str()) <= 0)
    throw InputError(fmt::format("{}: not an HDF5 file", path.string()));
  swmr = false;
  hid_t f = H5Fopen(path.c_str(), H5F_ACC_RDONLY, h5::kDefault);
  if (f < 0) {
    const std::string plain = h5::error_stack_text();
    // A killed run's file is still marked open for writing; SWMR readers may open it. Their
    // retries are bounded: on a damaged file HDF5 would retry every checksum 100 times.
    H5Eclear2(H5E_DEFAULT);
    const Handle fapl(H5Pcreate(H5P_FILE_ACCESS), H5Pclose, "file access properties");
    h5::check(H5Pset_metadata_read_attempts(fapl.id(), kSwmrReadAttempts),
              "metadata read attempts");
    swmr = true;
    f = H5Fopen(path.c_str(), H5F_ACC_RDONLY | H5F_ACC_SWMR_READ, fapl.id());
    if (f < 0)
      throw InputError(fmt::format("{}: cannot be read: truncated or damaged HDF5 file ({})",
                                   path.string(), plain));
  }
  return {f, H5Fclose, "opening " + path.string()};
}

std::string history_status(const std::filesystem::path& path, std::string& why) {
  try {
    bool swmr = false;
    const Handle f = open_history(path, swmr);
    const auto status = h5::string_attribute(f.id(), "status");
    if (!status || !h5::int_attribute(f.id(), "schema_version")) {
      why = "not a vecinos history";
      return {};
    }
    return *status;
  } catch (const std::exception& e) {
    why = e.what();
    return {};
  }
}

HistoryInfo read_history_info(const std::filesystem::path& path) {
  try {
    return read_info(path);
  } catch (const RuntimeError& e) {
    // HDF5 failed inside a file that opened: its objects are damaged or cut short.
    throw InputError(fmt::format("{}: damaged history: {}", path.string(), e.what()));
  }
}

namespace {

HistoryInfo read_info(const std::filesystem::path& path) {
  std::error_code ec;
  HistoryInfo info;
  info.path = path;
  const Handle file = open_history(path, info.swmr_open);
  info.file_bytes = std::filesystem::file_size(path, ec);
  const hid_t f = file.id();
  const auto version = h5::int_attribute(f, "schema_version");
  if (!version)
    throw InputError(
        fmt::format("{}: not a vecinos history (no schema_version attribute)", path.string()));
  info.schema_version = *version;
  if (info.schema_version < 1)
    throw InputError(fmt::format("{}: unknown schema version {}", path.string(), *version));
  if (info.schema_version > kSchemaVersion)
    throw InputError(
        fmt::format("{}: schema version {} is newer than this program's ({}); use a newer vecinos",
                    path.string(), info.schema_version, kSchemaVersion));
  auto text = [&](const char* name) { return h5::string_attribute(f, name).value_or(""); };
  auto number = [&](const char* name) { return h5::int_attribute(f, name).value_or(0); };
  info.status = text("status");
  info.program_version = text("program_version");
  info.git_hash = text("git_hash");
  info.host = text("host");
  info.start_time = text("start_time");
  info.end_time = text("end_time");
  info.seed = number("seed");
  info.run = number("run");
  info.threads = number("threads");
  info.last_tick = number("last_tick");

  // Per-tick datasets may differ by the rows of an unflushed tail: use the shortest.
  std::size_t ticks = length(f, "time/tick");
  for (const auto& n : data_members(f, "indicators"))
    ticks = std::min(ticks, length(f, "indicators/" + n));
  for (const auto& kind : members(f, "agents")) {
    const std::string g = "agents/" + kind;
    HistoryInfo::Table t;
    t.kind = kind;
    const Handle group(H5Gopen2(f, g.c_str(), h5::kDefault), H5Gclose, "opening " + g);
    t.count = h5::int_attribute(group.id(), "count").value_or(0);
    t.recorded = h5::string_attribute(group.id(), "recorded").value_or("");
    t.agents = length(f, g + "/agent_index");
    if (exists(f, g + "/state")) {
      for (const auto& c : data_members(f, g + "/state")) {
        ticks = std::min(ticks, length(f, fmt::format("{}/state/{}", g, c)));
        ++t.state_columns;
      }
    }
    for (const auto& a : data_members(f, g + "/aggregates")) {
      ticks = std::min(ticks, length(f, fmt::format("{}/aggregates/{}", g, a)));
      ++t.aggregates;
    }
    info.tables.push_back(std::move(t));
  }
  info.ticks = ticks;
  if (info.status == "complete") {
    // A complete file holds every row: a shorter dataset is damage, not an unflushed tail.
    const std::size_t full = length(f, "time/tick");
    auto check_length = [&](const std::string& ds) {
      const std::size_t n = length(f, ds);
      if (n != full)
        info.problems.push_back(fmt::format(
            "{} has {} rows but /time/tick has {}: the file is complete, so it is damaged", ds, n,
            full));
    };
    for (const auto& n : data_members(f, "indicators")) check_length("indicators/" + n);
    for (const auto& kind : members(f, "agents")) {
      const std::string g = "agents/" + kind;
      if (exists(f, g + "/state"))
        for (const auto& c : data_members(f, g + "/state"))
          check_length(fmt::format("{}/state/{}", g, c));
      for (const auto& a : data_members(f, g + "/aggregates"))
        check_length(fmt::format("{}/aggregates/{}", g, a));
    }
  }
  if (ticks > 0) {
    info.first_tick = int_at(f, "time/tick", 0);
    info.final_tick = int_at(f, "time/tick", ticks - 1);
    info.first_date = string_at(f, "time/date", 0);
    info.final_date = string_at(f, "time/date", ticks - 1);
  }
  for (const auto& n : data_members(f, "indicators")) {
    const Handle ds = open_dataset(f, "indicators/" + n);
    HistoryInfo::Indicator ind;
    ind.name = n;
    ind.units = h5::string_attribute(ds.id(), "units").value_or("");
    ind.final = ticks > 0 ? double_at(f, "indicators/" + n, ticks - 1) : std::nan("");
    info.indicators.push_back(std::move(ind));
  }
  info.has_network = exists(f, "network");
  if (info.has_network) {
    info.edges = length(f, "network/source");
    info.network_snapshots = std::min(length(f, "network/tick"), length(f, "network/weight"));
  }
  info.has_events = exists(f, "events");
  if (info.has_events) {
    info.events = length(f, "events/tick");
    for (const auto& c : members(f, "events"))
      if (c != "actor_names" && c != "action_names" && c != "action_cameo" &&
          c != "action_goldstein")
        info.events = std::min(info.events, length(f, "events/" + c));
  }
  return info;
}

}  // namespace

}  // namespace vecinos
