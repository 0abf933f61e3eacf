# The tutorial's second program, fixed. It counted while the pin read 0 if
# `ticks_ms() - last > 300`: a held button counted again every 300 ms, and the
# plain subtraction breaks when ticks_ms() wraps. This loop counts presses
# (edges) with a 20 ms lockout whose clock is compared only with ticks_diff.
import time
from machine import Pin

from debounce import LOCKOUT, PRESS, Debouncer

button = Pin(5, Pin.IN, Pin.PULL_UP)
time.sleep_us(100)
debouncer = Debouncer(LOCKOUT, 20000, 20000, True, time.ticks_us(), button.value())
count = 0
while True:
    now = time.ticks_us()
    if debouncer.update(now, button.value()) == PRESS:
        count += 1
        print("press at", now, "us, count", count)
    time.sleep_ms(1)
