#!/usr/bin/env bash
# `bouncelab info` and `bouncelab convert`: what they print, round trips, and
# a table of malformed inputs, each of which must fail with
# "bouncelab: FILE:LINE: what is wrong" and exit status 2, never a crash.
. "$(dirname "$0")/lib.sh"

HERE=$(cd "$(dirname "$0")" && pwd)
DATA="$HERE/../trace/data"
BAD="$HERE/fixtures/bad"

# ---- info ----------------------------------------------------------------

run info "$DATA/native_small.csv"
expect_status 0 "info on a native trace"
expect_stdout '^format: +native CSV$' "info names the format"
expect_stdout '^edges: +4$' "native_small has 4 edges (1250,1 repeats the level)"
expect_stdout '^duration: .*\(100 ns to 5000 ns\)' "info gives the span"
expect_stdout '^presses: +1 \(truth\)' "presses from the truth file"
expect_stdout '^levels: +starts high \(released\); pressed reads low' "levels and active level"
expect_stdout '^shortest pulse: 100 ns \(high, from 1200 ns\)' "shortest pulse: 1200..1300 at 1"

# bbb_small.log with --gap 1ms (derivation in tests/trace/test_readers.c):
# truth press at 1000800, release at 2012700. With tests 1 ms apart the
# oracle needs a settle time below 1 ms: at 500us it sees the same press, its
# make bounce from 1000800 to 1012000 over 7 edges (then 0 holds 1.0007 ms),
# and the release bouncing from 2012700 to 2012790 over 5 edges.
run info --presses --settle 500us --gap 1ms "$DATA/bbb_small.log"
expect_status 0 "info --presses"
expect_stdout '^press,press_ns,make_bounce_ns,make_edges,release_ns,break_bounce_ns,break_edges$' \
  "--presses header"
expect_stdout '^1,1000800,11200,7,2012700,90,5$' "--presses row worked out by hand"
expect_stdout_lines 2 "one press, one header"

run info --settle 1ms --gap 1ms "$DATA/bbb_small.log"
expect_status 0 "info --settle"
expect_stdout 'settle 1ms' "--settle is reported"

"$BOUNCELAB" info - <"$DATA/sigrok_style.vcd" >"$OUT" 2>"$ERR"
status=$?
expect_status 0 "info reads standard input"
expect_stdout '^format: +VCD$' "standard input detected by content"

run info --help
expect_status 0 "info --help"
for default in '0\.8 V' '2\.0 V' 'RP2040' '200ms' '20ms' 'low\|high'; do
  expect_stdout "$default" "info --help shows $default"
done

# ---- convert -------------------------------------------------------------

run convert "$DATA/native_small.csv" "$SCRATCH/a.csv"
expect_status 0 "convert to native"
run convert "$SCRATCH/a.csv" "$SCRATCH/a.vcd"
expect_status 0 "convert native to VCD"
expect_stdout_lines 0 "convert is quiet"
run convert "$SCRATCH/a.vcd" "$SCRATCH/b.csv"
expect_status 0 "convert VCD to native"
cmp -s "$SCRATCH/a.csv" "$SCRATCH/b.csv" || fail "native -> VCD -> native changed the trace"
cmp -s "$SCRATCH/a.truth.csv" "$SCRATCH/b.truth.csv" || fail "native -> VCD -> native changed the truth"

# converting a trace without truth over one with truth removes the stale truth file
run convert "$DATA/rigol.csv" "$SCRATCH/a.csv"
expect_status 0 "convert over an earlier output"
[ ! -e "$SCRATCH/a.truth.csv" ] || fail "a stale truth file was left beside a trace without truth"
expect_stderr "removed .*a.truth.csv" "says it removed the stale truth"

# a Logic 1.x export is named so; a Logic 2 one as before
run info "$DATA/saleae_logic1.csv"
expect_status 0 "Saleae Logic 1.x export"
expect_stdout '^format: +Saleae Logic 1.x CSV$' "named as Logic 1.x"
run info "$DATA/saleae.csv"
expect_stdout '^format: +Saleae Logic 2 CSV$' "named as Logic 2"

run convert "$DATA/saleae.csv" - --to vcd
expect_status 0 "convert to standard output"
# Channel 0's times from its start at -1500 ns (0, 3500, 11500 ns, ...) are multiples of 100 ns
# but not of 1000: the coarsest exact tick is 100 ns
expect_stdout '^\$timescale 100 ns \$end$' "VCD on standard output, coarsest exact timescale"
expect_stdout 'time_offset_ns: -1500' "negative start recorded as an offset"

run convert "$DATA/rigol.csv" "$SCRATCH/out.txt"
expect_status 2 "output format not given"
expect_stderr "cannot tell the output format" "says why"
run convert "$DATA/rigol.csv" "$SCRATCH/out.csv" --to wav
expect_status 2 "--to unknown"
run convert "$DATA/rigol.csv"
expect_status 2 "convert needs OUT"
[ ! -e "$SCRATCH/out.csv" ] || fail "a failed convert left an output file"

# ---- bad options ---------------------------------------------------------

