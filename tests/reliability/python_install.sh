#!/usr/bin/env bash
# The Python package installs as documented (issue 12, item 19): a fresh virtual environment
# made with --system-site-packages (Debian's h5py, numpy, pandas, matplotlib), an editable pip
# install of tools/python without network access, then the import and the console entry points.
set -euo pipefail
src="$1"; work="$2"
python=/usr/bin/python3
if ! "$python" -c "import venv, pip" 2>/dev/null; then
  echo "skipped: python3-venv or python3-pip is not installed (tools/setup-deps.sh installs them)"
  exit 0
fi
rm -rf "$work"; mkdir -p "$work"
"$python" -m venv --system-site-packages --without-pip "$work/env"  # the system pip serves it
"$work/env/bin/python" -m pip install --quiet --no-index --no-build-isolation -e "$src/tools/python"
cd "$work"
"$work/env/bin/python" -c "import vecinos, sys; assert vecinos.__file__.startswith('$src'), vecinos.__file__; print('import ok:', vecinos.__file__)"
"$work/env/bin/vecinos-plot" --help >/dev/null
"$work/env/bin/vecinos-sweep-plot" --help >/dev/null
echo "entry points ok: vecinos-plot, vecinos-sweep-plot"
rm -rf "$work"
