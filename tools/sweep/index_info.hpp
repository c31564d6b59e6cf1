#pragma once
// `vecinos inspect DIR/sweep.h5` (or DIR): what a sweep index holds (docs/sweeps.md, Collect).
#include <filesystem>
#include <ostream>

namespace vecinos::sweep {

/// True when `path` is a sweep index (root attribute format = "vecinos sweep index").
bool is_sweep_index(const std::filesystem::path& path);

/// Prints the index: tasks by status, the design, each parameter's range, each outcome's
/// summary over the complete tasks, each path's share with a Wilson interval, and the size of
/// the per-point path counts (/paths/by_point: points x paths).
void print_index(const std::filesystem::path& path, std::ostream& out);

}  // namespace vecinos::sweep
