/*
 * The core's registry: every algorithm has a name, words and properties, and
 * debounce_config_check() refuses exactly what the core cannot run. Expected
 * values worked out from the policies (README "The core").
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "debounce/debounce.h"

#define TICKS(a, p, r)                                                                             \
    (debounce_config_t)                                                                            \
    {                                                                                              \
        .algo = (a), .press_window_ticks = (p), .release_window_ticks = (r), .active_low = true    \
    }
#define SAMPLES(a, p, r)                                                                           \
    (debounce_config_t)                                                                            \
    {                                                                                              \
        .algo = (a), .press_window_samples = (p), .release_window_samples = (r),                   \
        .active_low = true                                                                         \
    }

static void every_algorithm_is_described(void **state)
{
    (void)state;
    for (int a = 0; a < DEBOUNCE_ALGO_COUNT; a++) {
        const char *name = debounce_algo_name((debounce_algo_t)a);
        assert_string_not_equal(name, "?");
        assert_string_not_equal(debounce_algo_summary((debounce_algo_t)a), "?");
        assert_string_not_equal(debounce_algo_parameters((debounce_algo_t)a), "?");
        for (int b = 0; b < a; b++) {
            assert_string_not_equal(name, debounce_algo_name((debounce_algo_t)b));
        }
        /* names go on command lines and into CSV cells unquoted */
        for (const char *c = name; *c != '\0'; c++) {
            assert_true((*c >= 'a' && *c <= 'z') || *c == '-');
        }
    }
    assert_string_equal(debounce_algo_summary(DEBOUNCE_ALGO_COUNT), "?");
    assert_string_equal(debounce_algo_parameters(DEBOUNCE_ALGO_COUNT), "?");
}

static void properties(void **state)
{
    static const struct {
        debounce_algo_t algo;
        bool counts_samples, uses_windows;
    } want[] = {
        {DEBOUNCE_NONE, false, false},       {DEBOUNCE_LOCKOUT, false, true},
        {DEBOUNCE_DEFER, false, true},       {DEBOUNCE_EAGER_DEFER, false, true},
        {DEBOUNCE_INTEGRATOR, true, true},   {DEBOUNCE_ALGO_COUNT, false, false}, /* as none */
        {(debounce_algo_t)99, false, false},
    };
    (void)state;
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        assert_int_equal(debounce_algo_counts_samples(want[i].algo), want[i].counts_samples);
        assert_int_equal(debounce_algo_uses_windows(want[i].algo), want[i].uses_windows);
    }
}

static void config_check_table(void **state)
{
    const struct {
        const char *what;
        debounce_config_t cfg;
        debounce_config_status_t want;
    } cases[] = {
        {"defer 5 ms", TICKS(DEBOUNCE_DEFER, 5000u, 5000u), DEBOUNCE_CONFIG_OK},
        {"lockout 0 ticks is a lock of nothing, legal", TICKS(DEBOUNCE_LOCKOUT, 0u, 0u),
         DEBOUNCE_CONFIG_OK},
        {"eager-defer at the span", TICKS(DEBOUNCE_EAGER_DEFER, 0x7fffffffu, 0x7fffffffu),
         DEBOUNCE_CONFIG_OK},
        {"defer press past the span", TICKS(DEBOUNCE_DEFER, 0x80000000u, 1u),
         DEBOUNCE_CONFIG_WINDOW_TOO_LONG},
        {"lockout release past the span", TICKS(DEBOUNCE_LOCKOUT, 1u, UINT32_MAX),
         DEBOUNCE_CONFIG_WINDOW_TOO_LONG},
        {"none ignores its windows", TICKS(DEBOUNCE_NONE, UINT32_MAX, UINT32_MAX),
         DEBOUNCE_CONFIG_OK},
        {"integrator 1 sample", SAMPLES(DEBOUNCE_INTEGRATOR, 1u, 1u), DEBOUNCE_CONFIG_OK},
        {"integrator counts have no span", SAMPLES(DEBOUNCE_INTEGRATOR, UINT32_MAX, 3u),
         DEBOUNCE_CONFIG_OK},
        {"integrator 0 press samples", SAMPLES(DEBOUNCE_INTEGRATOR, 0u, 5u),
         DEBOUNCE_CONFIG_NO_SAMPLES},
        {"integrator 0 release samples", SAMPLES(DEBOUNCE_INTEGRATOR, 5u, 0u),
         DEBOUNCE_CONFIG_NO_SAMPLES},
        {"algo past the registry", TICKS(DEBOUNCE_ALGO_COUNT, 10u, 10u),
         DEBOUNCE_CONFIG_UNKNOWN_ALGO},
        {"unknown algo wins over a bad window", TICKS((debounce_algo_t)99, UINT32_MAX, 0u),
         DEBOUNCE_CONFIG_UNKNOWN_ALGO},
    };
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        debounce_config_status_t got = debounce_config_check(&cases[i].cfg);
        if (got != cases[i].want) {
            fail_msg("%s: status %d, want %d", cases[i].what, (int)got, (int)cases[i].want);
        }
    }
}

static void status_texts(void **state)
{
    (void)state;
    for (int s = 0; s < DEBOUNCE_CONFIG_STATUS_COUNT; s++) {
        assert_string_not_equal(debounce_config_status_text((debounce_config_status_t)s), "?");
    }
    assert_string_equal(debounce_config_status_text(DEBOUNCE_CONFIG_NO_SAMPLES),
                        "a window of 0 samples (a counting algorithm needs 1 or more)");
    assert_string_equal(debounce_config_status_text(DEBOUNCE_CONFIG_STATUS_COUNT), "?");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_algorithm_is_described),
        cmocka_unit_test(properties),
        cmocka_unit_test(config_check_table),
        cmocka_unit_test(status_texts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
