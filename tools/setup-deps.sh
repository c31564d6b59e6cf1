#!/usr/bin/env bash
# Installs the Debian 12 packages vecinos needs to build, test and analyse runs.
# Idempotent: only packages that are missing are installed. Needs root (or sudo) to install.
#
#   tools/setup-deps.sh            build and test dependencies (analysis: SciPy, scikit-learn,
#                                  xarray, h5netcdf; the report's browser test: Chromium)
#   tools/setup-deps.sh --cluster  also Open MPI and Slurm/munge (sweep integration tests)
#   tools/setup-deps.sh --bench    also GNU time (tools/bench/recording_overhead.sh)
#   tools/setup-deps.sh --fuzz     also clang and libFuzzer (tools/fuzz.sh, the fuzz preset)
set -euo pipefail

packages=(
  build-essential cmake ninja-build git pkg-config
  libboost-graph-dev libtbb-dev libyaml-cpp-dev libhdf5-dev hdf5-tools
  doctest-dev librandom123-dev libcli11-dev libfmt-dev
  python3 python3-h5py python3-numpy python3-pandas python3-matplotlib python3-yaml python3-venv python3-pip
  python3-scipy python3-sklearn python3-xarray python3-h5netcdf
  chromium
)
if [[ "${1:-}" == "--cluster" ]]; then
  packages+=(openmpi-bin libopenmpi-dev slurm-wlm munge)
fi
if [[ "${1:-}" == "--fuzz" ]]; then
  packages+=(clang libclang-rt-14-dev)
fi
if [[ "${1:-}" == "--cluster" || "${1:-}" == "--bench" ]]; then
  packages+=(time)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "setup-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "setup-deps: installing ${missing[*]}"
if [[ $(id -u) -eq 0 ]]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo)
else
  echo "setup-deps: these Debian packages are missing and I am not root (and there is no sudo):" >&2
  echo "    apt-get install -y ${missing[*]}" >&2
  echo "Run that as root, then run this command again." >&2
  exit 2
fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq || echo "setup-deps: apt-get update failed; trying the cached package lists" >&2
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "setup-deps: done"
