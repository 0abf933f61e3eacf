/* The synthetic bounce generator: press cycles with bounce, glitches and truth. */
#include "trace_error.h"
#include "trace_gen.h"
#include "trace_rng.h"
#include "trace_tail.h"
#include "util_duration.h"

/* Envelope values are scaled to 10 bits and weights to 10 bits, so a burst's
 * total weight stays below 2^32 and position maths fits in 64 bits. */
#define ENVELOPE_SCALE 1024
#define WEIGHT_LEVELS  1024

typedef struct {
    trace_t *trace;
    trace_rng_t rng;
    const trace_gen_params_t *params;
    double glitch_mean_ns;        /* mean time between glitches */
    const trace_gen_tilt_t *tilt; /* NULL: draw from the model itself */
    guint8 *draws;                /* with a tilt: where each bounce was drawn, or NULL */
    gsize n_draws;
} gen_t;

static int64_t last_edge_ns(const gen_t *g)
{
    gsize n = trace_n_edges(g->trace);
    return n > 0 ? trace_edge_ns(g->trace, n - 1) : g->trace->start_ns;
}

/* Appends an edge; every edge flips the level, so callers only keep the order. */
static void push_edge(gen_t *g, int64_t t_ns)
{
    g_assert(t_ns > last_edge_ns(g));
    g_array_append_val(g->trace->edges, t_ns);
    g->trace->end_ns = t_ns;
}

static void note_draw(gen_t *g, trace_gen_draw_t draw)
{
    if (g->draws != NULL) {
        g->draws[g->n_draws] = (guint8)draw;
    }
    g->n_draws++;
}

/* The top slice of a bounce's tail: [its start, bounce_max_ns]. */
static int64_t top_start_ns(const trace_gen_bounce_t *b, const trace_gen_tilt_t *tilt, int64_t hi)
{
    return b->bounce_max_ns - (b->bounce_max_ns - hi) / (int64_t)tilt->top_fraction;
}

/* The model's chance of a tail draw. */
static double tail_share(const trace_gen_bounce_t *b)
{
    return b->dist.n > 0 ? 1.0 - b->dist.tail_above : b->worst_rate;
}

/* A draw from a fitted distribution, tilted or not. The tilt works on the
 * tail's probability v: its top slice is v >= 1 - 1/top_fraction. */
static int64_t draw_dist_ns(gen_t *g, const trace_gen_bounce_t *b)
{
    const trace_gen_dist_t *d = &b->dist;
    double top = 1.0 - 1.0 / (double)g->tilt->top_fraction, v;

    if (trace_rng_unit(&g->rng) >= trace_gen_tilt_tail_prob(b, g->tilt)) {
        note_draw(g, TRACE_GEN_DRAW_BODY);
        return trace_tail_quantile_ns(d, trace_rng_unit(&g->rng) * d->tail_above);
    }
    v = trace_rng_unit(&g->rng) < g->tilt->top_prob ? top + trace_rng_unit(&g->rng) * (1.0 - top)
                                                    : trace_rng_unit(&g->rng);
    note_draw(g, v >= top ? TRACE_GEN_DRAW_TOP : TRACE_GEN_DRAW_TAIL);
    return trace_tail_tail_ns(d, v);
}

/* A draw from the tilted proposal (trace_gen.h), noting its class. */
static int64_t draw_tilted_ns(gen_t *g, const trace_gen_bounce_t *b, int64_t lo, int64_t hi)
{
    int64_t top = top_start_ns(b, g->tilt, hi), x;

    if (trace_rng_unit(&g->rng) >= trace_gen_tilt_tail_prob(b, g->tilt)) {
        note_draw(g, TRACE_GEN_DRAW_BODY);
        return trace_rng_between(&g->rng, lo, hi);
    }
    x = trace_rng_unit(&g->rng) < g->tilt->top_prob
            ? trace_rng_between(&g->rng, top, b->bounce_max_ns)
            : trace_rng_between(&g->rng, hi, b->bounce_max_ns);
    note_draw(g, x >= top ? TRACE_GEN_DRAW_TOP : TRACE_GEN_DRAW_TAIL);
    return x;
}

