/*
 * The bounce generator: reproducibility, the shape of its traces, and its
 * output statistics against each profile's parameters.
 *
 * Statistics are measured from the trace and its truth alone (edge times),
 * never from the generator's internals, over 1000 presses, so 1000 makes and
 * 1000 breaks. Each check allows four standard deviations of the statistic,
 * worked out from the distribution trace_gen.h documents; the seed is fixed,
 * so a pass is reproducible, and the width says any other seed would pass
 * with overwhelming odds (a 4-sd miss is under 1 in 15000).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "trace_error.h"
#include "trace_gen.h"
#include "trace_io.h"

#define STAT_PRESSES 1000u
#define STAT_SEED    G_GUINT64_CONSTANT(2024)

/* ---- measuring a generated trace ---------------------------------------- */

/* What one kind of transition looked like, one entry per transition. */
typedef struct {
    GArray *duration; /* int64_t: first to last edge of the burst */
    GArray *edges;    /* guint: edges in the burst */
    int64_t shortest; /* shortest interval inside any burst (G_MAXINT64: none) */
    GArray *bursts;   /* GArray* of int64_t intervals, one per burst of 2+ edges */
} side_t;

typedef struct {
    side_t make, brk;
    GArray *hold; /* int64_t: last make edge to release */
    GArray *gap;  /* int64_t: settled released stretches, the first and the last too */
} measured_t;

static void side_init(side_t *s)
{
    s->duration = g_array_new(FALSE, FALSE, sizeof(int64_t));
    s->edges = g_array_new(FALSE, FALSE, sizeof(guint));
    s->shortest = G_MAXINT64;
    s->bursts = g_array_new(FALSE, FALSE, sizeof(GArray *));
}

static void side_clear(side_t *s)
{
    for (guint i = 0; i < s->bursts->len; i++) {
        g_array_unref(g_array_index(s->bursts, GArray *, i));
    }
    g_array_unref(s->bursts);
    g_array_unref(s->duration);
    g_array_unref(s->edges);
}

static void measured_clear(measured_t *m)
{
    side_clear(&m->make);
    side_clear(&m->brk);
    g_array_unref(m->hold);
    g_array_unref(m->gap);
}

/* First edge index at or after t_ns. */
static gsize first_at(const trace_t *t, int64_t t_ns)
{
    return trace_edges_upto(t, t_ns - 1);
}

/* Records the burst made of edges [a, b). */
static void side_add(side_t *s, const trace_t *t, gsize a, gsize b)
{
    int64_t d = trace_edge_ns(t, b - 1) - trace_edge_ns(t, a);
    guint n = (guint)(b - a);

    g_array_append_val(s->duration, d);
    g_array_append_val(s->edges, n);
    if (n >= 2) {
        GArray *iv = g_array_new(FALSE, FALSE, sizeof(int64_t));
        for (gsize i = a + 1; i < b; i++) {
            int64_t w = trace_edge_ns(t, i) - trace_edge_ns(t, i - 1);
            g_array_append_val(iv, w);
            s->shortest = MIN(s->shortest, w);
        }
        g_array_append_val(s->bursts, iv);
    }
}

/* Splits a glitch-free trace at its truth: every edge belongs to a burst. */
static void measure(const trace_t *t, measured_t *m)
{
    gsize n = trace_n_truth(t);
    int64_t first_gap = trace_truth_at(t, 0)->press_ns - t->start_ns;

    side_init(&m->make);
    side_init(&m->brk);
    m->hold = g_array_new(FALSE, FALSE, sizeof(int64_t));
    m->gap = g_array_new(FALSE, FALSE, sizeof(int64_t));
    g_array_append_val(m->gap, first_gap);
    for (gsize i = 0; i < n; i++) {
        const trace_interval_t *iv = trace_truth_at(t, i);
        gsize a = first_at(t, iv->press_ns);
        gsize b = first_at(t, iv->release_ns);
        gsize c = i + 1 < n ? first_at(t, trace_truth_at(t, i + 1)->press_ns) : trace_n_edges(t);
        int64_t hold = iv->release_ns - trace_edge_ns(t, b - 1);
        int64_t gap =
            (i + 1 < n ? trace_truth_at(t, i + 1)->press_ns : t->end_ns) - trace_edge_ns(t, c - 1);

        side_add(&m->make, t, a, b);
        side_add(&m->brk, t, b, c);
        g_array_append_val(m->hold, hold);
        g_array_append_val(m->gap, gap);
    }
}

