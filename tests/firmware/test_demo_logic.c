/* The button demo's portable logic: handler entries, the event queue, its lines. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "demo_button.h"
#include "demo_report.h"

static const debounce_config_t defer_1ms = {.algo = DEBOUNCE_DEFER,
                                            .press_window_ticks = 1000u,
                                            .release_window_ticks = 1000u,
                                            .active_low = true};

/*
 * defer 1000 us, pull-up wiring: a GPIO entry at 10 sees the press (wait to
 * 1010), the alarm at 1010 reports it; polls at 2000 and 3000 see the
 * release, reported at 3000 (2000 + 1000). Entries are counted per event.
 */
static void events_carry_their_entries(void **state)
{
    demo_t demo;
    demo_event_t ev;
    uint32_t when;
    (void)state;
    demo_init(&demo, &defer_1ms, 0u, true);
    assert_false(demo_deadline(&demo, &when));
    assert_int_equal(demo_handle(&demo, DEMO_SOURCE_GPIO, 10u, false), DEBOUNCE_EVENT_NONE);
    assert_true(demo_deadline(&demo, &when));
    assert_int_equal(when, 1010u);
    assert_false(demo_next_event(&demo, &ev));
    assert_int_equal(demo_handle(&demo, DEMO_SOURCE_ALARM, 1010u, false), DEBOUNCE_EVENT_PRESS);
    assert_int_equal(demo_handle(&demo, DEMO_SOURCE_POLL, 2000u, true), DEBOUNCE_EVENT_NONE);
    assert_int_equal(demo_handle(&demo, DEMO_SOURCE_POLL, 3000u, true), DEBOUNCE_EVENT_RELEASE);

    assert_true(demo_next_event(&demo, &ev));
    assert_int_equal(ev.t_us, 1010u);
    assert_int_equal(ev.event, DEBOUNCE_EVENT_PRESS);
    assert_int_equal(ev.entries[DEMO_SOURCE_GPIO], 1);
    assert_int_equal(ev.entries[DEMO_SOURCE_ALARM], 1);
    assert_int_equal(ev.entries[DEMO_SOURCE_POLL], 0);
    assert_true(demo_next_event(&demo, &ev));
    assert_int_equal(ev.t_us, 3000u);
    assert_int_equal(ev.event, DEBOUNCE_EVENT_RELEASE);
    assert_int_equal(ev.entries[DEMO_SOURCE_POLL], 2);
    assert_int_equal(ev.entries[DEMO_SOURCE_GPIO], 0);
    assert_false(demo_next_event(&demo, &ev));
    assert_int_equal(demo_take_dropped(&demo), 0);
}

/*
 * `none` reports every change: 17 changes without the main loop draining
 * fill the 16-event queue and drop the 17th, counted once. After draining,
 * the next event counts only its own entry: the dropped one took its own.
 */
static void a_full_queue_drops_and_counts(void **state)
{
    static const debounce_config_t none = {.algo = DEBOUNCE_NONE,
                                           .press_window_ticks = 0u,
                                           .release_window_ticks = 0u,
                                           .active_low = true};
    demo_t demo;
    demo_event_t ev;
    bool level = true;
    (void)state;
    demo_init(&demo, &none, 0u, level);
    for (uint32_t i = 1; i <= DEMO_QUEUE_EVENTS + 1u; i++) {
        level = !level;
        assert_int_not_equal(demo_handle(&demo, DEMO_SOURCE_GPIO, i * 10u, level),
                             DEBOUNCE_EVENT_NONE);
    }
    for (uint32_t i = 1; i <= DEMO_QUEUE_EVENTS; i++) {
        assert_true(demo_next_event(&demo, &ev));
        assert_int_equal(ev.t_us, i * 10u);
        assert_int_equal(ev.entries[DEMO_SOURCE_GPIO], 1);
    }
    assert_false(demo_next_event(&demo, &ev));
    assert_int_equal(demo_take_dropped(&demo), 1);
    assert_int_equal(demo_take_dropped(&demo), 0);
    level = !level;
    demo_handle(&demo, DEMO_SOURCE_GPIO, 1000u, level);
    assert_true(demo_next_event(&demo, &ev));
    assert_int_equal(ev.t_us, 1000u);
    assert_int_equal(ev.entries[DEMO_SOURCE_GPIO], 1);
}

