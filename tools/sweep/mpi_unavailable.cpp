// run_tasks_mpi for builds without MPI (VECINOS_MPI off or no MPI found).
#include "model/errors.hpp"
#include "tools/sweep/mpi_dispatch.hpp"

namespace vecinos::sweep {

bool mpi_supported() {
  return false;
}

void require_mpi() {
  throw InputError(
      "--mpi: this vecinos was built without MPI support; install Open MPI (libopenmpi-dev, "
      "tools/setup-deps.sh --cluster) and configure with -DVECINOS_MPI=ON, or run the sweep "
      "without --mpi (--jobs N) or as a Slurm job array (vecinos sweep slurm)");
}

int run_tasks_mpi(const TaskList& /*tasks*/, const std::vector<std::uint64_t>& /*indices*/,
                  const RunOptions& /*options*/, const std::atomic<int>& /*stop*/,
                  std::ostream& /*log*/) {
  require_mpi();
  return 2;
}

}  // namespace vecinos::sweep