static int cmp_int64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

static double mean_int64(const GArray *a)
{
    double sum = 0.0;
    for (guint i = 0; i < a->len; i++) {
        sum += (double)g_array_index(a, int64_t, i);
    }
    return sum / a->len;
}

static trace_t *generate(const trace_gen_params_t *p, guint64 seed, guint presses)
{
    g_autoptr(GError) error = NULL;
    trace_t *t = trace_gen(p, seed, presses, TRUE, "t", &error);

    if (t == NULL) {
        fail_msg("trace_gen: %s", error->message);
    }
    return t;
}

static trace_gen_params_t without_glitches(const trace_gen_params_t *p)
{
    trace_gen_params_t q = *p;
    q.glitch_rate_hz = 0.0;
    return q;
}

/* ---- reproducibility ----------------------------------------------------- */

static char *file_sha256(const char *path)
{
    g_autofree char *contents = NULL;
    gsize len = 0;

    assert_true(g_file_get_contents(path, &contents, &len, NULL));
    return g_compute_checksum_for_data(G_CHECKSUM_SHA256, (const guchar *)contents, len);
}

static void same_seed_same_file(void **state)
{
    /*
     * Regression pin: noisy (bounce on make and break, the long tail,
     * glitches), 8 presses, seed 42. The generator uses integer arithmetic
     * and IEEE + - * / only, so these bytes must come out on any machine; if
     * a deliberate change to the generator alters them, update the sums and
     * regenerate traces/ with scripts/make-traces.sh.
     */
    const char *trace_sum = "057dc0dbef1c7942550e22bc6231403d457b5608c0d560089cbdb6416c8897b7";
    const char *truth_sum = "d95228999704fa3fb0aa4a00887024ff252ca13b0e1459d9145ca7260767f99c";
    g_autofree char *dir = g_dir_make_tmp("gen-XXXXXX", NULL);
    g_autofree char *path = g_build_filename(dir, "noisy.csv", NULL);
    g_autofree char *truth_path = trace_truth_path(path);
    g_autoptr(trace_t) t = NULL;
    g_autoptr(GError) error = NULL;
    g_autofree char *got_trace = NULL, *got_truth = NULL;
    (void)state;

    t = generate(&trace_gen_profile_find("noisy")->params, 42, 8);
    assert_true(trace_write_csv(t, path, &error));
    got_trace = file_sha256(path);
    got_truth = file_sha256(truth_path);
    g_unlink(path);
    g_unlink(truth_path);
    g_rmdir(dir);
    assert_string_equal(got_trace, trace_sum);
    assert_string_equal(got_truth, truth_sum);
}

static gboolean same_edges(const trace_t *a, const trace_t *b)
{
    if (trace_n_edges(a) != trace_n_edges(b) || a->end_ns != b->end_ns) {
        return FALSE;
    }
    for (gsize i = 0; i < trace_n_edges(a); i++) {
        if (trace_edge_ns(a, i) != trace_edge_ns(b, i)) {
            return FALSE;
        }
    }
    return TRUE;
}

static void seeds_decide_the_trace(void **state)
{
    const trace_gen_params_t *p = &trace_gen_profile_find("tactile")->params;
    g_autoptr(trace_t) a = generate(p, 5, 50);
    g_autoptr(trace_t) b = generate(p, 5, 50);
    g_autoptr(trace_t) c = generate(p, 6, 50);
    g_autoptr(GError) error = NULL;
    g_autoptr(trace_t) high = trace_gen(p, 5, 50, FALSE, "t", &error);
    (void)state;

    assert_true(same_edges(a, b));
    assert_false(same_edges(a, c));
    /* the wiring only flips the levels: same instants, pressed reads high */
    assert_true(same_edges(a, high));
    assert_true(a->initial_level == TRUE && a->active_low);
    assert_true(high->initial_level == FALSE && !high->active_low);
}

/* ---- the shape every trace has ------------------------------------------- */

