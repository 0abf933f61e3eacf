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
#include <string.h>

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

/* Up to 18 decimal digits always fit in an int64_t: no overflow check needed. */
#define TRACE_SAFE_DIGITS 18

/** The slow path of trace_parse_int64() for long numbers; not for direct use. */
trace_num_result_t trace_parse_int64_long(const char **p, int64_t *out);

/** [+-]digits into an int64_t. */
static inline trace_num_result_t trace_parse_int64(const char **p, int64_t *out)
{
    const char *s = *p;
    const char *digits;
    gboolean neg = FALSE;
    uint64_t v = 0;

    if (*s == '-' || *s == '+') {
        neg = *s == '-';
        s++;
    }
    digits = s;
    while ((unsigned)(*s - '0') < 10u) {
        v = v * 10u + (unsigned)(*s - '0'); /* may wrap past 19 digits: redone below */
        s++;
    }
    if (G_UNLIKELY(s - digits > TRACE_SAFE_DIGITS || s == digits)) {
        return s == digits ? TRACE_NUM_MISSING : trace_parse_int64_long(p, out);
    }
    *p = s;
    *out = neg ? -(int64_t)v : (int64_t)v;
    return TRACE_NUM_OK;
}

/** The value of 8 ASCII digits loaded little-endian (first digit in the low byte). */
static inline uint64_t trace_swar_8_digits(uint64_t w)
{
    w -= UINT64_C(0x3030303030303030);
    w = (w * 10u) + (w >> 8); /* pairs */
    return (((w & UINT64_C(0x000000FF000000FF)) * UINT64_C(0x000F424000000064)) +
            (((w >> 16) & UINT64_C(0x000000FF000000FF)) * UINT64_C(0x0000271000000001))) >>
           32;
}

/**
 * Unsigned digits into a uint64_t, eight at a time where it can: the fast
 * path of line-window parsers, which may read up to 8 bytes past the number
 * (TRACE_LINE_PAD). Returns the number of digits; more than
 * TRACE_SAFE_DIGITS means the value may have wrapped and must be re-read
 * with trace_parse_int64().
 */
static inline int trace_parse_digits_fast(const char **p, uint64_t *out)
{
    const char *s = *p;
    uint64_t v = 0;
    int n = 0;

#if G_BYTE_ORDER == G_LITTLE_ENDIAN && defined(__GNUC__)
    static const uint64_t pow10[8] = {1u, 10u, 100u, 1000u, 10000u, 100000u, 1000000u, 10000000u};
    for (;;) {
        uint64_t w, bad;
        int k;
        memcpy(&w, s, sizeof w);
        /* per byte: 0x33 for a digit; the first other byte ends the number */
        bad = ((w & UINT64_C(0xF0F0F0F0F0F0F0F0)) |
               (((w + UINT64_C(0x0606060606060606)) & UINT64_C(0xF0F0F0F0F0F0F0F0)) >> 4)) ^
              UINT64_C(0x3333333333333333);
        if (bad == 0) {
            v = v * UINT64_C(100000000) + trace_swar_8_digits(w);
            s += 8;
            n += 8;
            continue;
        }
        k = __builtin_ctzll(bad) / 8; /* digits before it */
        if (k > 0) {
            /* the k digits to the top bytes, '0's below: an 8-digit number of value d1..dk */
            w = (w << (8 * (8 - k))) | (UINT64_C(0x3030303030303030) >> (8 * k));
            v = v * pow10[k] + trace_swar_8_digits(w);
            s += k;
            n += k;
        }
        break;
    }
#else
    while ((unsigned)(*s - '0') < 10u) {
        v = v * 10u + (unsigned)(*s - '0');
        s++;
        n++;
    }
#endif
    *p = s;
    *out = v;
    return n;
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
