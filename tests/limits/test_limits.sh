#!/usr/bin/env bash
# bouncelab at the limits of its input, each input made here in the scratch
# directory: each works or is refused with a clear message (exit 2, the
# file named), in bounded memory (peak resident set, measured by peak_rss).
#   - a time near INT64_MAX, in every format; and times at +-2^61 ns, which work
#   - a BBB row counting 10^12 pulses: refused, not expanded
#   - a line of 10 MB, in every format and the truth file: refused at 1 MB
#   - a VCD with 10^5 wires: any one of them is read
#   - 10^6 edges: read in about 8 bytes per edge (10^8 is bench/huge-trace.sh)
# usage: test_limits.sh BOUNCELAB SCRATCH PEAK_RSS GEN_EDGES
. "$(dirname "$0")/../cli/lib.sh"
PEAK_RSS=${3:?usage: test_limits.sh BOUNCELAB SCRATCH PEAK_RSS GEN_EDGES}
GEN_EDGES=${4:?usage: test_limits.sh BOUNCELAB SCRATCH PEAK_RSS GEN_EDGES}

# Memory any refusal here may take (KB): far below what buffering a 10 MB
# line would, with room for the sanitizer build's own (about 20 MB).
SMALL_KB=$((48 * 1024))

# measure ARGS...: runs bouncelab under peak_rss; $status, and $rss_kb.
measure() {
  "$PEAK_RSS" "$SCRATCH/.rss" "$BOUNCELAB" "$@" >"$OUT" 2>"$ERR"
  status=$?
  rss_kb=$(cat "$SCRATCH/.rss")
}
expect_rss_below() { [ "$rss_kb" -lt "$1" ] || fail "peak RSS $rss_kb KB, expected below $1 KB ($2)"; }
expect_stderr_short() {
  [ "$(wc -c <"$ERR")" -lt 1024 ] || fail "a message of $(wc -c <"$ERR") bytes ($1)"
}

# ---- times near INT64_MAX: beyond the 2^61 ns bouncelab handles, refused
# by name whatever the format; the largest time that fits works
lim=2305843009213693952 # 2^61
max=9223372036854775807 # INT64_MAX
s="$SCRATCH"
printf 't_ns,level\n0,1\n%s,0\n' "$max" >"$s/max.csv"
printf '$timescale 1ns $end\n$var wire 1 ! a $end\n$enddefinitions $end\n#0\n1!\n#%s\n0!\n' "$max" >"$s/max.vcd"
printf '; Samplerate: 1 GHz\nnanoseconds,logic\n0,1\n%s,0\n' "$max" >"$s/max-sigrok.csv"
printf 'Time [s],Channel 0\n0,1\n9223372036.854775807,0\n' >"$s/max-saleae.csv"
printf 'Time (ns),CH1\n0,3.3\n%s,0\n' "$max" >"$s/max-analog.csv"
printf '<test>\n<buffered_events>\npin: 1, rising_edges: 0, nsec: 0\npin: 0, rising_edges: 0, nsec: %s\n</buffered_events>\n</test>\n' "$max" >"$s/max.log"
for f in max.csv max.vcd max-sigrok.csv max-saleae.csv max-analog.csv max.log; do
  measure info "$s/$f"
  expect_status 2 "$f: a time near INT64_MAX"
  expect_stderr "^bouncelab: $s/$f(:[0-9]+)?: " "$f: the message names the file"
  expect_stderr_short "$f"
done
printf 't_ns,level\n0,1\n%s,0\n' "$max" >"$s/max.csv"
printf 't_ns,level\n0,1\n1000,0\n' >"$s/truth-max.csv"
printf 'press_ns,release_ns\n1000,%s\n' "$max" >"$s/truth-max.truth.csv"
measure info "$s/truth-max.csv"
expect_status 2 "a truth time near INT64_MAX"
expect_stderr "^bouncelab: $s/truth-max.csv: a true release at $max ns is beyond" "names the truth time"
# the limit itself: a trace from -2^61 to 2^61 ns, replayed in both modes
printf 't_ns,level\n-%s,1\n0,0\n1000000000,1\n%s,1\n' "$lim" "$lim" >"$s/limit.csv"
measure run "$s/limit.csv" --mode poll
expect_status 0 "times at +-2^61 ns, polled"
expect_stdout 'detected +1 +1' "the press at 0 is found polling"
measure run "$s/limit.csv" --mode irq
expect_status 0 "times at +-2^61 ns, by interrupt"
expect_stdout 'detected +1 +1' "the press at 0 is found by interrupt"

# ---- a BBB log row counting 10^12 rising edges: 50 bytes asking for
# 2 x 10^12 edges (16 TB); refused by line, in little memory. At the cap
# (10000, two rows 100 us apart at one level) it gives its 20000 edges.
printf '<test>\n<buffered_events>\npin: 1, rising_edges: 0, nsec: 0\npin: 1, rising_edges: 1000000000000, nsec: 100000000\n</buffered_events>\n</test>\n' >"$s/pulses.log"
measure info "$s/pulses.log"
expect_status 2 "10^12 counted pulses"
expect_stderr "^bouncelab: $s/pulses.log:4: rising_edges 1000000000000: more than 10000 pulses" \
  "names the row"