static void check_invariants(const trace_t *t, guint presses)
{
    gboolean pressed = trace_pressed_level(t);
    gsize n = trace_n_edges(t);

    assert_int_equal(t->start_ns, 0);
    assert_true(t->initial_level == !pressed);     /* starts released */
    assert_true(trace_final_level(t) == !pressed); /* ends released */
    assert_true(n > 0 && trace_edge_ns(t, 0) > t->start_ns);
    assert_true(t->end_ns > trace_edge_ns(t, n - 1));
    for (gsize i = 1; i < n; i++) {
        assert_true(trace_edge_ns(t, i) > trace_edge_ns(t, i - 1));
    }
    assert_int_equal(trace_n_truth(t), presses);
    for (gsize i = 0; i < presses; i++) {
        const trace_interval_t *iv = trace_truth_at(t, i);
        gsize p = first_at(t, iv->press_ns), r = first_at(t, iv->release_ns);

        assert_true(iv->press_ns < iv->release_ns);
        if (i + 1 < presses) {
            assert_true(iv->release_ns < trace_truth_at(t, i + 1)->press_ns);
        }
        /* both are edges: the press edge goes to pressed, the release edge to released */
        assert_true(p < n && trace_edge_ns(t, p) == iv->press_ns);
        assert_true(r < n && trace_edge_ns(t, r) == iv->release_ns);
        assert_true(trace_level_after(t, p) == pressed);
        assert_true(trace_level_after(t, r) == !pressed);
    }
}

static void every_profile_keeps_the_invariants(void **state)
{
    gsize n = 0;
    const trace_gen_profile_t *profiles = trace_gen_profiles(&n);
    (void)state;

    for (gsize i = 0; i < n; i++) {
        for (int low = 0; low <= 1; low++) {
            g_autoptr(GError) error = NULL;
            g_autoptr(trace_t) t = trace_gen(&profiles[i].params, 99, 200, low, "t", &error);
            assert_non_null(t);
            check_invariants(t, 200);
        }
    }
}

/* ---- statistics against the parameters ---------------------------------- */

/*
 * Bounce durations: a transition draws D uniformly in [lo, hi] (lo = typ/2,
 * hi = min(3 typ/2, max)) with probability 1 - p, else in [hi, max], where
 * p = worst_rate when max > hi (else 0).
 *  - every D lies in [lo, max];
 *  - the tail share (D > hi) is binomial: p +- 4 sqrt(p (1 - p) / n);
 *  - the median sits in the uniform part at lo + (hi - lo) * 0.5 / (1 - p);
 *    the sample median's CDF position has sd sqrt(0.25 / n), which the
 *    density (1 - p) / (hi - lo) turns into 4 * 0.5 / sqrt(n) * (hi - lo) / (1 - p).
 * Edges: k rebounds uniform in [1, 2m - 1] (N = 2m - 1 values) make 2k + 1
 * edges, mean 2m + 1, variance 4 (N^2 - 1) / 12; the mean of n has 4 sd of
 * 4 sqrt(var / n). Holds only if no burst is cut for lack of room (lo >=
 * 2 N min_pulse), which the profile is checked for first.
 */
