# A button on GP5 (to GND, internal pull-up) read every 1 ms by a repeating
# timer and debounced with defer 5 ms; the main loop prints each event.
# Copy debounce.py, button.py and this file (as main.py) to the Pico.
import time

from button import Button
from debounce import DEFER, PRESS

button = Button(5, DEFER, 5000, 5000, active_low=True, mode="poll", interval_us=1000)
presses = 0
while True:
    ev = button.get()
    while ev is not None:
        kind, t = ev
        if kind == PRESS:
            presses += 1
        print("press" if kind == PRESS else "release", "at", t, "us, presses", presses)
        ev = button.get()
    time.sleep_ms(10)
