#!/usr/bin/env bash
# The bundled traces are exactly what scripts/make-traces.sh makes: regenerated
# into the scratch directory, every file must match the committed one byte
# for byte, with none missing or extra, and all of them under 5 MB.
# usage: test_bundled_traces.sh BOUNCELAB SCRATCH_DIR SOURCE_DIR
. "$(dirname "$0")/lib.sh"
SOURCE=${3:?usage: test_bundled_traces.sh BOUNCELAB SCRATCH_DIR SOURCE_DIR}

bash "$SOURCE/scripts/make-traces.sh" "$BOUNCELAB" "$SCRATCH/traces" >"$OUT" 2>"$ERR" ||
  fail "make-traces.sh failed"

made=$(cd "$SCRATCH/traces" && ls *.csv | sort)
committed=$(cd "$SOURCE/traces" && ls *.csv | sort)
[ "$made" = "$committed" ] || fail "traces/ holds other files than make-traces.sh makes: $(diff <(echo "$made") <(echo "$committed") | tr '\n' ' ')"
for f in $made; do
  cmp -s "$SCRATCH/traces/$f" "$SOURCE/traces/$f" || fail "traces/$f differs from what make-traces.sh makes"
done
for f in $made; do
  case $f in
  *.truth.csv) ;;
  *) [ -e "$SOURCE/traces/${f%.csv}.truth.csv" ] || fail "traces/$f has no truth" ;;
  esac
done
bytes=$(cat "$SOURCE"/traces/*.csv | wc -c)
[ "$bytes" -lt $((5 * 1024 * 1024)) ] || fail "bundled traces take $bytes bytes, over 5 MB"
echo "bundled traces: $(echo "$made" | wc -w) files, $bytes bytes"

finish