static void check_side(const char *what, const side_t *s, const trace_gen_bounce_t *b)
{
    double n = s->duration->len;
    g_autoptr(GArray) sorted = g_array_copy(s->duration);
    int64_t lo = b->bounce_ns / 2;
    int64_t hi = MIN(b->bounce_ns + b->bounce_ns / 2, b->bounce_max_ns);
    double p = b->bounce_max_ns > hi ? b->worst_rate : 0.0;
    double tail = 0.0, median, expected_median, edges_mean = 0.0;
    double values = 2.0 * b->pulses - 1.0;
    double edges_var = 4.0 * (values * values - 1.0) / 12.0;

    if (b->bounce_ns == 0) {
        for (guint i = 0; i < s->edges->len; i++) {
            assert_int_equal(g_array_index(s->edges, guint, i), 1);
        }
        return;
    }
    assert_true(lo >= 2 * (int64_t)values * b->min_pulse_ns);
    g_array_sort(sorted, cmp_int64);
    assert_true(g_array_index(sorted, int64_t, 0) >= lo);
    assert_true(g_array_index(sorted, int64_t, sorted->len - 1) <= b->bounce_max_ns);
    for (guint i = 0; i < sorted->len; i++) {
        tail += g_array_index(sorted, int64_t, i) > hi;
    }
    tail /= n;
    median = (double)g_array_index(sorted, int64_t, sorted->len / 2);
    expected_median = (double)lo + (double)(hi - lo) * 0.5 / (1.0 - p);
    print_message("  %s: tail %.3f (p %.3f), median %.0f ns (expected %.0f)", what, tail, p, median,
                  expected_median);
    assert_true(fabs(tail - p) <= 4.0 * sqrt(p * (1.0 - p) / n));
    assert_true(fabs(median - expected_median) <=
                4.0 * 0.5 / sqrt(n) * (double)(hi - lo) / (1.0 - p));

    for (guint i = 0; i < s->edges->len; i++) {
        guint e = g_array_index(s->edges, guint, i);
        assert_true(e % 2 == 1 && e >= 3 && e <= 4u * (guint)b->pulses - 1u);
        edges_mean += e;
    }
    edges_mean /= n;
    print_message(", edges %.2f (expected %d)", edges_mean, 2 * b->pulses + 1);
    assert_true(fabs(edges_mean - (2.0 * b->pulses + 1.0)) <= 4.0 * sqrt(edges_var / n));
    assert_true(s->shortest >= b->min_pulse_ns);
    print_message(", shortest %" G_GINT64_FORMAT " ns\n", s->shortest);
}

/* Settled stretches are uniform in [min, max]: mean +- 4 (max - min) / sqrt(12 n). */
static void check_uniform(const GArray *a, int64_t min, int64_t max)
{
    for (guint i = 0; i < a->len; i++) {
        int64_t x = g_array_index(a, int64_t, i);
        assert_true(x >= min && x <= max);
    }
    assert_true(fabs(mean_int64(a) - ((double)min + (double)max) / 2.0) <=
                4.0 * (double)(max - min) / sqrt(12.0 * a->len));
}

static void statistics_match_every_profile(void **state)
{
    gsize n = 0;
    const trace_gen_profile_t *profiles = trace_gen_profiles(&n);
    (void)state;

    for (gsize i = 0; i < n; i++) {
        trace_gen_params_t p = without_glitches(&profiles[i].params);
        g_autoptr(trace_t) t = generate(&p, STAT_SEED, STAT_PRESSES);
        measured_t m;

        print_message("%s\n", profiles[i].name);
        measure(t, &m);
        check_side("make", &m.make, &p.make);
        check_side("break", &m.brk, &p.brk);
        check_uniform(m.hold, p.hold_min_ns, p.hold_max_ns);
        check_uniform(m.gap, p.gap_min_ns, p.gap_max_ns);
        /*
         * The shortest pulse is the floor itself: an interval is exactly
         * min_pulse whenever its weight draws 0 (1 in 1024). The keyswitch
         * has the fewest rebounds (means 4 and 2: 12 intervals a press,
         * 12000 here), so the odds of never reaching the floor are at most
         * (1023/1024)^12000 = 8e-6; the other profiles have more intervals.
         */
        if (p.make.bounce_ns > 0) {
            assert_true(p.make.min_pulse_ns == p.brk.min_pulse_ns);
            assert_int_equal(MIN(m.make.shortest, m.brk.shortest), p.make.min_pulse_ns);
        }
        measured_clear(&m);
    }
}

/*
 * Rebounds shorten as the contact settles: interval i of n gets min_pulse
 * plus a share proportional to envelope(i) * w_i, envelope falling linearly
 * from 1 to 1/5 and w_i uniform. Summed over many bursts, the first half of
 * the intervals (above the floor) carries the envelope's first-half weight:
 * for n = 4, (1 + 0.733) : (0.467 + 0.2) = 2.6, falling to 0.8 : 0.4 = 2 for
 * long bursts. So the ratio must exceed 2 minus a margin; 1.5 leaves room for
 * the randomness of a thousand bursts.
 *
 * And they are irregular: divided by its envelope, an interval is
 * proportional to w_i, uniform on {0..1023}, whose coefficient of variation
 * is 0.578; normalised by each burst's own mean (n >= 8) it lands between
 * 0.54 and 0.58. A fixed rhythm, or a fixed geometric decay, would give ~0.
 */
