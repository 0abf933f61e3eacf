# A button on GP5 (to GND, internal pull-up) read on both edges by a hard pin
# interrupt, debounced with defer 5 ms; a one-shot timer at the debouncer's
# deadline ends each window while the pin is quiet. The CPU only wakes for
# edges and deadlines. Copy debounce.py, button.py and this file (as main.py).
import machine

from button import Button
from debounce import DEFER, PRESS

button = Button(5, DEFER, 5000, 5000, active_low=True, mode="irq", hard=True)
led = machine.Pin("LED", machine.Pin.OUT)
while True:
    ev = button.get()
    while ev is not None:
        kind, t = ev
        if kind == PRESS:
            led.toggle()
        print("press" if kind == PRESS else "release", "at", t, "us")
        ev = button.get()
    machine.idle()  # until the next interrupt
