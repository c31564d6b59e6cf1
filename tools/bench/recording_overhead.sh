#!/usr/bin/env bash
# Recording overhead: `vecinos run` with an HDF5 history (-o) against the same run with
# --no-history, median of N interleaved repetitions each, wall-clock time and CPU time (user +
# system, all threads). Prints the figure; not a test. On a busy machine trust the CPU figure.
#
#   tools/bench/recording_overhead.sh [-b BUILD_DIR] [-n REPS] [CONFIG] [-- extra run options]
#   tools/bench/recording_overhead.sh                       # baseline, build/release, 20 reps
#   THREADS=1 tools/bench/recording_overhead.sh -n 5 -- --set simulation.days_per_tick=1
set -euo pipefail
cd "$(dirname "$0")/../.."
build=build/release
reps=20
while getopts "b:n:" opt; do
  case $opt in
    b) build=$OPTARG ;;
    n) reps=$OPTARG ;;
    *) sed -n '2,9p' "$0" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
config=configs/baseline.yaml
if [[ $# -gt 0 && $1 != -* ]]; then config=$1; shift; fi
[[ ${1:-} == "--" ]] && shift
exe=$build/tools/vecinos
[[ -x $exe ]] || { echo "recording_overhead: no $exe; build it first (cmake --build $build --target vecinos)" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "recording_overhead: needs /usr/bin/time (Debian package time)" >&2; exit 2; }
threads=${THREADS:-$(nproc)}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
run_once() {  # appends "wall_s cpu_s" of one run to file $1
  local out=$1
  shift
  /usr/bin/time -f "%e %U %S" -o "$tmp/t" "$exe" run "$config" -q --threads "$threads" "$@" >/dev/null
  awk '{printf "%.3f %.3f\n", $1, $2 + $3}' "$tmp/t" >>"$out"
}
median() {  # median of column $1 of stdin, in milliseconds
  awk -v c="$1" '{print $c}' | sort -n |
    awk '{v[NR]=$1} END {m=(NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2; printf "%.0f", 1000*m}'
}

"$exe" run "$config" -q --threads "$threads" --no-history "$@" >/dev/null  # warm caches
: >"$tmp/off"
: >"$tmp/on"
for ((i = 0; i < reps; i++)); do
  run_once "$tmp/off" --no-history "$@"
  run_once "$tmp/on" -o "$tmp/h.h5" --force "$@"
done
wall_off=$(median 1 <"$tmp/off")
wall_on=$(median 1 <"$tmp/on")
cpu_off=$(median 2 <"$tmp/off")
cpu_on=$(median 2 <"$tmp/on")
size=$(du -k "$tmp/h.h5" | cut -f1)
ticks=$("$exe" inspect "$tmp/h.h5" | sed -n 's/^ticks *\([0-9]*\) recorded.*/\1/p')
echo "config $config $*; $threads threads; $reps repetitions; load average $(cut -d' ' -f1 /proc/loadavg)"
echo "  history: $ticks recorded ticks, ${size} KiB"
awk -v a="$wall_off" -v b="$wall_on" -v c="$cpu_off" -v d="$cpu_on" 'BEGIN {
  printf "  wall time: %6d ms without history (--no-history), %6d ms with (-o): %+d ms, %+.0f%%\n", a, b, b - a, 100 * (b - a) / a
  printf "  CPU time:  %6d ms without history,                %6d ms with:      %+d ms, %+.0f%%\n", c, d, d - c, 100 * (d - c) / c }'
