#!/usr/bin/env bash
# Issue 13's targets, measured one after the other and printed as one table (about 3 minutes
# on the project's 2-core machine). Not a test: run it on a quiet machine; the load average is
# printed with the figures. docs/performance.md says how each figure is measured.
#
#   tools/bench/targets.sh [-b BUILD_DIR]     (default build/release, built if missing)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=build/release
while getopts "b:" opt; do
  case $opt in
    b) build=$OPTARG ;;
    *) sed -n '2,6p' "$0" >&2; exit 2 ;;
  esac
done
if [[ ! -x $build/tools/vecinos ]]; then
  cmake --preset release >/dev/null
  cmake --build --preset release --target vecinos >/dev/null
  build=build/release
fi
exe=$(realpath "$build/tools/vecinos")
[[ -x /usr/bin/time ]] || { echo "targets: needs /usr/bin/time (Debian package time)" >&2; exit 2; }
work=$(mktemp -d /tmp/vecinos-targets-XXXXXX)
trap 'rm -rf "$work"' EXIT

field() { awk -v k="$1" '$1 == k {print $2}' "$2"; }
wall() { /usr/bin/time -f "%e" -o "$work/t" "$@" >/dev/null 2>&1; cat "$work/t"; }
row() { printf '%-62s %-14s %s\n' "$1" "$2" "$3"; }
verdict() { awk -v x="$1" -v op="$2" -v y="$3" 'BEGIN {
  ok = (op == "<=") ? (x <= y) : (x >= y); print ok ? "met" : "NOT met" }'; }

echo "vecinos $("$exe" --version | awk '{print $2, $3, $4}'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
"$exe" bench configs/full_scale.yaml --threads 2 >"$work/b2"
"$exe" bench configs/full_scale.yaml --threads 1 >"$work/b1"
with=$(wall "$exe" run configs/full_scale.yaml -o "$work/full.h5" --force -q)
without=$(wall "$exe" run configs/full_scale.yaml --no-history -q)
t2=$(field total_seconds "$work/b2")
t1=$(field total_seconds "$work/b1")
speedup=$(awk -v a="$t1" -v b="$t2" 'BEGIN {printf "%.2f", a / b}')
full_over=$(awk -v a="$with" -v b="$without" 'BEGIN {printf "%+.0f", 100 * (a / b - 1)}')
base=$(tools/bench/recording_overhead.sh -b "$build" -n 10 | awk '/wall time/ {print $NF}')

sed -e "s#^base: ../baseline.yaml#base: $PWD/configs/baseline.yaml#" \
  -e "s#^output: .*#output: $work/sweep#" configs/sweeps/lhs_leaders.yaml >"$work/lhs.yaml"
sweep_s=$(wall "$exe" sweep run "$work/lhs.yaml" --jobs 2)
runs=$(ls "$work/sweep"/task-*.h5 | wc -l)
rate=$(awk -v n="$runs" -v s="$sweep_s" 'BEGIN {printf "%.1f", n / s}')

"$exe" bargain --benchmark --actors 1000 --dims 6 --repeat 1 >"$work/bargain"
bargain_s=$(awk '/solve to convergence/ {print $5 / 1000}' "$work/bargain")
turns=$(awk '/^run 1:/ {print $3}' "$work/bargain")

echo
row "figure" "measured" "target"
row "full scale, 2 threads, with the default recording (wall)" "$with s" "<= 10 s: $(verdict "$with" "<=" 10)"
row "full scale, 2 threads, vecinos bench (build + run)" "$t2 s" "(build $(field build_seconds "$work/b2") s, run $(field run_seconds "$work/b2") s)"
row "full scale, 1 thread, vecinos bench" "$t1 s" ""
row "2 threads against 1" "${speedup} x" ">= 1.8 x: $(verdict "$speedup" ">=" 1.8)"
row "world build at full scale, 2 threads" "$(field build_seconds "$work/b2") s" "<= 2 s: $(verdict "$(field build_seconds "$work/b2")" "<=" 2)"
row "peak memory at full scale" "$(field peak_rss_gib "$work/b2") GiB" "<= 3 GiB: $(verdict "$(field peak_rss_gib "$work/b2")" "<=" 3)"
row "recording overhead, full scale (wall, -o against --no-history)" "${full_over} %" "<= 10 %: $(verdict "${full_over#+}" "<=" 10)"
row "recording overhead, baseline (wall, median of 10)" "$base" "<= 10 %: $(verdict "$(tr -d '+%' <<<"$base")" "<=" 10)"
row "baseline runs through sweep run --jobs 2 ($runs runs in $sweep_s s)" "$rate a second" ">= 10: $(verdict "$rate" ">=" 10)"
row "vecinos bargain, 1,000 actors x 6 dimensions ($turns turns)" "$bargain_s s" "<= 30 s: $(verdict "$bargain_s" "<=" 30)"
row "people step against the bandwidth bound (2 threads)" "$(field people_fraction_of_bandwidth "$work/b2")" "($(field people_bytes_per_agent_tick "$work/b2") bytes per person and tick, triad $(field triad_gb_per_s "$work/b2") GB/s)"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
