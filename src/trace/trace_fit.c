/* Fitting the generator's model to traces (the method is in trace_fit.h). */
#include "trace_fit.h"
#include "trace_error.h"
#include "trace_oracle.h"
#include "trace_rng.h"
#include "trace_tail.h"

#include <math.h>
#include <stdlib.h>

/* The body quantile the centre is fitted to, and the rounds that settle it. */
#define LOW_QUANTILE 0.01
#define FIT_ROUNDS   10
/* The bootstrap's seed: fixed, so a fit is reproducible. */
#define BOOTSTRAP_SEED 1
#define ONE_IN         1e6

typedef struct {
    GArray *dur;       /* int64_t ns */
    GArray *rebounds;  /* int64_t */
    int64_t min_pulse; /* shortest interval inside a bounce; INT64_MAX: none */
} side_t;

static int cmp_int64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The body's centre b, the tail share and the tail's end, from sorted
 * durations. Below the tail, P(D <= x) = (1 - w)(x - b/2)/b, so the body's
 * low q-quantile x_q (q = 1 %) gives b = x_q / (1/2 + q/(1 - w)), where w,
 * the share beyond 3b/2, moves b by only q/(1-w)^2 of itself: a few rounds
 * settle both. A low quantile, not the least value, so that one odd short
 * bounce in a recording cannot drag the fit; not the median, whose
 * dependence on w runs away (a smaller b makes a larger tail makes a
 * smaller b). */
static void fit_bounce(const int64_t *d, gsize n, trace_gen_bounce_t *b)
{
    double xq = (double)d[(gsize)(LOW_QUANTILE * (double)(n - 1))], centre = 2.0 * xq;
    gsize tail = 0;

    for (int round = 0; round < FIT_ROUNDS && centre > 0.0; round++) {
        tail = 0;
        for (gsize i = 0; i < n; i++) {
            tail += (double)d[i] > 1.5 * centre;
        }
        double w = MIN((double)tail / (double)n, 0.5);
        centre = xq / (0.5 + LOW_QUANTILE / (1.0 - w));
    }
    if (xq == 0.0) {
        gsize middle = (n - 1) / 2;
        centre = (double)d[middle]; /* most bounces have no length: no body to measure */
    }
    b->bounce_ns = (int64_t)llround(centre);
    if (b->bounce_ns == 0) {
        b->bounce_max_ns = 0;
        b->worst_rate = 0.0;
        return;
    }
    tail = 0;
    for (gsize i = 0; i < n; i++) {
        tail += d[i] > b->bounce_ns + b->bounce_ns / 2;
    }
    b->worst_rate = (double)tail / (double)n;
    if (tail == 0) {
        b->bounce_max_ns = MAX(d[n - 1], b->bounce_ns + b->bounce_ns / 2);
        return;
    }
    /* m tail draws uniform on [hi, max]: E[largest] = hi + m/(m+1) (max - hi) */
    {
        int64_t hi_ns = b->bounce_ns + b->bounce_ns / 2;
        double hi = (double)hi_ns, m = (double)tail;
        double top = (double)d[n - 1];
        b->bounce_max_ns = (int64_t)llround(hi + (top - hi) * (m + 1.0) / m);
    }
}

int64_t trace_fit_quantile_ns(const trace_gen_bounce_t *b, double odds)
{
    int64_t hi = MIN(b->bounce_ns + b->bounce_ns / 2, b->bounce_max_ns);
    double p = 1.0 / odds;

    if (b->dist.n > 0) {
        return trace_tail_quantile_ns(&b->dist, 1.0 - p);
    }
    if (b->bounce_ns == 0) {
        return 0;
    }
    if (b->worst_rate > p && b->bounce_max_ns > hi) {
        /* P(D > x) = worst_rate (max - x) / (max - hi) in the tail */
        return b->bounce_max_ns - llround((double)(b->bounce_max_ns - hi) * p / b->worst_rate);
    }
    /* in the body, uniform on [lo, hi] with mass 1 - worst_rate */
    {
        int64_t lo = b->bounce_ns / 2;
        double share = p - b->worst_rate; /* of the body above x */
        return hi - llround((double)(hi - lo) * MAX(share, 0.0) / (1.0 - b->worst_rate));
    }
}

