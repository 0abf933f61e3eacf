#!/usr/bin/env bash
# `bouncelab stress`, `merge`, `fit` and `gen --model` end to end: a rate
# worked out by hand, the rule-of-three bound, thread and shard
# independence, importance sampling against plain Monte-Carlo, model files,
# and bad input (exit 2, no output file).
. "$(dirname "$0")/lib.sh"
DATA="$(dirname "$0")/data"

col() { # col FILE ROW NAME: the value of column NAME in data row ROW (1-based)
  awk -F, -v row="$2" -v name="$3" 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    NR == row + 1 { print $c[name] }' "$1"
}

# press.csv: pressed at 1.000 ms, open again 1.200..1.250 ms, released at 10 ms.
# Polled every 100 us at a random phase p in [0, 100) us, lockout 100 us locks
# on the read at 1000 + p and reads again at 1100 + p (pressed) and 1200 + p,
# which lands in the open 50 us when p < 50: a false release on half the
# phases. Defer 100 us waits the rebound out: no failure.
run stress --resample "$DATA/press.csv" -a lockout,defer -w 100us -m poll -i 100us \
  --presses 4000 -o "$SCRATCH/resample.csv"
expect_status 0 "stress --resample"
k=$(col "$SCRATCH/resample.csv" 1 false_cycles)
[ "$k" -ge 1800 ] && [ "$k" -le 2200 ] || fail "lockout: $k of 4000 cycles false, expected about 2000"
[ "$(col "$SCRATCH/resample.csv" 1 presses_simulated)" = 4000 ] || fail "4000 presses simulated"
# no failure in 4000: the bound is 1 - 0.05^(1/4000) per press
want=$(awk 'BEGIN { printf "%.6g", 1e6 * (1 - exp(log(0.05) / 4000)) }')
[ "$(col "$SCRATCH/resample.csv" 2 failed_per_million_hi95)" = "$want" ] ||
  fail "defer: hi95 $(col "$SCRATCH/resample.csv" 2 failed_per_million_hi95), expected $want"
[ "$(col "$SCRATCH/resample.csv" 2 failed_cycles)" = 0 ] || fail "defer: no failure"

# the same bytes with one thread or two, and shards merged in any order
grid=(tactile worn -a lockout,defer -w 3ms,5ms -m poll,irq -i 1ms -r c --presses 5500 --seed 3)
run stress "${grid[@]}" -j 1 -o "$SCRATCH/j1.csv"
expect_status 0 "stress -j 1"
run stress "${grid[@]}" -j 2 -o "$SCRATCH/j2.csv"
cmp -s "$SCRATCH/j1.csv" "$SCRATCH/j2.csv" || fail "-j 1 and -j 2 differ"
for i in 1 2 3; do
  run stress "${grid[@]}" --shard "$i/3" -o "$SCRATCH/part$i.csv"
  expect_status 0 "shard $i/3"
done
run merge "$SCRATCH/part3.csv" "$SCRATCH/part1.csv" "$SCRATCH/part2.csv" -o "$SCRATCH/merged.csv"
expect_status 0 "merge"
cmp -s "$SCRATCH/j1.csv" "$SCRATCH/merged.csv" || fail "merged shards differ from the whole run"

# the verdict of a stress CSV: per setting and one for all inputs
run verdict "$SCRATCH/j1.csv" --target 1e-2
expect_status 0 "verdict of a stress CSV"
expect_stdout "^Recommendation for all 2 inputs: " "one recommendation over both inputs"
expect_stdout "From recordings alone \\(no model\\): 299 presses" "presses to record for 1 %: ln 0.05 / ln 0.99 = 298.07, so 299"
run verdict "$SCRATCH/j1.csv" --target 1
expect_status 2 "--target 1 is not a rate below 1"
run verdict "$SCRATCH/j1.csv" --target 0
expect_status 2 "--target 0"
run verdict "$SCRATCH/part1.csv"
expect_status 2 "a shard's verdict"
expect_stderr "merge the parts first" "a shard's verdict"

# the rates plot, one picture per input (gnuplot is in scripts/setup.sh; skipped without it)
if command -v gnuplot >/dev/null; then
  run plot "$SCRATCH/j1.csv" -o "$SCRATCH/plots"
  expect_status 0 "plot a stress CSV"
  for stem in tactile worn; do
    head -c 8 "$SCRATCH/plots/$stem-rates-vs-window.png" | od -An -c | grep -q 'P   N   G' ||
      fail "$stem-rates-vs-window.png is not a PNG"
  done
  # the worst of the worn model's presses through a 30 ms lockout: one that fails
  run plot --trace worn --worst --algo lockout --window 30ms --mode poll --interval 1ms -o "$SCRATCH/worst"
  expect_status 0 "plot --worst"
  expect_stderr "it went wrong" "the worst press is a failed one"
  [ "$(ls "$SCRATCH/worst"/worn-waveform-lockout-30ms-poll-at-*.png | wc -l)" = 1 ] ||
    fail "plot --worst: $(ls "$SCRATCH/worst")"
