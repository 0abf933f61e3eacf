/*
 * button_demo in irq mode with lockout 5000/5000 us (DEMO_ALGO), pico board,
 * on the stub, replaying demo_waveform.h with no interrupt latency. lockout
 * reports a change at once and ignores the pin until the window ends, when
 * an alarm checks it; so it also re-arms the alarm from inside the alarm.
 * Worked by hand:
 *
 * - 100150 reads 0: press at 100150, locked to 105150 (alarm). The bounce
 *   entries 100250..100520 are ignored. Alarm 105150 reads 0: unlocked.
 * - The glitch: 200000 reads 1: release at 200000 (lockout's weakness: a
 *   glitch while held is a false release), locked to 205000; 200300 ignored.
 *   Alarm 205000 reads 0: press at 205000, locked to 210000, alarm re-armed
 *   from within the alarm. Alarm 210000 reads 0: unlocked.
 * - 300050 reads 1: release at 300050, locked to 305050; 300130 and 300300
 *   ignored. Alarm 305050 reads 1: unlocked.
 * Entries per event: press 1 gpio; release 4 + 1 gpio and 1 alarm; press 1
 * gpio and 1 alarm; release 1 gpio and 1 alarm (210000). Totals 10 gpio,
 * 4 alarms. The LED (GPIO 25) starts off, goes on at 100150, off at 205000.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>
#include <glib.h>

#include "demo_waveform.h"
#include "fw_test_util.h"
#include "glue_entries.h"

static void lockout_reports_at_once(void **state)
{
    stub_config_t cfg = demo_stub_config(0u, 0u);
    g_autofree char *out =
        fw_test_run(&cfg, button_demo_irq_lockout_main, "button_demo_irq_lockout.out");
    size_t n;
    const stub_output_t *outputs = stub_outputs(&n);
    (void)state;
    fw_test_assert_text(
        out, "button_demo: GPIO 5, lockout 5000/5000 us, irq mode (edges + deadline alarm)\n"
             "press at 100150 us, 1 handler entries (1 gpio, 0 alarm)\n"
             "release at 200000 us, 6 handler entries (5 gpio, 1 alarm)\n"
             "press at 205000 us, 2 handler entries (1 gpio, 1 alarm)\n"
             "release at 300050 us, 2 handler entries (1 gpio, 1 alarm)\n");
    assert_int_equal(stub_gpio_irqs(), 10);
    assert_int_equal(stub_alarm_fires(), 4);
    assert_int_equal(n, 3);
    assert_false(outputs[0].value);
    assert_true(outputs[1].value);
    assert_int_equal(outputs[1].t_ns, US(100150));
    assert_false(outputs[2].value);
    assert_int_equal(outputs[2].t_ns, US(205000));
}

/*
 * A press at 100150 (lock to 105150), then the release edge at release_us,
 * alarms running alarm_latency_us after their microsecond: the output
 * reports the press and a release at release_us after `release_entries`;
 * then the stub's counts: alarms fired and cancelled.
 */
static void press_then_release(uint32_t release_us, uint64_t alarm_latency_us,
                               const char *release_entries, const char *out_name,
                               uint32_t alarm_fires, uint32_t alarm_cancels)
{
    const stub_edge_t edges[] = {{US(100150), 0}, {US(release_us), 1}};
    stub_config_t cfg = demo_stub_config(0u, 0u);
    cfg.edges = edges;
    cfg.n_edges = 2u;
    cfg.alarm_latency_ns = US(alarm_latency_us);
    g_autofree char *out = fw_test_run(&cfg, button_demo_irq_lockout_main, out_name);
    g_autofree char *expected = g_strdup_printf(
        "button_demo: GPIO 5, lockout 5000/5000 us, irq mode (edges + deadline alarm)\n"
        "press at 100150 us, 1 handler entries (1 gpio, 0 alarm)\n"
        "release at %u us, 1 handler entries (%s)\n",
        (unsigned)release_us, release_entries);
    fw_test_assert_text(out, expected);
    assert_int_equal(stub_gpio_irqs(), 2);
    assert_int_equal(stub_alarm_fires(), alarm_fires);
    assert_int_equal(stub_alarm_cancels(), alarm_cancels);
}

/*
 * The release edge at 105150 us, the very microsecond the press's lock ends
 * and its alarm is due. The chip takes TIMER_IRQ_0 before IO_IRQ_BANK0: the
 * alarm reads the pin first (released: the edge is seen at its instant),
 * reports the release and locks to 110150, re-arming from within the alarm;
 * the GPIO entry then finds the lock and the same deadline armed. (GPIO
 * first would report the release from the GPIO entry and cancel the alarm.)
 * The alarm at 110150 reads released: unlocked, no event.
 */
static void timer_irq_before_gpio_irq(void **state)
{
    (void)state;
    press_then_release(105150u, 0u, "0 gpio, 1 alarm", "button_demo_irq_order.out", 2u, 0u);
}

/*
 * Alarms run 50 us after their microsecond. The press locks to 105150; its
 * alarm would run at 105200, but the release edge at 105170 comes first: its
 * entry finds the lock over, reports the release and locks to 110170. The
 * deadline has moved while the alarm at 105150 is still pending: it is
 * cancelled (it never runs) and one at 110170 armed, which runs at 110220,
 * reads released and unlocks without an event.
 */

static void deadline_moves_cancels_the_alarm(void **state)
{
    (void)state;
    press_then_release(105170u, 50u, "1 gpio, 0 alarm", "button_demo_irq_cancel.out", 1u, 1u);
}

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(lockout_reports_at_once),
        cmocka_unit_test(timer_irq_before_gpio_irq),
        cmocka_unit_test(deadline_moves_cancels_the_alarm),
    };
    fw_test_set_out_dir(argc, argv);
    return cmocka_run_group_tests_name("button_demo irq lockout", tests, NULL, NULL);
}
