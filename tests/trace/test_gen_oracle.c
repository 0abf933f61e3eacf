/*
 * The oracle against generated traces, whose truth is known.
 *
 * The oracle confirms a change once a level holds for the settle time. On a
 * generated trace every interval inside a bounce is shorter than the bounce,
 * so shorter than the profile's largest bounce_max, and every settled
 * stretch (hold or gap) is at least hold_min or gap_min. A settle time
 * between the two (here: the largest bounce_max) must therefore recover the
 * generator's truth exactly: same presses, same instants.
 *
 * EMI glitches: a glitch is a short excursion inside a settled stretch. One
 * that ends at least `settle` before the next bounce is invisible to the
 * oracle; one closer than that makes the oracle start the change at the
 * glitch, up to settle + glitch_width early. With glitch_guard >= settle the
 * generator never places one there, and the truth is again exact.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "trace_gen.h"
#include "trace_oracle.h"

#define PRESSES 1000u
#define SEED    G_GUINT64_CONSTANT(77)

static int64_t settle_for(const trace_gen_params_t *p)
{
    int64_t settle = MAX(MAX(p->make.bounce_max_ns, p->brk.bounce_max_ns), 1);

    /* the profile must leave room for it: shorter than every settled stretch */
    assert_true(settle <= p->hold_min_ns && settle <= p->gap_min_ns);
    return settle;
}

/* Generates, runs the oracle on a copy of the trace, returns both truths. */
static void oracle_truth(const trace_gen_params_t *p, int64_t settle, GArray **truth,
                         GArray **found, trace_t **trace)
{
    g_autoptr(GError) error = NULL;
    trace_t *t = trace_gen(p, SEED, PRESSES, TRUE, "t", &error);

    assert_non_null(t);
    *truth = g_array_copy(t->truth);
    trace_oracle_fill_truth(t, settle);
    *found = g_array_copy(t->truth);
    *trace = t;
}

static void exact_for_every_profile(void **state)
{
    gsize n = 0;
    const trace_gen_profile_t *profiles = trace_gen_profiles(&n);
    (void)state;

    for (gsize i = 0; i < n; i++) {
        trace_gen_params_t p = profiles[i].params;
        g_autoptr(GArray) truth = NULL;
        g_autoptr(GArray) found = NULL;
        g_autoptr(trace_t) t = NULL;
        int64_t settle = settle_for(&p);

        p.glitch_rate_hz = 0.0; /* glitches: the tests below */
        oracle_truth(&p, settle, &truth, &found, &t);
        assert_int_equal(found->len, PRESSES);
        assert_memory_equal(found->data, truth->data, PRESSES * sizeof(trace_interval_t));
    }
}

static void exact_when_glitches_keep_the_settle_time_away(void **state)
{
    trace_gen_params_t p = trace_gen_profile_find("noisy")->params;
    g_autoptr(GArray) truth = NULL;
    g_autoptr(GArray) found = NULL;
    g_autoptr(trace_t) t = NULL;
    int64_t settle = settle_for(&p);
    (void)state;

    p.glitch_guard_ns = settle;
    oracle_truth(&p, settle, &truth, &found, &t);
    /* the glitches are there (about 5/s over ~800 s), and all ignored */
    assert_true(trace_n_edges(t) > 1000 * PRESSES / 25);
    assert_int_equal(found->len, PRESSES);
    assert_memory_equal(found->data, truth->data, PRESSES * sizeof(trace_interval_t));
}

static void glitches_just_before_a_change_pull_it_early(void **state)
{
    /*
     * noisy as it ships (no guard): a glitch lands within the settle time
     * (6.2 ms) before a transition with probability 1 - e^(-5/s * 6.2 ms) =
     * 3.1%, so about 60 of the 2000 transitions start early. Such a start is
     * a glitch edge E where the oracle's rule says a change starts: the level
     * before E held for at least settle, and from E to the true transition no
     * level holds that long (a chain of glitches can reach further back than
     * one glitch). No press is lost or invented: holds and gaps (>= 80 ms)
     * would need a dozen glitches within 80 ms to be cut into pieces all
     * under 6.2 ms.
     */
    const trace_gen_params_t *p = &trace_gen_profile_find("noisy")->params;
    g_autoptr(GArray) truth = NULL;
    g_autoptr(GArray) found = NULL;
    g_autoptr(trace_t) t = NULL;
    int64_t settle = settle_for(p);
    guint early = 0;
    (void)state;

    oracle_truth(p, settle, &truth, &found, &t);
    assert_int_equal(found->len, PRESSES);
    for (guint i = 0; i < PRESSES; i++) {
        const trace_interval_t *want = &g_array_index(truth, trace_interval_t, i);
        const trace_interval_t *got = &g_array_index(found, trace_interval_t, i);
        const int64_t got_ns[2] = {got->press_ns, got->release_ns};
        const int64_t want_ns[2] = {want->press_ns, want->release_ns};

        for (int k = 0; k < 2; k++) {
            assert_true(got_ns[k] <= want_ns[k]);
            if (got_ns[k] < want_ns[k]) {
                gsize e = trace_edges_upto(t, got_ns[k]) - 1;
                gsize w = trace_edges_upto(t, want_ns[k]) - 1;
                assert_true(trace_edge_ns(t, e) == got_ns[k] && trace_edge_ns(t, w) == want_ns[k]);
                assert_true(got_ns[k] - (e > 0 ? trace_edge_ns(t, e - 1) : t->start_ns) >= settle);
                for (gsize j = e; j < w; j++) {
                    assert_true(trace_edge_ns(t, j + 1) - trace_edge_ns(t, j) < settle);
                }
                early++;
            }
        }
    }
    print_message("%u of %u transitions start early\n", early, 2 * PRESSES);
    assert_true(early > 0 && early < 2 * PRESSES / 10);
}

static void default_settle_suits_the_short_bouncing_profiles(void **state)
{
    /* 20 ms: longer than their bounce (6.2 ms at most), shorter than their holds */
    const char *names[] = {"clean", "tactile", "keyswitch"};
    (void)state;

    for (gsize i = 0; i < G_N_ELEMENTS(names); i++) {
        const trace_gen_params_t *p = &trace_gen_profile_find(names[i])->params;
        g_autoptr(GArray) truth = NULL;
        g_autoptr(GArray) found = NULL;
        g_autoptr(trace_t) t = NULL;

        assert_true(MAX(p->make.bounce_max_ns, p->brk.bounce_max_ns) <
                        TRACE_ORACLE_SETTLE_NS_DEFAULT &&
                    TRACE_ORACLE_SETTLE_NS_DEFAULT <= MIN(p->hold_min_ns, p->gap_min_ns));
        oracle_truth(p, TRACE_ORACLE_SETTLE_NS_DEFAULT, &truth, &found, &t);
        assert_int_equal(found->len, PRESSES);
        assert_memory_equal(found->data, truth->data, PRESSES * sizeof(trace_interval_t));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(exact_for_every_profile),
        cmocka_unit_test(exact_when_glitches_keep_the_settle_time_away),
        cmocka_unit_test(glitches_just_before_a_change_pull_it_early),
        cmocka_unit_test(default_settle_suits_the_short_bouncing_profiles),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
