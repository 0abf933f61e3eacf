# A debounced button for MicroPython on the Pico, on top of debounce.py: the
# pin is read by a repeating timer (poll) or by pin interrupts plus a one-shot
# alarm at the debouncer's deadline (irq), as firmware/pico/button_demo does
# in C. Handlers only update the debouncer and queue its events; the main
# loop takes them with get(). Nothing in a handler allocates, so hard=True
# (Pin.irq and machine.Timer on rp2) is safe.
#
#     button = Button(5, DEFER, 5000, 5000, mode="irq")
#     while True:
#         ev = button.get()         # None, or (PRESS or RELEASE, ticks_us)
#         ...
#         time.sleep_ms(10)

import time
from machine import Pin, Timer

from debounce import NO_EVENT, Debouncer

try:
    from micropython import const
except ImportError:

    def const(x):
        return x


PULL_SETTLE_US = const(100)  # for the pull resistor to charge the pin before the first reading
_CATCH_UP_MAX = const(4)  # deadlines already past run here at most this often per handler


class Button:
    def __init__(self, gpio, algo, press_window, release_window, active_low=True, mode="irq",
                 interval_us=1000, hard=True, queue=16, pull=-1):
        """Windows in us (the integrator: samples); mode "poll" (every interval_us) or "irq".
        pull: Pin.PULL_UP, Pin.PULL_DOWN or None; by default the one active_low implies."""
        if pull == -1:
            pull = Pin.PULL_UP if active_low else Pin.PULL_DOWN
        self.pin = Pin(gpio, Pin.IN, pull)
        self._events = [0] * queue  # a ring the handlers fill and get() empties
        self._times = [0] * queue
        # counted modulo twice the size: equal when empty, `queue` apart when full
        self._head = 0  # handler side: events put
        self._tail = 0  # main-loop side: events taken
        self.dropped = 0  # events lost to a full ring
        self.entries = 0  # handler entries (CPU work)
        time.sleep_us(PULL_SETTLE_US)
        self.debouncer = Debouncer(algo, press_window, release_window, active_low,
                                   time.ticks_us(), self.pin.value())
        self._hard = hard
        # bound once: making a bound method in a hard handler would allocate
        self._alarm_cb = self._on_alarm
        if mode == "poll":
            self._timer = Timer(mode=Timer.PERIODIC, tick_hz=1000000, period=interval_us,
                                callback=self._on_poll, hard=hard)
        elif mode == "irq":
            self._alarm = Timer()
            self.pin.irq(self._on_edge, Pin.IRQ_FALLING | Pin.IRQ_RISING, hard=hard)
        else:
            raise ValueError("mode must be poll or irq")

    def get(self):
        """Main loop: the oldest queued (event, ticks_us), or None."""
        if self._tail == self._head:
            return None
        n = len(self._events)
        k = self._tail % n
        ev = (self._events[k], self._times[k])
        self._tail = (self._tail + 1) % (2 * n)
        return ev

    def _handle(self):
        now = time.ticks_us()
        ev = self.debouncer.update(now, self.pin.value())
        # counters stay small ints (below 2^30): a big int would allocate
        self.entries = (self.entries + 1) & 0x3FFFFFFF
        if ev != NO_EVENT:
            n = len(self._events)
            if (self._head - self._tail) % (2 * n) == n:
                self.dropped = (self.dropped + 1) & 0x3FFFFFFF
            else:
                k = self._head % n
                self._events[k] = ev
                self._times[k] = now
                self._head = (self._head + 1) % (2 * n)

    def _on_poll(self, timer):
        self._handle()

    def _on_edge(self, pin):
        self._handle()
        self._arm()

    def _on_alarm(self, timer):
        self._handle()
        self._arm()

    def _arm(self):
        # keeps one alarm armed at the debouncer's deadline, if it has one
        for _ in range(_CATCH_UP_MAX):
            when = self.debouncer.deadline()
            if when is None:
                break
            delay = time.ticks_diff(when, time.ticks_us())
            if delay > 0:
                self._alarm.init(mode=Timer.ONE_SHOT, tick_hz=1000000, period=delay,
                                 callback=self._alarm_cb, hard=self._hard)
                return
            self._handle()  # the deadline has passed already: do the alarm's job here
        self._alarm.deinit()
