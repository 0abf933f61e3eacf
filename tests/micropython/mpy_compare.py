"""Runs a MicroPython program in the harness on a trace and compares the
events it prints with the events `bouncelab run` reports for the same
setting on the same trace.

The program starts at time 0, sleeps PULL_SETTLE_US for the pull-up, then
starts its debouncer: the trace is laid so that it starts right then, which
is the instant bouncelab's models start too (first poll at the trace start,
no phase). Events are compared as (kind, microsecond from the trace start);
bouncelab's nanosecond times are truncated to the microsecond the
program's ticks_us() shows.

usage (CLI): mpy_compare.py BOUNCELAB MICROPYTHON_DIR PROGRAM TRACE KINDS -- RUN_ARGS...
  KINDS: press, or press,release: the events the program prints
"""

import os
import subprocess
import sys
import tempfile

import mpy_harness

PULL_SETTLE_US = 100  # button.py's PULL_SETTLE_US, and the examples' sleep_us(100)
# ticks_us() at the program's start: 3 s before the 2^30 wrap, so runs cross it
TICKS_US_START = mpy_harness.TICKS_PERIOD - 3000000


def run_events(bouncelab, trace, run_args):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "events.csv")
        subprocess.run([bouncelab, "run", trace, "--events", path] + list(run_args), check=True,
                       stdout=subprocess.DEVNULL)
        events = []
        with open(path) as f:
            next(f)
            for line in f:
                t_ns, kind = line.split(",")[:2]
                events.append((kind, int(t_ns) // 1000))
    return events


def program_events(mpy_dir, program, trace):
    initial, edges, start, end = mpy_harness.read_native_csv(trace)
    shift = PULL_SETTLE_US * 1000 - start
    sim = mpy_harness.Sim(initial, [(t + shift, v) for t, v in edges], end + shift, 5,
                          ticks_us_start=TICKS_US_START)
    lines = sim.run_file(program, extra_path=[mpy_dir])
    events = [(k, us - PULL_SETTLE_US) for k, us in mpy_harness.parse_events(lines, TICKS_US_START)]
    return events, sim


def compare(bouncelab, mpy_dir, program, trace, kinds, run_args):
    """None when the program prints exactly run's events of `kinds`; else what differs."""
    want = [e for e in run_events(bouncelab, trace, run_args) if e[0] in kinds]
    got, sim = program_events(mpy_dir, program, trace)
    if not want:
        return "bouncelab run reported no events: the comparison would prove nothing"
    if got != want:
        for k in range(max(len(got), len(want))):
            a = got[k] if k < len(got) else None
            b = want[k] if k < len(want) else None
            if a != b:
                return "event %d: program %s, bouncelab run %s (%d vs %d events)" % (
                    k, a, b, len(got), len(want))
    crossed = sim.ticks_us() < TICKS_US_START
    return None if crossed else "the run did not cross the ticks_us wrap"


if __name__ == "__main__":
    sep = sys.argv.index("--")
    bouncelab, mpy_dir, program, trace, kinds = sys.argv[1:sep]
    why = compare(bouncelab, mpy_dir, program, trace, kinds.split(","), sys.argv[sep + 1:])
    if why:
        print("FAIL: %s on %s: %s" % (program, trace, why))
        sys.exit(1)
    print("%s on %s: the events of bouncelab run %s" % (os.path.basename(program), trace,
                                                        " ".join(sys.argv[sep + 1:])))
