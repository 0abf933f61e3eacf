/*
 * button_demo in irq mode (its main.c built with DEMO_IRQ_MODE=1 for the
 * pico_w board, LED on the wireless chip), on the stub, replaying
 * demo_waveform.h. Interrupts on both edges from 100 us on; each handler
 * entry reads the pin as it is then. Worked by hand:
 *
 * No latency: one entry per edge, at the edge.
 * - Press: 100150 reads 0, wait from 100150 (alarm 105150); 100250 reads 1,
 *   wait cancelled (alarm cancelled); 100330 -> wait, alarm 105330;
 *   100500 cancels; 100520 -> wait, alarm 105520. The alarm at 105520
 *   reads 0: press at 105520, after 5 gpio + 1 alarm entries.
 * - Glitch: 200000 reads 1, wait (alarm 205000); 200300 reads 0, cancelled.
 * - Release: 300050 reads 1 -> wait, alarm 305050; 300130 reads 0 ->
 *   cancelled; 300300 -> wait, alarm 305300, which reports the release at
 *   305300, after 2 + 3 gpio + 1 alarm entries.
 * Totals: 10 gpio entries, 2 alarms fired (the cancelled ones never fire).
 *
 * 90 us interrupt latency (edges during it latch into the same entry):
 * - Press: 100150 -> entry at 100240 reads 0: wait from 100240, alarm
 *   105240. 100250 -> entry at 100340; 100330 latched into it; reads 0: the
 *   wait goes on (the bounce high was never seen). 100500 -> entry at 100590;
 *   100520 latched; reads 0, the wait goes on. Alarm 105240: press at
 *   105240, after 3 gpio + 1 alarm entries.
 * - Glitch: entry at 200090 reads 1 (wait, alarm 205090); entry at 200390
 *   reads 0 (cancelled).
 * - Release: 300050 -> entry at 300140, with 300130 latched: reads 0, no
 *   change. 300300 -> entry at 300390 reads 1: wait, alarm 305390: release
 *   at 305390, after 2 + 2 gpio + 1 alarm entries.
 * Totals: 7 gpio entries, 2 alarms.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>
#include <glib.h>

#include "demo_waveform.h"
#include "fw_test_util.h"
#include "glue_entries.h"

typedef struct {
    const char *out_name;
    uint32_t base;
    uint64_t latency_ns;
    uint32_t press_us, release_us;     /* relative to the stub's time 0 */
    unsigned press_gpio, release_gpio; /* gpio entries before each event (plus one alarm) */
    unsigned gpio_irqs, alarm_fires;
} irq_case_t;

static void check_case(const irq_case_t *c)
{
    stub_config_t cfg = demo_stub_config(c->base, c->latency_ns);
    g_autofree char *out = fw_test_run(&cfg, button_demo_irq_main, c->out_name);
    g_autofree char *expected = g_strdup_printf(
        "button_demo: GPIO 5, defer 5000/5000 us, irq mode (edges + deadline alarm)\n"
        "press at %u us, %u handler entries (%u gpio, 1 alarm)\n"
        "release at %u us, %u handler entries (%u gpio, 1 alarm)\n",
        (unsigned)(uint32_t)(c->base + c->press_us), c->press_gpio + 1u, c->press_gpio,
        (unsigned)(uint32_t)(c->base + c->release_us), c->release_gpio + 1u, c->release_gpio);
    size_t n_outputs;
    const stub_output_t *outputs = stub_outputs(&n_outputs);

    fw_test_assert_text(out, expected);
    assert_true(stub_pull_up_enabled(5u));
    assert_int_equal(stub_gpio_irqs(), c->gpio_irqs);
    assert_int_equal(stub_alarm_fires(), c->alarm_fires);
    /* pico_w: the LED is the wireless chip's GPIO 0, turned on at the press */
    assert_int_equal(n_outputs, 1);
    assert_int_equal(outputs[0].gpio, STUB_WL_GPIO_BASE + 0u);
    assert_true(outputs[0].value);
    assert_int_equal(outputs[0].t_ns, US(c->press_us));
}

static void irq_no_latency(void **state)
{
    static const irq_case_t c = {"button_demo_irq.out", 0u, 0u, 105520u, 305300u, 5u, 5u, 10u, 2u};
    (void)state;
    check_case(&c);
}

static void irq_no_latency_across_the_wrap(void **state)
{
    static const irq_case_t c = {
        "button_demo_irq_wrap.out", DEMO_BASE_NEAR_WRAP, 0u, 105520u, 305300u, 5u, 5u, 10u, 2u};
    (void)state;
    check_case(&c);
}

static void irq_latency_latches_edges(void **state)
{
    static const irq_case_t c = {
        "button_demo_irq_latency.out", 0u, 90000u, 105240u, 305390u, 3u, 4u, 7u, 2u};
    (void)state;
    check_case(&c);
}

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(irq_no_latency),
        cmocka_unit_test(irq_no_latency_across_the_wrap),
        cmocka_unit_test(irq_latency_latches_edges),
    };
    fw_test_set_out_dir(argc, argv);
    return cmocka_run_group_tests_name("button_demo irq", tests, NULL, NULL);
}
