/*
 * Table-driven tests for the debounce core: a case is a pin waveform (timed
 * level changes) and the events the policy must report, with their times,
 * worked out by hand. The runners replay a case the ways firmware calls the
 * core and record what it reports.
 */
#ifndef CORE_RUNNER_H
#define CORE_RUNNER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "debounce/debounce.h"

/** A pin change at tick t (relative to the case start) to electrical level 0/1. */
typedef struct {
    uint32_t t;
    uint8_t level;
} core_input_t;

/** An event reported at tick t (relative to the case start). */
typedef struct {
    uint32_t t;
    debounce_event_t event;
} core_event_t;

typedef struct {
    const char *name;
    debounce_config_t cfg;
    uint8_t initial_level; /* electrical level at t = 0, taken as settled */
    uint32_t base;         /* absolute tick of t = 0 (near the wrap for wrap cases) */
    uint32_t end;          /* last tick to simulate */
    uint32_t interval;     /* 0: time-based; else sampled every `interval` ticks */
    const core_input_t *inputs;
    size_t n_inputs;
    const core_event_t *expected;
    size_t n_expected;
} core_case_t;

#define CORE_INPUTS(...)                                                                           \
    .inputs = (const core_input_t[]){__VA_ARGS__},                                                 \
    .n_inputs = sizeof((const core_input_t[]){__VA_ARGS__}) / sizeof(core_input_t)
#define CORE_EXPECT(...)                                                                           \
    .expected = (const core_event_t[]){__VA_ARGS__},                                               \
    .n_expected = sizeof((const core_event_t[]){__VA_ARGS__}) / sizeof(core_event_t)
#define CORE_EXPECT_NONE .expected = NULL, .n_expected = 0
#define P(t)                                                                                       \
    {                                                                                              \
        (t), DEBOUNCE_EVENT_PRESS                                                                  \
    }
#define R(t)                                                                                       \
    {                                                                                              \
        (t), DEBOUNCE_EVENT_RELEASE                                                                \
    }

/** Largest number of events a runner records. */
#define CORE_MAX_EVENTS 4096

/**
 * Event-driven replay, as interrupt firmware does it: update at every pin
 * change and at every instant debounce_deadline() asks for. Returns the
 * number of events written to out (relative ticks).
 */
size_t core_run_driven(const core_case_t *c, uint32_t base, core_event_t *out);

/**
 * Polling replay: init at t = 0, then update at every multiple of `interval`
 * up to c->end (interval 1 = every tick). Returns the number of events.
 */
size_t core_run_sampled(const core_case_t *c, uint32_t base, uint32_t interval, core_event_t *out);

/**
 * Event-driven replay plus extra updates at the given sorted instants (as
 * spurious interrupts or unrelated wake-ups would cause). Returns the count.
 */
size_t core_run_driven_extra(const core_case_t *c, uint32_t base, const uint32_t *extra,
                             size_t n_extra, core_event_t *out);

/**
 * The algorithms with the deadline contract (every one that does not count
 * samples), in registry order, into out[DEBOUNCE_ALGO_COUNT]; returns how many.
 */
size_t core_time_based_algos(debounce_algo_t *out);

/**
 * Checks a hand-worked case with cmocka: time-based cases through the driven
 * and every-tick runners, sampled cases at their interval, each at the
 * case's own base and again starting 10 ms (10000 ticks) before the 2^32 wrap
 * and just before the 2^31 sign boundary.
 */
void core_check_case(const core_case_t *c);

/** Runs every case of a table as its own cmocka test; returns the failure count. */
int core_run_table(const char *group, const core_case_t *cases, size_t n_cases);

#endif