static void rebounds_shorten_and_are_irregular(void **state)
{
    const trace_gen_params_t *p = &trace_gen_profile_find("tactile")->params;
    g_autoptr(trace_t) t = generate(p, STAT_SEED, STAT_PRESSES);
    measured_t m;
    double first = 0.0, second = 0.0, sum = 0.0, sum2 = 0.0;
    guint count = 0;
    (void)state;

    measure(t, &m);
    for (guint b = 0; b < m.make.bursts->len; b++) {
        GArray *iv = g_array_index(m.make.bursts, GArray *, b);
        guint n = iv->len;
        double burst_mean = 0.0;
        g_autofree double *r = g_new(double, n);

        for (guint i = 0; i < n; i++) {
            double above = (double)(g_array_index(iv, int64_t, i) - p->make.min_pulse_ns);
            if (n >= 4 && i < n / 2) {
                first += above;
            } else if (n >= 4) {
                second += above;
            }
            r[i] = above / (1.0 - (1.0 - 1.0 / TRACE_GEN_ENVELOPE_FALL) * i / (n - 1));
            burst_mean += r[i] / n;
        }
        if (n < 8) {
            continue;
        }
        for (guint i = 0; i < n; i++) {
            sum += r[i] / burst_mean;
            sum2 += (r[i] / burst_mean) * (r[i] / burst_mean);
            count++;
        }
    }
    {
        double mean = sum / count;
        double cv = sqrt(sum2 / count - mean * mean) / mean;
        print_message("first/second half %.2f, cv %.3f over %u intervals\n", first / second, cv,
                      count);
        assert_true(first > 1.5 * second);
        assert_true(cv > 0.45 && cv < 0.65);
    }
    measured_clear(&m);
}

/*
 * Glitches alone: the noisy profile with its bounce turned off, so every edge
 * but the press and release edges belongs to a glitch. Arrivals are Poisson
 * at glitch_rate per second of settled time; with no guard and zero-length
 * bursts, settled time is the whole trace (less the glitches' own width, 100
 * ns each, negligible). Count: mu = rate * T, 4 sd = 4 sqrt(mu). Widths are
 * uniform on [1, W]: every one in range, mean (W + 1) / 2 +- 4 W / sqrt(12 N).
 * With a guard G, no glitch edge comes within G of a press or release edge,
 * and the window shrinks by 2G per stretch.
 */
static void glitches_arrive_at_their_rate(void **state)
{
    trace_gen_params_t p = trace_gen_profile_find("noisy")->params;
    (void)state;

    p.make.bounce_ns = p.make.bounce_max_ns = 0;
    p.brk.bounce_ns = p.brk.bounce_max_ns = 0;
    for (int guarded = 0; guarded <= 1; guarded++) {
        g_autoptr(trace_t) t = NULL;
        double glitches = 0.0, width_sum = 0.0, window_s, mu;
        int64_t last_truth = G_MININT64 / 2, pending = -1, closest = G_MAXINT64;
        gsize next = 0; /* truth edges in order: press 0, release 0, press 1, ... */

        p.glitch_guard_ns = guarded ? 20 * INT64_C(1000000) : 0;
        t = generate(&p, STAT_SEED, STAT_PRESSES);
        for (gsize i = 0; i < trace_n_edges(t); i++) {
            int64_t e = trace_edge_ns(t, i);
            const trace_interval_t *iv =
                next / 2 < trace_n_truth(t) ? trace_truth_at(t, next / 2) : NULL;
            if (iv != NULL && e == (next % 2 == 0 ? iv->press_ns : iv->release_ns)) {
                assert_true(pending < 0); /* a glitch never spans a transition */
                if (i > 0) {
                    closest = MIN(closest, e - trace_edge_ns(t, i - 1));
                }
                last_truth = e;
                next++;
            } else if (pending < 0) {
                pending = e;
                closest = MIN(closest, e - last_truth);
            } else {
                int64_t w = e - pending;
                assert_true(w >= 1 && w <= p.glitch_width_ns);
                width_sum += (double)w;
                glitches += 1.0;
                pending = -1;
            }
        }
        assert_int_equal(next, 2 * STAT_PRESSES);
        /* settled stretches: 2 per press plus the last gap, each less 2 guards */
        window_s =
            ((double)t->end_ns - (2.0 * STAT_PRESSES + 1.0) * 2.0 * (double)p.glitch_guard_ns) /
            1e9;
        mu = p.glitch_rate_hz * window_s;
        print_message("guard %d: %.0f glitches, expected %.0f; mean width %.1f ns\n", guarded,
                      glitches, mu, width_sum / glitches);
        assert_true(fabs(glitches - mu) <= 4.0 * sqrt(mu));
        assert_true(fabs(width_sum / glitches - ((double)p.glitch_width_ns + 1.0) / 2.0) <=
                    4.0 * (double)p.glitch_width_ns / sqrt(12.0 * glitches));
        if (guarded) {
            assert_true(closest >= p.glitch_guard_ns);
        }
    }
}

