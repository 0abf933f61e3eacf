/*
 * button_demo in irq mode (defer 5000/5000 us, pico_w build) on the stub,
 * where things go wrong: a press while the banner is still going out, no
 * free alarm slot, and the stub's own add_alarm_in_us() for a time already
 * past. Worked by hand in each test.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>
#include <glib.h>

#include "demo_waveform.h"
#include "fw_test_util.h"
#include "glue_entries.h"
#include "pico_stub_sdk.h"

#define BANNER "button_demo: GPIO 5, defer 5000/5000 us, irq mode (edges + deadline alarm)\n"

/*
 * The banner, 75 bytes, goes out on the UART from 100 us: 32 fill the FIFO
 * at once, each further byte waits for one to leave (86806 ns each), so
 * printf returns at 100000 + (75 - 32) * 86806 = 3832658 ns. The button is
 * pressed at 1000 us, cleanly, meanwhile. Edge interrupts go on only after
 * the banner, and enabling them clears the edge latched before: without a
 * second reading the press is never seen. With it, that reading (3832 us)
 * starts the wait, and the alarm at 8832 us reports the press.
 */
static void press_during_the_banner(void **state)
{
    static const stub_edge_t press[] = {{US(1000), 0}};
    stub_config_t cfg = demo_stub_config(0u, 0u);
    cfg.edges = press;
    cfg.n_edges = 1u;
    cfg.end_ns = US(20000);
    cfg.char_ns = STUB_UART_CHAR_NS;
    cfg.tx_buffer_bytes = STUB_UART_TX_BUFFER;
    g_autofree char *out = fw_test_run(&cfg, button_demo_irq_main, "button_demo_startup.out");
    size_t n;
    const stub_output_t *leds = stub_outputs(&n);
    (void)state;
    fw_test_assert_text(out, BANNER "press at 8832 us, 1 handler entries (0 gpio, 1 alarm)\n");
    assert_int_equal(stub_gpio_irqs(), 0);
    assert_int_equal(n, 1);
    assert_int_equal(leds[0].t_ns, US(8832));
}

/*
 * No alarm slot free (demo_waveform.h, no latency): every deadline falls to
 * the main loop, which retries every DEMO_DEADLINE_POLL_US (1000 us) from
 * the edge interrupt that woke it and runs a deadline found past itself,
 * as no handler entry.
 * - Press: the interrupt at 100150 wakes the main loop, which polls at
 *   101150, 102150, ... The bounce moves the deadline to 105520; the poll
 *   at 106150 finds it past: press at 106150 after 5 gpio entries, 0 alarm.
 * - Glitch: 200000 starts a wait (polls from 201000), 200300 ends it.
 * - Release: from 300050, polls at 301050 ... the deadline settles at
 *   305300; the poll at 306050 reports it: 2 + 3 gpio entries.
 */
static void no_free_alarm_slot(void **state)
{
    stub_config_t cfg = demo_stub_config(0u, 0u);
    cfg.no_free_alarm = true;
    g_autofree char *out = fw_test_run(&cfg, button_demo_irq_main, "button_demo_no_alarm.out");
    (void)state;
    fw_test_assert_text(out, BANNER "press at 106150 us, 5 handler entries (5 gpio, 0 alarm)\n"
                                    "release at 306050 us, 5 handler entries (5 gpio, 0 alarm)\n");
    assert_int_equal(stub_gpio_irqs(), 10);
    assert_int_equal(stub_alarm_fires(), 0);
}

static int64_t count_fire(alarm_id_t id, void *user_data)
{
    (void)id;
    (*(int *)user_data)++;
    return 0;
}

static alarm_id_t past_id, past_forced_id, in_time_id;
static int fired;

/* At 0: an alarm 1 us ahead whose call takes 2 us is past when it returns. */
static int alarm_past_entry(void)
{
    past_id = add_alarm_in_us(1u, count_fire, &fired, false);
    past_forced_id = add_alarm_in_us(1u, count_fire, &fired, true);
    in_time_id = add_alarm_in_us(10u, count_fire, &fired, false);
    __wfe(); /* the two alarms fire; then nothing is left and the run ends */
    __wfe();
    __wfe();
    return 0;
}

/*
 * pico-sdk 2.2.0 (alarm_pool_add_alarm_at): 0 for a target already past
 * when the call completes, unless fire_if_past, which adds the alarm anyway
 * (it fires at once from the timer interrupt, not inside the call). Calls at
 * 0, 2 and 4 us (each takes 2 us): the first (target 1) gives 0, the second
 * (target 3, past at 4) is added and fires, the third (target 14) fires.
 */
static void stub_alarm_in_the_past(void **state)
{
    stub_config_t cfg = demo_stub_config(0u, 0u);
    cfg.alarm_call_ns = 2000u;
    cfg.n_edges = 0u;
    (void)state;
    fired = 0;
    g_free(fw_test_run(&cfg, alarm_past_entry, "stub_alarm_past.out"));
    assert_int_equal(past_id, 0);
    assert_true(past_forced_id > 0);
    assert_true(in_time_id > 0);
    assert_int_equal(fired, 2);
    assert_int_equal(stub_alarm_fires(), 2);
}

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(press_during_the_banner),
        cmocka_unit_test(no_free_alarm_slot),
        cmocka_unit_test(stub_alarm_in_the_past),
    };
    fw_test_set_out_dir(argc, argv);
    return cmocka_run_group_tests_name("button_demo irq faults", tests, NULL, NULL);
}
