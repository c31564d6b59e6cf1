#pragma once
// Reading what `vecinos sweep collect` needs from one task's history: the dates of the recorded
// ticks, indicator series and the event list (output/SCHEMA.md).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/date.hpp"
#include "output/hdf5_handle.hpp"

namespace vecinos::sweep {

/// The event list of a history, decoded.
struct EventList {
  std::vector<std::int32_t> day;  ///< days from the run's first recorded tick
  std::vector<std::string> actor, action;
};

class TaskHistory {
 public:
  explicit TaskHistory(hid_t file) : file_(file) {}

  /// Days from the first recorded tick to each recorded tick (from /time/date).
  [[nodiscard]] const std::vector<std::int32_t>& days();
  /// The date of the first recorded tick (day 0 of days() and of the events); throws
  /// RuntimeError when the history records no tick.
  [[nodiscard]] Date start();
  /// /indicators/<name> as doubles; throws RuntimeError when it is missing.
  [[nodiscard]] std::vector<double> series(const std::string& indicator) const;
  /// The events, or nothing when the history records none (recording.events: false).
  [[nodiscard]] const std::optional<EventList>& events();

 private:
  hid_t file_;
  std::optional<std::vector<std::int32_t>> days_;
  std::optional<std::optional<EventList>> events_;
  std::optional<std::string> start_;  ///< ISO date of the first recorded tick
};

/// A 1-D fixed-length string dataset as strings (trailing NULs removed).
std::vector<std::string> read_fixed_strings(hid_t file, const std::string& path);

}  // namespace vecinos::sweep
