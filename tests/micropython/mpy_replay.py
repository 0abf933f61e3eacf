# Replays the cases test_debounce_diff.py dumped (the C core's results)
# through micropython/debounce.py under a real MicroPython (the unix port),
# with its own time.ticks_add/ticks_diff, the clock starting just before the
# port's ticks wrap, and the heap locked around every update(): an update
# that allocated would raise MemoryError.
#
# usage: micropython mpy_replay.py CASES_FILE   (debounce.py on MICROPYPATH)
import sys
import time

import micropython
from debounce import Debouncer

PERIOD = time.ticks_add(0, -1) + 1  # the port's ticks period: 2^30 on rp2, 2^62 on 64-bit unix


def main(path):
    cases = updates = crossed = 0
    with open(path) as f:
        line = f.readline()
        while line:
            words = line.split()
            algo, pw, rw, active_low, n = (int(w) for w in words[1:6])
            rows = [f.readline().split() for _ in range(n)]
            span = int(rows[-1][0]) + 1 if rows else 1
            start = time.ticks_add(0, -(span // 2 + 1))  # the wrap falls mid-case
            d = Debouncer(algo, pw, rw, active_low == 1, start, 1)
            # inputs and outputs in lists made beforehand: the loop itself allocates nothing
            nows = [time.ticks_add(start, int(row[0])) for row in rows]
            levels = [int(row[1]) for row in rows]
            evs = [0] * n
            pressed_ = [False] * n
            whens = [None] * n
            micropython.heap_lock()
            try:
                for k in range(n):
                    evs[k] = d.update(nows[k], levels[k])
                    pressed_[k] = d.pressed()
                    whens[k] = d.deadline()
            finally:
                micropython.heap_unlock()
            for k in range(n):
                ev, pressed, when, now = evs[k], pressed_[k], whens[k], nows[k]
                ahead = "-" if when is None else str(time.ticks_diff(when, now))
                want = (int(rows[k][2]), rows[k][3] == "1", rows[k][4])
                if (ev, pressed, ahead) != want:
                    print("FAIL: case", cases, "update", k, "at", rows[k][0], ": got",
                          (ev, pressed, ahead), "C core", want)
                    sys.exit(1)
            if rows and time.ticks_add(start, int(rows[-1][0])) < start:
                crossed += 1
            cases += 1
            updates += n
            line = f.readline()
    print("debounce.py under", sys.implementation.name, sys.implementation.version[:3],
          "= C core:", cases, "cases,", updates, "updates,", crossed,
          "across the ticks wrap (period 2^%d), heap locked" % (len(bin(PERIOD)) - 3))


main(sys.argv[1])
