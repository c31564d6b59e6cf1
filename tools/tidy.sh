#!/usr/bin/env bash
# clang-tidy (the checks of .clang-tidy) over the project's C++ sources, failing on any finding.
#
#   tools/tidy.sh                the .cpp files of model/ agents/ world/ output/ tools/ changed
#                                since the commit in .ci/tidy-base (committed or not); CI runs this
#   tools/tidy.sh --base REV     changed since REV instead
#   tools/tidy.sh --all          every .cpp file of those layers (about 12 s of CPU per file)
#   tools/tidy.sh FILE ...       the files given
#
# Headers are checked through the files that include them (HeaderFilterRegex). The compile
# commands come from the clang build (the asan preset, configured here when missing); files
# that unity builds merge are found by clang-tidy's inference from their neighbours. Runs
# nproc files at a time and prints each file's findings; exits 1 when there are any. Move
# .ci/tidy-base forward (to a commit whose changed files are clean) so the set stays small.
set -euo pipefail
cd "$(dirname "$0")/.."

base=""
all=0
files=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --base) base="$2"; shift 2 ;;
    --all) all=1; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    -*) echo "tidy.sh: unknown option '$1'" >&2; exit 2 ;;
    *) files+=("$1"); shift ;;
  esac
done

if ! command -v clang-tidy >/dev/null 2>&1; then
  echo "tidy.sh: clang-tidy is missing: tools/setup-deps.sh --checks installs it" >&2
  exit 2
fi

layers='^(model|agents|world|output|tools)/.*\.cpp$'
if [[ ${#files[@]} -eq 0 ]]; then
  if [[ $all -eq 1 ]]; then
    mapfile -t files < <(git ls-files | grep -E "$layers")
  else
    [[ -z "$base" ]] && base=$(tr -d ' \n' < .ci/tidy-base)
    if ! git rev-parse --verify -q "$base^{commit}" >/dev/null; then
      echo "tidy.sh: base '$base' is not a commit of this repository" >&2
      exit 2
    fi
    # Changed since the base, committed or not; deleted files drop out.
    mapfile -t files < <(git diff --name-only --diff-filter=d "$base" -- | grep -E "$layers" || true)
  fi
fi
if [[ ${#files[@]} -eq 0 ]]; then
  echo "tidy: no C++ source changed since ${base:-the base}; nothing to check"
  exit 0
fi

if [[ ! -f build/asan/compile_commands.json ]]; then
  cmake --preset asan >/dev/null
fi
echo "tidy: ${#files[@]} files${base:+ changed since $(git rev-parse --short "$base")}"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
printf '%s\n' "${files[@]}" | xargs -P "$(nproc)" -I{} sh -c \
  'clang-tidy -p build/asan --quiet --warnings-as-errors="*" "$1" >"$2/$(echo "$1" | tr / _).log" 2>&1 || echo "$1" >>"$2/failed"' \
  sh {} "$out"
if [[ -f "$out/failed" ]]; then
  while read -r f; do
    echo "== $f"
    grep -E "(error|warning): " "$out/$(echo "$f" | tr / _).log" | sort -u | head -30
  done < "$out/failed"
  echo "tidy: findings in $(wc -l < "$out/failed") of ${#files[@]} files"
  exit 1
fi
echo "tidy: ${#files[@]} files clean"
