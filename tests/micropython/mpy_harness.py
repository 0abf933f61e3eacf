"""Stand-ins for MicroPython's `machine`, `time` and `micropython` modules,
driven by a simulated clock and one button pin replaying a trace, so that
micropython/debounce.py, its examples and the programs `bouncelab advise
--emit micropython` writes run under CPython exactly as the simulator
models them.

The model (the same as bouncelab's with zero latencies, and the pico-sdk
stub's): time is ns from the trace start; time.ticks_us() is
(ticks_us_start + t // 1000) mod 2^30, the rp2 port's period; an edge at t
is seen by a read at t. An edge the pin's irq() trigger takes latches a
flag; the handler runs irq_latency_ns later with every edge latched
meanwhile coalesced, and reads the pin then. machine.Timer callbacks run at
their instant (period in 1/tick_hz s, tick_hz 1000 unless given); on a tie
timers run before the GPIO handler (the RP2040's TIMER_IRQ_0 has the lower
number). Code takes no time; only time.sleep*() and machine.idle() let the
clock move, running what falls due meanwhile. The run ends when the clock
would pass the trace's end.
"""

import bisect
import sys
import types

TICKS_PERIOD = 1 << 30  # MicroPython's ticks period on 32-bit ports (rp2)
TICKS_MASK = TICKS_PERIOD - 1
TICKS_HALF = TICKS_PERIOD >> 1
US = 1000
MS = 1000000

# a program reading the pin this often without letting time move is stuck
BUSY_READS_MAX = 1000000


class StopSimulation(BaseException):
    """Raised into the program when its clock would pass the end of the trace."""


def ticks_diff(a, b):
    return ((a - b + TICKS_HALF) & TICKS_MASK) - TICKS_HALF


def ticks_add(a, delta):
    return (a + delta) & TICKS_MASK