/* ---- edge cases of the model --------------------------------------------- */

static void short_bounces_collapse_and_long_ones_are_capped(void **state)
{
    trace_gen_params_t p = trace_gen_profile_find("clean")->params;
    const int64_t us = 1000;
    (void)state;

    /* D in [0.5 us, 1.5 us] < 2 * min_pulse (2 us): no room for a rebound */
    p.make = (trace_gen_bounce_t){1 * us, 1 * us, 0.0, 5, 1 * us, {0}};
    {
        g_autoptr(trace_t) t = generate(&p, 1, 100);
        assert_int_equal(trace_n_edges(t), 200);
    }
    /* D in [5 us, 15 us] with 1 us floor: at most D / 2 us = 7 rebounds, though
     * 100 are asked for; no interval under 1 us */
    p.make = (trace_gen_bounce_t){10 * us, 10 * us, 0.0, 100, 1 * us, {0}};
    {
        g_autoptr(trace_t) t = generate(&p, 1, 100);
        measured_t m;
        measure(t, &m);
        for (guint i = 0; i < m.make.edges->len; i++) {
            int64_t d = g_array_index(m.make.duration, int64_t, i);
            guint e = g_array_index(m.make.edges, guint, i);
            assert_true(e >= 3 && (int64_t)(e - 1) * us <= d && e <= 15);
        }
        assert_true(m.make.shortest >= 1 * us);
        measured_clear(&m);
    }
}

/* ---- validation ---------------------------------------------------------- */

typedef struct {
    const char *what;
    void (*spoil)(trace_gen_params_t *p);
    guint presses;
    const char *message; /* a part of the error */
} bad_case_t;

static void make_max_short(trace_gen_params_t *p)
{
    p->make.bounce_max_ns = p->make.bounce_ns - 1;
}
static void make_rate_high(trace_gen_params_t *p)
{
    p->make.worst_rate = 1.5;
}
static void make_rate_nan(trace_gen_params_t *p)
{
    p->make.worst_rate = NAN;
}
static void make_no_pulses(trace_gen_params_t *p)
{
    p->make.pulses = 0;
}
static void make_many_pulses(trace_gen_params_t *p)
{
    p->make.pulses = TRACE_GEN_PULSES_MAX + 1;
}
static void make_no_floor(trace_gen_params_t *p)
{
    p->make.min_pulse_ns = 0;
}
static void break_max_short(trace_gen_params_t *p)
{
    p->brk.bounce_max_ns = 1;
}
static void hold_zero(trace_gen_params_t *p)
{
    p->hold_min_ns = 0;
}
static void hold_inverted(trace_gen_params_t *p)
{
    p->hold_max_ns = p->hold_min_ns - 1;
}
static void gap_zero(trace_gen_params_t *p)
{
    p->gap_min_ns = 0;
}
static void gap_inverted(trace_gen_params_t *p)
{
    p->gap_max_ns = p->gap_min_ns - 1;
}
static void hold_too_long(trace_gen_params_t *p)
{
    p->hold_max_ns = TRACE_GEN_DURATION_MAX_NS + 1;
}
static void rate_negative(trace_gen_params_t *p)
{
    p->glitch_rate_hz = -1.0;
}
static void rate_huge(trace_gen_params_t *p)
{
    p->glitch_rate_hz = 2e6;
}
static void glitch_no_width(trace_gen_params_t *p)
{
    p->glitch_rate_hz = 1.0;
    p->glitch_width_ns = 0;
}
static void guard_negative(trace_gen_params_t *p)
{
    p->glitch_guard_ns = -1;
}
static void nothing(trace_gen_params_t *p)
{
    (void)p;
}
static void pulses_max(trace_gen_params_t *p)
{
    p->make.pulses = TRACE_GEN_PULSES_MAX;
    p->brk.pulses = TRACE_GEN_PULSES_MAX;
}

