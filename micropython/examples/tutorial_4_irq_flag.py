# The tutorial's fourth program, fixed. Its handler accepted an edge if
# `ticks_diff(now, last) > 500` ms and set a flag for a 10 ms main loop:
# presses within 500 ms were lost. Here the handler runs eager-defer (the
# press at once, the release after 5 ms of quiet) and queues each event with
# its time; the 10 ms main loop prints it and toggles the LED.
import time
from machine import Pin

from button import Button
from debounce import EAGER_DEFER, PRESS

button = Button(5, EAGER_DEFER, 5000, 5000, mode="irq", hard=True)
led = Pin("LED", Pin.OUT)
while True:
    ev = button.get()
    while ev is not None:
        kind, t = ev
        if kind == PRESS:
            led.toggle()
            print("press at", t, "us")
        ev = button.get()
    time.sleep(0.01)
