#pragma once
// How much memory a run of a config needs, estimated before the world is built, so that a
// config that would exhaust the machine is refused at once (vecinos run --max-memory-gb)
// instead of being killed by the kernel after minutes. The populations dominate; each agent
// kind states its own cost per agent (Migrants::estimated_bytes, Firms::estimated_bytes).
#include <cstdint>
#include <string>

#include "world/config.hpp"

namespace vecinos {

struct MemoryEstimate {
  std::uint64_t bytes = 0;  ///< peak resident memory of the run, about
  std::string detail;       ///< what it is made of, for messages ("14,350,000 people ...")
};

/// Program, libraries and the small agent kinds: 16 MiB (the peak of a run with no people).
inline constexpr std::uint64_t kBaseMemoryBytes = std::uint64_t{16} << 20;

MemoryEstimate estimated_memory(const Config& cfg);

/// Throws InputError (exit 2) when the run of `cfg` (loaded from `name`) would need more than
/// `max_gb` GB, or, when `max_gb` is negative, more than this machine's physical memory; 0 is
/// no limit. The message says what the memory is made of and how to proceed.
void check_memory(const Config& cfg, const std::string& name, double max_gb);

/// This machine's physical memory in bytes (0 when the system does not say).
std::uint64_t physical_memory_bytes();

/// "37 MB", "2.1 GB": bytes in decimal units with two or three significant digits.
std::string memory_text(std::uint64_t bytes);

}  // namespace vecinos
