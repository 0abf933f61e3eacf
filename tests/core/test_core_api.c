/* The core's public interface beyond the policies: sizes, names, init, deadlines. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "debounce/debounce.h"

static void state_fits_budget(void **state)
{
    (void)state;
    /* 16 bytes is the budget on the Pico; the host pointer is twice as wide */
    assert_true(sizeof(debounce_t) <= 8u + 2u * sizeof(void *));
    assert_true(sizeof(debounce_t) <= 16u);
}

static void names(void **state)
{
    (void)state;
    assert_string_equal(debounce_algo_name(DEBOUNCE_NONE), "none");
    assert_string_equal(debounce_algo_name(DEBOUNCE_LOCKOUT), "lockout");
    assert_string_equal(debounce_algo_name(DEBOUNCE_DEFER), "defer");
    assert_string_equal(debounce_algo_name(DEBOUNCE_EAGER_DEFER), "eager-defer");
    assert_string_equal(debounce_algo_name(DEBOUNCE_INTEGRATOR), "integrator");
    assert_string_equal(debounce_algo_name(DEBOUNCE_ALGO_COUNT), "?");
}

static void init_reads_wiring(void **state)
{
    debounce_config_t low = {.algo = DEBOUNCE_DEFER,
                             .press_window_ticks = 10,
                             .release_window_ticks = 10,
                             .active_low = true};
    debounce_config_t high = {.algo = DEBOUNCE_DEFER,
                              .press_window_ticks = 10,
                              .release_window_ticks = 10,
                              .active_low = false};
    debounce_t d;
    (void)state;

    debounce_init(&d, &low, 0, false);
    assert_true(debounce_is_pressed(&d));
    debounce_init(&d, &low, 0, true);
    assert_false(debounce_is_pressed(&d));
    debounce_init(&d, &high, 0, true);
    assert_true(debounce_is_pressed(&d));
    debounce_init(&d, &high, 0, false);
    assert_false(debounce_is_pressed(&d));
}

static void deadline_only_while_waiting(void **state)
{
    debounce_config_t none = {.algo = DEBOUNCE_NONE,
                              .press_window_ticks = 10,
                              .release_window_ticks = 10,
                              .active_low = true};
    debounce_config_t integ = {.algo = DEBOUNCE_INTEGRATOR,
                               .press_window_samples = 3,
                               .release_window_samples = 3,
                               .active_low = true};
    debounce_config_t lock = {.algo = DEBOUNCE_LOCKOUT,
                              .press_window_ticks = 250,
                              .release_window_ticks = 400,
                              .active_low = true};
    debounce_config_t defer = {.algo = DEBOUNCE_DEFER,
                               .press_window_ticks = 250,
                               .release_window_ticks = 400,
                               .active_low = true};
    debounce_t d;
    uint32_t when = 0;
    (void)state;

    debounce_init(&d, &none, 0, true);
    assert_int_equal(debounce_update(&d, 5, false), DEBOUNCE_EVENT_PRESS);
    assert_false(debounce_deadline(&d, &when));
    debounce_init(&d, &integ, 0, true);
    debounce_update(&d, 5, false);
    assert_false(debounce_deadline(&d, &when));

    /* lockout: locked from the press at 1000 until 1000 + 250 */
    debounce_init(&d, &lock, 0, true);
    assert_false(debounce_deadline(&d, &when));
    assert_int_equal(debounce_update(&d, 1000, false), DEBOUNCE_EVENT_PRESS);
    assert_true(debounce_deadline(&d, &when));
    assert_int_equal(when, 1250);
    assert_int_equal(debounce_update(&d, 1250, false), DEBOUNCE_EVENT_NONE);
    assert_false(debounce_deadline(&d, &when));
    /* the release locks for the release window */
    assert_int_equal(debounce_update(&d, 2000, true), DEBOUNCE_EVENT_RELEASE);
    assert_true(debounce_deadline(&d, &when));
    assert_int_equal(when, 2400);

    /* defer: waiting from 1000 for the press window, then for the release window */
    debounce_init(&d, &defer, 0, true);
    assert_int_equal(debounce_update(&d, 1000, false), DEBOUNCE_EVENT_NONE);
    assert_true(debounce_deadline(&d, &when));
    assert_int_equal(when, 1250);
    assert_int_equal(debounce_update(&d, 1250, false), DEBOUNCE_EVENT_PRESS);
    assert_false(debounce_deadline(&d, &when));
    assert_int_equal(debounce_update(&d, 3000, true), DEBOUNCE_EVENT_NONE);
    assert_true(debounce_deadline(&d, &when));
    assert_int_equal(when, 3400);
}

static void deadline_across_the_wrap(void **state)
{
    debounce_config_t defer = {.algo = DEBOUNCE_DEFER,
                               .press_window_ticks = 1000,
                               .release_window_ticks = 1000,
                               .active_low = true};
    debounce_t d;
    uint32_t when = 0;
    (void)state;

    debounce_init(&d, &defer, UINT32_MAX - 100u, true);
    debounce_update(&d, UINT32_MAX - 100u, false);
    assert_true(debounce_deadline(&d, &when));
    assert_int_equal(when, 899u); /* 2^32 - 101 + 1000, wrapped */
    assert_int_equal(debounce_update(&d, 898u, false), DEBOUNCE_EVENT_NONE);
    assert_int_equal(debounce_update(&d, 899u, false), DEBOUNCE_EVENT_PRESS);
}

static void bad_algo_acts_as_none(void **state)
{
    debounce_config_t bad = {.algo = (debounce_algo_t)99,
                             .press_window_ticks = 10,
                             .release_window_ticks = 10,
                             .active_low = true};
    debounce_t d;
    uint32_t when = 0;
    (void)state;

    debounce_init(&d, &bad, 0, true);
    assert_int_equal(debounce_update(&d, 5, false), DEBOUNCE_EVENT_PRESS);
    assert_false(debounce_deadline(&d, &when));
}

static void integrator_samples_macro(void **state)
{
    (void)state;
    assert_int_equal(DEBOUNCE_INTEGRATOR_SAMPLES(5000u, 1000u), 5u);
    assert_int_equal(DEBOUNCE_INTEGRATOR_SAMPLES(5001u, 1000u), 6u);
    assert_int_equal(DEBOUNCE_INTEGRATOR_SAMPLES(1u, 1000u), 1u);
    assert_int_equal(DEBOUNCE_INTEGRATOR_SAMPLES(0u, 1000u), 0u);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(state_fits_budget),        cmocka_unit_test(names),
        cmocka_unit_test(init_reads_wiring),        cmocka_unit_test(deadline_only_while_waiting),
        cmocka_unit_test(deadline_across_the_wrap), cmocka_unit_test(bad_algo_acts_as_none),
        cmocka_unit_test(integrator_samples_macro),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