gboolean trace_gen_tilt_applies(const trace_gen_bounce_t *b)
{
    int64_t hi = MIN(b->bounce_ns + b->bounce_ns / 2, b->bounce_max_ns);
    if (b->dist.n > 0) {
        return TRUE;
    }
    return b->bounce_ns > 0 && b->worst_rate > 0.0 && b->worst_rate < 1.0 && b->bounce_max_ns > hi;
}

double trace_gen_tilt_tail_prob(const trace_gen_bounce_t *b, const trace_gen_tilt_t *tilt)
{
    return MAX(tilt->tail_prob, tail_share(b));
}

double trace_gen_tilt_weight(const trace_gen_bounce_t *b, const trace_gen_tilt_t *tilt,
                             trace_gen_draw_t draw)
{
    double q = trace_gen_tilt_tail_prob(b, tilt), r = tilt->top_prob;
    int64_t hi = MIN(b->bounce_ns + b->bounce_ns / 2, b->bounce_max_ns);
    double tail_values, top_values;

    if (!trace_gen_tilt_applies(b)) {
        return 1.0;
    }
    if (b->dist.n > 0) { /* v uniform on [0, 1) against the tilt's density of v */
        double w = tail_share(b);
        switch (draw) {
        case TRACE_GEN_DRAW_BODY:
            return (1.0 - w) / (1.0 - q);
        case TRACE_GEN_DRAW_TAIL:
            return w / (q * (1.0 - r));
        default:
            return w / (q * ((1.0 - r) + r * (double)tilt->top_fraction));
        }
    }
    /* draws are integers of ns, uniform over the values of their range */
    tail_values = (double)(b->bounce_max_ns - hi) + 1.0;
    top_values = (double)(b->bounce_max_ns - top_start_ns(b, tilt, hi)) + 1.0;
    switch (draw) {
    case TRACE_GEN_DRAW_BODY:
        return (1.0 - b->worst_rate) / (1.0 - q);
    case TRACE_GEN_DRAW_TAIL:
        return b->worst_rate / (q * (1.0 - r));
    default:
        return (b->worst_rate / tail_values) / (q * ((1.0 - r) / tail_values + r / top_values));
    }
}

static int64_t draw_bounce_ns(gen_t *g, const trace_gen_bounce_t *b)
{
    int64_t lo, hi;
    gboolean tail;

    if (b->dist.n > 0) {
        if (g->tilt != NULL) {
            return draw_dist_ns(g, b);
        }
        return trace_tail_quantile_ns(&b->dist, trace_rng_unit(&g->rng));
    }
    if (b->bounce_ns == 0 || (g->tilt != NULL && !trace_gen_tilt_applies(b))) {
        if (g->tilt != NULL) {
            note_draw(g, TRACE_GEN_DRAW_BODY); /* weight 1: drawn from the model */
        }
        if (b->bounce_ns == 0) {
            return 0;
        }
    }
    lo = b->bounce_ns / 2;
    hi = MIN(b->bounce_ns + b->bounce_ns / 2, b->bounce_max_ns);
    if (g->tilt != NULL && trace_gen_tilt_applies(b)) {
        return draw_tilted_ns(g, b, lo, hi);
    }
    tail = trace_rng_unit(&g->rng) < b->worst_rate;
    if (tail && b->bounce_max_ns > hi) {
        return trace_rng_between(&g->rng, hi, b->bounce_max_ns);
    }
    return trace_rng_between(&g->rng, lo, hi);
}

/*
 * One transition starting at t0 (its first edge): a burst of 2k intervals
 * spanning exactly the drawn bounce, or a single edge. The new level holds
 * from its last edge.
 */
