/*
 * Hand-written number parsers for the trace readers' hot paths: no sscanf,
 * no strtod, no locale, and decimals turned into exact integers (seconds into
 * ns, volts into uV) without passing through a double. Each parser starts at
 * *p and leaves *p on the first character it did not use.
 */
#ifndef PARSE_NUMBER_H
#define PARSE_NUMBER_H

#include <glib.h>
#include <stdint.h>

typedef enum {
    TRACE_NUM_OK,
    TRACE_NUM_MISSING, /* no digits where a number was expected */
    TRACE_NUM_RANGE,   /* does not fit in int64_t */
} trace_num_result_t;

/** A decimal number as written: (-1)^neg * mant * 10^exp10. */
typedef struct {
    uint64_t mant;
    int exp10;
    gboolean neg;
} trace_decimal_t;

/** [+-]digits into an int64_t. */
static inline trace_num_result_t trace_parse_int64(const char **p, int64_t *out)
{
    const char *s = *p;
    gboolean neg = FALSE;
    uint64_t v = 0;
    const char *digits;

    if (*s == '-' || *s == '+') {
        neg = *s == '-';
        s++;
    }
    digits = s;
    while ((unsigned)(*s - '0') < 10u) {
        unsigned d = (unsigned)(*s - '0');
        if (v > (UINT64_C(9223372036854775807) - d) / 10u) {
            while ((unsigned)(*s - '0') < 10u) {
                s++;
            }
            *p = s;
            return TRACE_NUM_RANGE;
        }
        v = v * 10u + d;
        s++;
    }
    if (s == digits) {
        return TRACE_NUM_MISSING;
    }
    *p = s;
    *out = neg ? -(int64_t)v : (int64_t)v;
    return TRACE_NUM_OK;
}

/** Unsigned digits (no sign) into a uint64_t; RANGE above 2^63 - 1. */
static inline trace_num_result_t trace_parse_uint(const char **p, uint64_t *out)
{
    int64_t v;
    trace_num_result_t r;

    if (**p == '-' || **p == '+') {
        return TRACE_NUM_MISSING;
    }
    r = trace_parse_int64(p, &v);
    if (r == TRACE_NUM_OK) {
        *out = (uint64_t)v;
    }
    return r;
}

/**
 * [+-]digits[.digits][(e|E)[+-]digits] as written, exactly (digits past the
 * 19th significant one are dropped). MISSING if there is no digit.
 */
trace_num_result_t trace_parse_decimal_raw(const char **p, trace_decimal_t *out);

/**
 * The decimal times 10^scale as an int64_t, rounded to the nearest integer
 * (halves away from zero); RANGE if it does not fit.
 */
trace_num_result_t trace_decimal_to_int(const trace_decimal_t *d, int scale, int64_t *out);

/** trace_parse_decimal_raw() then trace_decimal_to_int(): e.g. scale 9 turns seconds into ns. */
trace_num_result_t trace_parse_decimal(const char **p, int scale, int64_t *out);

/**
 * n * d * 10^scale rounded to the nearest integer, for times given as a
 * sample index times an increment (Rigol's "Increment"). RANGE on overflow.
 */
trace_num_result_t trace_decimal_times(const trace_decimal_t *d, int64_t n, int scale,
                                       int64_t *out);

#endif
