#include "world/footprint.hpp"

#include <unistd.h>

#include <fmt/format.h>

#include "model/errors.hpp"

#include "agents/firms.hpp"
#include "agents/migrants.hpp"

namespace vecinos {

MemoryEstimate estimated_memory(const Config& cfg) {
  MemoryEstimate e;
  const std::uint64_t people = Migrants::estimated_bytes(cfg.migrants);
  const std::uint64_t firms = Firms::estimated_bytes(cfg.firms);
  e.bytes = kBaseMemoryBytes + people + firms;
  e.detail =
      fmt::format("{} migrant agents with {} kin ties: {}; {} firm agents: {}; the rest: {}",
                  Migrants::agent_count(cfg.migrants), cfg.migrants.kin_ties, memory_text(people),
                  cfg.firms.agents, memory_text(firms), memory_text(kBaseMemoryBytes));
  return e;
}

void check_memory(const Config& cfg, const std::string& name, double max_gb) {
  if (max_gb == 0) return;
  const std::uint64_t machine = physical_memory_bytes();
  const std::uint64_t limit = max_gb > 0 ? static_cast<std::uint64_t>(max_gb * 1e9) : machine;
  if (limit == 0) return;  // the system does not say how much it has
  const MemoryEstimate e = estimated_memory(cfg);
  if (e.bytes <= limit) return;
  throw InputError(fmt::format(
      "{}: this run needs about {} of memory ({}), more than {}; use fewer agents (a larger "
      "migrants.scale, fewer migrants.kin_ties or firms.agents) or set the limit with "
      "--max-memory-gb (0 for none)",
      name, memory_text(e.bytes), e.detail,
      max_gb > 0 ? fmt::format("the limit of {} (--max-memory-gb)", memory_text(limit))
                 : fmt::format("this machine's {}", memory_text(machine))));
}

std::uint64_t physical_memory_bytes() {
  const long pages = ::sysconf(_SC_PHYS_PAGES), size = ::sysconf(_SC_PAGE_SIZE);
  if (pages <= 0 || size <= 0) return 0;
  return static_cast<std::uint64_t>(pages) * static_cast<std::uint64_t>(size);
}

std::string memory_text(std::uint64_t bytes) {
  const auto b = static_cast<double>(bytes);
  if (b >= 1e9) return fmt::format("{:.{}f} GB", b / 1e9, b >= 1e10 ? 0 : 1);
  if (b >= 1e6) return fmt::format("{:.0f} MB", b / 1e6);
  return fmt::format("{:.0f} kB", b / 1e3);
}

}  // namespace vecinos
