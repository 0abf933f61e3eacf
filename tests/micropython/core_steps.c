/*
 * The C core, one update per input line, for the MicroPython differential
 * test: the reference that micropython/debounce.py must match.
 *
 * stdin:  "init ALGO PRESS_WINDOW RELEASE_WINDOW ACTIVE_LOW NOW LEVEL", then
 *         "u NOW LEVEL" per update (NOW: uint32 ticks; windows in ticks or
 *         integrator samples; ALGO as debounce_algo_t)
 * stdout: per update "EVENT PRESSED AHEAD": the event (0 none, 1 press,
 *         2 release), the debounced state (0/1), and the deadline as ticks
 *         after NOW (signed), or "-" when there is none.
 */
#include <stdio.h>
#include <string.h>

#include "debounce/debounce.h"

int main(void)
{
    char line[128];
    debounce_config_t cfg;
    debounce_t d;
    int started = 0;

    while (fgets(line, sizeof line, stdin) != NULL) {
        unsigned algo, press_window, release_window, active_low, now, level;
        uint32_t when = 0u;

        if (sscanf(line, "init %u %u %u %u %u %u", &algo, &press_window, &release_window,
                   &active_low, &now, &level) == 6) {
            cfg =
                (debounce_config_t){.algo = (debounce_algo_t)algo, .active_low = active_low != 0u};
            if (debounce_algo_counts_samples(cfg.algo)) {
                cfg.press_window_samples = press_window;
                cfg.release_window_samples = release_window;
            } else {
                cfg.press_window_ticks = press_window;
                cfg.release_window_ticks = release_window;
            }
            debounce_init(&d, &cfg, now, level != 0u);
            started = 1;
        } else if (started && sscanf(line, "u %u %u", &now, &level) == 2) {
            debounce_event_t ev = debounce_update(&d, now, level != 0u);
            printf("%d %d ", (int)ev, debounce_is_pressed(&d) ? 1 : 0);
            if (debounce_deadline(&d, &when)) {
                printf("%ld\n", (long)debounce_tick_diff(when, now));
            } else {
                printf("-\n");
            }
        } else {
            fprintf(stderr, "core_steps: bad line: %s", line);
            return 2;
        }
    }
    return 0;
}
