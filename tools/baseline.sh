#!/usr/bin/env bash
# README command one: install what is missing, build (Release), run the baseline scenario,
# write its history to runs/baseline.h5 (replacing an earlier one) and print the summary.
#   tools/baseline.sh [extra `vecinos run` options...]
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target vecinos
mkdir -p runs
exec build/release/tools/vecinos run configs/baseline.yaml -o runs/baseline.h5 --force "$@"
