# bouncelab's debounce core for MicroPython: the five algorithms of
# src/core/ with the same semantics, event for event (tests/micropython
# replays random traces through both and compares).
#
# Time is integer microseconds from time.ticks_us(), compared only through
# time.ticks_diff() and advanced only through time.ticks_add(), so it keeps
# working across the ticks wrap (every 2^30 us, about 18 minutes, on the
# rp2 port). Windows must stay below half that period (2^29 us, ~537 s).
# No floats, and update() allocates nothing (ticks values are small ints),
# so it may run inside a hard interrupt handler (Pin.irq(hard=True)).
#
#     from debounce import Debouncer, DEFER, PRESS
#     button = Debouncer(DEFER, 5000, 5000, True, time.ticks_us(), pin.value())
#     if button.update(time.ticks_us(), pin.value()) == PRESS: ...
#     when = button.deadline()   # None, or the ticks_us() to call update() again

from time import ticks_add, ticks_diff

try:
    from micropython import const
except ImportError:  # CPython, for the tests

    def const(x):
        return x


# Algorithms, in the order of include/debounce/debounce.h (debounce_algo_t).
NONE = const(0)
LOCKOUT = const(1)
DEFER = const(2)
EAGER_DEFER = const(3)
INTEGRATOR = const(4)
ALGO_NAMES = ("none", "lockout", "defer", "eager-defer", "integrator")

# What one update produced (debounce_event_t).
NO_EVENT = const(0)
PRESS = const(1)
RELEASE = const(2)

# State flags, as in src/core/algo.h.
_PRESSED = const(1)  # debounced output
_LOCKED = const(2)  # ignoring the pin until since + window
_PENDING = const(4)  # waiting for the pin to hold since `since`


def integrator_samples(window_us, interval_us):
    """Integrator sample count for a window and a poll interval: ceil(window / interval)."""
    return (window_us + interval_us - 1) // interval_us


class Debouncer:
    """One button. Windows in us (integrator: sample counts); level is the pin's value()."""

    def __init__(self, algo, press_window, release_window, active_low, now, level):
        if not 0 <= algo <= INTEGRATOR:
            raise ValueError("unknown algorithm")
        self.algo = algo
        self.press_window = press_window
        self.release_window = release_window
        self.active_low = bool(active_low)
        self.since = 0  # ticks_us: start of the lock or wait; integrator: the count
        self.flags = _PRESSED if bool(level) != self.active_low else 0
        if algo == INTEGRATOR and self.flags:
            # a settled press sits at the top of the release count
            self.since = release_window

    def pressed(self):
        """The debounced state: True while the button counts as pressed."""
        return self.flags & _PRESSED != 0

    def _report(self):
        self.flags ^= _PRESSED
        return PRESS if self.flags & _PRESSED else RELEASE

    def update(self, now, level):
        """Feeds the pin level seen at ticks_us() `now`; returns NO_EVENT, PRESS or RELEASE."""
        pressed = bool(level) != self.active_low
        algo = self.algo
        if algo == LOCKOUT:
            return self._lockout(now, pressed)
        if algo == DEFER:
            return self._defer(now, pressed)
        if algo == EAGER_DEFER:
            return self._eager_defer(now, pressed)
        if algo == INTEGRATOR:
            return self._integrator(pressed)
        if pressed != (self.flags & _PRESSED != 0):
            return self._report()
        return NO_EVENT

    def deadline(self):
        """The ticks_us() at which update() must run even if the pin is quiet, or None."""
        algo = self.algo
        flags = self.flags
        if algo == LOCKOUT:
            if flags & _LOCKED:
                return ticks_add(self.since, self._lockout_window())
        elif algo == DEFER:
            if flags & _PENDING:
                return ticks_add(self.since, self._defer_window())
        elif algo == EAGER_DEFER:
            if flags & _LOCKED:
                return ticks_add(self.since, self.press_window)
            if flags & _PENDING:
                return ticks_add(self.since, self.release_window)
        return None

    # lockout: report a change at once, then ignore the pin for that change's window.
    def _lockout_window(self):
        return self.press_window if self.flags & _PRESSED else self.release_window

    def _lockout(self, now, pressed):
        if self.flags & _LOCKED:
            if ticks_diff(now, ticks_add(self.since, self._lockout_window())) < 0:
                return NO_EVENT
            self.flags &= ~_LOCKED
        if pressed == (self.flags & _PRESSED != 0):
            return NO_EVENT
        self.flags |= _LOCKED
        self.since = now
        return self._report()

    # defer: report a change once the pin has held the new level for the window.
    def _defer_window(self):
        return self.release_window if self.flags & _PRESSED else self.press_window

    def _defer(self, now, pressed):
        if pressed == (self.flags & _PRESSED != 0):
            self.flags &= ~_PENDING
            return NO_EVENT
        if not self.flags & _PENDING:
            self.flags |= _PENDING
            self.since = now
        if ticks_diff(now, ticks_add(self.since, self._defer_window())) < 0:
            return NO_EVENT
        self.flags &= ~_PENDING
        return self._report()

    # eager-defer: eager press locked for the press window, deferred release.
    def _eager_defer(self, now, pressed):
        if not self.flags & _PRESSED:
            if not pressed:
                return NO_EVENT
            self.flags |= _LOCKED
            self.since = now
            return self._report()
        if self.flags & _LOCKED:
            if ticks_diff(now, ticks_add(self.since, self.press_window)) < 0:
                return NO_EVENT
            self.flags &= ~_LOCKED
        if pressed:
            self.flags &= ~_PENDING
            return NO_EVENT
        if not self.flags & _PENDING:
            self.flags |= _PENDING
            self.since = now
        if ticks_diff(now, ticks_add(self.since, self.release_window)) < 0:
            return NO_EVENT
        self.flags &= ~_PENDING
        return self._report()

    # integrator: Kuhn's saturating counter over evenly spaced samples (polling only).
    def _integrator(self, pressed):
        count = self.since
        if not self.flags & _PRESSED:
            if not pressed:
                self.since = count - 1 if count > 0 else 0
                return NO_EVENT
            if count < self.press_window:
                count += 1
            if count < self.press_window:
                self.since = count
                return NO_EVENT
            self.since = self.release_window
            return self._report()
        if pressed:
            self.since = count + 1 if count < self.release_window else count
            return NO_EVENT
        if count > 0:
            count -= 1
        self.since = count
        return self._report() if count == 0 else NO_EVENT
