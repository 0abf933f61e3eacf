# The tutorial's first program, fixed. It printed while the pin read 0, so one
# press counted hundreds of times (a level, not an edge, plus bounce). This
# loop reads the pin every 1 ms through a 5 ms defer and counts presses.
import time
from machine import Pin

from debounce import DEFER, PRESS, Debouncer

button = Pin(5, Pin.IN, Pin.PULL_UP)  # to GND: pressed reads 0
time.sleep_us(100)  # let the pull-up charge the pin
debouncer = Debouncer(DEFER, 5000, 5000, True, time.ticks_us(), button.value())
count = 0
while True:
    now = time.ticks_us()
    if debouncer.update(now, button.value()) == PRESS:
        count += 1
        print("press at", now, "us, count", count)
    time.sleep_ms(1)
