#!/usr/bin/env bash
# README command one: install what is missing, build (Release), run the baseline scenario,
# write its history to runs/baseline.h5 (replacing an earlier one) and print the summary; then
# the baseline as a posterior-predictive ensemble (configs/sweeps/posterior_baseline.yaml: 64
# parameter sets from the shipped calibration's posterior, each with its own seed) and its
# bands: the 5, 50 and 95 % quantiles of each outcome over the ensemble.
#   tools/baseline.sh [extra `vecinos run` options for the single run...]
#   VECINOS_NO_BANDS=1 tools/baseline.sh   # the single run only
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release --target vecinos
mkdir -p runs
vecinos=build/release/tools/vecinos
"$vecinos" run configs/baseline.yaml -o runs/baseline.h5 --force "$@"
[[ -n "${VECINOS_NO_BANDS:-}" ]] && exit 0
# Run afresh each time (about 15 s on 2 cores), so a new posterior is never mixed with an old one.
ensemble=runs/sweeps/posterior_baseline
rm -rf "$ensemble"
echo
echo "posterior-predictive ensemble (configs/sweeps/posterior_baseline.yaml):"
if ! "$vecinos" sweep run configs/sweeps/posterior_baseline.yaml --jobs "$(nproc)" \
     >runs/posterior_baseline.log 2>&1; then
  cat runs/posterior_baseline.log >&2
  exit 1
fi
grep '^sweep: ' runs/posterior_baseline.log
"$vecinos" sweep collect "$ensemble" >/dev/null
"$vecinos" inspect "$ensemble/sweep.h5" | sed -n '/^outcome/,/^$/p'
