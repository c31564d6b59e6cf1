#!/usr/bin/env bash
# README command two: install what is missing, then check everything CI checks:
#   1. formatting (clang-format, the format-check target);
#   2. the release build with -Werror (GCC) and the whole suite: unit, integration, python,
#      reliability, cluster (MPI and a private Slurm);
#   3. an AddressSanitizer + UndefinedBehaviorSanitizer build (clang) of the program, the
#      unit and integration suites and the fuzz targets, and those suites run under it (the
#      integration tests run the sanitized program too);
#   4. each fuzz target fuzzed for 30 s (all five at once: tools/fuzz.sh --parallel);
#   5. a ThreadSanitizer build (clang) of the history writer's and queue's tests, run with
#      oneTBB at one thread, and a deliberate race it must report;
#   6. clang-tidy over the C++ files changed since .ci/tidy-base (tools/tidy.sh).
#   tools/test.sh            everything (what CI runs)
#   tools/test.sh --quick    steps 1 and 2 only
# Each step prints its wall time; docs/building.md records what they were on a 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup-deps.sh --cluster --checks
jobs=$(nproc)
step_start=$SECONDS
lap() {
  echo "   ($1: $((SECONDS - step_start)) s)"
  step_start=$SECONDS
}

echo "== format check (clang-format)"
cmake --preset ci >/dev/null
cmake --build --preset ci --target format-check
lap "format check"

echo "== build (ci preset: Release, -Werror)"
cmake --build --preset ci -j "$jobs"
lap "release build"
echo "== tests"
ctest --preset ci -j "$jobs"
lap "release tests"

if [[ "${1:-}" != "--quick" ]]; then
  echo "== AddressSanitizer + UndefinedBehaviorSanitizer (clang): the program, unit and integration tests"
  cmake --preset asan >/dev/null
  cmake --build --preset asan -j "$jobs" --target vecinos vecinos_unit_tests vecinos_integration_tests \
    fuzz_config fuzz_sweep fuzz_calibration fuzz_ktab fuzz_history
  lap "sanitizer build"
  ctest --preset asan -j "$jobs" -L "unit|integration" -LE cluster
  lap "sanitizer tests"
  echo "== fuzzing (libFuzzer in the sanitizer build, 30 s per target, all at once)"
  tools/fuzz.sh --preset asan --seconds 30 --parallel
  lap "fuzzing"
  echo "== ThreadSanitizer (clang): the history writer and its queue"
  cmake --preset tsan >/dev/null
  cmake --build --preset tsan -j "$jobs" --target vecinos_tsan_tests vecinos_tsan_canary
  ctest --preset tsan -j "$jobs" -L tsan
  lap "thread sanitizer"
  echo "== clang-tidy (C++ files changed since .ci/tidy-base)"
  tools/tidy.sh
  lap "clang-tidy"
fi
echo "== all tests passed (${SECONDS} s in all)"
