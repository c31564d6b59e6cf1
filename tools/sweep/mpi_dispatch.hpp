#pragma once
// `mpirun -np N vecinos sweep run FILE --mpi`: rank 0 hands out tasks one at a time to the
// other ranks as they ask for work (runs differ in length, so a static split would leave ranks
// idle); each worker runs its tasks as child processes (executor.hpp), `jobs` at a time, and
// reports back. With one rank, rank 0 runs every task itself. Built only with VECINOS_MPI; a
// build without it refuses --mpi (exit 2).
#include <atomic>
#include <cstdint>
#include <ostream>
#include <vector>

#include "tools/sweep/executor.hpp"

namespace vecinos::sweep {

/// True when this program was built with MPI support.
bool mpi_supported();
/// Throws InputError (exit 2) explaining how to get MPI support, when there is none.
void require_mpi();

/// Runs the tasks of `indices` under MPI; every rank calls it. Initialises and finalises MPI.
/// Rank 0 prints the progress on `log` and returns 0 when every task is complete, 1 when some
/// failed; workers return 0. A signal stops each rank's running tasks (their histories stay
/// .partial) and aborts the MPI job. Throws InputError when built without MPI.
int run_tasks_mpi(const TaskList& tasks, const std::vector<std::uint64_t>& indices,
                  const RunOptions& options, const std::atomic<int>& stop, std::ostream& log);

}  // namespace vecinos::sweep
