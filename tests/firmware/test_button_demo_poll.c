/*
 * button_demo in poll mode (its main.c built with DEMO_IRQ_MODE=0 for the
 * pico board), on the stub, replaying demo_waveform.h. Worked by hand:
 *
 * The repeating timer starts at 100 us with a 1000 us period, start to
 * start, so the pin is read at 1100, 2100, ..., 399100 us: 399 polls.
 * - Press: the bounce (100150..100520) falls between the polls at 100100
 *   (reads 1) and 101100 (reads 0, settled). defer waits from 101100 for
 *   5000 us: press at the poll at 106100.
 * - The glitch (200000..200300, pin high) is seen by the poll at 200100,
 *   which starts a release wait; the poll at 201100 reads 0 and cancels it.
 * - Release: the poll at 300100 reads 1 (after 300050); the bounce back to 0
 *   (300130..300300) falls between polls; 301100 reads 1 again, so the wait
 *   from 300100 holds: release at 305100.
 * The LED (GPIO 25) starts off and turns on at the press.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>
#include <glib.h>

#include "demo_waveform.h"
#include "fw_test_util.h"
#include "glue_entries.h"

static void check_run(uint32_t base, const char *out_name)
{
    stub_config_t cfg = demo_stub_config(base, 0u);
    g_autofree char *out = fw_test_run(&cfg, button_demo_poll_main, out_name);
    g_autofree char *expected =
        g_strdup_printf("button_demo: GPIO 5, defer 5000/5000 us, poll mode (every 1000 us)\n"
                        "press at %u us\n"
                        "release at %u us\n",
                        (unsigned)(uint32_t)(base + 106100u), (unsigned)(uint32_t)(base + 305100u));
    size_t n_outputs;
    const stub_output_t *outputs = stub_outputs(&n_outputs);

    fw_test_assert_text(out, expected);
    assert_true(stub_pull_up_enabled(5u));
    assert_int_equal(stub_alarm_fires(), 399);
    assert_int_equal(stub_gpio_irqs(), 0);
    assert_int_equal(n_outputs, 2);
    assert_int_equal(outputs[0].gpio, 25);
    assert_false(outputs[0].value);
    assert_int_equal(outputs[1].gpio, 25);
    assert_true(outputs[1].value);
    assert_int_equal(outputs[1].t_ns, US(106100));
}

static void poll_press_and_release(void **state)
{
    (void)state;
    check_run(0u, "button_demo_poll.out");
}

/* the same run with time_us_32() wrapping at 200 ms: same events, wrapped stamps */
static void poll_across_the_wrap(void **state)
{
    (void)state;
    check_run(DEMO_BASE_NEAR_WRAP, "button_demo_poll_wrap.out");
}

/* built with the integrator at 0 us: 0 samples, which the core refuses; the demo says so and
 * stops before it configures the pin or starts the poll timer */
static void bad_config_stops_with_its_reason(void **state)
{
    stub_config_t cfg = demo_stub_config(0u, 0u);
    g_autofree char *out = fw_test_run(&cfg, button_demo_bad_config_main, "button_demo_bad.out");
    size_t n_outputs;
    (void)state;

    fw_test_assert_text(out, "button_demo: error: bad debounce setting: a window of 0 samples "
                             "(a counting algorithm needs 1 or more) (see demo_config.h)\n");
    assert_false(stub_pull_up_enabled(5u));
    assert_int_equal(stub_alarm_fires(), 0);
    assert_int_equal(stub_gpio_irqs(), 0);
    (void)stub_outputs(&n_outputs);
    assert_int_equal(n_outputs, 0);
}

/* built for irq mode with the integrator, which counts samples: refused before the pin is read */
static void irq_integrator_stops_with_its_reason(void **state)
{
    stub_config_t cfg = demo_stub_config(0u, 0u);
    g_autofree char *out =
        fw_test_run(&cfg, button_demo_irq_integrator_main, "button_demo_irq_integrator.out");
    (void)state;

    fw_test_assert_text(out, "button_demo: error: integrator counts samples, so it needs poll "
                             "mode (BUTTON_DEMO_MODE=poll)\n");
    assert_false(stub_pull_up_enabled(5u));
    assert_int_equal(stub_gpio_irqs(), 0);
    assert_int_equal(stub_alarm_fires(), 0);
}

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(poll_press_and_release),
        cmocka_unit_test(poll_across_the_wrap),
        cmocka_unit_test(bad_config_stops_with_its_reason),
        cmocka_unit_test(irq_integrator_stops_with_its_reason),
    };
    fw_test_set_out_dir(argc, argv);
    return cmocka_run_group_tests_name("button_demo poll", tests, NULL, NULL);
}