else
  echo "gnuplot not installed: rates plot not tested"
fi

run plot --worst -o "$SCRATCH/worst2"
expect_status 2 "--worst without --trace"
run plot --trace "$DATA/press.csv" --worst -o "$SCRATCH/worst2"
expect_status 2 "--worst of a trace, not a model"
expect_stderr "neither a gen profile nor a model file" "--worst of a trace"

# merging what is not one run: exit 2, nothing written
run stress "${grid[@]}" --seed 4 --shard 2/3 -o "$SCRATCH/other2.csv"
bad_merge() { # bad_merge WHY PATTERN FILES...
  local why=$1 pattern=$2
  shift 2
  rm -f "$SCRATCH/bad.csv"
  run merge "$@" -o "$SCRATCH/bad.csv"
  expect_status 2 "$why"
  expect_stderr "$pattern" "$why"
  [ ! -e "$SCRATCH/bad.csv" ] || fail "$why: output written"
}
bad_merge "different runs" "different runs" "$SCRATCH/part1.csv" "$SCRATCH/other2.csv" "$SCRATCH/part3.csv"
bad_merge "a missing shard" "shard 2/3 is missing" "$SCRATCH/part1.csv" "$SCRATCH/part3.csv"
bad_merge "a shard twice" "given twice" "$SCRATCH/part1.csv" "$SCRATCH/part1.csv" "$SCRATCH/part2.csv"
bad_merge "a whole run" "not a shard" "$SCRATCH/j1.csv"
bad_merge "not a stress CSV" "not a stress CSV" "$DATA/press.csv"
# a damaged part: a count that is not a number, a row cut short
sed '2s/^\([^,]*,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,[^,]*,\)[0-9]*/\1lots/' "$SCRATCH/part2.csv" >"$SCRATCH/damaged2.csv"
bad_merge "a damaged count" "damaged2.csv:2: column presses_true: 'lots'" "$SCRATCH/part1.csv" "$SCRATCH/damaged2.csv" "$SCRATCH/part3.csv"
{ head -n 1 "$SCRATCH/part2.csv"; sed -n 2p "$SCRATCH/part2.csv" | cut -c 1-60; } >"$SCRATCH/cut2.csv"
bad_merge "a row cut short" "cut2.csv:2: .* columns, expected" "$SCRATCH/part1.csv" "$SCRATCH/cut2.csv" "$SCRATCH/part3.csv"

# bad press counts, and a model file with missing or impossible values
bad_stress() { # bad_stress WHY PATTERN ARGS...
  local why=$1 pattern=$2
  shift 2
  rm -f "$SCRATCH/bad.csv"
  run stress "$@" -o "$SCRATCH/bad.csv"
  expect_status 2 "$why"
  expect_stderr "$pattern" "$why"
  [ ! -e "$SCRATCH/bad.csv" ] || fail "$why: output written"
}
bad_stress "--presses 0" "from 1 to 10\\^12" tactile --presses 0
bad_stress "--presses 2e12" "from 1 to 10\\^12" tactile --presses 2e12
bad_stress "--presses 1.5" "whole number" tactile --presses 1.5
bad_stress "--presses abc" "whole number" tactile --presses abc
bad_stress "no such input" "no such file, and no gen profile" nosuchprofile
bad_stress "--rare-top without --rare" "give --rare too" tactile --rare-top 100
bad_stress "--rare with --resample" "has none" --resample --rare "$DATA/press.csv"
bad_stress "--phase with --resample" "fresh polling phase" --resample --phase 1ms "$DATA/press.csv"
run gen --profile worn --print-model
expect_status 0 "gen --print-model"
cp "$OUT" "$SCRATCH/worn.model"
grep -v '^make-pulses=' "$SCRATCH/worn.model" >"$SCRATCH/missing.model"
bad_stress "a missing key" "has no make-pulses" "$SCRATCH/missing.model"
sed 's/^make-bounce-max=.*/make-bounce-max=1ms/' "$SCRATCH/worn.model" >"$SCRATCH/impossible.model"
bad_stress "max below typical" "impossible model: make-bounce-max" "$SCRATCH/impossible.model"
sed 's/^make-worst-rate=.*/make-worst-rate=1.5/' "$SCRATCH/worn.model" >"$SCRATCH/rate.model"
bad_stress "a rate above 1" "make-worst-rate" "$SCRATCH/rate.model"
{ cat "$SCRATCH/worn.model"; echo "bogus=1"; } >"$SCRATCH/unknown.model" # [model] is the last group
bad_stress "an unknown key" "unknown key 'bogus'" "$SCRATCH/unknown.model"

# a printed model generates the profile's trace, byte for byte
run gen --model "$SCRATCH/worn.model" --seed 7 --presses 30 -o "$SCRATCH/m.csv"
expect_status 0 "gen --model"
run gen --profile worn --seed 7 --presses 30 -o "$SCRATCH/p.csv"
cmp -s "$SCRATCH/m.csv" "$SCRATCH/p.csv" || fail "gen --model of worn's printed model differs from --profile worn"