run info --vil 3 --vih 1 "$DATA/rigol.csv"
expect_status 2 "--vil above --vih"
expect_stderr 'must be below --vih' "says why"
run info --active sideways "$DATA/rigol.csv"
expect_status 2 "--active unknown"
run info --gap 5 "$DATA/bbb_small.log"
expect_status 2 "--gap without a unit"
run info --format wav "$DATA/rigol.csv"
expect_status 2 "--format unknown"
run info "$DATA/rigol.csv" "$DATA/saleae.csv"
expect_status 2 "info takes one trace"
run info "$SCRATCH/does-not-exist.csv"
expect_status 2 "missing file (bad input: status 2)"
expect_stderr "does-not-exist.csv: no such file" "names the missing file"
run info "$SCRATCH"
expect_status 2 "a directory"

# a comment line between rows (e.g. a note a user added to a capture) is skipped
run info "$(dirname "$0")/data/comment_rows.csv"
expect_status 0 "comment between rows"
expect_stdout '^edges: +2$' "rows around the comment: edges at 100 and 300"

# to a device there is no folder for the truth file: none is made beside it
rm -f /dev/null.truth.csv 2>/dev/null
run convert "$(dirname "$0")/../../traces/tactile.csv" /dev/null --to native
expect_status 0 "convert to /dev/null"
[ ! -e /dev/null.truth.csv ] || { rm -f /dev/null.truth.csv; fail "a truth file was made in /dev"; }

# ---- malformed files: FILE | extra options | the expected message ----------

while IFS='|' read -r file opts message; do
  [ -n "$file" ] || continue
  # shellcheck disable=SC2086
  run info $opts "$BAD/$file"
  expect_status 2 "$file"
  expect_stderr "^bouncelab: $BAD/$message" "$file"
  grep -q 'Segmentation\|Aborted\|CRITICAL' "$ERR" && fail "$file crashed"
done <<'EOF'
empty.csv||empty.csv:1: empty file
garbage.bin||garbage.bin:1: not a trace format bouncelab knows
nat_backwards.csv||nat_backwards.csv:4: time goes backwards \(50 after 100\)
nat_duplicate.csv||nat_duplicate.csv:4: duplicate time 100
nat_level.csv||nat_level.csv:3: unknown level '2'
nat_noheader.csv||nat_noheader.csv:2: missing header 't_ns,level'
nat_truncated.csv||nat_truncated.csv:3: truncated line '100,'
nat_truncated2.csv||nat_truncated2.csv:3: truncated line '100'
nat_range.csv||nat_range.csv:3: numbers out of range
nat_end.csv||nat_end.csv:2: end_ns 50 is before the last row
nat_headeronly.csv||nat_headeronly.csv:2: no data rows
nat_overflow.csv||nat_overflow.csv:7: the recorder lost edges \(overflow: 3 edges lost from t_ns 200\)
nat_badtruth.csv||nat_badtruth.truth.csv:2: release 50 is not after press 100
vcd_nochannel.vcd|--channel D7|vcd_nochannel.vcd:5: no channel 'D7' in this VCD \(channels: D0\)
vcd_backwards.vcd||vcd_backwards.vcd:6: time goes backwards
vcd_level.vcd||vcd_level.vcd:5: unknown level or token '2!'
vcd_notimescale.vcd||vcd_notimescale.vcd:2: missing \$timescale
vcd_noenddefs.vcd||vcd_noenddefs.vcd:3: unexpected '#0' in the VCD header \(missing \$enddefinitions
vcd_range.vcd||vcd_range.vcd:5: numbers out of range
vcd_truncated.vcd||vcd_truncated.vcd:2: truncated \$var
sig_level.csv||sig_level.csv:4: unknown level '5'
sig_norate.csv||sig_norate.csv:1: no '; Samplerate:' line
sig_truncated.csv|--channel D1|sig_truncated.csv:4: truncated line
sig_backwards.csv||sig_backwards.csv:4: time goes backwards
sig_headeronly.csv||sig_headeronly.csv:2: no data rows
sig_meta.csv||sig_meta.csv:3: bad samplerate in 'META samplerate: fast'
sig_nocolumn.csv|--channel D2|sig_nocolumn.csv:4: channel 'D2' has no column in '1,0'
sig_badvolt.csv||sig_badvolt.csv:7: bad voltage in '10,1O'
vcd_onlyevent.vcd||vcd_onlyevent.vcd:6: no 1-bit wire in this VCD
sal_backwards.csv||sal_backwards.csv:3: time goes backwards
sal_range.csv||sal_range.csv:3: numbers out of range
sal_level.csv|--format saleae|sal_level.csv:3: unknown level '2'
sal_headeronly.csv|--format saleae|sal_headeronly.csv:1: no data rows with a 0 or 1
ana_truncated.csv||ana_truncated.csv:3: truncated line
ana_noheader.csv||ana_noheader.csv:1: missing header
ana_badvolt.csv||ana_badvolt.csv:3: bad voltage
ana_headeronly.csv|--format analog|ana_headeronly.csv:1: no data rows \(expected 'time,volts' rows after a header\)
bbb_level.log||bbb_level.log:3: unknown level 'pin: 2'
bbb_backwards.log||bbb_backwards.log:4: time goes backwards
bbb_fit.log||bbb_fit.log:4: 2 rising edges cannot fit in 2 ns
bbb_truncated.log||bbb_truncated.log:4: truncated file
bbb_row.log||bbb_row.log:3: truncated line: no 'nsec:'
EOF

# A line of 2 MB with no newline: bounded, not buffered without end.
head -c 2097152 /dev/zero | tr '\0' '7' >"$SCRATCH/long.csv"
run info --format native "$SCRATCH/long.csv"
expect_status 2 "over-long line"
expect_stderr "long.csv:1: line longer than" "over-long line named"

finish
