#!/usr/bin/env bash
# `bouncelab gen`: files written, reproducibility, overrides, bad usage.
. "$(dirname "$0")/lib.sh"

run gen --help
expect_status 0 "gen --help"
for name in clean tactile worn industrial keyswitch noisy; do
  expect_stdout "^  $name " "--help lists profile $name"
done
expect_stdout '^  make-bounce +0s +1\.5ms +10ms +100ms +40us +1\.5ms$' "--help shows each profile's make-bounce"
expect_stdout '--glitch-rate=PER_S' "--help lists the profile options"

# A trace and its truth, both complete: header, one row per edge; truth rows = presses.
run gen --profile tactile --seed 3 --presses 5 -o "$SCRATCH/a.csv"
expect_status 0 "gen writes a trace"
[ -s "$SCRATCH/a.csv" ] || fail "a.csv missing"
[ "$(head -4 "$SCRATCH/a.csv" | tr '\n' '|')" = "# bouncelab trace v1|# active: low|$(sed -n 3p "$SCRATCH/a.csv")|t_ns,level|" ] ||
  fail "a.csv header"
grep -qE '^# end_ns: [0-9]+$' "$SCRATCH/a.csv" || fail "a.csv has no end_ns"
[ "$(sed -n 5p "$SCRATCH/a.csv")" = "0,1" ] || fail "a.csv starts released (high, pull-up)"
[ "$(head -1 "$SCRATCH/a.truth.csv")" = "press_ns,release_ns" ] || fail "truth header"
[ "$(grep -cE '^[0-9]+,[0-9]+$' "$SCRATCH/a.truth.csv")" -eq 5 ] || fail "5 presses in the truth"
[ "$(ls "$SCRATCH" | grep -v '^\.' | wc -l)" -eq 2 ] || fail "only the trace and its truth are left"

# Same seed and options: the same bytes. Another seed: other bytes.
run gen --profile tactile --seed 3 --presses 5 -o "$SCRATCH/b.csv"
cmp -s "$SCRATCH/a.csv" "$SCRATCH/b.csv" || fail "same seed, same trace"
cmp -s "$SCRATCH/a.truth.csv" "$SCRATCH/b.truth.csv" || fail "same seed, same truth"
run gen --profile tactile --seed 4 --presses 5 -o "$SCRATCH/c.csv"
cmp -s "$SCRATCH/a.csv" "$SCRATCH/c.csv" && fail "another seed, another trace"

# Overrides: no bounce and no glitches leave exactly 2 edges per press:
# 4 header lines, the initial level, 2 x 7 edges.
run gen --profile noisy --make-bounce 0s --break-bounce 0s --glitch-rate 0 --presses 7 -o "$SCRATCH/d.csv"
expect_status 0 "overrides"
[ "$(wc -l <"$SCRATCH/d.csv")" -eq $((4 + 1 + 14)) ] || fail "2 edges per press without bounce"

# Active high: pressed reads 1, so the trace starts at 0.
run gen --profile clean --active high --presses 2 -o "$SCRATCH/e.csv"
expect_status 0 "--active high"
grep -q '^# active: high$' "$SCRATCH/e.csv" || fail "active high header"
[ "$(sed -n 5p "$SCRATCH/e.csv")" = "0,0" ] || fail "active high starts low"

# --print-params: the profile with overrides applied, nothing written.
run gen --profile worn --make-bounce 12ms --break-worst-rate 20% --print-params
expect_status 0 "--print-params"
expect_stdout '^profile worn$' "names the profile"
expect_stdout '^make-bounce 12ms$' "shows the override"
expect_stdout '^make-bounce-max 40ms$' "keeps the profile's value"
expect_stdout '^break-worst-rate 0\.2$' "percent accepted"
expect_stdout_lines 18 "profile plus 17 parameters"

# Bad usage: status 2, a message, and no file.
run gen --profile bogus -o "$SCRATCH/x.csv"
expect_status 2 "unknown profile"
expect_stderr "no profile 'bogus'" "unknown profile named"
run gen --make-bounce 5 -o "$SCRATCH/x.csv"
expect_status 2 "duration without unit"
expect_stderr '^bouncelab: --make-bounce: .*unit' "duration error names the option"
run gen --make-bounce 10ms -o "$SCRATCH/x.csv"
expect_status 2 "make-bounce above make-bounce-max"
expect_stderr 'make-bounce-max \(6\.2ms\) is shorter than make-bounce \(10ms\)' "range error"
run gen --make-worst-rate 2 -o "$SCRATCH/x.csv"
expect_status 2 "worst rate over 1"
run gen --make-worst-rate abc -o "$SCRATCH/x.csv"
expect_status 2 "worst rate not a number"
run gen --make-pulses 1.5 -o "$SCRATCH/x.csv"
expect_status 2 "pulses not whole"
run gen --glitch-rate -1 -o "$SCRATCH/x.csv"
expect_status 2 "negative glitch rate"
run gen --presses 0 -o "$SCRATCH/x.csv"
expect_status 2 "no presses"
run gen --seed -1 -o "$SCRATCH/x.csv"
expect_status 2 "negative seed"
run gen --seed 18446744073709551616 -o "$SCRATCH/x.csv"
expect_status 2 "seed over 2^64-1"
run gen --active sideways -o "$SCRATCH/x.csv"
expect_status 2 "bad --active"
run gen --presses 3
expect_status 2 "no output"
expect_stderr 'needs -o' "asks for -o"
run gen --presses 3 -o -
expect_status 2 "stdout refused"
run gen extra -o "$SCRATCH/x.csv"
expect_status 2 "stray argument"
[ -e "$SCRATCH/x.csv" ] && fail "no file after bad usage"

# Seeds use the full 64 bits.
run gen --seed 18446744073709551615 --presses 2 -o "$SCRATCH/big.csv"
expect_status 0 "largest seed"

# Unwritable place: status 1, nothing left behind.
run gen --presses 2 -o "$SCRATCH/no/such/dir/x.csv"
expect_status 1 "missing directory"
expect_stderr 'no/such/dir' "the path is named"

finish
