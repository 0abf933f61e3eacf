/*
 * The recorder's sampler, word by word. Words hold 32 samples, the earliest
 * in bit 0. Small settings keep the arithmetic by hand: a trigger needs 40
 * quiet samples before the edge, time 0 is 40 samples before the trigger
 * edge, and a capture is 100 samples from time 0. Record values are sample
 * indices since time 0, | REC_EDGE_LEVEL when high after the edge.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>

#include "rec_sampler.h"

#define HI REC_EDGE_LEVEL

static const rec_config_t small = {.pretrigger_samples = 40u, .capture_samples = 100u};

static void expect_records(rec_sampler_t *s, const uint32_t *want, size_t n)
{
    uint32_t rec;
    for (size_t i = 0; i < n; i++) {
        if (!rec_sampler_next_edge(s, &rec)) {
            fail_msg("record %zu missing", i);
        }
        assert_int_equal(rec, want[i]);
    }
    assert_false(rec_sampler_next_edge(s, &rec));
}

static void bad_settings(void **state)
{
    rec_sampler_t s;
    uint32_t ring[4];
    (void)state;
    assert_false(rec_sampler_init(&s, &(rec_config_t){0u, 100u}, ring, 4u, true));
    assert_int_equal(rec_sampler_state(&s), REC_DONE);
    assert_false(rec_sampler_init(&s, &(rec_config_t){40u, 40u}, ring, 4u, true));
    assert_false(rec_sampler_init(&s, &(rec_config_t){40u, 0x80000000u}, ring, 4u, true));
    assert_false(rec_sampler_init(&s, &small, ring, 3u, true));
    assert_true(rec_sampler_init(&s, &(rec_config_t){1u, 0x7fffffffu}, ring, 4u, true));
    assert_int_equal(rec_sampler_state(&s), REC_ARMING);
}

/*
 * word 0: samples 0-31 high (quiet 32)
 * word 1 = 0x800001ff: low from sample 41 (quiet 41 >= 40: trigger, time 0 =
 *          sample 1, edge at 40), high again at sample 63 (62)
 * word 2 = 0xffffffe0: low at 64 (63), high at 69 (68)
 * word 3 = 0xffffffef: low at 100 (99, the last sample of the capture),
 *          high at 101 (100: outside, not kept); done after it
 */
static void trigger_edges_and_end(void **state)
{
    rec_sampler_t s;
    uint32_t ring[16];
    static const uint32_t want[] = {40u, 62u | HI, 63u, 68u | HI, 99u};
    (void)state;
    assert_true(rec_sampler_init(&s, &small, ring, 16u, true));
    rec_sampler_push_word(&s, 0xffffffffu);
    assert_int_equal(rec_sampler_state(&s), REC_ARMING);
    rec_sampler_push_word(&s, 0x800001ffu);
    assert_int_equal(rec_sampler_state(&s), REC_CAPTURING);
    assert_true(s.result.initial_level);
    rec_sampler_push_word(&s, 0xffffffe0u);
    rec_sampler_push_word(&s, 0xffffffefu);
    assert_int_equal(rec_sampler_state(&s), REC_DONE);
    rec_sampler_push_word(&s, 0x0000ffffu); /* after the end: ignored */
    expect_records(&s, want, sizeof want / sizeof want[0]);
    assert_false(s.result.overflowed);
}

/* exactly 40 quiet samples are enough: word 1 = 0x000000ff, low from sample 40 */
static void trigger_on_exactly_the_pretrigger(void **state)
{
    rec_sampler_t s;
    uint32_t ring[4];
    static const uint32_t want[] = {40u};
    (void)state;
    assert_true(rec_sampler_init(&s, &small, ring, 4u, true));
    rec_sampler_push_word(&s, 0xffffffffu);
    rec_sampler_push_word(&s, 0x000000ffu);
    assert_int_equal(rec_sampler_state(&s), REC_CAPTURING);
    expect_records(&s, want, 1);
}

/*
 * word 0 = 0xfe0fffff: low at 20 (quiet 20), high at 25: no trigger
 * word 1: high; quiet 39 at its end (samples 25-63)
 * word 2 = 0xfffffffe: low at 64 with 39 quiet: no trigger; high at 65
 * word 3: high, quiet 63 (65-127)
 * word 4 = 0: low at 128: trigger, time 0 = sample 88, edge at 40; the
 *         initial level is high
 */
