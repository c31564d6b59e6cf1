#!/usr/bin/env bash
# Runs the libFuzzer targets of tests/fuzz (issue 12, item 18) for a given time each.
#
#   tools/fuzz.sh [--seconds N] [--preset P] [--parallel] [TARGET ...]
#                                          targets: config sweep calibration ktab history (default: all)
#   tools/fuzz.sh --classify LOG           exit 0 if every failure in a libFuzzer log is inside
#                                          libhdf5 (the rule the history target uses; tested)
#
# Builds the targets in the preset's tree (default `fuzz`: clang, AddressSanitizer; `asan`,
# which CI uses, also has UBSan; both instrument the library for coverage), then runs each
# target for N seconds (default 30), one after the other or, with --parallel, all at once, on a
# working corpus seeded from tests/fuzz/corpus/<target> (build/<preset>/corpus/<target>: the
# seeds are never modified). A crash, a leak, an input slower than 10 s or one needing more
# than 2 GiB stops that target; its input is saved as build/<preset>/fuzz-artifacts/<target>/
# crash-* (or leak-, timeout-, oom-; the previous run's are removed) and the script exits 1.
# The history target goes on past crashes and hangs inside libhdf5 itself (see fuzz_one). Prints each target's executions,
# executions per second and corpus size.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=30
preset=fuzz
parallel=0
classify=""
targets=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --seconds=*) seconds="${1#*=}"; shift ;;
    --preset) preset="$2"; shift 2 ;;
    --parallel) parallel=1; shift ;;
    --classify) classify="$2"; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    config|sweep|calibration|ktab|history) targets+=("$1"); shift ;;
    *) echo "fuzz.sh: unknown argument '$1' (targets: config sweep calibration ktab history)" >&2; exit 2 ;;
  esac
done
[[ ${#targets[@]} -eq 0 ]] && targets=(config sweep calibration ktab history)
case "$preset" in
  fuzz|asan) ;;
  *) echo "fuzz.sh: --preset $preset: the targets build only in the fuzz and asan presets" >&2; exit 2 ;;
esac

# One target: fuzz for the given time; the log holds libFuzzer's output, rc its exit code.
# The history target parses HDF5 files, and libhdf5 1.10.8 (Debian 12) itself crashes or loops
# forever on some damaged files (a corrupt global heap read through a variable-length string:
# H5Aread -> H5T__conv_vlen -> H5HG_read, found here on 2026-12-02). It runs in fork mode,
# going on past those, and every failure it meets is classified afterwards (known_only below).
fuzz_one() {
  local t=$1 work=$dir/corpus/$1 artifacts=$dir/fuzz-artifacts/$1/
  local mode=()
  [[ $t == history ]] && mode=(-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=0)
  rm -rf "$artifacts"  # the inputs of the previous run of this target
  mkdir -p "$work" "$artifacts"
  set +e
  ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=tests/fuzz/lsan.supp \
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    HDF5_USE_FILE_LOCKING=FALSE \
    "$dir/tests/fuzz/fuzz_$t" "${mode[@]}" -max_total_time="$seconds" -timeout=10 \
      -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts" "$work" \
      "tests/fuzz/corpus/$t" >"$dir/fuzz-$t.log" 2>&1
  echo $? >"$dir/fuzz-$t.rc"
}

# Replays each input the fork-mode run saved (fork mode logs no stack for a hang) into one
# log, at most 8 of them, a hang stopped after 3 s.
replay_artifacts() {
  local t=$1 out=$2 n=0
  : >"$out"
  for a in "$dir/fuzz-artifacts/$t"/crash-* "$dir/fuzz-artifacts/$t"/timeout-*; do
    [[ -f $a && $n -lt 8 ]] || continue
    n=$((n + 1))
    ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=tests/fuzz/lsan.supp \
      HDF5_USE_FILE_LOCKING=FALSE "$dir/tests/fuzz/fuzz_$t" -timeout=3 -runs=1 "$a" >>"$out" 2>&1 || true
  done
}

# True when every failure in a log is a crash or a hang whose innermost frame (past the
# sanitizer's interceptors, libFuzzer's alarm handler and libc's signal frame) is in libhdf5
# (what vecinos cannot stop; docs/reliability.md), and prints how many there were. A failure
# in vecinos' own code, a sanitizer report outside libhdf5 or an out-of-memory is not.
known_only() {
  awk '
    /ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:/ { pending = 1; n++
      if ($0 ~ /runtime error:|out-of-memory|LeakSanitizer/) bad++
      next }
    pending && /^ *#[0-9]+ / && !/__interceptor_| in (malloc|calloc|realloc|free) |__asan|__sanitizer|fuzzer::|libc\.so/ {
      pending = 0; if ($0 !~ /libhdf5/) bad++ }
    END { printf "%d", n; exit (bad > 0 || (n > 0 && pending)) }' "$1"
}

if [[ -n $classify ]]; then
  if n=$(known_only "$classify"); then
    echo "fuzz: $n failures, all inside libhdf5"
    exit 0
  fi
  echo "fuzz: a failure outside libhdf5 (or a sanitizer report of vecinos) in $classify"
  exit 1
fi

if ! command -v clang++ >/dev/null 2>&1; then
  echo "fuzz.sh: clang++ is missing: tools/setup-deps.sh --checks installs clang and libFuzzer" >&2
  exit 2
fi

dir=build/$preset
launcher=()
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
if [[ ! -f $dir/build.ninja ]]; then
  cmake --preset "$preset" "${launcher[@]}" >/dev/null
fi
cmake --build --preset "$preset" -j "${FUZZ_BUILD_JOBS:-$(nproc)}" \
  $(printf -- '--target fuzz_%s ' "${targets[@]}") >/dev/null

if [[ $parallel -eq 1 ]]; then
  for t in "${targets[@]}"; do fuzz_one "$t" & done
  wait
else
  for t in "${targets[@]}"; do fuzz_one "$t"; done
fi

status=0
for t in "${targets[@]}"; do
  log=$dir/fuzz-$t.log
  rc=$(cat "$dir/fuzz-$t.rc")
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  corpus=$(find "$dir/corpus/$t" -type f | wc -l)
  if [[ $t == history ]]; then
    # Fork mode: the last status line counts the runs; the saved inputs are replayed.
    execs=$(sed -n 's/^#\([0-9]*\): cov.*/\1/p' "$log" | tail -1)
    rate=$(sed -n 's/^#[0-9]*: cov.* exec\/s \([0-9]*\).*/\1/p' "$log" | tail -1)
    replay_artifacts "$t" "$dir/fuzz-$t-replay.log"
    cat "$dir/fuzz-$t-replay.log" >>"$log"
    [[ -s "$dir/fuzz-$t-replay.log" ]] && rc=1
  fi
  if [[ $rc -ne 0 && $t == history ]] && known=$(known_only "$log"); then
    echo "fuzz $t: ${execs:-?} runs in ${seconds} s (${rate:-?}/s), corpus $corpus inputs: no failure" \
      "of vecinos; $known crashes or hangs inside libhdf5 (inputs in $dir/fuzz-artifacts/$t/)"
  elif [[ $rc -eq 0 ]]; then
    echo "fuzz $t: ${execs:-?} runs in ${seconds} s (${rate:-?}/s), corpus $corpus inputs: no failure"
  else
    status=1
    echo "fuzz $t: FAILED (exit $rc) after ${execs:-?} runs; input saved in $dir/fuzz-artifacts/$t/; log $log"
    grep -E "^(==[0-9]+==ERROR|SUMMARY|    #[0-9] |.*runtime error)" "$log" | head -20 || true
  fi
done
exit $status