# fit writes a model that stress and gen take
run gen --profile tactile --seed 5 --presses 300 -o "$SCRATCH/t.csv"
run fit "$SCRATCH/t.csv" -o "$SCRATCH/t.model"
expect_status 0 "fit"
expect_stderr "presses=300" "fit says how many presses it saw"
expect_stderr "make-longest-seen=" "fit prints the longest bounce seen"
# 300 presses: the durations' empirical distribution with a generalized
# Pareto tail, the modelled 1-in-10^6 bounce beside the longest seen
expect_stderr "make-tail=generalized Pareto above " "fit fits a tail to 300 bounces"
expect_stderr "make-one-in-a-million=.* \\(longest seen " "the longest seen beside the modelled bounce"
run stress "$SCRATCH/t.model" "$SCRATCH/t.csv" -a defer -w 5ms -m poll -i 1ms --presses 2000 -o "$SCRATCH/fit.csv"
expect_status 0 "stress on a model and on a trace (fitted)"

grep -q '^\[distribution\]$' "$SCRATCH/t.model" || fail "fit wrote no [distribution] group"
run gen --model "$SCRATCH/t.model" --seed 1 --presses 20 -o "$SCRATCH/tm.csv"
expect_status 0 "gen --model of a fitted model"
sed 's/^make-quantiles-ns=[0-9]*;/make-quantiles-ns=-5;/' "$SCRATCH/t.model" >"$SCRATCH/neg.model"
bad_stress "a negative quantile" "make-quantiles-ns value 1 \\(-5 ns\\)" "$SCRATCH/neg.model"
sed 's/^break-quantiles-ns=[0-9]*;/break-quantiles-ns=999999999;/' "$SCRATCH/t.model" >"$SCRATCH/unsorted.model"
bad_stress "unsorted quantiles" "break-quantiles-ns must be sorted" "$SCRATCH/unsorted.model"
sed 's/^make-tail-xi=.*/make-tail-xi=1.5/' "$SCRATCH/t.model" >"$SCRATCH/xi.model"
bad_stress "xi out of range" "make-tail-xi must be strictly between -1.5 and 1 \\(got 1.5\\)" "$SCRATCH/xi.model"
sed 's/^make-tail-xi=.*/make-tail-xi=heavy/' "$SCRATCH/t.model" >"$SCRATCH/xitext.model"
bad_stress "xi not a number" "make-tail-xi is not a number" "$SCRATCH/xitext.model"
grep -v '^break-tail-sigma-ns=' "$SCRATCH/t.model" >"$SCRATCH/nosigma.model"
bad_stress "a missing tail key" "has no break-tail-sigma-ns" "$SCRATCH/nosigma.model"

# importance sampling agrees with plain Monte-Carlo near 1e-4 (defer 2 ms at
# 1 ms polling on tactile, about 2.4e-4), on three seeds: the difference is
# within 3 standard errors of the two estimates combined
for seed in 1 2 3; do
  run stress tactile -a defer -w 2ms -m poll -i 1ms --presses 100000 --seed "$seed" --rare \
    -o "$SCRATCH/rare$seed.csv"
  expect_status 0 "stress --rare seed $seed"
  awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
    { n = $c["presses_simulated"]; p = $c["failed_cycles"] / n; r = $c["rare_per_million"] / 1e6
      se = $c["rare_se_per_million"] / 1e6; sp = sqrt(p * (1 - p) / n)
      if (r <= 0 || p <= 0 || (p - r) ^ 2 > 9 * (sp ^ 2 + se ^ 2) || se >= sp) exit 1 }' \
    "$SCRATCH/rare$seed.csv" || fail "seed $seed: plain and rare disagree, or rare is no tighter: $(cut -d, -f23,28,31,32 "$SCRATCH/rare$seed.csv")"
done

# and on a fitted model, whose tail is tilted in probability (one seed)
run gen --profile tactile --seed 9 --presses 10000 -o "$SCRATCH/t10k.csv"
run fit "$SCRATCH/t10k.csv" -o "$SCRATCH/t10k.model"
expect_status 0 "fit of 10^4 tactile presses"
run stress "$SCRATCH/t10k.model" -a defer -w 2ms -m poll -i 1ms --presses 100000 --seed 1 --rare \
  -o "$SCRATCH/rarefit.csv"
expect_status 0 "stress --rare on a fitted model"
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
  { n = $c["presses_simulated"]; p = $c["failed_cycles"] / n; r = $c["rare_per_million"] / 1e6
    se = $c["rare_se_per_million"] / 1e6; sp = sqrt(p * (1 - p) / n)
    if (r <= 0 || p <= 0 || (p - r) ^ 2 > 9 * (sp ^ 2 + se ^ 2)) exit 1 }' \
  "$SCRATCH/rarefit.csv" || fail "fitted model: plain and rare disagree: $(cut -d, -f23,28,31,32 "$SCRATCH/rarefit.csv")"
finish
