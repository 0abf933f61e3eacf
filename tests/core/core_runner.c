/* Checking hand-worked cases with cmocka (the replay loops are in core_replay.c). */
#include "core_runner.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

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
