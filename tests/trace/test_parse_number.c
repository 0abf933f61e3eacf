/*
 * The hand-written number parsers: exact decimals, rounding, range. Every
 * expected value below is the decimal in the text times 10^scale, worked out
 * by hand; halves round away from zero.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "parse_number.h"

typedef struct {
    const char *text;
    int scale;
    trace_num_result_t result;
    int64_t value;  /* when OK */
    gsize consumed; /* characters used, when OK */
} decimal_case_t;

static const decimal_case_t decimal_cases[] = {
    {"123", 0, TRACE_NUM_OK, 123, 3},
    {"-42", 0, TRACE_NUM_OK, -42, 3},
    {"+7", 0, TRACE_NUM_OK, 7, 2},
    {"1.5", 9, TRACE_NUM_OK, 1500000000, 3},         /* 1.5 s in ns */
    {"0.000000000", 9, TRACE_NUM_OK, 0, 11},         /* Saleae's first row */
    {"0.0000012345", 9, TRACE_NUM_OK, 1235, 12},     /* 1234.5 ns rounds up */
    {"-0.0000012345", 9, TRACE_NUM_OK, -1235, 13},   /* and away from zero below 0 */
    {"0.0000012344", 9, TRACE_NUM_OK, 1234, 12},     /* 1234.4 ns rounds down */
    {"1e-6", 9, TRACE_NUM_OK, 1000, 4},              /* 1 us */
    {"2.000000e-07", 9, TRACE_NUM_OK, 200, 12},      /* Rigol's increment: 200 ns */
    {"-1.200000E-04", 9, TRACE_NUM_OK, -120000, 13}, /* upper-case E */
    {"1.25e+2", 0, TRACE_NUM_OK, 125, 7},
    {"3.3", 6, TRACE_NUM_OK, 3300000, 3}, /* volts in uV */
    {"0.5", 0, TRACE_NUM_OK, 1, 3},
    {"-0.5", 0, TRACE_NUM_OK, -1, 4},
    {"0.49", 0, TRACE_NUM_OK, 0, 4},
    {"12abc", 0, TRACE_NUM_OK, 12, 2}, /* stops at the first non-number */
    {"5e", 0, TRACE_NUM_OK, 5, 1},     /* "e" without digits is not an exponent */
    {"9223372036854775807", 0, TRACE_NUM_OK, INT64_MAX, 19},
    {"9223372036854775808", 0, TRACE_NUM_RANGE, 0, 0},
    {"99999999999", 9, TRACE_NUM_RANGE, 0, 0}, /* 1e20 ns */
    {"1e300", 0, TRACE_NUM_RANGE, 0, 0},
    {"1e-300", 9, TRACE_NUM_OK, 0, 6}, /* far below 1 ns */
    {"", 0, TRACE_NUM_MISSING, 0, 0},
    {"abc", 0, TRACE_NUM_MISSING, 0, 0},
    {".", 0, TRACE_NUM_MISSING, 0, 0},
    {"-", 0, TRACE_NUM_MISSING, 0, 0},
};

static void decimals(void **state)
{
    (void)state;
    for (gsize i = 0; i < G_N_ELEMENTS(decimal_cases); i++) {
        const decimal_case_t *c = &decimal_cases[i];
        const char *p = c->text;
        int64_t v = -999;
        trace_num_result_t r = trace_parse_decimal(&p, c->scale, &v);
        print_message("case %zu: '%s'\n", (size_t)i, c->text);
        assert_int_equal(r, c->result);
        if (r == TRACE_NUM_OK) {
            assert_int_equal(v, c->value);
            assert_int_equal(p - c->text, c->consumed);
        } else {
            assert_ptr_equal(p, c->text); /* nothing consumed on failure */
        }
    }
}

typedef struct {
    const char *text;
    trace_num_result_t result;
    int64_t value;
} int_case_t;

static const int_case_t int_cases[] = {
    {"0", TRACE_NUM_OK, 0},
    {"123456789012345678", TRACE_NUM_OK, 123456789012345678},   /* 18 digits: the fast path */
    {"1234567890123456789", TRACE_NUM_OK, 1234567890123456789}, /* 19: the careful path */
    {"-9223372036854775807", TRACE_NUM_OK, -INT64_MAX},
    {"9223372036854775808", TRACE_NUM_RANGE, 0},
    {"00000000000000000000000001", TRACE_NUM_OK, 1}, /* leading zeros do not overflow */
    {"x1", TRACE_NUM_MISSING, 0},
};

static void integers(void **state)
{
    (void)state;
    for (gsize i = 0; i < G_N_ELEMENTS(int_cases); i++) {
        const char *p = int_cases[i].text;
        int64_t v = 0;
        print_message("case %zu: '%s'\n", (size_t)i, int_cases[i].text);
        assert_int_equal(trace_parse_int64(&p, &v), int_cases[i].result);
        if (int_cases[i].result == TRACE_NUM_OK) {
            assert_int_equal(v, int_cases[i].value);
            assert_int_equal(*p, '\0');
        }
    }
}

static void digits_eight_at_a_time(void **state)
{
    /* padded as the line reader pads its buffer: the parser may read 8 bytes ahead */
    char buf[64];
    const char *p;
    uint64_t v;
    (void)state;

    memset(buf, 0, sizeof buf);
    strcpy(buf, "12345678901234,1");
    p = buf;
    assert_int_equal(trace_parse_digits_fast(&p, &v), 14);
    assert_int_equal(v, UINT64_C(12345678901234));
    assert_int_equal(*p, ',');

    for (int n = 1; n <= 17; n++) { /* every length, so every tail size is exercised */
        uint64_t expect = 0;
        memset(buf, 0, sizeof buf);
        for (int k = 0; k < n; k++) {
            buf[k] = (char)('1' + k % 9);
            expect = expect * 10 + (uint64_t)(1 + k % 9);
        }
        buf[n] = '\n';
        p = buf;
        assert_int_equal(trace_parse_digits_fast(&p, &v), n);
        assert_int_equal(v, expect);
        assert_ptr_equal(p, buf + n);
    }
    strcpy(buf, "/:0"); /* the characters either side of '0'..'9' are not digits */
    p = buf;
    assert_int_equal(trace_parse_digits_fast(&p, &v), 0);
}

static void sample_times(void **state)
{
    /* Rigol: time = n * increment; increment 5.000000e-07 s = 500 ns */
    const char *text = "5.000000e-07";
    trace_decimal_t inc;
    int64_t ns;
    (void)state;

    assert_int_equal(trace_parse_decimal_raw(&text, &inc), TRACE_NUM_OK);
    assert_int_equal(trace_decimal_times(&inc, 4, 9, &ns), TRACE_NUM_OK);
    assert_int_equal(ns, 2000);
    assert_int_equal(trace_decimal_times(&inc, -3, 9, &ns), TRACE_NUM_OK);
    assert_int_equal(ns, -1500);
    assert_int_equal(trace_decimal_times(&inc, 0, 9, &ns), TRACE_NUM_OK);
    assert_int_equal(ns, 0);
    assert_int_equal(trace_decimal_times(&inc, INT64_MAX, 9, &ns), TRACE_NUM_RANGE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(decimals),
        cmocka_unit_test(integers),
        cmocka_unit_test(digits_eight_at_a_time),
        cmocka_unit_test(sample_times),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
