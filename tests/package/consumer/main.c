/*
 * Runs a lockout of 5000 us on a pin that starts high (released), reads 0 at
 * 100 us (press, locked until 5100 us), bounces to 1 at 200 us (ignored) and
 * stays there: the update at 5100 us, the deadline, reports the release.
 */
#include <stdio.h>

#include "consumer_button.h"

int main(void)
{
    debounce_t button;
    uint32_t when = 0u;
    int ok = 1;

    consumer_button_init(&button, 0u, true);
    ok &= debounce_update(&button, 100u, false) == DEBOUNCE_EVENT_PRESS;
    ok &= debounce_update(&button, 200u, true) == DEBOUNCE_EVENT_NONE;
    ok &= debounce_deadline(&button, &when) && when == 5100u;
    ok &= debounce_update(&button, 5100u, true) == DEBOUNCE_EVENT_RELEASE;
    ok &= !debounce_is_pressed(&button);
    printf("consumer: %s %s\n", debounce_algo_name(DEBOUNCE_LOCKOUT), ok ? "ok" : "FAILED");
    return ok ? 0 : 1;
}