class Sim:
    """One run: the trace, the clock, the pin's interrupt and the timers."""

    def __init__(self, initial_level, edges, end_ns, button_pin, ticks_us_start=0,
                 ticks_ms_start=0, irq_latency_ns=0):
        self.edge_t = [t for t, _ in edges]
        self.edge_level = [bool(v) for _, v in edges]
        self.initial_level = bool(initial_level)
        self.end_ns = end_ns
        self.button_pin = button_pin
        self.ticks_us_start = ticks_us_start
        self.ticks_ms_start = ticks_ms_start
        self.irq_latency_ns = irq_latency_ns
        self.now = 0
        self.timers = []  # armed Timer objects
        self.timer_seq = 0
        self.irq = None  # (handler, trigger, pin)
        self.edges_taken = 0  # edges looked at for the interrupt
        self.gpio_pending = None  # ns the interrupt latched, or None
        self.outputs = {}  # output pin values
        self.lines = []  # what the program printed
        self.busy_reads = 0
        self.gpio_entries = 0
        self.timer_entries = 0

    # --- the pin
    def level_at(self, t):
        k = bisect.bisect_right(self.edge_t, t)
        return self.initial_level if k == 0 else self.edge_level[k - 1]

    def read_pin(self):
        self.busy_reads += 1
        if self.busy_reads > BUSY_READS_MAX:
            raise RuntimeError("the program reads the pin in a loop without letting time pass")
        return 1 if self.level_at(self.now) else 0

    def _edge_triggers(self, level):
        trigger = self.irq[1]
        return bool(trigger & (Pin.IRQ_RISING if level else Pin.IRQ_FALLING))

    def _take_edges(self, until):
        while self.edges_taken < len(self.edge_t) and self.edge_t[self.edges_taken] <= until:
            if self.irq is not None and self.gpio_pending is None and \
                    self._edge_triggers(self.edge_level[self.edges_taken]):
                self.gpio_pending = self.edge_t[self.edges_taken]
            self.edges_taken += 1

    # --- the clock
    def ticks_us(self):
        return (self.ticks_us_start + self.now // US) & TICKS_MASK

    def ticks_ms(self):
        return (self.ticks_ms_start + self.now // MS) & TICKS_MASK

    def _next_due(self, until):
        """(time, kind, obj) of the first thing due at or before `until`, or None."""
        best = None
        for timer in self.timers:
            cand = (timer.due, 0, timer.seq, timer)
            if cand[0] <= until and (best is None or cand[:3] < best[:3]):
                best = cand
        # an edge before that may latch the interrupt
        limit = until if best is None else best[0]
        if self.gpio_pending is None:
            self._take_edges_before(limit)
        if self.gpio_pending is not None:
            t = self.gpio_pending + self.irq_latency_ns
            if t <= until and (best is None or (t, 1) < best[:2]):
                best = (t, 1, 0, None)
        return best

    def _take_edges_before(self, limit):
        # only until the first edge that latches: later ones coalesce into its entry
        while self.gpio_pending is None and self.edges_taken < len(self.edge_t) and \
                self.edge_t[self.edges_taken] <= limit:
            self._take_edges(self.edge_t[self.edges_taken])

    def advance(self, until):
        """Runs everything due up to `until` (ns), in time order, and sets the clock there."""
        while True:
            stop = min(until, self.end_ns)
            due = self._next_due(stop)
            if due is None:
                break
            t, kind, _, timer = due
            self.now = max(self.now, t)
            self.busy_reads = 0
            self._take_edges(self.now)
            if kind == 0:
                self.timer_entries += 1
                timer.fire()
            else:
                self.gpio_entries += 1
                self.gpio_pending = None  # acknowledged
                handler, _, pin = self.irq
                handler(pin)
        if until > self.end_ns:
            self.now = self.end_ns
            raise StopSimulation()
        self.now = max(self.now, until)
        self.busy_reads = 0

    def idle(self):
        """machine.idle(): waits for the next interrupt (or the end)."""
        due = self._next_due(self.end_ns)
        self.advance(self.end_ns + 1 if due is None else due[0])

    # --- running a program
    def run_file(self, path, extra_path=()):
        """Runs a MicroPython program (a file) until the trace ends; returns its printed lines."""
        with open(path) as f:
            source = f.read()
        return self.run_source(source, path, extra_path)

    def run_source(self, source, name, extra_path=()):
        global _sim
        _sim = self
        saved_modules = {k: sys.modules.get(k) for k in ("machine", "time", "micropython",
                                                         "debounce")}
        saved_path = list(sys.path)
        sys.modules.update(_modules())
        sys.modules.pop("debounce", None)
        sys.path[:0] = list(extra_path)
        env = {"__name__": "__main__", "print": self._print}
        try:
            exec(compile(source, name, "exec"), env)
        except StopSimulation:
            pass
        finally:
            sys.path[:] = saved_path
            for k, v in saved_modules.items():
                if v is None:
                    sys.modules.pop(k, None)
                else:
                    sys.modules[k] = v
            _sim = None
        return self.lines

    def _print(self, *args, sep=" ", end="\n", **kwargs):
        self.lines.append(sep.join(str(a) for a in args))


_sim = None  # the run in progress: the stand-ins below act on it


class Pin:
    IN = 0
    OUT = 1
    OPEN_DRAIN = 2
    PULL_UP = 1
    PULL_DOWN = 2
    IRQ_FALLING = 4  # the rp2 port's values
    IRQ_RISING = 8

    def __init__(self, id, mode=-1, pull=-1, value=None):
        self.id = id
        self.mode = mode
        self.pull = pull
        if value is not None:
            _sim.outputs[id] = value

    def init(self, mode=-1, pull=-1, value=None):
        self.__init__(self.id, mode, pull, value)

    def value(self, v=None):
        if v is None:
            if self.id == _sim.button_pin:
                return _sim.read_pin()
            return _sim.outputs.get(self.id, 0)
        _sim.outputs[self.id] = 1 if v else 0
        return None

    __call__ = value

    def on(self):
        self.value(1)

    def off(self):
        self.value(0)

    def toggle(self):
        self.value(0 if _sim.outputs.get(self.id, 0) else 1)

    def irq(self, handler=None, trigger=IRQ_FALLING | IRQ_RISING, hard=False):
        if self.id != _sim.button_pin:
            raise ValueError("the stand-in models interrupts on the button pin only")
        _sim.irq = None if handler is None else (handler, trigger, self)
        return None


class Timer:
    ONE_SHOT = 0
    PERIODIC = 1

    def __init__(self, id=-1, **kwargs):
        self.due = None
        if kwargs:
            self.init(**kwargs)

    def init(self, *, mode=PERIODIC, freq=-1, period=-1, tick_hz=1000, callback=None,
             hard=None):
        self.deinit()
        if freq > 0:
            step = 1000000000 // freq
        else:
            if period <= 0 or 1000000000 % tick_hz:
                raise ValueError("period must be positive (tick_hz dividing 1 GHz)")
            step = period * (1000000000 // tick_hz)
        self.mode = mode
        self.step = step
        self.callback = callback
        # the RP2040 timer counts whole microseconds: alarms fire on them
        self.due = _sim.now // US * US + step
        _sim.timer_seq += 1
        self.seq = _sim.timer_seq
        self.sim = _sim
        _sim.timers.append(self)

    def deinit(self):
        if self.due is not None and self in self.sim.timers:
            self.sim.timers.remove(self)
        self.due = None

    def fire(self):
        if self.mode == Timer.PERIODIC:
            self.due += self.step
        else:
            self.deinit()
        if self.callback is not None:
            self.callback(self)


def _modules():
    machine = types.ModuleType("machine")
    machine.Pin = Pin
    machine.Timer = Timer
    machine.idle = lambda: _sim.idle()
    machine.disable_irq = lambda: 0
    machine.enable_irq = lambda state=0: None

    time = types.ModuleType("time")
    time.ticks_us = lambda: _sim.ticks_us()
    time.ticks_ms = lambda: _sim.ticks_ms()
    time.ticks_diff = ticks_diff
    time.ticks_add = ticks_add
    time.sleep_us = lambda us: _sim.advance(_sim.now + int(us) * US)
    time.sleep_ms = lambda ms: _sim.advance(_sim.now + int(ms) * MS)
    time.sleep = lambda s: _sim.advance(_sim.now + int(round(s * 1000000000)))

    micropython = types.ModuleType("micropython")
    micropython.const = lambda x: x
    micropython.schedule = lambda func, arg: func(arg)
    micropython.alloc_emergency_exception_buf = lambda n: None
    return {"machine": machine, "time": time, "micropython": micropython}


def read_native_csv(path):
    """A bouncelab native trace CSV: (initial_level, [(t_ns, level)], start_ns, end_ns)."""
    start = end = None
    initial = None
    edges = []
    with open(path) as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            if line.startswith("#"):
                key, _, value = line[1:].partition(":")
                key, value = key.strip(), value.strip()
                if key == "start_ns":
                    start = int(value)
                elif key == "end_ns":
                    end = int(value)
                continue
            fields = line.split(",")
            if not fields[0].lstrip("-").isdigit():
                continue  # the header
            t, level = int(fields[0]), int(fields[1])
            if initial is None:
                initial = level
                if start is None:
                    start = t
                continue
            edges.append((t, level))
    return initial, edges, start or 0, end


def parse_events(lines, ticks_us_start):
    """(kind, us from the start) of each 'press at T us' / 'release at T us' line printed."""
    events = []
    for line in lines:
        words = line.split()
        if len(words) >= 4 and words[0] in ("press", "release") and words[1] == "at" \
                and words[3].rstrip(",") == "us":
            events.append((words[0], ticks_diff(int(words[2]), ticks_us_start)))
    return events
