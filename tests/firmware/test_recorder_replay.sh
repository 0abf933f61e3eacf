#!/usr/bin/env bash
# A capture the bounce recorder streamed (through the SDK stub, from the
# waveform listed in test_bounce_recorder.c) replays through `bouncelab run`:
# two presses, at 100 ms and 1350 ms, released at 600 ms and 1750 ms, each
# with bounce of at most 3.6 us. defer 5 ms polled every 1 ms from 0: each
# first edge falls exactly on a read (100, 600, 1350, 1750 ms) and the bounce
# is over before the next read, so no read sees it and each change is
# reported 5 ms after the read that first saw it: 105, 605, 1355, 1755 ms.
. "$(dirname "$0")/../cli/lib.sh"
CAPTURES="$3"

run run "$CAPTURES/recorder_capture.csv" --algo defer --window 5ms --mode poll --interval 1ms \
  --events "$SCRATCH/events.csv"
expect_status 0 "replay the capture"
expect_stdout 'true +2 +2' "two presses found by the oracle"
expect_stdout 'missed +0 +0' "none missed"
expect_stdout 'false +0 +0' "none false"
printf 't_ns,event,truth_index,latency_us\n105000000,press,0,5000\n605000000,release,0,5000\n1355000000,press,1,5000\n1755000000,release,1,5000\n' \
  >"$SCRATCH/want.csv"
cmp -s "$SCRATCH/events.csv" "$SCRATCH/want.csv" || fail "events: $(cat "$SCRATCH/events.csv")"

# a capture that overflowed the recorder's queue is refused, naming the line
run run "$CAPTURES/recorder_overflow.csv"
expect_status 2 "an overflowed capture"
expect_stderr 'recorder_overflow.csv:[0-9]+: the recorder lost edges \(overflow: 8 edges lost' \
  "names the file, the line and the loss"
run run "$CAPTURES/recorder_stall.csv"
expect_status 2 "a capture whose sampler stalled"
expect_stderr 'recorder_stall.csv:[0-9]+: the recorder lost edges' "says so"

finish
