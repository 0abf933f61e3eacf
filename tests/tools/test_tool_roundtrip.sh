#!/usr/bin/env bash
# bouncelab's VCDs rewritten by other tools and read back: GTKWave's
# vcd2fst + fst2vcd (which drop $comment) and sigrok-cli -I vcd -O vcd
# (which keeps only the wires) must keep every edge, the truth and the
# active level. sigrok-cli samples a VCD at one sample per tick, so the
# traces are short at 1 ns or written with a coarser --vcd-timescale.
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/lib_tools.sh"
S="$SCRATCH"
DATA="$(dirname "$0")/../trace/data"
have_sigrok=0 have_fst=0
command -v sigrok-cli >/dev/null 2>&1 && have_sigrok=1
command -v vcd2fst >/dev/null 2>&1 && command -v fst2vcd >/dev/null 2>&1 && have_fst=1
if [ $have_sigrok = 0 ] && [ $have_fst = 0 ]; then
  need_tool sigrok-cli sigrok-cli # skips, naming what to install
fi
[ $have_fst = 1 ] || echo "note: vcd2fst/fst2vcd missing (Debian package gtkwave): FST round trips not run"
[ $have_sigrok = 1 ] || echo "note: sigrok-cli missing (Debian package sigrok-cli): sigrok round trips not run"

# same_trace WHAT A.csv B.csv [any-end]: the native files agree (edges, start, active
# level; the end too unless any-end), and so do their truth files
same_trace() {
  local what=$1 a=$2 b=$3
  checked=$((checked + 1))
  if [ "${4:-}" = any-end ]; then
    cmp -s <(grep -v '^# end_ns' "$a") <(grep -v '^# end_ns' "$b") ||
      fail "$what: $(diff "$a" "$b" | head -n 6 | tr '\n' '|')"
  else
    cmp -s "$a" "$b" || fail "$what: $(diff "$a" "$b" | head -n 6 | tr '\n' '|')"
  fi
  cmp -s "${a%.csv}.truth.csv" "${b%.csv}.truth.csv" || fail "$what: the truth differs"
}

# through_tools NAME: $S/NAME.vcd through each tool there is, read back, against $S/NAME.csv
through_tools() {
  local n=$1 end=${2:-}
  if [ $have_fst = 1 ]; then
    vcd2fst "$S/$n.vcd" "$S/$n.fst" >/dev/null 2>&1 || fail "vcd2fst $n.vcd"
    fst2vcd "$S/$n.fst" >"$S/${n}_fst.vcd" 2>/dev/null || fail "fst2vcd $n.fst"
    run convert "$S/${n}_fst.vcd" "$S/${n}_fst.csv"
    expect_status 0 "$n through vcd2fst/fst2vcd reads"
    same_trace "$n through vcd2fst/fst2vcd" "$S/$n.csv" "$S/${n}_fst.csv"
  fi
  if [ $have_sigrok = 1 ]; then
    sigrok-cli -I vcd -i "$S/$n.vcd" -O vcd -o "$S/${n}_sigrok.vcd" 2>"$S/.sigrok.err" ||
      fail "sigrok-cli -I vcd $n.vcd: $(cat "$S/.sigrok.err")"
    run convert "$S/${n}_sigrok.vcd" "$S/${n}_sigrok.csv"
    expect_status 0 "$n through sigrok-cli reads"
    same_trace "$n through sigrok-cli" "$S/$n.csv" "$S/${n}_sigrok.csv" $end
  fi
}

# a keyswitch, active high, 4 presses in 14 ms: exact at 1 ns
run gen --profile keyswitch --presses 4 --seed 7 --active high --hold-min 1ms --hold-max 2ms \
  --gap-min 1ms --gap-max 2ms -o "$S/key.csv"
expect_status 0 "gen"
run convert "$S/key.csv" "$S/key.vcd"
expect_status 0 "convert to VCD"
through_tools key

# a trace whose last edge sits on its end: sigrok-cli keeps it thanks to the
# closing timestamp (its own end is that timestamp, one 10 ns tick later)
cp "$DATA/roundtrip.csv" "$S/last.csv"
cp "$DATA/roundtrip.truth.csv" "$S/last.truth.csv"
run convert "$S/last.csv" "$S/last.vcd"
through_tools last any-end
[ $have_sigrok = 0 ] || grep -q '^6000,1$' "$S/last_sigrok.csv" || fail "the edge on the end was lost"

# a tactile trace of 1.6 s at --vcd-timescale 10us: against bouncelab's own
# reading of that VCD (whose times are rounded to 10 us)
run gen --presses 3 --seed 7 -o "$S/tactile.csv"
run convert "$S/tactile.csv" "$S/tac.vcd" --vcd-timescale 10us
expect_status 0 "convert --vcd-timescale 10us"
run convert "$S/tac.vcd" "$S/tac.csv"
expect_status 0 "the 10 us VCD reads back"
[ "$(grep -c '^[0-9]' "$S/tac.csv")" -gt 20 ] || fail "too few edges left at 10 us"
through_tools tac any-end

# a run's VCD: its pin wire, truth and active level come back the same ways
run run "$S/key.csv" --algo defer --window 300us --interval 100us --vcd "$S/run.vcd"
expect_status 0 "run --vcd"
run convert "$S/run.vcd" "$S/run.csv"
same_trace "run VCD read back" "$S/key.csv" "$S/run.csv" any-end
through_tools run any-end

echo "$( [ $have_fst = 1 ] && echo "vcd2fst/fst2vcd (gtkwave $(dpkg-query -W -f='${Version}' gtkwave 2>/dev/null || echo '?'))")" \
  "$( [ $have_sigrok = 1 ] && sigrok-cli --version | head -n 1): $checked round trips agree"
finish
