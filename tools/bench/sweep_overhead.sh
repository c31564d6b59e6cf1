#!/usr/bin/env bash
# Sweep benchmark (issue 6). Not a test: run it on a quiet machine.
#  1. Orchestration overhead: 200 short tasks (4 weekly ticks, migrants.scale=1000,
#     firms.agents=300), run one by one with `vecinos run` (the sum of single runs), then as a
#     sweep with --jobs 1 (the difference is the sweep's own cost per task), with --jobs $(nproc),
#     and under mpirun when Open MPI is installed.
#  2. The Latin hypercube example, configs/sweeps/lhs_leaders.yaml (128 full-horizon runs), with
#     --jobs $(nproc), into a temporary directory.
#   tools/bench/sweep_overhead.sh [VECINOS]   (default: builds and uses build/release/tools/vecinos)
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
if [[ $# -ge 1 ]]; then
  exe=$(realpath "$1")
else
  cmake --preset release >/dev/null
  cmake --build --preset release --target vecinos >/dev/null
  exe=$root/build/release/tools/vecinos
fi
jobs=$(nproc)
work=$(mktemp -d /tmp/vecinos-sweep-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

# 200 tasks: 20 points x 10 replicates.
cat >"$work/short.yaml" <<YAML
base: $root/configs/baseline.yaml
output: $work/out
replicates: 10
seed: 1
design: lhs
samples: 20
parameters:
  presidents.mx.forbearance: {min: 0.2, max: 0.9}
  presidents.us.tariff_propensity: {min: 0.2, max: 0.95}
set:
  simulation.end: 2024-12-04
  migrants.scale: 1000
  firms.agents: 300
outcomes:
  - {indicator: relationship_tension, stat: max}
YAML
tasks=$("$exe" sweep plan "$work/short.yaml" | tail -n 1 | awk '{print $1}')
echo "== orchestration overhead: $tasks short tasks ($(nproc) cores)"

# The sum of single runs: each task's own `vecinos run` command, one after the other.
"$exe" sweep plan --commands "$work/short.yaml" | sed "s|$work/out/|$work/single/|" >"$work/commands.sh"
mkdir -p "$work/single"
t0=$(now)
bash "$work/commands.sh"
t1=$(now)
single=$(seconds "$t0" "$t1")
echo "sum of single runs (vecinos run, one after the other)   ${single} s"

run_sweep() {  # run_sweep LABEL COMMAND...: times a sweep into a fresh output directory
  local label=$1
  shift
  rm -rf "$work/out"
  local a b
  a=$(now)
  "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  b=$(now)
  local s
  s=$(seconds "$a" "$b")
  printf '%-55s %s s' "$label" "$s"
  awk -v s="$s" -v one="$single" -v n="$tasks" \
    'BEGIN { printf "   (%+.1f ms a task against the sum of single runs; %.2fx its speed)\n", (s - one) * 1000 / n, one / s }'
}
run_sweep "sweep run --jobs 1" "$exe" sweep run "$work/short.yaml" --jobs 1
run_sweep "sweep run --jobs $jobs" "$exe" sweep run "$work/short.yaml" --jobs "$jobs"
if command -v mpirun >/dev/null 2>&1; then
  run_sweep "mpirun -np $((jobs + 1)) sweep run --mpi ($jobs workers)" \
    mpirun --allow-run-as-root --oversubscribe -np $((jobs + 1)) "$exe" sweep run "$work/short.yaml" --mpi
fi
# Resuming a finished sweep only checks the files.
a=$(now)
"$exe" sweep run "$work/short.yaml" >/dev/null 2>&1
b=$(now)
printf '%-55s %s s\n' "sweep run again (every task complete: skipped)" "$(seconds "$a" "$b")"
a=$(now)
"$exe" sweep collect "$work/out" >/dev/null
b=$(now)
printf '%-55s %s s\n' "sweep collect ($tasks tasks)" "$(seconds "$a" "$b")"

echo "== configs/sweeps/lhs_leaders.yaml (Latin hypercube, 7 parameters)"
sed -e "s|^base: .*|base: $root/configs/baseline.yaml|" -e "s|^output: .*|output: $work/lhs|" \
  configs/sweeps/lhs_leaders.yaml >"$work/lhs.yaml"
"$exe" sweep plan "$work/lhs.yaml" | tail -n 1
a=$(now)
"$exe" sweep run "$work/lhs.yaml" --jobs "$jobs" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
b=$(now)
printf '%-55s %s s\n' "sweep run --jobs $jobs" "$(seconds "$a" "$b")"
a=$(now)
"$exe" sweep collect "$work/lhs" >/dev/null
b=$(now)
printf '%-55s %s s (%s)\n' "sweep collect" "$(seconds "$a" "$b")" "$(du -sh "$work/lhs" | cut -f1) of histories"
