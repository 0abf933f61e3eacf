#!/usr/bin/env bash
# Captures made here with sigrok-cli's demo driver (logic and analog, several
# samplerates, every CSV layout and VCD) and its binary input (channels
# named 0, 1, 2), read by bouncelab and checked edge by edge against what
# sigrok-cli itself says the capture holds: its plain CSV (one row per
# sample), turned into edges by sigrok_reference.py. The demo's patterns
# are fixed, so every run of sigrok-cli gives the same samples.
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/lib_tools.sh"
need_tool sigrok-cli sigrok-cli
S="$SCRATCH"
SAMPLES=500

# capture NAME OUTPUT-OPTIONS ARGS...: sigrok-cli -d demo into $S/NAME
capture() {
  local name=$1 out=$2
  shift 2
  sigrok-cli -d demo --samples "${SAMPLES}" "$@" -O "$out" -o "$S/$name" 2>"$S/.sigrok.err" ||
    fail "sigrok-cli $* -O $out: $(cat "$S/.sigrok.err")"
}

# logic: D0..D3 at several samplerates, each layout against the plain CSV
for rate in 200000 1000000 3000000 24000000; do
  capture "ref_$rate.csv" csv --channels D0,D1,D2,D3 -c "samplerate=$rate"
  capture "time_$rate.csv" csv:time=true --channels D0,D1,D2,D3 -c "samplerate=$rate"
  capture "dedup_$rate.csv" csv:time=true:dedup=true --channels D0,D1,D2,D3 -c "samplerate=$rate"
  capture "label_$rate.csv" csv:label=channel --channels D0,D1,D2,D3 -c "samplerate=$rate"
  capture "timelabel_$rate.csv" csv:time=true:label=channel --channels D0,D1,D2,D3 -c "samplerate=$rate"
  capture "off_$rate.csv" csv:time=true:label=off --channels D0,D1,D2,D3 -c "samplerate=$rate"
  capture "offnotime_$rate.csv" csv:label=off --channels D0,D1,D2,D3 -c "samplerate=$rate"
  capture "cap_$rate.vcd" vcd --channels D0,D1,D2,D3 -c "samplerate=$rate"
  capture "one_$rate.csv" csv:label=off --channels D0 -c "samplerate=$rate"
  capture "oneref_$rate.csv" csv --channels D0 -c "samplerate=$rate"
  for c in 0 1 2 3; do
    $PY "$TOOLS_DIR/sigrok_reference.py" --rate "$rate" --column "$c" <"$S/ref_$rate.csv" >"$S/want"
    for f in time dedup label timelabel off offnotime; do
      bl_rows "$S/${f}_$rate.csv" --channel "D$c" >"$S/got"
      same_rows "D$c at $rate Hz, $f CSV" "$S/want" "$S/got"
    done
    bl_rows "$S/cap_$rate.vcd" --channel "D$c" >"$S/got"
    same_rows "D$c at $rate Hz, VCD" "$S/want" "$S/got"
    [ "$(edges_in "$S/want")" -gt 10 ] || fail "D$c at $rate Hz has too few edges to tell"
  done
  # one channel: the demo's pattern then differs, so its own plain CSV is the reference
  $PY "$TOOLS_DIR/sigrok_reference.py" --rate "$rate" <"$S/oneref_$rate.csv" >"$S/want"
  [ "$(edges_in "$S/want")" -gt 10 ] || fail "D0 alone at $rate Hz has too few edges to tell"
  bl_rows "$S/one_$rate.csv" >"$S/got"
  same_rows "D0 alone at $rate Hz, label=off" "$S/want" "$S/got"
done

# analog: the raw file sigrok-cli writes with time=true ("A0: ... V DC" lines
# and all), read by content, as --format sigrok and as --format analog
for rate in 200000 1000000 3000000; do
  for ch in A0 A1; do
    capture "aref_${ch}_$rate.csv" csv --channels "$ch" -c "samplerate=$rate"
    capture "atime_${ch}_$rate.csv" csv:time=true --channels "$ch" -c "samplerate=$rate"
    $PY "$TOOLS_DIR/sigrok_reference.py" --rate "$rate" --analog <"$S/aref_${ch}_$rate.csv" >"$S/want"
    [ "$(edges_in "$S/want")" -gt 2 ] || fail "$ch at $rate Hz has too few edges to tell"
    for fmt in auto sigrok analog; do
      bl_rows "$S/atime_${ch}_$rate.csv" --format "$fmt" >"$S/got"
      same_rows "$ch at $rate Hz, time=true, --format $fmt" "$S/want" "$S/got"
    done
    bl_rows "$S/aref_${ch}_$rate.csv" >"$S/got"
    same_rows "$ch at $rate Hz, no time column" "$S/want" "$S/got"
  done
done

# 1 kHz: the time column counts milliseconds. The demo driver paces slow
# rates in real time and splits a long capture into packets that sigrok's CSV
# output then miscounts ("Expecting 101 samples, got 103"), so 60 samples, one packet
for ch in A0 A1; do
  SAMPLES=60 capture "ams_ref_$ch.csv" csv --channels "$ch" -c samplerate=1000
  SAMPLES=60 capture "ams_$ch.csv" csv:time=true --channels "$ch" -c samplerate=1000
  grep -q '^milliseconds,' "$S/ams_$ch.csv" || fail "$ch at 1 kHz: no 'milliseconds' label"
  $PY "$TOOLS_DIR/sigrok_reference.py" --rate 1000 --analog <"$S/ams_ref_$ch.csv" >"$S/want"
  bl_rows "$S/ams_$ch.csv" >"$S/got"
  same_rows "$ch at 1 kHz, time in milliseconds" "$S/want" "$S/got"
done

# binary input: channels named 0, 1, 2 and "META samplerate:" instead of "; Samplerate:"
$PY -c 'import random, sys
random.seed(15)
sys.stdout.buffer.write(bytes(random.choice((0, 0, 1, 3, 7, 6, 4, 5)) for _ in range(300)))' >"$S/in.bin"
for out in csv csv:label=channel csv:time=true:label=channel csv:label=off vcd; do
  name="bin_$(echo "$out" | tr ':=' '__')"
  sigrok-cli -I binary:numchannels=3:samplerate=1000000 -i "$S/in.bin" -O "$out" >"$S/$name" \
    2>"$S/.sigrok.err" || fail "sigrok-cli -I binary -O $out: $(cat "$S/.sigrok.err")"
  for c in 0 1 2; do
    $PY "$TOOLS_DIR/sigrok_reference.py" --rate 1000000 --binary "$S/in.bin" --column "$c" >"$S/want"
    bl_rows "$S/$name" --channel "$c" >"$S/got"
    same_rows "binary input channel $c, $out" "$S/want" "$S/got"
  done
done
run info "$S/bin_csv_label_channel" --channel 3
expect_status 2 "no channel 3"
expect_stderr "no channel '3' \(channels: 0, 1, 2\)" "lists the channels there are"

echo "sigrok-cli: $(sigrok-cli --version | head -n 1); $checked captures agree"
finish
