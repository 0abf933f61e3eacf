#!/usr/bin/env bash
# Replaces a generated section of README.md with the contents of a file, so
# measured tables are pasted by a script, never typed by hand.
# The section sits between the lines <!-- NAME:begin --> and <!-- NAME:end -->.
# usage: scripts/readme-section.sh NAME FILE [README]
set -euo pipefail

name=${1:?usage: readme-section.sh NAME FILE [README]}
file=${2:?usage: readme-section.sh NAME FILE [README]}
readme=${3:-$(dirname "$0")/../README.md}

[ -r "$file" ] || { echo "readme-section: cannot read $file" >&2; exit 1; }
grep -q "^<!-- $name:begin -->$" "$readme" && grep -q "^<!-- $name:end -->$" "$readme" ||
  { echo "readme-section: $readme has no <!-- $name:begin/end --> markers" >&2; exit 1; }

tmp=$(mktemp "$readme.XXXXXX")
trap 'rm -f "$tmp"' EXIT
awk -v name="$name" -v file="$file" '
  $0 == "<!-- " name ":begin -->" { print; while ((getline line < file) > 0) print line; skip = 1; next }
  $0 == "<!-- " name ":end -->" { skip = 0 }
  !skip { print }
' "$readme" >"$tmp"
mv "$tmp" "$readme"
trap - EXIT
