/* The replay loops behind the core's table tests and the equivalence test. */
#include "core_runner.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static size_t record(core_event_t *out, size_t n, uint32_t t, debounce_event_t ev)
{
    if (ev == DEBOUNCE_EVENT_NONE) {
        return n;
    }
    assert_true(n < CORE_MAX_EVENTS);
    out[n].t = t;
    out[n].event = ev;
    return n + 1;
}

size_t core_run_driven_extra(const core_case_t *c, uint32_t base, const uint32_t *extra,
                             size_t n_extra, core_event_t *out)
{
    debounce_t d;
    bool level = c->initial_level != 0;
    size_t i = 0, x = 0, n = 0;
    uint32_t t = 0;

    debounce_init(&d, &c->cfg, base, level);
    for (;;) {
        uint32_t next = UINT32_MAX, when = 0;
        if (i < c->n_inputs) {
            next = c->inputs[i].t;
        }
        while (x < n_extra && extra[x] <= t) {
            x++;
        }
        if (x < n_extra && extra[x] < next) {
            next = extra[x];
        }
        if (debounce_deadline(&d, &when)) {
            /* a deadline at or before now means "call again"; the earliest
             * firmware can do that is the next tick */
            int32_t ahead = (int32_t)(when - (base + t));
            uint32_t rel = ahead > 0 ? t + (uint32_t)ahead : t + 1u;
            if (rel < next) {
                next = rel;
            }
        }
        if (next == UINT32_MAX || next > c->end) {
            return n;
        }
        t = next;
        if (i < c->n_inputs && c->inputs[i].t == t) {
            level = c->inputs[i].level != 0;
            i++;
        }
        n = record(out, n, t, debounce_update(&d, base + t, level));
    }
}

size_t core_run_driven(const core_case_t *c, uint32_t base, core_event_t *out)
{
    return core_run_driven_extra(c, base, NULL, 0, out);
}

size_t core_run_sampled(const core_case_t *c, uint32_t base, uint32_t interval, core_event_t *out)
{
    debounce_t d;
    bool level = c->initial_level != 0;
    size_t i = 0, n = 0;

    debounce_init(&d, &c->cfg, base, level);
    for (uint64_t t = interval; t <= c->end; t += interval) {
        while (i < c->n_inputs && c->inputs[i].t <= t) {
            level = c->inputs[i].level != 0;
            i++;
        }
        n = record(out, n, (uint32_t)t, debounce_update(&d, base + (uint32_t)t, level));
    }
    return n;
}

static const char *event_name(debounce_event_t ev)
{
    return ev == DEBOUNCE_EVENT_PRESS ? "press" : ev == DEBOUNCE_EVENT_RELEASE ? "release" : "none";
}

static void format_events(char *buf, size_t cap, const core_event_t *ev, size_t n)
{
    size_t used = 0;
    buf[0] = '\0';
    for (size_t k = 0; k < n && used + 32 < cap; k++) {
        used += (size_t)snprintf(buf + used, cap - used, "%s%s@%u", k ? " " : "",
                                 event_name(ev[k].event), (unsigned)ev[k].t);
    }
}

static void expect_events(const core_case_t *c, const char *how, uint32_t base,
                          const core_event_t *got, size_t n_got)
{
    bool same = n_got == c->n_expected;
    for (size_t k = 0; same && k < n_got; k++) {
        same = got[k].t == c->expected[k].t && got[k].event == c->expected[k].event;
    }
    if (!same) {
        char want[1024], have[1024];
        format_events(want, sizeof want, c->expected, c->n_expected);
        format_events(have, sizeof have, got, n_got);
        fail_msg("%s, %s, base %u:\n  expected: %s\n  got:      %s", c->name, how, (unsigned)base,
                 want, have);
    }
}

void core_check_case(const core_case_t *c)
{
    /* the case's own start, 10 ms of 1 us ticks before the 2^32 wrap, and
     * straddling 2^31 where a naive signed comparison flips */
    const uint32_t bases[] = {c->base, c->base + (UINT32_MAX - 10000u + 1u),
                              c->base + (0x80000000u - 5000u)};
    core_event_t *got = calloc(CORE_MAX_EVENTS, sizeof *got);
    assert_non_null(got);

    for (size_t b = 0; b < sizeof bases / sizeof bases[0]; b++) {
        if (c->interval == 0) {
            expect_events(c, "driven", bases[b], got, core_run_driven(c, bases[b], got));
            expect_events(c, "every tick", bases[b], got, core_run_sampled(c, bases[b], 1u, got));
        } else {
            expect_events(c, "sampled", bases[b], got,
                          core_run_sampled(c, bases[b], c->interval, got));
        }
    }
    free(got);
}

static void run_one(void **state)
{
    core_check_case(*state);
}

int core_run_table(const char *group, const core_case_t *cases, size_t n_cases)
{
    struct CMUnitTest *tests = calloc(n_cases, sizeof *tests);
    int failed;

    if (tests == NULL) {
        return 1;
    }
    for (size_t k = 0; k < n_cases; k++) {
        tests[k].name = cases[k].name;
        tests[k].test_func = run_one;
        tests[k].initial_state = (void *)&cases[k];
    }
    failed = _cmocka_run_group_tests(group, tests, n_cases, NULL, NULL);
    free(tests);
    return failed;
}
