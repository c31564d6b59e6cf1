#include "tools/sweep/task_reader.hpp"

#include <fmt/format.h>

#include "model/date.hpp"
#include "model/errors.hpp"

namespace vecinos::sweep {
namespace {

using h5::Handle;

Handle open_dataset(hid_t file, const std::string& path) {
  return Handle(H5Dopen2(file, path.c_str(), h5::kDefault), H5Dclose, "opening " + path);
}

template <class T>
std::vector<T> read_numbers(hid_t file, const std::string& path, hid_t mem_type) {
  const Handle ds = open_dataset(file, path);
  const auto d = h5::dims(ds.id());
  std::vector<T> v(d.empty() ? 1 : static_cast<std::size_t>(d[0]));
  if (!v.empty())
    h5::check(H5Dread(ds.id(), mem_type, H5S_ALL, H5S_ALL, h5::kDefault, v.data()),
              "reading " + path);
  return v;
}

bool exists(hid_t file, const std::string& path) {
  return H5Lexists(file, path.c_str(), h5::kDefault) > 0;
}

/// Days since 1970-01-01 of an ISO date; throws RuntimeError naming the dataset.
std::int32_t day_of(const std::string& iso, const std::string& where) {
  const auto d = Date::parse(iso);
  if (!d) throw RuntimeError(fmt::format("{}: '{}' is not a date", where, iso));
  return d->days_since_epoch();
}

}  // namespace

std::vector<std::string> read_fixed_strings(hid_t file, const std::string& path) {
  const Handle ds = open_dataset(file, path);
  const Handle type(H5Dget_type(ds.id()), H5Tclose, "type of " + path);
  if (H5Tis_variable_str(type.id()) > 0)
    throw RuntimeError(fmt::format("{}: variable-length strings, expected fixed-length", path));
  const std::size_t size = H5Tget_size(type.id());
  const auto d = h5::dims(ds.id());
  const std::size_t n = d.empty() ? 1 : static_cast<std::size_t>(d[0]);
  std::vector<char> buf(n * size + 1, '\0');
  if (n > 0)
    h5::check(H5Dread(ds.id(), type.id(), H5S_ALL, H5S_ALL, h5::kDefault, buf.data()),
              "reading " + path);
  std::vector<std::string> out(n);
  for (std::size_t i = 0; i < n; ++i) {
    std::string s(buf.data() + i * size, size);
    s.erase(s.find_last_not_of('\0') + 1);
    out[i] = std::move(s);
  }
  return out;
}

const std::vector<std::int32_t>& TaskHistory::days() {
  if (!days_) {
    const auto dates = read_fixed_strings(file_, "time/date");
    std::vector<std::int32_t> d(dates.size());
    for (std::size_t i = 0; i < dates.size(); ++i) d[i] = day_of(dates[i], "/time/date");
    if (!d.empty()) {
      start_ = dates.front();
      const std::int32_t first = d.front();
      for (auto& x : d) x -= first;
    }
    days_ = std::move(d);
  }
  return *days_;
}

Date TaskHistory::start() {
  (void)days();
  if (!start_) throw RuntimeError("/time/date: the history records no tick");
  return Date::from_days(day_of(*start_, "/time/date"));
}

std::vector<double> TaskHistory::series(const std::string& indicator) const {
  return read_numbers<double>(file_, "indicators/" + indicator, H5T_NATIVE_DOUBLE);
}

const std::optional<EventList>& TaskHistory::events() {
  if (events_) return *events_;
  if (!exists(file_, "events")) {
    events_.emplace(std::nullopt);
    return *events_;
  }
  (void)days();
  const std::int32_t first = start_ ? day_of(*start_, "/time/date") : 0;
  const auto dates = read_fixed_strings(file_, "events/date");
  const auto actor = read_numbers<std::int32_t>(file_, "events/actor", H5T_NATIVE_INT32);
  const auto action = read_numbers<std::int32_t>(file_, "events/action", H5T_NATIVE_INT32);
  const auto actor_names = read_fixed_strings(file_, "events/actor_names");
  const auto action_names = read_fixed_strings(file_, "events/action_names");
  EventList e;
  const std::size_t n = std::min({dates.size(), actor.size(), action.size()});
  auto name = [](const std::vector<std::string>& names, std::int32_t code, const char* what) {
    if (code < 0 || static_cast<std::size_t>(code) >= names.size())
      throw RuntimeError(fmt::format("/events/{}: code {} outside its names table", what, code));
    return names[static_cast<std::size_t>(code)];
  };
  for (std::size_t i = 0; i < n; ++i) {
    e.day.push_back(day_of(dates[i], "/events/date") - first);
    e.actor.push_back(name(actor_names, actor[i], "actor"));
    e.action.push_back(name(action_names, action[i], "action"));
  }
  events_.emplace(std::move(e));
  return *events_;
}

}  // namespace vecinos::sweep
