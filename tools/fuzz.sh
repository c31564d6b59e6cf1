#!/usr/bin/env bash
# Runs the libFuzzer targets of tests/fuzz (issue 12, item 18) for a given time each.
#
#   tools/fuzz.sh [--seconds N] [--jobs J] [TARGET ...]     targets: config sweep ktab history
#
# Builds the `fuzz` preset (clang, AddressSanitizer; build/fuzz) when needed, then runs each
# target for N seconds (default 30) on a working corpus seeded from tests/fuzz/corpus/<target>
# (build/fuzz/corpus/<target>: the seeds are never modified). A crash, a leak, an input slower
# than 10 s or one needing more than 2 GiB stops that target; its input is saved as
# build/fuzz/artifacts/<target>/crash-* (or leak-, timeout-, oom-) and the script exits 1.
# Prints each target's executions, executions per second and corpus size.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=30
targets=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --seconds=*) seconds="${1#*=}"; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    config|sweep|ktab|history) targets+=("$1"); shift ;;
    *) echo "fuzz.sh: unknown argument '$1' (targets: config sweep ktab history)" >&2; exit 2 ;;
  esac
done
[[ ${#targets[@]} -eq 0 ]] && targets=(config sweep ktab history)

if ! command -v clang++ >/dev/null 2>&1; then
  echo "fuzz.sh: clang++ is missing: tools/setup-deps.sh --fuzz installs clang and libFuzzer" >&2
  exit 2
fi

launcher=()
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
if [[ ! -f build/fuzz/build.ninja ]]; then
  cmake --preset fuzz "${launcher[@]}" >/dev/null
fi
cmake --build --preset fuzz -j "${FUZZ_BUILD_JOBS:-$(nproc)}" \
  $(printf -- '--target fuzz_%s ' "${targets[@]}") >/dev/null

status=0
for t in "${targets[@]}"; do
  work=build/fuzz/corpus/$t
  artifacts=build/fuzz/artifacts/$t/
  mkdir -p "$work" "$artifacts"
  log=build/fuzz/$t.log
  set +e
  ASAN_OPTIONS=detect_leaks=1 HDF5_USE_FILE_LOCKING=FALSE \
    build/fuzz/tests/fuzz/fuzz_$t -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -print_final_stats=1 -artifact_prefix="$artifacts" "$work" "tests/fuzz/corpus/$t" \
      >"$log" 2>&1
  rc=$?
  set -e
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  corpus=$(find "$work" -type f | wc -l)
  if [[ $rc -eq 0 ]]; then
    echo "fuzz $t: ${execs:-?} runs in ${seconds} s (${rate:-?}/s), corpus $corpus inputs: no failure"
  else
    status=1
    echo "fuzz $t: FAILED (exit $rc) after ${execs:-?} runs; input saved in $artifacts; log $log"
    grep -E "^(==[0-9]+==ERROR|SUMMARY|    #[0-9] )" "$log" | head -20 || true
  fi
done
exit $status