static void add_transition(gen_t *g, const trace_gen_bounce_t *b, int64_t t0)
{
    int64_t bounce = draw_bounce_ns(g, b);
    g_autofree guint64 *weight = NULL;
    guint64 total = 0, cum = 0, q, r;
    int64_t extra;
    guint64 k, n;

    if (bounce == 0 || bounce < 2 * b->min_pulse_ns) {
        push_edge(g, t0);
        return;
    }
    k = (guint64)trace_rng_between(&g->rng, 1, 2 * (int64_t)b->pulses - 1);
    k = MIN(k, (guint64)(bounce / (2 * b->min_pulse_ns)));
    n = 2 * k;
    weight = g_new(guint64, n);
    for (guint64 i = 0; i < n; i++) {
        /* falls linearly from ENVELOPE_SCALE to ENVELOPE_SCALE / FALL */
        guint64 envelope =
            ENVELOPE_SCALE -
            (ENVELOPE_SCALE - ENVELOPE_SCALE / TRACE_GEN_ENVELOPE_FALL) * i / (n - 1);
        weight[i] = envelope * trace_rng_below(&g->rng, WEIGHT_LEVELS);
        total += weight[i];
    }
    if (total == 0) { /* every weight drew 0: share the rest evenly */
        for (guint64 i = 0; i < n; i++) {
            weight[i] = 1;
        }
        total = n;
    }
    /* edge j sits at j * min_pulse + floor(extra * cum_j / total), computed
     * as q * cum + r * cum / total so nothing overflows (r, cum < 2^32) */
    extra = bounce - (int64_t)n * b->min_pulse_ns;
    q = (guint64)extra / total;
    r = (guint64)extra % total;
    push_edge(g, t0);
    for (guint64 j = 1; j <= n; j++) {
        cum += weight[j - 1];
        push_edge(g, t0 + (int64_t)j * b->min_pulse_ns + (int64_t)(q * cum + r * cum / total));
    }
    g_assert(last_edge_ns(g) == t0 + bounce);
}

/* EMI glitches within the settled stretch from the last edge to `until_ns`. */
static void add_glitches(gen_t *g, int64_t until_ns)
{
    const trace_gen_params_t *p = g->params;
    int64_t lo = last_edge_ns(g) + p->glitch_guard_ns;
    int64_t hi = until_ns - p->glitch_guard_ns;
    int64_t t = lo;

    if (p->glitch_rate_hz <= 0.0 || hi <= lo) {
        return;
    }
    for (;;) {
        double wait = trace_rng_exponential(&g->rng) * g->glitch_mean_ns;
        int64_t width;

        if (wait >= (double)(hi - t)) {
            return;
        }
        t += (int64_t)wait;
        width = trace_rng_between(&g->rng, 1, p->glitch_width_ns);
        t = MAX(t, last_edge_ns(g) + 1); /* two edges never share an instant */
        if (t + width > hi || t + width >= until_ns) {
            return;
        }
        push_edge(g, t);
        push_edge(g, t + width);
        t += width;
    }
}

/* A settled stretch of a drawn length, with its glitches; returns its end. */
static int64_t add_settled(gen_t *g, int64_t min_ns, int64_t max_ns)
{
    int64_t until = last_edge_ns(g) + trace_rng_between(&g->rng, min_ns, max_ns);

    add_glitches(g, until);
    return until;
}

trace_t *trace_gen(const trace_gen_params_t *params, guint64 seed, guint presses,
                   gboolean active_low, const char *name, GError **error)
{
    return trace_gen_tilted(params, NULL, seed, presses, active_low, name, NULL, error);
}

