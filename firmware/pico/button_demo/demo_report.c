/* The button demo's output lines (see demo_report.h). */
#include "demo_report.h"

#include "fw_text.h"

static size_t finish(fw_text_t *t)
{
    if (t->size < 2u) {
        return t->len; /* no room for even the newline */
    }
    if (t->len + 1u >= t->size) {
        /* keep the line a line even when cut */
        t->buf[t->size - 2u] = '\n';
        t->buf[t->size - 1u] = '\0';
        t->len = t->size - 1u;
        return t->len;
    }
    fw_text_char(t, '\n');
    return t->len;
}

size_t demo_format_banner(char *buf, size_t size, unsigned gpio, const debounce_config_t *cfg,
                          demo_mode_t mode, uint32_t poll_interval_us)
{
    fw_text_t t;

    fw_text_init(&t, buf, size);
    fw_text_str(&t, "button_demo: GPIO ");
    fw_text_u64(&t, gpio);
    fw_text_str(&t, ", ");
    fw_text_str(&t, debounce_algo_name(cfg->algo));
    fw_text_char(&t, ' ');
    if (debounce_algo_counts_samples(cfg->algo)) {
        fw_text_u64(&t, cfg->press_window_samples);
        fw_text_char(&t, '/');
        fw_text_u64(&t, cfg->release_window_samples);
        fw_text_str(&t, " samples");
    } else {
        fw_text_u64(&t, cfg->press_window_ticks);
        fw_text_char(&t, '/');
        fw_text_u64(&t, cfg->release_window_ticks);
        fw_text_str(&t, " us");
    }
    if (mode == DEMO_MODE_POLL) {
        fw_text_str(&t, ", poll mode (every ");
        fw_text_u64(&t, poll_interval_us);
        fw_text_str(&t, " us)");
    } else {
        fw_text_str(&t, ", irq mode (edges + deadline alarm)");
    }
    return finish(&t);
}

size_t demo_format_config_error(char *buf, size_t size, debounce_config_status_t status)
{
    fw_text_t t;

    fw_text_init(&t, buf, size);
    fw_text_str(&t, "button_demo: error: bad debounce setting: ");
    fw_text_str(&t, debounce_config_status_text(status));
    fw_text_str(&t, " (see demo_config.h)");
    return finish(&t);
}

size_t demo_format_mode_error(char *buf, size_t size, debounce_algo_t algo)
{
    fw_text_t t;

    fw_text_init(&t, buf, size);
    fw_text_str(&t, "button_demo: error: ");
    fw_text_str(&t, debounce_algo_name(algo));
    fw_text_str(&t, " counts samples, so it needs poll mode (BUTTON_DEMO_MODE=poll)");
    return finish(&t);
}

size_t demo_format_event(char *buf, size_t size, const demo_event_t *ev, demo_mode_t mode)
{
    fw_text_t t;

    fw_text_init(&t, buf, size);
    fw_text_str(&t, ev->event == DEBOUNCE_EVENT_PRESS ? "press at " : "release at ");
    fw_text_u64(&t, ev->t_us);
    fw_text_str(&t, " us");
    if (mode == DEMO_MODE_IRQ) {
        uint32_t gpio = ev->entries[DEMO_SOURCE_GPIO];
        uint32_t alarm = ev->entries[DEMO_SOURCE_ALARM];
        fw_text_str(&t, ", ");
        fw_text_u64(&t, (uint64_t)gpio + alarm);
        fw_text_str(&t, " handler entries (");
        fw_text_u64(&t, gpio);
        fw_text_str(&t, " gpio, ");
        fw_text_u64(&t, alarm);
        fw_text_str(&t, " alarm)");
    }
    return finish(&t);
}

size_t demo_format_dropped(char *buf, size_t size, uint32_t dropped)
{
    fw_text_t t;

    fw_text_init(&t, buf, size);
    fw_text_char(&t, '(');
    fw_text_u64(&t, dropped);
    fw_text_str(&t, " events dropped: the main loop fell behind)");
    return finish(&t);
}
