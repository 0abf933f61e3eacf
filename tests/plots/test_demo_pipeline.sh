#!/usr/bin/env bash
# The demo's pipeline end to end (scripts/demo-pipeline.sh, which
# scripts/demo.sh runs after building), in a scratch directory on two bundled
# traces and a small grid: sweep, every plot, the verdict, the waveform.
# The verdict is checked against a second, simpler computation (awk over the
# sweep CSV: one interval and one runtime, so the smallest error-free window
# per trace, algorithm and mode is the whole answer).
# usage: test_demo_pipeline.sh BOUNCELAB SCRATCH_DIR SOURCE_DIR CHECK_IMAGE
. "$(dirname "$0")/../cli/lib.sh"
ROOT=${3:?usage: test_demo_pipeline.sh BOUNCELAB SCRATCH_DIR SOURCE_DIR CHECK_IMAGE}
CHECK_IMAGE=${4:?usage: test_demo_pipeline.sh BOUNCELAB SCRATCH_DIR SOURCE_DIR CHECK_IMAGE}
command -v gnuplot >/dev/null || { echo "SKIP: gnuplot is not installed"; exit 77; }
R="$SCRATCH/results"

bash "$ROOT/scripts/demo-pipeline.sh" "$BOUNCELAB" "$R" "$ROOT/traces/tactile.csv" \
  "$ROOT/traces/worn.csv" --algo lockout,defer --window 1ms,5ms,30ms --mode poll,irq \
  --interval 1ms --runtime c -j 2 >"$OUT" 2>"$ERR"
status=$?
expect_status 0 "the pipeline"

# 2 traces x 2 algorithms x 3 windows x (1 interval + 1 runtime) = 24 rows
[ "$(tail -n +2 "$R/sweep.csv" | wc -l)" -eq 24 ] || fail "sweep.csv: $(wc -l <"$R/sweep.csv") lines"
for trace in tactile worn; do
  for plot in "latency-vs-window 1200 560" "errors-vs-window 1200 820" \
    "polling-interval 1200 720" "tradeoff 1000 720"; do
    # shellcheck disable=SC2086 # the words are the plot and its size
    set -- $plot
    "$CHECK_IMAGE" "$R/$trace-$1.png" "$2" "$3" || fail "$trace-$1.png"
  done
done
[ "$(wc -l <"$R/plots.txt")" -eq 8 ] || fail "plots.txt lists $(wc -l <"$R/plots.txt") pictures, expected 8"

# the waveform: worn.truth.csv's first press is at 1078907515 ns, so --at 1078.9ms
waveform="$R/worn-waveform-lockout-5ms-poll-at-1078.9ms.png"
[ "$(cat "$R/waveform.txt")" = "$waveform" ] || fail "waveform.txt: $(cat "$R/waveform.txt")"
"$CHECK_IMAGE" "$waveform" 1200 600 || fail "the waveform"
expect_stdout "Why lockout 5ms fails on the worn button: $waveform" "the waveform is named"
# what the README says it shows: the press reported at once, then a false
# release and a false press while the contact still bounces
"$BOUNCELAB" run "$ROOT/traces/worn.csv" --algo lockout --window 5ms --mode poll --interval 1ms \
  --events "$SCRATCH/events.csv" >/dev/null || fail "run for the events"
[ "$(sed -n '2,4p' "$SCRATCH/events.csv" | cut -d, -f2,3 | tr '\n' ' ')" = "press,0 release,-1 press,-1 " ] ||
  fail "the first press's events: $(sed -n '2,4p' "$SCRATCH/events.csv")"

# the verdict: printed, kept, and what the second computation finds
cmp -s "$R/verdict.txt" <(sed -n "1,$(wc -l <"$R/verdict.txt")p" "$OUT") ||
  fail "stdout does not start with verdict.txt"
"$BOUNCELAB" verdict --csv "$R/sweep.csv" | tail -n +2 |
  awk -F, '{ print $1, $2, $3, $7, $8 }' >"$SCRATCH/verdict-got"
awk -F, 'NR > 1 {
    key = $1 " " $2 " " $3
    if (!(key in seen)) { seen[key] = 1; order[++n] = key }
    if ($10 == 0 && $11 == 0 && (!(key in best) || $4 + 0 < best[key] + 0)) { best[key] = $4; lat[key] = $13 }
  }
  END { for (i = 1; i <= n; i++) { k = order[i]; print k, (k in best ? best[k] : ""), (k in best ? lat[k] : "") } }' \
  "$R/sweep.csv" | sort >"$SCRATCH/verdict-want"
sort "$SCRATCH/verdict-got" | diff -u "$SCRATCH/verdict-want" - >"$SCRATCH/diff" ||
  fail "verdict differs from the awk computation: $(cat "$SCRATCH/diff")"
[ "$(wc -l <"$SCRATCH/verdict-want")" -eq 8 ] || fail "expected 8 verdicts (2 traces x 2 algorithms x 2 modes)"
grep -q "^worn lockout poll  $" "$SCRATCH/verdict-want" && fail "the grid reaches no error-free lockout on worn"
finish
