#!/usr/bin/env bash
# Analysis speed benchmark (issue 11). Not a test: run it on a quiet machine.
# Writes a synthetic collected Saltelli sweep of 10,008 tasks (7 parameters, 556 base samples,
# 2 replicates; vecinos.synthetic, known answers) into a temporary directory and times the
# analysis: reading sweep.h5, Sobol' indices of every outcome with 1,000 bootstrap resamples,
# PRIM for every path, and the whole report (python3 -m vecinos.report).
#   tools/bench/analysis_speed.sh [--samples N] [--replicates R] [--bootstrap B]
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d /tmp/vecinos-analysis-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
PYTHONPATH=$PWD/tools/python MPLBACKEND=Agg /usr/bin/python3 -m vecinos.benchmark "$work/sweep" "$@"
