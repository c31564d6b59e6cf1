#include "model/observer.hpp"

namespace vecinos {

std::string_view name(RunStatus s) {
  switch (s) {
    case RunStatus::complete: return "complete";
    case RunStatus::incomplete: return "incomplete";
    case RunStatus::failed: return "failed";
  }
  return "?";
}

}  // namespace vecinos