static void bad_parameters_are_named(void **state)
{
    const bad_case_t cases[] = {
        {"max below typical", make_max_short, 10, "make-bounce-max"},
        {"worst rate over 1", make_rate_high, 10, "make-worst-rate"},
        {"worst rate NaN", make_rate_nan, 10, "make-worst-rate"},
        {"no rebounds", make_no_pulses, 10, "make-pulses"},
        {"too many rebounds", make_many_pulses, 10, "make-pulses"},
        {"no pulse floor", make_no_floor, 10, "make-min-pulse"},
        {"break max below typical", break_max_short, 10, "break-bounce-max"},
        {"zero hold", hold_zero, 10, "hold-min"},
        {"hold max below min", hold_inverted, 10, "hold-max"},
        {"zero gap", gap_zero, 10, "gap-min"},
        {"gap max below min", gap_inverted, 10, "gap-max"},
        {"over an hour", hold_too_long, 10, "hold-max"},
        {"negative glitch rate", rate_negative, 10, "glitch-rate"},
        {"glitch rate over the limit", rate_huge, 10, "glitch-rate"},
        {"glitches without width", glitch_no_width, 10, "glitch-width"},
        {"negative guard", guard_negative, 10, "glitch-guard"},
        {"no presses", nothing, 0, "presses"},
        {"too many presses", nothing, TRACE_GEN_PRESSES_MAX + 1, "presses"},
        {"too many edges", pulses_max, TRACE_GEN_PRESSES_MAX, "edges"},
    };
    (void)state;

    for (gsize i = 0; i < G_N_ELEMENTS(cases); i++) {
        trace_gen_params_t p = trace_gen_profile_find("tactile")->params;
        g_autoptr(GError) error = NULL;
        g_autoptr(trace_t) t = NULL;

        cases[i].spoil(&p);
        t = trace_gen(&p, 1, cases[i].presses, TRUE, "t", &error);
        if (t != NULL || !g_error_matches(error, TRACE_ERROR, TRACE_ERROR_INVALID) ||
            strstr(error->message, cases[i].message) == NULL) {
            fail_msg("%s: expected an error naming '%s', got %s", cases[i].what, cases[i].message,
                     error != NULL ? error->message : "a trace");
        }
    }
}

static void profiles_are_valid_and_unique(void **state)
{
    gsize n = 0;
    const trace_gen_profile_t *profiles = trace_gen_profiles(&n);
    const char *expected[] = {"clean", "tactile", "worn", "industrial", "keyswitch", "noisy"};
    (void)state;

    assert_int_equal(n, G_N_ELEMENTS(expected));
    for (gsize i = 0; i < n; i++) {
        g_autoptr(GError) error = NULL;
        assert_string_equal(profiles[i].name, expected[i]);
        assert_ptr_equal(trace_gen_profile_find(expected[i]), &profiles[i]);
        assert_true(trace_gen_validate(&profiles[i].params, STAT_PRESSES, &error));
    }
    assert_null(trace_gen_profile_find("bogus"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(same_seed_same_file),
        cmocka_unit_test(seeds_decide_the_trace),
        cmocka_unit_test(every_profile_keeps_the_invariants),
        cmocka_unit_test(statistics_match_every_profile),
        cmocka_unit_test(rebounds_shorten_and_are_irregular),
        cmocka_unit_test(glitches_arrive_at_their_rate),
        cmocka_unit_test(short_bounces_collapse_and_long_ones_are_capped),
        cmocka_unit_test(bad_parameters_are_named),
        cmocka_unit_test(profiles_are_valid_and_unique),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