static void lines(void **state)
{
    static const debounce_config_t integrator = {.algo = DEBOUNCE_INTEGRATOR,
                                                 .press_window_samples = 5u,
                                                 .release_window_samples = 3u,
                                                 .active_low = true};
    char buf[DEMO_LINE_MAX];
    demo_event_t press = {4294967295u, DEBOUNCE_EVENT_PRESS, {0u, 5u, 1u}};
    demo_event_t release = {0u, DEBOUNCE_EVENT_RELEASE, {7u, 0u, 0u}};
    size_t len;
    (void)state;
    demo_format_banner(buf, sizeof buf, 5u, &defer_1ms, DEMO_MODE_POLL, 250u);
    assert_string_equal(buf, "button_demo: GPIO 5, defer 1000/1000 us, poll mode (every 250 us)\n");
    demo_format_banner(buf, sizeof buf, 15u, &defer_1ms, DEMO_MODE_IRQ, 250u);
    assert_string_equal(
        buf, "button_demo: GPIO 15, defer 1000/1000 us, irq mode (edges + deadline alarm)\n");
    demo_format_banner(buf, sizeof buf, 5u, &integrator, DEMO_MODE_POLL, 1000u);
    assert_string_equal(buf,
                        "button_demo: GPIO 5, integrator 5/3 samples, poll mode (every 1000 us)\n");
    len = demo_format_event(buf, sizeof buf, &press, DEMO_MODE_IRQ);
    assert_int_equal(len, strlen(buf));
    assert_string_equal(buf, "press at 4294967295 us, 6 handler entries (5 gpio, 1 alarm)\n");
    demo_format_event(buf, sizeof buf, &release, DEMO_MODE_POLL);
    assert_string_equal(buf, "release at 0 us\n");
    demo_format_dropped(buf, sizeof buf, 3u);
    assert_string_equal(buf, "(3 events dropped: the main loop fell behind)\n");
}

/* a line cut short still ends in a newline: "press at 4..." in 8 bytes is "press \n" */
/* Windows in us become ticks (1 us each) or ceil(us / interval) samples, then the core checks them.
 */
static void make_config_table(void **state)
{
    static const struct {
        debounce_algo_t algo;
        uint32_t press_us, release_us, interval_us;
        debounce_config_status_t want;
        uint32_t press, release; /* ticks or samples */
    } cases[] = {
        {DEBOUNCE_DEFER, 5000u, 2000u, 1000u, DEBOUNCE_CONFIG_OK, 5000u, 2000u},
        {DEBOUNCE_LOCKOUT, 0x80000000u, 10u, 1000u, DEBOUNCE_CONFIG_WINDOW_TOO_LONG, 0x80000000u,
         10u},
        {DEBOUNCE_INTEGRATOR, 5000u, 2500u, 1000u, DEBOUNCE_CONFIG_OK, 5u, 3u},
        {DEBOUNCE_INTEGRATOR, 1u, 1000u, 1000u, DEBOUNCE_CONFIG_OK, 1u, 1u},
        {DEBOUNCE_INTEGRATOR, 0u, 5000u, 1000u, DEBOUNCE_CONFIG_NO_SAMPLES, 0u, 5u},
        {(debounce_algo_t)7, 10u, 10u, 1000u, DEBOUNCE_CONFIG_UNKNOWN_ALGO, 10u, 10u},
    };
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        debounce_config_t cfg;
        debounce_config_status_t got =
            demo_make_config(&cfg, cases[i].algo, cases[i].press_us, cases[i].release_us,
                             cases[i].interval_us, false);
        assert_int_equal(got, cases[i].want);
        assert_int_equal(cfg.algo, cases[i].algo);
        assert_false(cfg.active_low);
        if (cases[i].algo == DEBOUNCE_INTEGRATOR) {
            assert_int_equal(cfg.press_window_samples, cases[i].press);
            assert_int_equal(cfg.release_window_samples, cases[i].release);
        } else {
            assert_int_equal(cfg.press_window_ticks, cases[i].press);
            assert_int_equal(cfg.release_window_ticks, cases[i].release);
        }
    }
}

static void config_error_line(void **state)
{
    char buf[DEMO_LINE_MAX];
    (void)state;
    demo_format_config_error(buf, sizeof buf, DEBOUNCE_CONFIG_WINDOW_TOO_LONG);
    assert_string_equal(buf, "button_demo: error: bad debounce setting: a window is longer "
                             "than 2^31 - 1 ticks (see demo_config.h)\n");
}

static void cut_lines_stay_lines(void **state)
{
    char buf[8];
    demo_event_t press = {4294967295u, DEBOUNCE_EVENT_PRESS, {0u, 5u, 1u}};
    (void)state;
    assert_int_equal(demo_format_event(buf, sizeof buf, &press, DEMO_MODE_IRQ), 7);
    assert_string_equal(buf, "press \n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(events_carry_their_entries),
        cmocka_unit_test(a_full_queue_drops_and_counts),
        cmocka_unit_test(lines),
        cmocka_unit_test(cut_lines_stay_lines),
        cmocka_unit_test(make_config_table),
        cmocka_unit_test(config_error_line),
    };
    return cmocka_run_group_tests_name("button_demo logic", tests, NULL, NULL);
}
