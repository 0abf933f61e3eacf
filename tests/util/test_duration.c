/* Duration parsing and formatting: values by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "util_duration.h"

static int64_t parse_ok(const char *text)
{
    g_autoptr(GError) error = NULL;
    int64_t ns = -1;
    if (!util_parse_duration_ns(text, &ns, &error)) {
        fail_msg("'%s': %s", text, error->message);
    }
    return ns;
}

static void parse_units(void **state)
{
    (void)state;
    assert_int_equal(parse_ok("250us"), 250000);
    assert_int_equal(parse_ok("5ms"), 5000000);
    assert_int_equal(parse_ok("1.5ms"), 1500000);
    assert_int_equal(parse_ok("2s"), 2000000000);
    assert_int_equal(parse_ok("0s"), 0);
    assert_int_equal(parse_ok("12ns"), 12);
    assert_int_equal(parse_ok(".5us"), 500);
    assert_int_equal(parse_ok("0.0004us"), 0); /* 0.4 ns rounds to 0 */
    assert_int_equal(parse_ok("0.0005us"), 1); /* 0.5 ns rounds up */
    assert_int_equal(parse_ok("1.333333333s"), 1333333333);
    assert_int_equal(parse_ok("0.99999999999999999999s"),
                     1000000000); /* digits past 1e-10 s dropped */
    assert_int_equal(parse_ok("9223372036s"), INT64_C(9223372036000000000));
}

static void parse_errors(void **state)
{
    const char *bad[] = {"5",    "",      "ms",          "5 ms", "5m",    "5msec",
                         "-5ms", "1e3us", "9223372037s", "5ms!", "1..5ms"};
    (void)state;
    for (gsize i = 0; i < G_N_ELEMENTS(bad); i++) {
        g_autoptr(GError) error = NULL;
        int64_t ns = 0;
        if (util_parse_duration_ns(bad[i], &ns, &error)) {
            fail_msg("'%s' parsed as %" G_GINT64_FORMAT " ns", bad[i], ns);
        }
        assert_non_null(error);
        assert_non_null(strstr(error->message, bad[i]));
    }
}

static void bare_number_says_what_is_expected(void **state)
{
    g_autoptr(GError) error = NULL;
    int64_t ns = 0;
    (void)state;
    assert_false(util_parse_duration_ns("5", &ns, &error));
    assert_non_null(strstr(error->message, "no unit"));
    assert_non_null(strstr(error->message, "250us"));
}

static void format_round_trips(void **state)
{
    const struct {
        int64_t ns;
        const char *text;
    } cases[] = {{0, "0s"},       {250000, "250us"},      {1500000, "1.5ms"}, {2000000000, "2s"},
                 {1500, "1.5us"}, {1234567, "1234567ns"}, {10, "10ns"},       {60000000000, "60s"}};
    (void)state;
    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        g_autofree char *text = util_format_duration(cases[i].ns);
        assert_string_equal(text, cases[i].text);
        assert_int_equal(parse_ok(text), cases[i].ns);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(parse_units),
        cmocka_unit_test(parse_errors),
        cmocka_unit_test(bare_number_says_what_is_expected),
        cmocka_unit_test(format_round_trips),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
