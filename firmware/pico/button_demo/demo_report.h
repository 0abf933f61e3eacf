/*
 * The lines the button demo prints, formatted without SDK calls or libc so
 * their exact text is tested on the host. Each function writes one
 * NUL-terminated line ending in '\n' into buf[size] and returns its length
 * (shorter, cut at size - 1, if it does not fit; DEMO_LINE_MAX always fits).
 */
#ifndef DEMO_REPORT_H
#define DEMO_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "debounce/debounce.h"
#include "demo_button.h"

/** Buffer size that holds any line below. */
#define DEMO_LINE_MAX 128u

/** How the demo learns the pin level. */
typedef enum {
    DEMO_MODE_POLL = 0, /**< a repeating timer reads the pin every interval */
    DEMO_MODE_IRQ       /**< GPIO edge interrupts plus a one-shot alarm at the core's deadline */
} demo_mode_t;

/**
 * The start-up line, e.g. "button_demo: GPIO 5, defer 5000/5000 us, irq mode
 * (edges + deadline alarm)". poll_interval_us is shown in poll mode only.
 */
size_t demo_format_banner(char *buf, size_t size, unsigned gpio, const debounce_config_t *cfg,
                          demo_mode_t mode, uint32_t poll_interval_us);

/**
 * Why the demo does not start: "button_demo: error: bad debounce setting:
 * TEXT (see demo_config.h)", TEXT from debounce_config_status_text().
 */
size_t demo_format_config_error(char *buf, size_t size, debounce_config_status_t status);

/**
 * Why an algorithm that counts samples cannot run in irq mode: "button_demo:
 * error: NAME counts samples, so it needs poll mode (BUTTON_DEMO_MODE=poll)".
 */
size_t demo_format_mode_error(char *buf, size_t size, debounce_algo_t algo);

/**
 * One event: "press at 106000 us" in poll mode; in irq mode followed by the
 * handler entries it took, ", 6 handler entries (5 gpio, 1 alarm)".
 */
size_t demo_format_event(char *buf, size_t size, const demo_event_t *ev, demo_mode_t mode);

/** The warning for events lost to a full queue: "(3 events dropped: ...)". */
size_t demo_format_dropped(char *buf, size_t size, uint32_t dropped);

#endif