expect_rss_below "$SMALL_KB" "10^12 counted pulses"
printf '<test>\n<buffered_events>\npin: 1, rising_edges: 0, nsec: 0\npin: 1, rising_edges: 10000, nsec: 100000\n</buffered_events>\n</test>\n' >"$s/pulses-cap.log"
measure info "$s/pulses-cap.log"
expect_status 0 "10000 counted pulses"
expect_stdout '^edges: +20000$' "two edges per counted pulse"

# ---- a line of 10 MB: refused at the 1 MB line limit, without reading it whole
head -c $((10 * 1024 * 1024)) /dev/zero | tr '\0' '7' >"$s/long"
long_case() { # NAME HEAD-TEXT: a file of HEAD-TEXT, the long line, a newline
  printf '%b' "$2" >"$s/$1"
  cat "$s/long" >>"$s/$1"
  echo >>"$s/$1"
}
long_case long.csv 't_ns,level\n0,1\n'
long_case long.vcd '$timescale 1ns $end\n$var wire 1 ! a $end\n$enddefinitions $end\n#0\n1!\n#'
long_case long-sigrok.csv '; Samplerate: 1 MHz\nTime,D0\n0,1\n'
long_case long-saleae.csv 'Time [s],Channel 0\n0,1\n'
long_case long-analog.csv 'Time,CH1\n0,3.3\n'
long_case long.log '<test>\n<buffered_events>\npin: 1, rising_edges: 0, nsec: 0\npin: 0, rising_edges: 0, nsec: '
printf 't_ns,level\n0,1\n1000,0\n' >"$s/longtruth.csv"
long_case longtruth.truth.csv 'press_ns,release_ns\n'
for f in long.csv:3 long.vcd:6 long-sigrok.csv:4 long-saleae.csv:3 long-analog.csv:3 long.log:4 \
  longtruth.csv:2; do
  name=${f%:*} line=${f##*:}
  measure info "$s/$name"
  expect_status 2 "$name: a 10 MB line"
  where="$s/$name"
  [ "$name" = longtruth.csv ] && where="$s/longtruth.truth.csv"
  expect_stderr "^bouncelab: $where:$line: line longer than 1048576 bytes \(not a text trace\?\)$" \
    "$name: names the file and the line"
  expect_rss_below "$SMALL_KB" "$name: a 10 MB line"
done

# ---- a VCD with 10^5 wires (sigrok style: all changes of an instant on one
# line, 10^5 of them). Wire k starts at 1 and flips at k + 1000 us, so wire
# 99999 has its edge at 100999 us; the default is the first wire (1000 us).
awk 'BEGIN {
  print "$timescale 1 us $end"; print "$scope module top $end"
  for (i = 0; i < 100000; i++) printf "$var wire 1 w%d sig%d $end\n", i, i
  print "$upscope $end"; print "$enddefinitions $end"
  printf "#0"; for (i = 0; i < 100000; i++) printf " 1w%d", i; printf "\n"
  for (i = 0; i < 100000; i++) printf "#%d 0w%d\n", i + 1000, i
  print "#200000"
}' >"$s/wires.vcd"
measure convert "$s/wires.vcd" "$s/wire-last.csv" --channel sig99999
expect_status 0 "the last of 10^5 wires"
grep -qx '100999000,0' "$s/wire-last.csv" || fail "sig99999's edge: $(tail -n 3 "$s/wire-last.csv")"
expect_rss_below $((128 * 1024)) "10^5 wires"
measure convert "$s/wires.vcd" "$s/wire-first.csv"
expect_status 0 "the first of 10^5 wires by default"
grep -qx '1000000,0' "$s/wire-first.csv" || fail "sig0's edge: $(tail -n 3 "$s/wire-first.csv")"
measure info "$s/wires.vcd" --channel nosuch
expect_status 2 "no such wire among 10^5"
expect_stderr "sig15 \.\.\. and 99984 more\)$" "lists 16 wires and counts the rest"
expect_stderr_short "no such wire among 10^5"

# ---- 10^6 edges, 1 us apart: read, described and replayed, in about
# 8 bytes per edge (8 MB) above a small base; polled every 1 ms it sees 1000
# of the reads land on levels, and the 1 us pulses are not presses
"$GEN_EDGES" 1000000 1000 >"$s/million.csv" || fail "gen_edges"
measure info "$s/million.csv"
expect_status 0 "10^6 edges"
expect_stdout '^edges: +1000000$' "all edges read"
expect_rss_below $((SMALL_KB + 16 * 1024)) "10^6 edges"
measure run "$s/million.csv" --mode irq --runtime c
expect_status 0 "10^6 edges by interrupt"
expect_rss_below $((SMALL_KB + 32 * 1024)) "10^6 edges by interrupt"

finish
