"""Differential test: micropython/debounce.py against the C core.

Random bouncy traces are replayed through both, polled (every interval,
with jitter) and interrupt-driven (an update at each edge after a random
entry latency, and at each deadline the port asks for), and every update's
event, debounced state and deadline must be identical. Python's clock is
MicroPython's ticks_us (period 2^30, the rp2 port's), the C core's a
uint32: starts near both wraps make every trace cross them.

usage: test_debounce_diff.py CORE_STEPS MICROPYTHON_DIR [CASES] [SEED] [DUMP]

DUMP (optional): also writes every case and the C core's results there, for
mpy_replay.py to replay under a real MicroPython.
"""

import random
import subprocess
import sys

import mpy_harness

core_steps, mpy_dir = sys.argv[1], sys.argv[2]
cases = int(sys.argv[3]) if len(sys.argv) > 3 else 400
seed = int(sys.argv[4]) if len(sys.argv) > 4 else 14
dump = open(sys.argv[5], "w") if len(sys.argv) > 5 else None

# debounce.py imports ticks_diff and ticks_add from time: give it the stand-in's.
sys.modules.update(mpy_harness._modules())
sys.path.insert(0, mpy_dir)
import debounce  # noqa: E402

MASK32 = (1 << 32) - 1


def random_trace(rng, presses):
    """Edges (t_us, level) of a pull-up button: bursts of bounce on make and break."""
    level, t, edges = 1, rng.randrange(0, 2000), []
    for _ in range(presses):
        for target in (0, 1):
            t += rng.randrange(200, 40000)
            for _ in range(rng.choice((0, 1, 2, 5, 12))):  # bounce: short pulses
                level ^= 1
                edges.append((t, level))
                t += rng.randrange(1, 900)
            if level != target:
                level = target
                edges.append((t, level))
            if rng.random() < 0.1:  # a glitch while held
                t += rng.randrange(100, 5000)
                edges.append((t, level ^ 1))
                t += rng.randrange(1, 300)
                edges.append((t, level))
    return edges, t + 50000


def level_at(edges, initial, t):
    level = initial
    for te, v in edges:
        if te > t:
            break
        level = v
    return level


def replay_python(cfg, edges, end, mode, interval, rng, py_start):
    """Updates (t_us, level) and the port's results (event, pressed, deadline ahead)."""
    algo, pw, rw, active_low = cfg
    d = debounce.Debouncer(algo, pw, rw, active_low, py_start, 1)
    updates, results = [], []

    def step(t):
        level = level_at(edges, 1, t)
        now = mpy_harness.ticks_add(py_start, t)
        ev = d.update(now, level)
        when = d.deadline()
        ahead = None if when is None else mpy_harness.ticks_diff(when, now)
        updates.append((t, level))
        results.append((ev, 1 if d.pressed() else 0, ahead))
        return ahead

    if mode == "poll":
        k = 0
        while k * interval <= end:
            step(k * interval + rng.randrange(0, interval // 4 + 1))
            k += 1
        return updates, results
    t, i, ahead = 0, 0, None
    while True:
        nxt = None
        if i < len(edges):
            nxt = edges[i][0] + rng.randrange(0, 40)  # entry latency
        if ahead is not None:
            dl = t + ahead if ahead > 0 else t + 1
            nxt = dl if nxt is None else min(nxt, dl)
        if nxt is None or nxt > end:
            break
        t = max(nxt, t)
        while i < len(edges) and edges[i][0] <= t:
            i += 1
        ahead = step(t)
    return updates, results


def replay_c(cfg, updates, c_start):
    algo, pw, rw, active_low = cfg
    lines = ["init %d %d %d %d %d 1" % (algo, pw, rw, 1 if active_low else 0, c_start)]
    lines += ["u %d %d" % ((c_start + t) & MASK32, level) for t, level in updates]
    out = subprocess.run([core_steps], input="\n".join(lines) + "\n", capture_output=True,
                         text=True, check=True).stdout.split("\n")
    results = []
    for line in out[: len(updates)]:
        ev, pressed, ahead = line.split()
        results.append((int(ev), int(pressed), None if ahead == "-" else int(ahead)))
    return results


def main():
    rng = random.Random(seed)
    compared = crossed = 0
    for case in range(cases):
        algo = case % 5
        mode = "poll" if algo == debounce.INTEGRATOR or case % 2 else "irq"
        interval = rng.choice((100, 250, 1000, 2000))
        if algo == debounce.INTEGRATOR:
            pw, rw = rng.randrange(1, 12), rng.randrange(1, 12)
        else:
            pw, rw = rng.randrange(0, 30000), rng.randrange(0, 30000)
        cfg = (algo, pw, rw, rng.random() < 0.8)
        edges, end = random_trace(rng, rng.randrange(1, 8))
        # ticks start shortly before the wrap of each clock, so the replay crosses it
        py_start = mpy_harness.TICKS_PERIOD - rng.randrange(1, end + 1)
        c_start = (1 << 32) - rng.randrange(1, end + 1) if case % 3 else rng.randrange(0, 1 << 32)
        updates, py = replay_python(cfg, edges, end, mode, interval, rng, py_start)
        c = replay_c(cfg, updates, c_start)
        if py != c:
            for k, (a, b) in enumerate(zip(py, c)):
                if a != b:
                    print("FAIL: case %d (%s, %s, windows %d/%d, active_low %s): update %d at "
                          "t %d us level %d: debounce.py %s, C core %s"
                          % (case, debounce.ALGO_NAMES[algo], mode, pw, rw, cfg[3], k,
                             updates[k][0], updates[k][1], a, b))
                    break
            sys.exit(1)
        if dump is not None:
            # a case: the setting, then each update (t us from the start, level) and its results
            dump.write("case %d %d %d %d %d\n" % (algo, pw, rw, 1 if cfg[3] else 0, len(updates)))
            for (t, level), (ev, pressed, ahead) in zip(updates, c):
                dump.write("%d %d %d %d %s\n" % (t, level, ev, pressed,
                                                   "-" if ahead is None else ahead))
        compared += len(updates)
        crossed += 1 if updates and updates[-1][0] >= mpy_harness.TICKS_PERIOD - py_start else 0
    if crossed < cases // 2:
        print("FAIL: only %d of %d cases crossed the ticks wrap" % (crossed, cases))
        sys.exit(1)
    if dump is not None:
        dump.close()
    print("debounce.py = C core: %d cases, %d updates, %d across the 2^30 ticks wrap (seed %d)"
          % (cases, compared, crossed, seed))


main()