trace_t *trace_gen_tilted(const trace_gen_params_t *params, const trace_gen_tilt_t *tilt,
                          guint64 seed, guint presses, gboolean active_low, const char *name,
                          guint8 *draws, GError **error)
{
    gen_t g = {.params = params, .tilt = tilt};

    g.draws = draws; /* written through by note_draw() */

    if (!trace_gen_validate(params, presses, error)) {
        return NULL;
    }
    /* released is high with a pull-up (active low), low with a pull-down */
    g.trace = trace_new(name, active_low != FALSE, active_low, 0);
    g.trace->truth = g_array_new(FALSE, FALSE, sizeof(trace_interval_t));
    trace_rng_seed(&g.rng, seed);
    g.glitch_mean_ns = params->glitch_rate_hz > 0.0 ? 1e9 / params->glitch_rate_hz : 0.0;

    /* each settled stretch runs from the last edge so far (or 0) */
    for (guint i = 0; i < presses; i++) {
        int64_t press_ns = add_settled(&g, params->gap_min_ns, params->gap_max_ns);
        int64_t release_ns;

        add_transition(&g, &params->make, press_ns);
        release_ns = add_settled(&g, params->hold_min_ns, params->hold_max_ns);
        add_transition(&g, &params->brk, release_ns);
        trace_add_truth(g.trace, press_ns, release_ns);
    }
    g.trace->end_ns = add_settled(&g, params->gap_min_ns, params->gap_max_ns);
    return g.trace;
}

/* ---- validation ---------------------------------------------------------- */

static gboolean check_duration(const char *option, int64_t ns, int64_t min_ns, GError **error)
{
    g_autofree char *text = util_format_duration(MAX(ns, 0));
    g_autofree char *min_text = util_format_duration(min_ns);

    if (ns < min_ns) {
        g_set_error(error, TRACE_ERROR, TRACE_ERROR_INVALID, "%s must be at least %s", option,
                    min_text);
        return FALSE;
    }
    if (ns > TRACE_GEN_DURATION_MAX_NS) {
        g_set_error(error, TRACE_ERROR, TRACE_ERROR_INVALID,
                    "%s (%s) is longer than the limit of 1 hour", option, text);
        return FALSE;
    }
    return TRUE;
}

static gboolean check_range(const char *min_option, int64_t min_ns, const char *max_option,
                            int64_t max_ns, GError **error)
{
    if (max_ns < min_ns) {
        g_autofree char *min_text = util_format_duration(min_ns);
        g_autofree char *max_text = util_format_duration(max_ns);
        g_set_error(error, TRACE_ERROR, TRACE_ERROR_INVALID, "%s (%s) is shorter than %s (%s)",
                    max_option, max_text, min_option, min_text);
        return FALSE;
    }
    return TRUE;
}

static gboolean check_bounce(const char *kind, const trace_gen_bounce_t *b, GError **error)
{
    g_autofree char *bounce = g_strdup_printf("%s-bounce", kind);
    g_autofree char *bounce_max = g_strdup_printf("%s-bounce-max", kind);
    g_autofree char *min_pulse = g_strdup_printf("%s-min-pulse", kind);
    gboolean bounces = b->bounce_ns > 0;

    if (!check_duration(bounce, b->bounce_ns, 0, error) ||
        !check_duration(bounce_max, b->bounce_max_ns, 0, error) ||
        !check_range(bounce, b->bounce_ns, bounce_max, b->bounce_max_ns, error) ||
        !check_duration(min_pulse, b->min_pulse_ns, bounces ? 1 : 0, error)) {
        return FALSE;
    }
    if (!(b->worst_rate >= 0.0 && b->worst_rate <= 1.0)) {
        g_set_error(error, TRACE_ERROR, TRACE_ERROR_INVALID,
                    "%s-worst-rate must be between 0 and 1 (got %g)", kind, b->worst_rate);
        return FALSE;
    }
    if (b->pulses < (bounces ? 1 : 0) || b->pulses > TRACE_GEN_PULSES_MAX) {
        g_set_error(error, TRACE_ERROR, TRACE_ERROR_INVALID,
                    "%s-pulses must be between %d and %d (got %d)", kind, bounces ? 1 : 0,
                    TRACE_GEN_PULSES_MAX, b->pulses);
        return FALSE;
    }
    if (b->dist.n > 0 && !bounces) {
        g_set_error(error, TRACE_ERROR, TRACE_ERROR_INVALID,
                    "%s-quantiles-ns needs %s above 0 (rebounds are drawn from its pulses)", kind,
                    bounce);
        return FALSE;
    }
    return trace_tail_validate(&b->dist, kind, error);
}

