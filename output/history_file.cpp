#include "output/history_file.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include <hdf5_hl.h>

#include <fmt/format.h>

#include "model/date.hpp"
#include "model/errors.hpp"
#include "model/network.hpp"
#include "model/version.hpp"
#include "world/actions.hpp"
#include "world/indicators.hpp"

namespace vecinos {

namespace {

// A one-dimensional column that grows as items are listed (edges, events).
h5::RowDataset list_column(hid_t group, const RecordingParams& rec, const char* name,
                           hid_t file_type, hid_t mem_type, std::size_t bytes,
                           std::size_t expected_rows) {
  h5::RowSpec s;
  s.name = name;
  s.file_type = file_type;
  s.mem_type = mem_type;
  s.elem_bytes = bytes;
  s.expected_rows = expected_rows;
  s.compress = rec.compression;
  s.deflate_level = rec.deflate_level;
  return h5::RowDataset(group, s);
}

constexpr std::size_t kDateBytes = 10;     ///< "YYYY-MM-DD"
constexpr std::size_t kEventChunk = 1024;  ///< events per chunk (bounded, unlike ticks)
constexpr std::size_t kEdgeChunk = 256;    ///< rows of the edge list per chunk

std::array<char, kDateBytes> date_bytes(const std::string& iso) {
  std::array<char, kDateBytes> b{};
  std::memcpy(b.data(), iso.data(), std::min(iso.size(), kDateBytes));
  return b;
}

std::vector<std::string> action_strings(std::string_view ActionInfo::*field) {
  std::vector<std::string> out;
  out.reserve(kActionInfo.size());
  for (const ActionInfo& a : kActionInfo) out.emplace_back(a.*field);
  return out;
}

void set_text(hid_t obj, const std::string& name, std::string_view value) {
  h5::set_attribute(obj, name, value);
}

std::int64_t as_i64(std::size_t v) {
  return static_cast<std::int64_t>(v);
}

/// Makes `scale` an HDF5 dimension scale (a netCDF dimension named `name`) and attaches it to
/// dimension `dim` of each of `datasets`. Both write attributes: before SWMR writing starts.
void attach_dimension(hid_t scale, const char* name, const std::vector<hid_t>& datasets,
                      unsigned dim, const std::string& where) {
  h5::check(H5DSset_scale(scale, name), "making " + where + " a dimension scale");
  for (const hid_t d : datasets)
    h5::check(H5DSattach_scale(d, scale, dim), "attaching " + where + " to a dataset");
}

std::vector<hid_t> dataset_ids(const std::vector<h5::RowDataset>& sets) {
  std::vector<hid_t> ids;
  ids.reserve(sets.size());
  for (const h5::RowDataset& d : sets) ids.push_back(d.id());
  return ids;
}

/// The dates of a group's rows as days since 1970-01-01: a [rows] int32 dataset named `time`,
/// with the attributes netCDF readers decode as datetime64 (`units`, `calendar`).
h5::RowDataset days_dataset(hid_t group, h5::RowSpec spec, const std::string& what) {
  spec.name = "time";
  spec.file_type = H5T_STD_I32LE;
  spec.mem_type = H5T_NATIVE_INT32;
  spec.elem_bytes = 4;
  spec.width = 0;
  spec.growable_width = false;
  h5::RowDataset d(group, spec);
  set_text(d.id(), "units", "days since 1970-01-01");
  set_text(d.id(), "calendar", "proleptic_gregorian");
  set_text(d.id(), "description", what);
  return d;
}

/// A [n] dataset of the ids 0 .. n-1 (network vertices, edge types) as a dimension scale.
void id_dimension(hid_t group, const char* name, hid_t file_type, hid_t mem_type, std::size_t n,
                  hid_t attached_to, const std::string& what) {
  std::vector<std::int32_t> ids(n);
  for (std::size_t i = 0; i < n; ++i) ids[i] = static_cast<std::int32_t>(i);
  const h5::Handle d = h5::write_vector(group, name, file_type, mem_type, ids.data(), n);
  set_text(d.id(), "description", what);
  attach_dimension(d.id(), name, {attached_to}, 0, std::string("/network/") + name);
}

}  // namespace

HistoryFile::HistoryFile(const std::filesystem::path& path, const RecordingPlan& plan,
                         const StartRecord& start, const RunFacts& facts,
                         const std::function<void()>& after_root)
    : path_(path), plan_(plan), date_type_(h5::fixed_string_type(kDateBytes)) {
  create_root(start, facts);
  if (after_root) after_root();
  create_time_and_indicators();
  create_agents(start);
  if (plan_.params().network) create_network(start);
  if (plan_.params().events) create_events(start);
}

void HistoryFile::start_swmr() {
  if (swmr_) return;
  // Every object exists: from here on only appends, which SWMR keeps consistent on disk.
  write_pending();
  h5::check(H5Fstart_swmr_write(file_.id()), "starting SWMR writing of " + path_.string());
  swmr_ = true;
}

HistoryFile::~HistoryFile() = default;

void HistoryFile::create_root(const StartRecord& start, const RunFacts& facts) {
  const h5::Handle fapl(H5Pcreate(H5P_FILE_ACCESS), H5Pclose, "file access properties");
  h5::check(H5Pset_libver_bounds(fapl.id(), H5F_LIBVER_LATEST, H5F_LIBVER_LATEST),
            "file format bounds");
  const h5::Handle fcpl(H5Pcreate(H5P_FILE_CREATE), H5Pclose, "file creation properties");
  h5::check(H5Pset_link_creation_order(fcpl.id(), H5P_CRT_ORDER_TRACKED | H5P_CRT_ORDER_INDEXED),
            "root creation order");
  file_ = h5::Handle(H5Fcreate(path_.c_str(), H5F_ACC_TRUNC, fcpl.id(), fapl.id()), H5Fclose,
                     "creating " + path_.string());
  const hid_t root = file_.id();
  h5::set_attribute(root, "schema_version", kSchemaVersion);
  set_text(root, "program_version", version());
  set_text(root, "git_hash", git_hash());
  set_text(root, "status", name(RunStatus::incomplete));
  set_text(root, "start_time", facts.start_time);
  set_text(root, "end_time", "");
  set_text(root, "host", facts.host);
  h5::set_attribute(root, "threads", std::int64_t{facts.threads});
  h5::set_attribute(root, "seed", start.seed);
  h5::set_attribute(root, "run", start.run);
  h5::set_attribute(root, "last_tick", std::int64_t{plan_.last_tick()});

  const h5::Handle type = h5::vlen_string_type();
  const h5::Handle space(H5Screate(H5S_SCALAR), H5Sclose, "dataspace");
  const h5::Handle ds(
      H5Dcreate2(root, "config", type.id(), space.id(), h5::kDefault, h5::kDefault, h5::kDefault),
      H5Dclose, "creating /config");
  const char* text = start.config_yaml.c_str();
  h5::check(H5Dwrite(ds.id(), type.id(), H5S_ALL, H5S_ALL, h5::kDefault, &text), "writing /config");
  set_text(ds.id(), "description", "the resolved configuration of the run (YAML)");
}

void HistoryFile::create_time_and_indicators() {
  const RecordingParams& rec = plan_.params();
  auto spec = [&](std::string name, hid_t file_type, hid_t mem_type, std::size_t bytes) {
    h5::RowSpec s;
    s.name = std::move(name);
    s.file_type = file_type;
    s.mem_type = mem_type;
    s.elem_bytes = bytes;
    s.expected_rows = plan_.state_rows();
    s.flush_rows = plan_.state_rows_per_flush();
    s.compress = rec.compression;
    s.deflate_level = rec.deflate_level;
    return s;
  };
  const h5::Handle time = h5::create_group(file_.id(), "time");
  tick_ = h5::RowDataset(time.id(), spec("tick", H5T_STD_I32LE, H5T_NATIVE_INT32, 4));
  set_text(tick_.id(), "description", "tick number of each recorded tick");
  date_ = h5::RowDataset(time.id(), spec("date", date_type_.id(), date_type_.id(), kDateBytes));
  set_text(date_.id(), "description", "ISO date of each recorded tick");

  const h5::Handle ind = h5::create_group(file_.id(), "indicators");
  for (const IndicatorInfo& info : kIndicatorInfo) {
    h5::RowDataset d(ind.id(), spec(std::string(info.name), H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, 8));
    set_text(d.id(), "units", info.units);
    set_text(d.id(), "description", info.description);
    h5::set_attribute(d.id(), "lo", info.lo);
    h5::set_attribute(d.id(), "hi", info.hi);
    indicators_.push_back(std::move(d));
  }
  // The dates as a netCDF time coordinate: an HDF5 dimension scale that every indicator's
  // dimension 0 is attached to, so netCDF readers (xarray with h5netcdf) index the indicators
  // by time. Attaching writes attributes, so it happens before SWMR writing starts.
  time_scale_ =
      days_dataset(ind.id(), spec("time", H5T_STD_I32LE, H5T_NATIVE_INT32, 4),
                   "date of each recorded tick (the same as /time/date), as a dimension scale");
  attach_dimension(time_scale_.id(), "time", dataset_ids(indicators_), 0, "/indicators/time");
}

void HistoryFile::create_agents(const StartRecord& start) {
  const RecordingParams& rec = plan_.params();
  const h5::Storage static_storage{{h5::kChunkBytes / 8}, rec.compression, rec.deflate_level};
  const h5::Handle agents = h5::create_group(file_.id(), "agents");
  for (std::size_t t = 0; t < plan_.tables().size(); ++t) {
    const TablePlan& p = plan_.tables()[t];
    const h5::Handle g = h5::create_group(agents.id(), p.table.kind);
    set_text(g.id(), "description", p.table.description);
    h5::set_attribute(g.id(), "count", as_i64(p.count));
    h5::set_attribute(g.id(), "population", std::int64_t{p.table.population ? 1 : 0});
    set_text(g.id(), "recorded", p.all() ? "all" : "panel");
    std::vector<std::int64_t> index(p.agents.begin(), p.agents.end());
    const h5::Handle idx = h5::write_vector(g.id(), "agent_index", H5T_STD_I64LE, H5T_NATIVE_INT64,
                                            index.data(), index.size(), static_storage);
    set_text(idx.id(), "description", "index in the whole table of each recorded agent");

    const h5::Handle st = h5::create_group(g.id(), "static");
    const auto& values = start.tables.at(t);
    for (std::size_t c = 0; c < p.table.static_text.size(); ++c) {
      const h5::Handle d = h5::write_strings(st.id(), p.table.static_text[c].name,
                                             values.text.at(c), static_storage);
      set_text(d.id(), "description", p.table.static_text[c].description);
    }
    for (std::size_t c = 0; c < p.table.static_number.size(); ++c) {
      const NumberColumn& col = p.table.static_number[c];
      const h5::Handle d =
          h5::write_vector(st.id(), col.name, h5::file_type(col.dtype), h5::native_type(col.dtype),
                           values.numbers.at(c).data(), p.agents.size(), static_storage);
      set_text(d.id(), "units", col.units);
      set_text(d.id(), "description", col.description);
    }

    TableSets sets;
    const std::string where = "/agents/" + p.table.kind;
    h5::RowSpec rows;
    rows.expected_rows = plan_.state_rows();
    rows.flush_rows = plan_.state_rows_per_flush();
    rows.compress = rec.compression;
    rows.deflate_level = rec.deflate_level;
    if (rec.agents) {
      const h5::Handle sg = h5::create_group(g.id(), "state");
      for (const NumberColumn& col : p.table.state) {
        if (col.name == "time" || col.name == "agent")
          throw RuntimeError(
              fmt::format("{}/state/{}: a state column may not be named like the "
                          "group's dimension scales (time, agent)",
                          where, col.name));
        h5::RowSpec s;
        s.name = col.name;
        s.file_type = h5::file_type(col.dtype);
        s.mem_type = h5::native_type(col.dtype);
        s.elem_bytes = h5::dtype_size(col.dtype);
        s.width = p.agents.size();
        s.expected_rows = plan_.state_rows();
        s.flush_rows = plan_.state_rows_per_flush();
        s.compress = rec.compression;
        s.deflate_level = rec.deflate_level;
        // A table without recorded agents still gets [tick, 0] datasets: 2-D, zero width.
        if (s.width == 0) s.growable_width = true;
        h5::RowDataset d(sg.id(), s);
        set_text(d.id(), "units", col.units);
        set_text(d.id(), "description", col.description);
        if (col.sums_to)
          set_text(d.id(), "sums_to",
                   std::string(kIndicatorInfo[vecinos::index(*col.sums_to)].name));
        sets.state.push_back(std::move(d));
      }
      // The group's dimensions as netCDF sees them: time (dimension 0) and agent (1).
      sets.state_time = days_dataset(sg.id(), rows,
                                     "date of each recorded tick (the same as /time/date), as "
                                     "the dimension scale of dimension 0 of every column");
      attach_dimension(sets.state_time.id(), "time", dataset_ids(sets.state), 0,
                       where + "/state/time");
      const h5::Handle agent = h5::write_vector(sg.id(), "agent", H5T_STD_I64LE, H5T_NATIVE_INT64,
                                                index.data(), index.size(), static_storage);
      set_text(agent.id(), "description",
               "index in the whole table of each recorded agent (the same as agent_index), as "
               "the dimension scale of dimension 1 of every column");
      attach_dimension(agent.id(), "agent", dataset_ids(sets.state), 1, where + "/state/agent");
    }
    const h5::Handle ag = h5::create_group(g.id(), "aggregates");
    for (const Series& a : p.table.aggregates) {
      if (a.name == "time")
        throw RuntimeError(
            fmt::format("{}/aggregates/time: an aggregate may not be named like "
                        "the group's dimension scale",
                        where));
      h5::RowSpec s;
      s.name = a.name;
      s.file_type = H5T_IEEE_F64LE;
      s.mem_type = H5T_NATIVE_DOUBLE;
      s.expected_rows = plan_.state_rows();
      s.flush_rows = plan_.state_rows_per_flush();
      s.compress = rec.compression;
      s.deflate_level = rec.deflate_level;
      h5::RowDataset d(ag.id(), s);
      set_text(d.id(), "units", a.units);
      set_text(d.id(), "description", a.description);
      sets.aggregates.push_back(std::move(d));
    }
    sets.aggregates_time = days_dataset(ag.id(), rows,
                                        "date of each recorded tick (the same as /time/date), "
                                        "as the dimension scale of every aggregate");
    attach_dimension(sets.aggregates_time.id(), "time", dataset_ids(sets.aggregates), 0,
                     where + "/aggregates/time");
    tables_.push_back(std::move(sets));
  }
}

void HistoryFile::create_network(const StartRecord& start) {
  const RecordingParams& rec = plan_.params();
  const h5::Handle g = h5::create_group(file_.id(), "network");
  set_text(g.id(), "description",
           "elite influence network: edge source -> target means source influences target; "
           "vertex i is political actor i (/agents/political)");
  const h5::Handle vertices = h5::write_strings(g.id(), "vertex_names", start.vertex_names);
  std::vector<std::string> types(kEdgeTypeNames.begin(), kEdgeTypeNames.end());
  const h5::Handle type_names = h5::write_strings(g.id(), "type_names", types);
  auto column = [&](const char* name, hid_t file_type, hid_t mem_type, std::size_t bytes) {
    return list_column(g.id(), rec, name, file_type, mem_type, bytes, kEdgeChunk);
  };
  edge_cols_.push_back(column("source", H5T_STD_I32LE, H5T_NATIVE_INT32, 4));
  edge_cols_.push_back(column("target", H5T_STD_I32LE, H5T_NATIVE_INT32, 4));
  edge_cols_.push_back(column("type", H5T_STD_U8LE, H5T_NATIVE_UINT8, 1));
  edge_cols_.push_back(column("created_tick", H5T_STD_I32LE, H5T_NATIVE_INT32, 4));

  h5::RowSpec t;
  t.name = "tick";
  t.file_type = H5T_STD_I32LE;
  t.mem_type = H5T_NATIVE_INT32;
  t.elem_bytes = 4;
  t.expected_rows = plan_.network_rows();
  t.flush_rows = plan_.network_rows_per_flush();
  t.compress = rec.compression;
  t.deflate_level = rec.deflate_level;
  net_tick_ = h5::RowDataset(g.id(), t);
  set_text(net_tick_.id(), "description", "tick of each weight snapshot");
  h5::RowSpec w = t;
  w.name = "weight";
  w.file_type = H5T_IEEE_F64LE;
  w.mem_type = H5T_NATIVE_DOUBLE;
  w.elem_bytes = 8;
  w.width = start.edge_count;
  w.growable_width = true;
  weight_ = h5::RowDataset(g.id(), w);
  set_text(weight_.id(), "description",
           "weight of each edge at each snapshot [snapshot, edge]; NaN before the edge existed");

  // The group's dimensions as netCDF sees them: time (the snapshots), edge, vertex, edge_type.
  net_time_ = days_dataset(g.id(), t,
                           "date of each weight snapshot (of the tick in /network/tick), as "
                           "the dimension scale of dimension 0 of tick and weight");
  attach_dimension(net_time_.id(), "time", {net_tick_.id(), weight_.id()}, 0, "/network/time");
  edge_scale_ = column("edge", H5T_STD_I32LE, H5T_NATIVE_INT32, 4);
  set_text(edge_scale_.id(), "description",
           "edge id (0, 1, ...), as the dimension scale of the edge list and of dimension 1 of "
           "weight");
  attach_dimension(edge_scale_.id(), "edge", dataset_ids(edge_cols_), 0, "/network/edge");
  h5::check(H5DSattach_scale(weight_.id(), edge_scale_.id(), 1),
            "attaching /network/edge to /network/weight");
  id_dimension(g.id(), "vertex", H5T_STD_I32LE, H5T_NATIVE_INT32, start.vertex_names.size(),
               vertices.id(), "vertex id, as the dimension scale of vertex_names");
  id_dimension(g.id(), "edge_type", H5T_STD_I32LE, H5T_NATIVE_INT32, types.size(), type_names.id(),
               "edge type code (of /network/type), as the dimension scale of "
               "type_names");
}

void HistoryFile::create_events(const StartRecord& start) {
  const RecordingParams& rec = plan_.params();
  const h5::Handle g = h5::create_group(file_.id(), "events");
  set_text(g.id(), "description",
           "every action taken, in the order resolved; actor and target are codes into "
           "actor_names, action into action_names");
  h5::write_strings(g.id(), "actor_names", start.event_actors);
  h5::write_strings(g.id(), "action_names", action_strings(&ActionInfo::name));
  h5::write_strings(g.id(), "action_cameo", action_strings(&ActionInfo::cameo));
  std::vector<double> scores;
  scores.reserve(kActionInfo.size());
  for (const ActionInfo& a : kActionInfo) scores.push_back(a.goldstein);
  h5::write_vector(g.id(), "action_goldstein", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, scores.data(),
                   scores.size());
  auto column = [&](const char* name, hid_t file_type, hid_t mem_type, std::size_t bytes) {
    return list_column(g.id(), rec, name, file_type, mem_type, bytes, kEventChunk);
  };
  event_cols_.push_back(column("tick", H5T_STD_I32LE, H5T_NATIVE_INT32, 4));
  event_cols_.push_back(column("date", date_type_.id(), date_type_.id(), kDateBytes));
  event_cols_.push_back(column("actor", H5T_STD_I32LE, H5T_NATIVE_INT32, 4));
  event_cols_.push_back(column("action", H5T_STD_I32LE, H5T_NATIVE_INT32, 4));
  event_cols_.push_back(column("target", H5T_STD_I32LE, H5T_NATIVE_INT32, 4));
  event_cols_.push_back(column("magnitude", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, 8));
  event_cols_.push_back(column("goldstein", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, 8));
  event_cols_.push_back(column("forced", H5T_STD_U8LE, H5T_NATIVE_UINT8, 1));
  event_cols_.push_back(column("issue", H5T_STD_I32LE, H5T_NATIVE_INT32, 4));
  std::vector<std::string> issues;
  issues.reserve(kIssueNames.size());
  for (auto n : kIssueNames) issues.emplace_back(n);
  h5::write_strings(g.id(), "issue_names", issues);
}

void HistoryFile::append(const TickSnapshot& s) {
  if (s.state) {
    tick_.append(&s.tick);
    date_.append(date_bytes(s.date).data());
    const auto day = Date::parse(s.date);
    const std::int32_t days = day ? day->days_since_epoch() : 0;
    time_scale_.append(&days);
    for (std::size_t i = 0; i < kIndicatorCount; ++i) indicators_[i].append(&s.indicators[i]);
    std::size_t c = 0, a = 0;
    for (TableSets& t : tables_) {
      for (h5::RowDataset& d : t.state) d.append(s.columns.at(c++).data());
      for (h5::RowDataset& d : t.aggregates) d.append(&s.aggregates.at(a++));
      if (t.state_time.valid()) t.state_time.append(&days);
      t.aggregates_time.append(&days);
    }
  }
  if (!edge_cols_.empty()) {
    for (const EdgeRecord& e : s.new_edges) {
      const auto id = static_cast<std::int32_t>(edge_scale_.rows());
      edge_scale_.append(&id);
      edge_cols_[0].append(&e.source);
      edge_cols_[1].append(&e.target);
      edge_cols_[2].append(&e.type);
      edge_cols_[3].append(&e.created_tick);
    }
  }
  if (s.network && weight_.valid()) {
    weight_.widen(s.weights.size());
    std::vector<double> row(weight_.width(), std::nan(""));
    std::copy(s.weights.begin(), s.weights.end(), row.begin());
    weight_.append(row.data());
    net_tick_.append(&s.tick);
    const auto day = Date::parse(s.date);
    const std::int32_t days = day ? day->days_since_epoch() : 0;
    net_time_.append(&days);
  }
  if (!event_cols_.empty()) {
    for (const Event& e : s.events) {
      const auto actor = static_cast<std::int32_t>(e.actor);
      const auto action = static_cast<std::int32_t>(e.action);
      const auto target = static_cast<std::int32_t>(e.target);
      event_cols_[0].append(&e.tick);
      event_cols_[1].append(date_bytes(e.date.iso()).data());
      event_cols_[2].append(&actor);
      event_cols_[3].append(&action);
      event_cols_[4].append(&target);
      event_cols_[5].append(&e.magnitude);
      event_cols_[6].append(&e.goldstein);
      const std::uint8_t forced = e.forced ? 1 : 0;
      // A small signed code (-1: none), widened with its sign on purpose.
      const std::int32_t issue = e.issue;  // NOLINT(bugprone-signed-char-misuse)
      event_cols_[7].append(&forced);
      event_cols_[8].append(&issue);
    }
  }
}

void HistoryFile::write_pending() {
  // Everything else before /time, so a reader of a killed run never sees a tick in /time
  // whose values were not yet written.
  for (auto& d : indicators_) d.write_pending();
  for (TableSets& t : tables_) {
    for (auto& d : t.state) d.write_pending();
    for (auto& d : t.aggregates) d.write_pending();
    if (t.state_time.valid()) t.state_time.write_pending();
    t.aggregates_time.write_pending();
  }
  for (auto& d : edge_cols_) d.write_pending();
  if (edge_scale_.valid()) edge_scale_.write_pending();
  if (weight_.valid()) weight_.write_pending();
  if (net_tick_.valid()) net_tick_.write_pending();
  if (net_time_.valid()) net_time_.write_pending();
  for (auto& d : event_cols_) d.write_pending();
  time_scale_.write_pending();
  date_.write_pending();
  tick_.write_pending();
}

void HistoryFile::flush() {
  write_pending();
  h5::check(H5Fflush(file_.id(), H5F_SCOPE_GLOBAL), "flushing " + path_.string());
}

void HistoryFile::close_datasets() {
  const std::string what = "closing a dataset of " + path_.string();
  tick_.close(what);
  date_.close(what);
  time_scale_.close(what);
  for (auto& d : indicators_) d.close(what);
  for (TableSets& t : tables_) {
    for (auto& d : t.state) d.close(what);
    for (auto& d : t.aggregates) d.close(what);
    t.state_time.close(what);
    t.aggregates_time.close(what);
  }
  for (auto& d : edge_cols_) d.close(what);
  edge_scale_.close(what);
  net_tick_.close(what);
  net_time_.close(what);
  weight_.close(what);
  for (auto& d : event_cols_) d.close(what);
}

void HistoryFile::finish(RunStatus status, const std::string& end_time) {
  write_pending();
  close_datasets();
  if (!swmr_) {
    // Never published: the attributes can be written in place, and the file is renamed only
    // after it is closed, so a reader never sees the status before the data.
    set_text(file_.id(), "status", name(status));
    set_text(file_.id(), "end_time", end_time);
    file_.close("closing " + path_.string());
    return;
  }
  file_.close("closing " + path_.string());
  h5::Handle f(H5Fopen(path_.c_str(), H5F_ACC_RDWR, h5::kDefault), H5Fclose,
               "reopening " + path_.string());
  set_text(f.id(), "status", name(status));
  set_text(f.id(), "end_time", end_time);
  f.close("closing " + path_.string());
}

void mark_history(const std::filesystem::path& path, RunStatus status,
                  const std::string& end_time) noexcept {
  try {
    h5::Handle f(H5Fopen(path.c_str(), H5F_ACC_RDWR, h5::kDefault), H5Fclose, "reopening");
    h5::set_attribute(f.id(), "status", name(status));
    h5::set_attribute(f.id(), "end_time", std::string_view(end_time));
    f.close("closing");
  } catch (...) {
    // Best effort on an error path: the file keeps status "incomplete".
  }
}

}  // namespace vecinos
