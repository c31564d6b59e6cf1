#include "tools/sweep/slurm.hpp"

#include <fmt/format.h>

namespace vecinos::sweep {
std::string array_spec(const ArrayChunk& c, std::uint64_t throttle) {
  std::string s = c.size == 1 ? "0" : fmt::format("0-{}", c.size - 1);
  if (throttle > 0) s += fmt::format("%{}", throttle);
  return s;
}

std::vector<ArrayChunk> array_chunks(std::uint64_t elements, std::uint64_t array_max) {
  std::vector<ArrayChunk> out;
  const std::uint64_t m = std::max<std::uint64_t>(1, array_max);
  for (std::uint64_t off = 0; off < elements; off += m)
    out.push_back({off, std::min(m, elements - off)});
  return out;
}

TaskRange element_tasks(std::uint64_t array_index, std::uint64_t offset, std::uint64_t pack,
                        std::uint64_t tasks) {
  const std::uint64_t e = offset + array_index;
  const std::uint64_t p = std::max<std::uint64_t>(1, pack);
  if (e >= (tasks + p - 1) / p) return {tasks, tasks};
  return {e * p, std::min(tasks, (e + 1) * p)};
}

std::string slurm_script(const TaskList& tasks, const SlurmOptions& o,
                         const std::filesystem::path& exe,
                         const std::filesystem::path& sweep_file) {
  const Sweep& s = tasks.sweep();
  const std::uint64_t pack = std::max<std::uint64_t>(1, o.pack);
  const std::uint64_t elements = (tasks.size() + pack - 1) / pack;
  const auto chunks = array_chunks(elements, o.array_max);
  const std::string name =
      o.job_name.empty() ? "vecinos-" + s.output.filename().string() : o.job_name;
  const auto logs = s.output / "slurm";

  std::string t = "#!/bin/bash\n";
  t += fmt::format("#SBATCH --job-name={}\n", name);
  if (!chunks.empty()) t += fmt::format("#SBATCH --array={}\n", array_spec(chunks[0], o.throttle));
  t += fmt::format("#SBATCH --time={}\n", o.time);
  if (!o.partition.empty()) t += fmt::format("#SBATCH --partition={}\n", o.partition);
  t += fmt::format("#SBATCH --ntasks=1\n#SBATCH --cpus-per-task={}\n", o.cpus_per_task);
  if (!o.mem.empty()) t += fmt::format("#SBATCH --mem={}\n", o.mem);
  t += fmt::format("#SBATCH --output={}/%A_%a.out\n", logs.string());
  t += "#SBATCH --open-mode=append\n";
  t += fmt::format("#SBATCH --signal=B:USR1@{}\n", o.signal_seconds);
  t += "#SBATCH --requeue\n";
  for (const auto& extra : o.sbatch_options) t += fmt::format("#SBATCH {}\n", extra);
  t += fmt::format(
      "#\n"
      "# vecinos sweep {}: {} tasks ({} points x {} replicates), {} per array element: {} "
      "elements in {} array{}.\n"
      "# Submit with `bash <this file>`{}.\n"
      "# Element e = VECINOS_SWEEP_OFFSET + SLURM_ARRAY_TASK_ID runs tasks e*{} .. e*{}+{} with\n"
      "# `vecinos sweep run --slurm`, {} at a time; finished histories are skipped, so a requeued "
      "or resubmitted element\n"
      "# resumes. USR1 {} s before the time limit stops the running tasks (their histories stay "
      ".partial) and requeues\n"
      "# the element. Outputs: {}; logs: {}/%A_%a.out\n",
      s.file.string(), tasks.size(), tasks.points(), s.replicates, pack, elements, chunks.size(),
      chunks.size() == 1 ? "" : "s",
      chunks.size() == 1
          ? " (or sbatch <this file>)"
          : ", which submits every array (sbatch <this file> would submit only the first)",
      pack, pack, pack - 1, o.cpus_per_task, o.signal_seconds, s.output.string(), logs.string());
  t += "set -u\n";
  t += fmt::format("vecinos={}\nsweep={}\n", shell_command({exe.string()}),
                   shell_command({sweep_file.string()}));
  t += "if [[ -z \"${SLURM_JOB_ID:-}\" ]]; then\n";
  t += fmt::format("  # Not inside a job: submit the array{} of this sweep.\n",
                   chunks.size() == 1 ? "" : "s");
  t += fmt::format("  mkdir -p {}\n", shell_command({logs.string()}));
  for (const auto& c : chunks)
    t += fmt::format("  sbatch --array={} --export=ALL,VECINOS_SWEEP_OFFSET={} \"$0\" || exit\n",
                     array_spec(c, o.throttle), c.offset);
  t += "  exit 0\nfi\n";
  t += fmt::format("export VECINOS_SWEEP_PACK={}\n", pack);
  t += "export VECINOS_SWEEP_OFFSET=\"${VECINOS_SWEEP_OFFSET:-0}\"\n";
  t += "\"$vecinos\" sweep run \"$sweep\" --slurm --jobs \"${SLURM_CPUS_PER_TASK:-1}\"";
  if (o.tick_delay_ms > 0) t += fmt::format(" --test-tick-delay-ms {}", o.tick_delay_ms);
  t += " &\n";
  t += R"(pid=$!
# --signal=B:USR1 warns this shell before the time limit: pass it on (the runner stops its tasks,
# leaving .partial histories, and exits 138); a cancellation's TERM likewise.
trap 'kill -USR1 "$pid" 2>/dev/null' USR1
trap 'kill -TERM "$pid" 2>/dev/null' TERM
while :; do
  wait "$pid"; rc=$?
  [[ $rc -gt 128 ]] || break                 # the runner's exit code
  kill -0 "$pid" 2>/dev/null && continue     # a trap interrupted wait: the runner is stopping
  wait "$pid"; last=$?                       # its exit code, unless wait already collected it
  [[ $last -ne 127 ]] && rc=$last
  break
done
if [[ $rc -eq 138 ]]; then
  echo "vecinos: stopped before the time limit; requeueing ${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}"
  scontrol requeue "${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}"
fi
exit "$rc"
)";
  return t;
}

}  // namespace vecinos::sweep
