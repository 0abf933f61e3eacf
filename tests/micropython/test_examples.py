"""micropython/examples/ under the harness: each prints exactly the events
`bouncelab run` reports for its setting on the bundled traces, across the
ticks_us wrap.

usage: test_examples.py BOUNCELAB MICROPYTHON_DIR TRACES_DIR
"""

import os
import sys

import mpy_compare

bouncelab, mpy_dir, traces = sys.argv[1:4]
ZERO_LATENCY = ["--mode", "irq", "--irq-latency", "0s", "--irq-jitter", "0s", "--irq-tail", "0s",
                "--alarm-latency", "0s", "--handler-time", "0s"]
POLL_1MS = ["--mode", "poll", "--interval", "1ms"]

# example, the events it prints, and the `bouncelab run` options of its setting
EXAMPLES = [
    ("poll_timer.py", ["press", "release"], ["--algo", "defer", "--window", "5ms"] + POLL_1MS),
    ("irq_alarm.py", ["press", "release"], ["--algo", "defer", "--window", "5ms"] + ZERO_LATENCY),
    ("tutorial_1_poll.py", ["press"], ["--algo", "defer", "--window", "5ms"] + POLL_1MS),
    ("tutorial_2_poll_lockout.py", ["press"], ["--algo", "lockout", "--window", "20ms"] + POLL_1MS),
    ("tutorial_3_irq.py", ["press"], ["--algo", "lockout", "--window", "5ms"] + ZERO_LATENCY),
    ("tutorial_4_irq_flag.py", ["press"],
     ["--algo", "eager-defer", "--window", "5ms"] + ZERO_LATENCY),
]

failures = 0
for name, kinds, args in EXAMPLES:
    for trace in ("tactile.csv", "worn.csv"):
        path = os.path.join(traces, trace)
        why = mpy_compare.compare(bouncelab, mpy_dir, os.path.join(mpy_dir, "examples", name),
                                  path, kinds, args)
        if why:
            print("FAIL: %s on %s: %s" % (name, trace, why))
            failures += 1
        else:
            print("%s on %s: same events as bouncelab run %s" % (name, trace, " ".join(args)))
sys.exit(1 if failures else 0)
