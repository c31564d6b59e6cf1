#!/usr/bin/env bash
# README command two: install what is missing, build with -Werror, and run the whole test suite
# (unit, integration, python, cluster), then the sanitizer build's tests.
#   tools/test.sh            everything (what CI runs)
#   tools/test.sh --quick    the release suite only, no sanitizer build
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup-deps.sh --cluster
jobs=$(nproc)

echo "== build (ci preset: Release, -Werror)"
cmake --preset ci >/dev/null
cmake --build --preset ci -j "$jobs"
echo "== tests"
ctest --preset ci -j "$jobs"

if [[ "${1:-}" != "--quick" ]]; then
  echo "== AddressSanitizer + UndefinedBehaviorSanitizer build and unit tests"
  cmake --preset asan >/dev/null
  cmake --build --preset asan -j "$jobs"
  ctest --preset asan -j "$jobs" -L unit
fi
echo "== all tests passed"