gboolean trace_gen_validate(const trace_gen_params_t *p, guint presses, GError **error)
{
    guint64 cycle_ns, total_ns;
    double edges;

    if (presses < 1 || presses > TRACE_GEN_PRESSES_MAX) {
        g_set_error(error, TRACE_ERROR, TRACE_ERROR_INVALID,
                    "presses must be between 1 and %u (got %u)", TRACE_GEN_PRESSES_MAX, presses);
        return FALSE;
    }
    if (!check_bounce("make", &p->make, error) || !check_bounce("break", &p->brk, error) ||
        !check_duration("hold-min", p->hold_min_ns, 1, error) ||
        !check_duration("hold-max", p->hold_max_ns, 1, error) ||
        !check_range("hold-min", p->hold_min_ns, "hold-max", p->hold_max_ns, error) ||
        !check_duration("gap-min", p->gap_min_ns, 1, error) ||
        !check_duration("gap-max", p->gap_max_ns, 1, error) ||
        !check_range("gap-min", p->gap_min_ns, "gap-max", p->gap_max_ns, error) ||
        !check_duration("glitch-guard", p->glitch_guard_ns, 0, error)) {
        return FALSE;
    }
    if (!(p->glitch_rate_hz >= 0.0 && p->glitch_rate_hz <= TRACE_GEN_GLITCH_RATE_MAX_HZ)) {
        g_set_error(error, TRACE_ERROR, TRACE_ERROR_INVALID,
                    "glitch-rate must be between 0 and %g per second (got %g)",
                    TRACE_GEN_GLITCH_RATE_MAX_HZ, p->glitch_rate_hz);
        return FALSE;
    }
    if (!check_duration("glitch-width", p->glitch_width_ns, p->glitch_rate_hz > 0.0 ? 1 : 0,
                        error)) {
        return FALSE;
    }
    /* every duration is at most an hour and presses at most a million, so
     * this worst case fits in 64 unsigned bits; it must fit in int64_t ns */
    cycle_ns = (guint64)MAX(p->make.bounce_max_ns, p->make.dist.cap_ns) + (guint64)p->hold_max_ns +
               (guint64)MAX(p->brk.bounce_max_ns, p->brk.dist.cap_ns) + (guint64)p->gap_max_ns;
    total_ns = cycle_ns * presses + (guint64)p->gap_max_ns + (guint64)p->glitch_guard_ns +
               (guint64)p->glitch_width_ns; /* room for glitch maths past the end */
    if (total_ns > (guint64)G_MAXINT64) {
        g_set_error(error, TRACE_ERROR, TRACE_ERROR_INVALID,
                    "%u presses of up to %.0f s each would overflow the time axis", presses,
                    (double)cycle_ns / 1e9);
        return FALSE;
    }
    /* at most 4 * pulses - 1 edges per transition, plus two per glitch */
    edges = (double)presses * (4.0 * p->make.pulses + 4.0 * p->brk.pulses + 2.0) +
            2.0 * p->glitch_rate_hz * (double)total_ns / 1e9;
    if (edges > TRACE_GEN_EDGES_MAX) {
        g_set_error(error, TRACE_ERROR, TRACE_ERROR_INVALID,
                    "these parameters could make %.3g edges, over the limit of %.3g; use fewer "
                    "presses, pulses or glitches",
                    edges, TRACE_GEN_EDGES_MAX);
        return FALSE;
    }
    return TRUE;
}
