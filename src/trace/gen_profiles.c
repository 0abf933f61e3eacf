/*
 * The generator's named profiles. Where each number comes from is in
 * traces/README.md ("Profiles"); keep the two in step.
 */
#include "trace_gen.h"

#include <string.h>

#define NS INT64_C(1)
#define US INT64_C(1000)
#define MS INT64_C(1000000)
#define S  INT64_C(1000000000)

/* Person-paced presses: long enough for every profile's oracle settle time. */
#define HUMAN_PACE                                                                                 \
    .hold_min_ns = 80 * MS, .hold_max_ns = 400 * MS, .gap_min_ns = 150 * MS, .gap_max_ns = 1 * S

/* Ganssle: 1557 us average and 6200 us worst over 16 switches. */
#define TACTILE_MAKE                                                                               \
    {                                                                                              \
        1500 * US, 6200 * US, 0.05, 16, 200 * NS,                                                  \
        {                                                                                          \
            0                                                                                      \
        }                                                                                          \
    }
#define TACTILE_BREAK                                                                              \
    {                                                                                              \
        300 * US, 2 * MS, 0.05, 3, 200 * NS,                                                       \
        {                                                                                          \
            0                                                                                      \
        }                                                                                          \
    }

static const trace_gen_profile_t profiles[] = {
    {"clean", "no bounce: an ideal contact, or an input debounced in hardware", {HUMAN_PACE}},
    {"tactile",
     "small tactile switch: make bounce about 1.5 ms, worst cases to 6.2 ms",
     {.make = TACTILE_MAKE, .brk = TACTILE_BREAK, HUMAN_PACE}},
    {"worn",
     "worn or cheap contact: bounce of tens of ms, to 40 ms",
     {.make = {10 * MS, 40 * MS, 0.10, 40, 200 * NS, {0}},
      .brk = {5 * MS, 25 * MS, 0.10, 20, 200 * NS, {0}},
      .hold_min_ns = 150 * MS,
      .hold_max_ns = 600 * MS,
      .gap_min_ns = 250 * MS,
      .gap_max_ns = 1500 * MS}},
    {"industrial",
     "large industrial push button: bounce of hundreds of ms, to 973 ms",
     {.make = {100 * MS, 973 * MS, 0.10, 30, 500 * NS, {0}},
      .brk = {50 * MS, 660 * MS, 0.10, 20, 500 * NS, {0}},
      .hold_min_ns = 1 * S,
      .hold_max_ns = 3 * S,
      .gap_min_ns = 1500 * MS,
      .gap_max_ns = 4 * S}},
    {"keyswitch",
     "keyboard keyswitch (MX style): bounce of tens of us, to 280 us",
     {.make = {40 * US, 280 * US, 0.05, 4, 100 * NS, {0}},
      .brk = {20 * US, 150 * US, 0.05, 2, 100 * NS, {0}},
      .hold_min_ns = 40 * MS,
      .hold_max_ns = 200 * MS,
      .gap_min_ns = 60 * MS,
      .gap_max_ns = 500 * MS}},
    {"noisy",
     "tactile plus EMI glitches: 5 per second, up to 100 ns wide",
     {.make = TACTILE_MAKE,
      .brk = TACTILE_BREAK,
      HUMAN_PACE,
      .glitch_rate_hz = 5.0,
      .glitch_width_ns = 100 * NS}},
};

const trace_gen_profile_t *trace_gen_profiles(gsize *n)
{
    *n = G_N_ELEMENTS(profiles);
    return profiles;
}

const trace_gen_profile_t *trace_gen_profile_find(const char *name)
{
    for (gsize i = 0; i < G_N_ELEMENTS(profiles); i++) {
        if (strcmp(profiles[i].name, name) == 0) {
            return &profiles[i];
        }
    }
    return NULL;
}