/* Measures the oracle's bounces of one trace into make and break sides,
 * the holds and gaps between them, and the glitches (pulses outside). */
static void measure(const trace_t *t, int64_t settle_ns, side_t *make, side_t *brk,
                    int64_t *hold_min, int64_t *hold_max, int64_t *gap_min, int64_t *gap_max,
                    gsize *glitches, int64_t *glitch_width, int64_t *settled_ns)
{
    g_autoptr(GArray) changes = trace_oracle_changes(t, settle_ns);
    gsize next_edge = 0;

    for (guint k = 0; k < changes->len; k++) {
        const trace_change_t *c = &g_array_index(changes, trace_change_t, k);
        side_t *s = c->to_pressed ? make : brk;
        int64_t first = trace_edge_ns(t, c->first_edge), last = trace_edge_ns(t, c->last_edge);
        int64_t rebounds = (int64_t)(c->last_edge - c->first_edge) / 2;

        int64_t duration = last - first;

        g_array_append_val(s->dur, duration);
        g_array_append_val(s->rebounds, rebounds);
        for (gsize e = c->first_edge + 1; e <= c->last_edge; e++) {
            s->min_pulse = MIN(s->min_pulse, trace_edge_ns(t, e) - trace_edge_ns(t, e - 1));
        }
        /* edges between the last change and this one are glitch pulses */
        for (gsize e = next_edge; e + 1 < c->first_edge; e += 2) {
            (*glitches)++;
            *glitch_width = MAX(*glitch_width, trace_edge_ns(t, e + 1) - trace_edge_ns(t, e));
        }
        if (k > 0) {
            const trace_change_t *p = &g_array_index(changes, trace_change_t, k - 1);
            int64_t settled = first - trace_edge_ns(t, p->last_edge);
            *settled_ns += settled;
            if (c->to_pressed) {
                *gap_min = MIN(*gap_min, settled);
                *gap_max = MAX(*gap_max, settled);
            } else {
                *hold_min = MIN(*hold_min, settled);
                *hold_max = MAX(*hold_max, settled);
            }
        }
        next_edge = c->last_edge + 1;
    }
}

/* Percentiles 5 and 95 of n values (sorted in place). */
static void band(double *v, gsize n, int64_t *lo, int64_t *hi)
{
    qsort(v, n, sizeof *v, cmp_double);
    *lo = (int64_t)v[(gsize)(0.05 * (double)(n - 1))];
    *hi = (int64_t)v[(gsize)ceil(0.95 * (double)(n - 1))];
}

static void report_side(const side_t *s, const trace_gen_bounce_t *fitted, trace_fit_side_t *r)
{
    gsize n = s->dur->len;
    g_autofree int64_t *d = g_new(int64_t, n);
    g_autofree double *maxes = g_new(double, TRACE_FIT_BOOTSTRAP);
    g_autofree double *quantiles = g_new(double, TRACE_FIT_BOOTSTRAP);
    trace_rng_t rng;

    trace_rng_seed(&rng, BOOTSTRAP_SEED);
    r->n = n;
    r->longest_ns = g_array_index(s->dur, int64_t, n - 1);
    r->one_in_million_ns = trace_fit_quantile_ns(fitted, ONE_IN);
    r->tail = fitted->dist.n > 0;
    if (r->tail) {
        r->xi = fitted->dist.xi;
        r->sigma_ns = fitted->dist.sigma_ns;
        r->threshold_ns = trace_tail_quantile_ns(&fitted->dist, fitted->dist.tail_above);
        r->tail_above = fitted->dist.tail_above;
    }
    for (int b = 0; b < TRACE_FIT_BOOTSTRAP; b++) {
        trace_gen_bounce_t refit = *fitted;
        for (gsize i = 0; i < n; i++) {
            d[i] = g_array_index(s->dur, int64_t, trace_rng_below(&rng, n));
        }
        qsort(d, n, sizeof *d, cmp_int64);
        fit_bounce(d, n, &refit);
        /* a resample whose tail gives no fit falls back, as the fit would, to the uniform tail */
        if (r->tail) {
            trace_tail_fit(d, n, &refit.dist);
        }
        maxes[b] = (double)refit.bounce_max_ns;
        quantiles[b] = (double)trace_fit_quantile_ns(&refit, ONE_IN);
    }
    band(maxes, TRACE_FIT_BOOTSTRAP, &r->max_lo_ns, &r->max_hi_ns);
    band(quantiles, TRACE_FIT_BOOTSTRAP, &r->one_in_million_lo_ns, &r->one_in_million_hi_ns);
}

