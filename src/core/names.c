/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Algorithm and status names, in their own file so firmware that never
 * prints one links no strings.
 */
#include "debounce/debounce.h"

#include <stddef.h>

/* Tables, not switches: a Thumb-1 switch table would pull in libgcc's helpers. */
static const char *const algo_names[DEBOUNCE_ALGO_COUNT] = {
    [DEBOUNCE_NONE] = "none",
    [DEBOUNCE_LOCKOUT] = "lockout",
    [DEBOUNCE_DEFER] = "defer",
    [DEBOUNCE_EAGER_DEFER] = "eager-defer",
    [DEBOUNCE_INTEGRATOR] = "integrator",
};

static const char *const status_texts[DEBOUNCE_CONFIG_STATUS_COUNT] = {
    [DEBOUNCE_CONFIG_OK] = "usable",
    [DEBOUNCE_CONFIG_UNKNOWN_ALGO] = "unknown algorithm",
    [DEBOUNCE_CONFIG_WINDOW_TOO_LONG] = "a window is longer than 2^31 - 1 ticks",
    [DEBOUNCE_CONFIG_NO_SAMPLES] = "a window of 0 samples (a counting algorithm needs 1 or more)",
};

const char *debounce_algo_name(debounce_algo_t algo)
{
    unsigned a = (unsigned)algo;
    return a < (unsigned)DEBOUNCE_ALGO_COUNT && algo_names[a] != NULL ? algo_names[a] : "?";
}

const char *debounce_config_status_text(debounce_config_status_t status)
{
    unsigned s = (unsigned)status;
    return s < (unsigned)DEBOUNCE_CONFIG_STATUS_COUNT && status_texts[s] != NULL ? status_texts[s]
                                                                                 : "?";
}