static void quiet_restarts_at_each_edge(void **state)
{
    rec_sampler_t s;
    uint32_t ring[4];
    static const uint32_t want[] = {40u};
    (void)state;
    assert_true(rec_sampler_init(&s, &small, ring, 4u, true));
    rec_sampler_push_word(&s, 0xfe0fffffu);
    rec_sampler_push_word(&s, 0xffffffffu);
    rec_sampler_push_word(&s, 0xfffffffeu);
    assert_int_equal(rec_sampler_state(&s), REC_ARMING);
    rec_sampler_push_word(&s, 0xffffffffu);
    rec_sampler_push_word(&s, 0x00000000u);
    assert_int_equal(rec_sampler_state(&s), REC_CAPTURING);
    assert_true(s.result.initial_level);
    expect_records(&s, want, 1);
}

/*
 * A 2-record queue. word 1 = 0xffffccff: time 0 = sample 0; edges at 40 (low),
 * 42 (high) kept; 44 (low, the first lost) and 46 (high) lost. Draining does
 * not resume queueing: word 2 = 0 (low at 64) is lost too. word 3 = 0: no
 * edge; the capture ends at sample 99, inside it.
 */
static void overflow_counts_every_lost_edge(void **state)
{
    rec_sampler_t s;
    uint32_t ring[2];
    static const uint32_t want[] = {40u, 42u | HI};
    (void)state;
    assert_true(rec_sampler_init(&s, &small, ring, 2u, true));
    rec_sampler_push_word(&s, 0xffffffffu);
    rec_sampler_push_word(&s, 0xffffccffu);
    expect_records(&s, want, 2);
    rec_sampler_push_word(&s, 0x00000000u);
    assert_int_equal(rec_sampler_state(&s), REC_CAPTURING);
    rec_sampler_push_word(&s, 0x00000000u);
    assert_int_equal(rec_sampler_state(&s), REC_DONE);
    expect_records(&s, NULL, 0);
    assert_true(s.result.overflowed);
    assert_false(s.result.stalled);
    assert_int_equal(s.result.lost, 3);
    assert_int_equal(s.result.lost_from, 44);
}

/*
 * Lost samples while armed restart the quiet count: after word 0 (quiet 32)
 * and the loss, word 1 = 0x000000ff has only 8 quiet samples before its edge:
 * no trigger (without the loss it would have 40). During a capture, a loss
 * ends it at the first sample not seen.
 */
static void lost_samples(void **state)
{
    rec_sampler_t s;
    uint32_t ring[4];
    static const uint32_t want[] = {40u};
    (void)state;
    assert_true(rec_sampler_init(&s, &small, ring, 4u, true));
    rec_sampler_push_word(&s, 0xffffffffu);
    rec_sampler_samples_lost(&s);
    rec_sampler_push_word(&s, 0x000000ffu);
    assert_int_equal(rec_sampler_state(&s), REC_ARMING);

    /* a fresh capture: trigger at 40 (time 0 = sample 0), then samples lost after word 1 */
    assert_true(rec_sampler_init(&s, &small, ring, 4u, true));
    rec_sampler_push_word(&s, 0xffffffffu);
    rec_sampler_push_word(&s, 0x000000ffu);
    rec_sampler_samples_lost(&s);
    assert_int_equal(rec_sampler_state(&s), REC_DONE);
    expect_records(&s, want, 1);
    assert_true(s.result.overflowed);
    assert_true(s.result.stalled);
    assert_int_equal(s.result.lost_from, 64); /* the first sample not seen */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bad_settings),
        cmocka_unit_test(trigger_edges_and_end),
        cmocka_unit_test(trigger_on_exactly_the_pretrigger),
        cmocka_unit_test(quiet_restarts_at_each_edge),
        cmocka_unit_test(overflow_counts_every_lost_edge),
        cmocka_unit_test(lost_samples),
    };
    return cmocka_run_group_tests_name("recorder sampler", tests, NULL, NULL);
}