static void fit_side(side_t *s, trace_gen_bounce_t *b)
{
    double sum = 0.0;

    g_array_sort(s->dur, cmp_int64);
    fit_bounce((const int64_t *)s->dur->data, s->dur->len, b);
    if (b->bounce_ns > 0) {
        trace_tail_fit((const int64_t *)s->dur->data, s->dur->len, &b->dist);
    }
    for (guint i = 0; i < s->rebounds->len; i++) {
        sum += (double)g_array_index(s->rebounds, int64_t, i);
    }
    /* gen draws k uniform in [1, 2 pulses - 1]: the mean is `pulses` */
    b->pulses = b->bounce_ns > 0 ? MAX(1, (int)lround(sum / s->rebounds->len)) : 0;
    b->min_pulse_ns = b->bounce_ns > 0 ? (s->min_pulse == INT64_MAX ? 1 : s->min_pulse) : 0;
}

gboolean trace_fit(const trace_t *const *traces, gsize n, int64_t settle_ns,
                   trace_gen_params_t *out, trace_fit_report_t *report, GError **error)
{
    side_t make = {g_array_new(FALSE, FALSE, sizeof(int64_t)),
                   g_array_new(FALSE, FALSE, sizeof(int64_t)), INT64_MAX};
    side_t brk = {g_array_new(FALSE, FALSE, sizeof(int64_t)),
                  g_array_new(FALSE, FALSE, sizeof(int64_t)), INT64_MAX};
    int64_t hold_min = INT64_MAX, hold_max = 0, gap_min = INT64_MAX, gap_max = 0;
    int64_t glitch_width = 0, settled_ns = 0;
    gsize glitches = 0;
    trace_gen_params_t p = {0};
    gboolean ok = FALSE;

    for (gsize i = 0; i < n; i++) {
        measure(traces[i], settle_ns, &make, &brk, &hold_min, &hold_max, &gap_min, &gap_max,
                &glitches, &glitch_width, &settled_ns);
    }
    if (make.dur->len < 2 || brk.dur->len < 2 || hold_min == INT64_MAX || gap_min == INT64_MAX) {
        g_set_error(error, TRACE_ERROR, TRACE_ERROR_INVALID,
                    "%u presses and %u releases: a fit needs at least two of each", make.dur->len,
                    brk.dur->len);
        goto out;
    }
    fit_side(&make, &p.make);
    fit_side(&brk, &p.brk);
    p.hold_min_ns = hold_min;
    p.hold_max_ns = hold_max;
    p.gap_min_ns = gap_min;
    p.gap_max_ns = gap_max;
    if (glitches > 0 && settled_ns > 0) {
        p.glitch_rate_hz = (double)glitches / ((double)settled_ns / 1e9);
        p.glitch_width_ns = MAX(glitch_width, 1);
    }
    if (!trace_gen_validate(&p, 1, error)) {
        g_prefix_error(error, "the fitted model is not valid: ");
        goto out;
    }
    if (report != NULL) {
        report->presses = make.dur->len;
        report->glitches = glitches;
        report_side(&make, &p.make, &report->make);
        report_side(&brk, &p.brk, &report->brk);
    }
    *out = p;
    ok = TRUE;
out:
    g_array_unref(make.dur);
    g_array_unref(make.rebounds);
    g_array_unref(brk.dur);
    g_array_unref(brk.rebounds);
    return ok;
}

GArray *trace_fit_durations(const trace_t *trace, int64_t settle_ns, gboolean make)
{
    g_autoptr(GArray) changes = trace_oracle_changes(trace, settle_ns);
    GArray *out = g_array_new(FALSE, FALSE, sizeof(double));

    for (guint k = 0; k < changes->len; k++) {
        const trace_change_t *c = &g_array_index(changes, trace_change_t, k);
        if (c->to_pressed == make) {
            double d =
                (double)(trace_edge_ns(trace, c->last_edge) - trace_edge_ns(trace, c->first_edge));
            g_array_append_val(out, d);
        }
    }
    g_array_sort(out, cmp_double);
    return out;
}
