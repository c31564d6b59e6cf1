#!/usr/bin/env bash
# Scale benchmark (issue 4): the whole 2024-11-06 .. 2029-01-20 horizon at full scale
# (configs/full_scale.yaml: one agent per person, about 14 million agents) with 1 and 2
# threads. Prints ticks per second, agent-updates per second, peak memory and the speedup.
# Not a test: run it on a quiet machine.
#   tools/bench/scale.sh [CONFIG]     (default configs/full_scale.yaml)
set -euo pipefail
cd "$(dirname "$0")/../.."
config=${1:-configs/full_scale.yaml}
cmake --preset release >/dev/null
cmake --build --preset release --target vecinos >/dev/null
exe=build/release/tools/vecinos
declare -A total
for t in 1 2; do
  echo "== $config, $t thread(s)"
  out=$("$exe" bench "$config" --threads "$t")
  echo "$out"
  total[$t]=$(awk '/^total_seconds/ {print $2}' <<<"$out")
done
awk -v a="${total[1]}" -v b="${total[2]}" 'BEGIN { printf "speedup_2_vs_1   %.2f (total wall time %.1f s -> %.1f s)\n", a / b, a, b }'
