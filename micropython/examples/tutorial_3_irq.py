# The tutorial's third program, fixed. Its falling-edge handler printed once
# per edge, so bounce printed several times per press (and printing in a
# handler is slow). Here a hard interrupt on both edges feeds a 5 ms lockout,
# an alarm ends each lock, and the main loop prints.
import machine

from button import Button
from debounce import LOCKOUT, PRESS

button = Button(5, LOCKOUT, 5000, 5000, mode="irq", hard=True)
count = 0
while True:
    ev = button.get()
    while ev is not None:
        kind, t = ev
        if kind == PRESS:
            count += 1
            print("press at", t, "us, count", count)
        ev = button.get()
    machine.idle()
