#!/usr/bin/env bash
# The classifier of tools/fuzz.sh on one log of each kind: a crash and a hang inside libhdf5
# pass; a hang and a buffer overflow in vecinos' own code fail.
set -u
here=$(dirname "$0")
fuzz=$here/../../../tools/fuzz.sh
"$fuzz" --classify "$here/libhdf5-hang.log" || { echo "FAIL: libhdf5 failures not recognised"; exit 1; }
for f in vecinos-hang vecinos-overflow; do
  if "$fuzz" --classify "$here/$f.log"; then
    echo "FAIL: $f.log passed as a libhdf5 failure"
    exit 1
  fi
done
echo "classifier: ok"
