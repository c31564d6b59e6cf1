#pragma once
// Path probabilities per group of runs (`vecinos sweep collect DIR --by point|PARAMETER`,
// docs/sweeps.md): per design point, or per value or equal-count bin of a parameter, each
// path's share of the group's complete runs with Wilson's 95 % interval. The groups are those
// of vecinos.paths.probabilities(df, by=..., bins=...), so the two give the same figures: a
// numeric parameter with more distinct values among the complete runs than `bins` is cut at
// the quantiles of those values (pandas.qcut: linear interpolation, duplicate edges dropped,
// bins (lo, hi] with the first closed), any other parameter is grouped by value in sorted order.
#include <cstddef>
#include <string>
#include <vector>

#include "model/sweep/tasks.hpp"
#include "tools/sweep/collect.hpp"

namespace vecinos::sweep {

/// How `--by` groups the runs.
struct PathGrouping {
  std::string by;   ///< "point" or a parameter's key path
  std::string how;  ///< "design points", "3 equal-count bins", "values"
  std::vector<PathGroup> groups;
};

/// Throws InputError (exit 2) unless `by` is "point" or a parameter of the sweep (the message
/// lists them), or when the sweep has no paths.
void check_path_grouping(const Sweep& s, const std::string& by, std::size_t bins);

/// Every point of the design (points without complete runs have runs 0 and NaN intervals).
std::vector<PathGroup> path_shares_by_point(const TaskList& tasks, const CollectSummary& sum);

/// The groups of `by` ("point" or a parameter) over the complete runs; only groups that hold
/// runs (as pandas' groupby with observed=True).
PathGrouping path_grouping(const TaskList& tasks, const CollectSummary& sum, const std::string& by,
                           std::size_t bins);

/// The edges of `bins` equal-count bins of `values` (any order), as pandas.qcut computes them:
/// numpy's linear quantiles at 0, 1/bins, ..., 1, repeated edges dropped.
std::vector<double> equal_count_edges(std::vector<double> values, std::size_t bins);

/// The table `collect --by` prints: a line per group and path (runs, count, share, interval).
std::string path_grouping_table(const PathGrouping& g);

/// The same as CSV: by, path, runs, count, probability, lo, hi, group_lo, group_hi (the
/// columns of vecinos.paths.probabilities; numbers in full precision).
std::string path_grouping_csv(const PathGrouping& g);

}  // namespace vecinos::sweep
