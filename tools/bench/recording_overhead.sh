#!/usr/bin/env bash
# Recording overhead: wall time of `vecinos run` with an HDF5 history (-o) against the same run
# with --no-history, median of N interleaved repetitions each. Prints the figure; not a test.
#
#   tools/bench/recording_overhead.sh [-b BUILD_DIR] [-n REPS] [CONFIG] [-- extra run options]
#   tools/bench/recording_overhead.sh                       # baseline, build/release, 20 reps
#   tools/bench/recording_overhead.sh -n 5 configs/baseline.yaml -- --set simulation.days_per_tick=1
set -euo pipefail
cd "$(dirname "$0")/../.."
build=build/release
reps=20
while getopts "b:n:" opt; do
  case $opt in
    b) build=$OPTARG ;;
    n) reps=$OPTARG ;;
    *) sed -n '2,7p' "$0" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
config=configs/baseline.yaml
if [[ $# -gt 0 && $1 != "--" ]]; then config=$1; shift; fi
[[ ${1:-} == "--" ]] && shift
exe=$build/tools/vecinos
[[ -x $exe ]] || { echo "recording_overhead: no $exe; build it first (cmake --build $build --target vecinos)" >&2; exit 2; }
threads=${THREADS:-$(nproc)}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ms() { date +%s%N; }
run_once() {  # prints milliseconds of one run
  local t0 t1
  t0=$(ms)
  "$exe" run "$config" -q --threads "$threads" "$@" >/dev/null
  t1=$(ms)
  echo $(((t1 - t0) / 1000))
}
median() { sort -n | awk '{v[NR]=$1} END {m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2; printf "%.1f", m/1000}'; }

run_once --no-history "$@" >/dev/null  # warm the page cache
: >"$tmp/off"
: >"$tmp/on"
for ((i = 0; i < reps; i++)); do
  run_once --no-history "$@" >>"$tmp/off"
  run_once -o "$tmp/h.h5" --force "$@" >>"$tmp/on"
done
off=$(median <"$tmp/off")
on=$(median <"$tmp/on")
size=$(du -k "$tmp/h.h5" | cut -f1)
ticks=$("$exe" inspect "$tmp/h.h5" | sed -n 's/^ticks *\([0-9]*\) recorded.*/\1/p')
echo "config $config $*, $threads threads, $reps repetitions (median wall time)"
echo "  without history (--no-history): $off ms"
echo "  with history (-o FILE.h5):      $on ms   ($ticks recorded ticks, ${size} KiB)"
awk -v a="$off" -v b="$on" -v t="$ticks" 'BEGIN {
  printf "  recording overhead: %+.1f ms, %+.0f%%", b - a, 100 * (b - a) / a
  if (t > 0) printf " (%.3f ms per recorded tick)", (b - a) / t
  printf "\n" }'
