/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What each algorithm does, in words for people choosing one (`bouncelab
 * algorithms`); its own file so firmware links none of these strings.
 */
#include "debounce/debounce.h"

#include <stddef.h>

typedef struct {
    const char *summary;    /* one line: the policy */
    const char *parameters; /* what the windows mean */
} algo_text_t;

static const algo_text_t texts[DEBOUNCE_ALGO_COUNT] = {
    [DEBOUNCE_NONE] = {"output follows the pin at every update (raw edge detection)",
                       "windows ignored"},
    [DEBOUNCE_LOCKOUT] = {"eager: report a change at once, then ignore the pin for the window; "
                          "at the window end report the pin if it differs",
                          "--window: lock after a press; --release-window: lock after a release"},
    [DEBOUNCE_DEFER] = {"report a change once the pin has held the new level for the window; "
                        "any change back restarts the wait",
                        "--window: wait before a press; --release-window: wait before a release"},
    [DEBOUNCE_EAGER_DEFER] = {"report a press at once and lock for the press window; report a "
                              "release after the pin has stayed released for the release window "
                              "(counted from the lock end at the earliest)",
                              "--window: lock after a press; --release-window: wait before a "
                              "release"},
    [DEBOUNCE_INTEGRATOR] = {"Kuhn's saturating integrator: +1 per pressed sample, -1 per "
                             "released, clamped; flips at N and at 0",
                             "N = ceil(window / poll interval) samples, for press and release "
                             "separately; polling only"},
};

static const algo_text_t *text_of(debounce_algo_t algo)
{
    unsigned a = (unsigned)algo;
    return a < (unsigned)DEBOUNCE_ALGO_COUNT && texts[a].summary != NULL ? &texts[a] : NULL;
}

const char *debounce_algo_summary(debounce_algo_t algo)
{
    const algo_text_t *t = text_of(algo);
    return t != NULL ? t->summary : "?";
}

const char *debounce_algo_parameters(debounce_algo_t algo)
{
    const algo_text_t *t = text_of(algo);
    return t != NULL ? t->parameters : "?";
}
