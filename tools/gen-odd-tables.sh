#!/usr/bin/env bash
# Writes the generated tables of model/ODD.md (`vecinos config --odd-table NAME`) between their
# markers, `<!-- odd-table NAME begin -->` and `<!-- odd-table NAME end -->`; the rest of the
# file is left as it is. tests/integration/test_odd.cpp checks the tables are current.
#   tools/gen-odd-tables.sh [VECINOS_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
exe=${1:-build/release/tools/vecinos}
doc=model/ODD.md
tmp=$(mktemp)
trap 'rm -f "$tmp" "$tmp".table' EXIT
cp "$doc" "$tmp"
for name in actions status parameters; do
  grep -qx "<!-- odd-table $name begin -->" "$tmp" || {
    echo "gen-odd-tables.sh: $doc has no '<!-- odd-table $name begin -->' line" >&2
    exit 1
  }
  "$exe" config --odd-table "$name" >"$tmp".table
  # Between the markers: a blank line, the table, a blank line.
  awk -v begin="<!-- odd-table $name begin -->" -v end="<!-- odd-table $name end -->" \
    -v table="$tmp".table '
    $0 == begin { print; print ""; while ((getline line < table) > 0) print line; print ""; skip = 1; next }
    $0 == end { skip = 0 }
    !skip { print }' "$tmp" >"$tmp".new
  mv "$tmp".new "$tmp"
done
cp "$tmp" "$doc"
