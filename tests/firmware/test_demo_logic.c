/* The button demo's portable logic: handler entries, the event queue, its lines. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "demo_button.h"
#include "demo_report.h"

static const debounce_config_t defer_1ms = {DEBOUNCE_DEFER, 1000u, 1000u, true};

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
    static const debounce_config_t none = {DEBOUNCE_NONE, 0u, 0u, true};
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
    static const debounce_config_t integrator = {DEBOUNCE_INTEGRATOR, 5u, 3u, true};
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
    };
    return cmocka_run_group_tests_name("button_demo logic", tests, NULL, NULL);
}
