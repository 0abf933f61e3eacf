/* Exact decimal parsing: digits into a mantissa and a power of ten. */
#include "parse_number.h"

/* 10^19 is the largest power of ten in a uint64_t. */
#define MAX_POW10 19
/* Exponents are clamped here: far beyond any time or voltage, far below int overflow. */
#define EXP_CLAMP 10000

static const uint64_t pow10_table[MAX_POW10 + 1] = {
    UINT64_C(1),
    UINT64_C(10),
    UINT64_C(100),
    UINT64_C(1000),
    UINT64_C(10000),
    UINT64_C(100000),
    UINT64_C(1000000),
    UINT64_C(10000000),
    UINT64_C(100000000),
    UINT64_C(1000000000),
    UINT64_C(10000000000),
    UINT64_C(100000000000),
    UINT64_C(1000000000000),
    UINT64_C(10000000000000),
    UINT64_C(100000000000000),
    UINT64_C(1000000000000000),
    UINT64_C(10000000000000000),
    UINT64_C(100000000000000000),
    UINT64_C(1000000000000000000),
    UINT64_C(10000000000000000000),
};

trace_num_result_t trace_parse_int64_long(const char **p, int64_t *out)
{
    const char *s = *p;
    gboolean neg = FALSE;
    uint64_t v = 0;

    if (*s == '-' || *s == '+') {
        neg = *s == '-';
        s++;
    }
    while ((unsigned)(*s - '0') < 10u) {
        unsigned d = (unsigned)(*s - '0');
        if (v > ((uint64_t)INT64_MAX - d) / 10u) {
            while ((unsigned)(*s - '0') < 10u) {
                s++;
            }
            *p = s;
            return TRACE_NUM_RANGE;
        }
        v = v * 10u + d;
        s++;
    }
    *p = s;
    *out = neg ? -(int64_t)v : (int64_t)v;
    return TRACE_NUM_OK;
}

trace_num_result_t trace_parse_decimal_raw(const char **p, trace_decimal_t *out)
{
    const char *s = *p;
    uint64_t mant = 0;
    int exp10 = 0;
    gboolean neg = FALSE, digits = FALSE;

    if (*s == '-' || *s == '+') {
        neg = *s == '-';
        s++;
    }
    while ((unsigned)(*s - '0') < 10u) {
        if (mant <= (UINT64_MAX - 9u) / 10u) {
            mant = mant * 10u + (unsigned)(*s - '0');
        } else {
            exp10++; /* an integer digit past the 19th: keep the magnitude */
        }
        s++;
        digits = TRUE;
    }
    if (*s == '.') {
        s++;
        while ((unsigned)(*s - '0') < 10u) {
            if (mant <= (UINT64_MAX - 9u) / 10u) {
                mant = mant * 10u + (unsigned)(*s - '0');
                exp10--;
            }
            s++;
            digits = TRUE;
        }
    }
    if (!digits) {
        return TRACE_NUM_MISSING;
    }
    if (*s == 'e' || *s == 'E') {
        const char *e = s + 1;
        gboolean eneg = FALSE;
        if (*e == '-' || *e == '+') {
            eneg = *e == '-';
            e++;
        }
        if ((unsigned)(*e - '0') < 10u) {
            int ev = 0;
            while ((unsigned)(*e - '0') < 10u) {
                if (ev < EXP_CLAMP) {
                    ev = ev * 10 + (*e - '0');
                }
                e++;
            }
            exp10 += eneg ? -ev : ev;
            s = e;
        }
    }
    *p = s;
    out->mant = mant;
    out->exp10 = exp10;
    out->neg = neg;
    return TRACE_NUM_OK;
}

/* mant * 10^k (k >= 0) into a uint64_t no larger than INT64_MAX; FALSE on overflow. */
static gboolean scale_up(uint64_t mant, int k, uint64_t *out)
{
    if (mant == 0) {
        *out = 0;
        return TRUE;
    }
    if (k > MAX_POW10 || mant > (uint64_t)INT64_MAX / pow10_table[k]) {
        return FALSE;
    }
    *out = mant * pow10_table[k];
    return TRUE;
}

/* mant / 10^k (k > 0), rounded half up. */
static uint64_t scale_down(uint64_t mant, int k)
{
    uint64_t div, q, r;

    if (k > MAX_POW10) {
        return 0; /* mant < 2^64 < 0.5 * 10^20 */
    }
    div = pow10_table[k];
    q = mant / div;
    r = mant % div;
    return r >= div - r ? q + 1 : q;
}

trace_num_result_t trace_decimal_to_int(const trace_decimal_t *d, int scale, int64_t *out)
{
    int k = d->exp10 + scale;
    uint64_t mag;

    if (k >= 0) {
        if (!scale_up(d->mant, k, &mag)) {
            return TRACE_NUM_RANGE;
        }
    } else {
        mag = scale_down(d->mant, -k);
        if (mag > (uint64_t)INT64_MAX) {
            return TRACE_NUM_RANGE;
        }
    }
    *out = d->neg ? -(int64_t)mag : (int64_t)mag;
    return TRACE_NUM_OK;
}

trace_num_result_t trace_parse_decimal(const char **p, int scale, int64_t *out)
{
    trace_decimal_t d;
    const char *s = *p;
    trace_num_result_t r = trace_parse_decimal_raw(&s, &d);

    if (r != TRACE_NUM_OK) {
        return r;
    }
    r = trace_decimal_to_int(&d, scale, out);
    if (r == TRACE_NUM_OK) {
        *p = s;
    }
    return r;
}

trace_num_result_t trace_decimal_times(const trace_decimal_t *d, int64_t n, int scale, int64_t *out)
{
    trace_decimal_t prod = *d;
    uint64_t un = n < 0 ? (uint64_t)0 - (uint64_t)n : (uint64_t)n;

    /* Trailing zeros of the mantissa only cost headroom: 2000000e-13 is 2e-7. */
    while (prod.mant != 0 && prod.mant % 10u == 0) {
        prod.mant /= 10u;
        prod.exp10++;
    }
    if (un != 0 && prod.mant > UINT64_MAX / un) {
        return TRACE_NUM_RANGE;
    }
    prod.mant *= un;
    prod.neg = d->neg != (n < 0);
    return trace_decimal_to_int(&prod, scale, out);
}
