#!/usr/bin/env bash
# A bouncy button simulated by Icarus Verilog (bouncy_button.v): its VCD,
# read by bouncelab with no --channel, must give the button (not the event
# or real Icarus lists first) with the edges the testbench printed as it
# made them ("edge <ns> <level>"), and the end where it finished.
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/lib_tools.sh"
need_tool iverilog iverilog
need_tool vvp iverilog
S="$SCRATCH"

iverilog -DVCD_PATH="\"$S/tb.vcd\"" -o "$S/tb.vvp" "$TOOLS_DIR/bouncy_button.v" 2>"$S/.iv.err" ||
  fail "iverilog: $(cat "$S/.iv.err")"
(cd "$S" && vvp -n tb.vvp >"$S/schedule.txt" 2>"$S/.iv.err") || fail "vvp: $(cat "$S/.iv.err")"
grep -q '^\$var event' "$S/tb.vcd" || fail "Icarus no longer lists the event: the test lost its point"
{
  sed -n 's/^end \([0-9]*\)$/end \1/p' "$S/schedule.txt"
  sed -n 's/^start \([0-9]*\) \([01]\)$/\1,\2/p; s/^edge \([0-9]*\) \([01]\)$/\1,\2/p' "$S/schedule.txt"
} >"$S/want"
[ "$(edges_in "$S/want")" -eq 12 ] || fail "the schedule has $(edges_in "$S/want") edges, not 12"
bl_rows "$S/tb.vcd" >"$S/got"
same_rows "Icarus VCD, default channel" "$S/want" "$S/got"
bl_rows "$S/tb.vcd" --channel bouncy_button_tb.btn >"$S/got"
same_rows "Icarus VCD, --channel scope.name" "$S/want" "$S/got"

echo "$(iverilog -V 2>&1 | head -n 1); $checked readings agree"
finish
