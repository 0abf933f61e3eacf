#!/usr/bin/env bash
# Trace labels in a sweep: two traces with the same name stem stay apart
# (the shortest distinguishing path), and a name with a comma and quotes
# goes through sweep, verdict and plot as it is.
. "$(dirname "$0")/lib.sh"
ROOT=${3:?usage: test_cli_labels.sh BOUNCELAB SCRATCH_DIR SOURCE_DIR}

mkdir -p "$SCRATCH/a" "$SCRATCH/b" "$SCRATCH/odd"
for d in a b; do
  cp "$ROOT/traces/tactile.csv" "$ROOT/traces/tactile.truth.csv" "$SCRATCH/$d/"
done
odd='my,"odd" one'
cp "$ROOT/traces/clean.csv" "$SCRATCH/odd/$odd.csv"
cp "$ROOT/traces/clean.truth.csv" "$SCRATCH/odd/$odd.truth.csv"

grid=(--algo defer --window 1ms,5ms --mode poll --interval 1ms)
run sweep "$SCRATCH/a/tactile.csv" "$SCRATCH/b/tactile.csv" "$SCRATCH/odd/$odd.csv" "${grid[@]}" \
  -o "$SCRATCH/sweep.csv"
expect_status 0 "sweep of two tactile traces and an odd name"
# 2 windows per trace, 3 traces, and the header
[ "$(wc -l <"$SCRATCH/sweep.csv")" -eq 7 ] || fail "sweep wrote $(wc -l <"$SCRATCH/sweep.csv") lines, expected 7"
[ "$(grep -c '^a/tactile,defer,poll,' "$SCRATCH/sweep.csv")" -eq 2 ] || fail "a/tactile has its own 2 rows"
[ "$(grep -c '^b/tactile,defer,poll,' "$SCRATCH/sweep.csv")" -eq 2 ] || fail "b/tactile has its own 2 rows"
# the CSV quotes the name and doubles its quotes
[ "$(grep -c '^"my,""odd"" one",defer,poll,' "$SCRATCH/sweep.csv")" -eq 2 ] || fail "the odd name is quoted"

# the two tactile copies are the same recording: the same cells after the label
diff <(grep '^a/tactile,' "$SCRATCH/sweep.csv" | cut -d, -f2-) \
  <(grep '^b/tactile,' "$SCRATCH/sweep.csv" | cut -d, -f2-) >/dev/null ||
  fail "the same recording under two labels gives different rows"

run verdict "$SCRATCH/sweep.csv"
expect_status 0 "verdict"
expect_stdout '^a/tactile \(30 presses\)$' "verdict has a/tactile"
expect_stdout '^b/tactile \(30 presses\)$' "verdict has b/tactile"
expect_stdout '^my,"odd" one \(30 presses\)$' "verdict shows the odd name as it is"

run verdict --csv "$SCRATCH/sweep.csv"
expect_status 0 "verdict --csv"
expect_stdout '^"my,""odd"" one",defer,poll,' "verdict --csv quotes the odd name again"
[ "$(grep -c '^[ab]/tactile,defer,poll,' "$OUT")" -eq 2 ] || fail "verdict --csv has both tactile labels"

if command -v gnuplot >/dev/null 2>&1; then
  run plot "$SCRATCH/sweep.csv" -o "$SCRATCH/plots"
  expect_status 0 "plot"
  # 4 plots for each of the 3 traces; the two tactile stems made unique
  [ "$(wc -l <"$OUT")" -eq 12 ] || fail "plot wrote $(wc -l <"$OUT") pictures, expected 12"
  for f in tactile-errors-vs-window.png tactile-2-errors-vs-window.png my__odd__one-errors-vs-window.png; do
    [ -s "$SCRATCH/plots/$f" ] || fail "plot did not write $f"
  done
  [ -s "$ERR" ] && fail "plot warned: $(cat "$ERR")"
  run plot "$SCRATCH/sweep.csv" --only "$odd" -o "$SCRATCH/only" --format svg
  expect_status 0 "plot --only the odd name"
  [ "$(wc -l <"$OUT")" -eq 4 ] || fail "plot --only drew $(wc -l <"$OUT") pictures, expected 4"
  # its rows reach the picture: defer polled every 1 ms is error-free at both windows
  svg="$SCRATCH/only/my__odd__one-errors-vs-window.svg"
  grep -q 'polling: no rows' "$svg" && fail "the odd name's picture has no polling rows"
  grep -q 'defer, poll: zero from 1000 to 5000 us' "$svg" || fail "the odd name's picture lacks its defer line"
  grep -q 'trace my,"odd" one' "$svg" || fail "the odd name's title is not the name as it is"
else
  echo "note: gnuplot is not installed; the plot half is not tested"
fi

finish
