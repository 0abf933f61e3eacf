/* SPDX-License-Identifier: BSD-3-Clause */
/* debounce_config_check(): what a caller must not hand to debounce_init(). */
#include "algo.h"

debounce_config_status_t debounce_config_check(const debounce_config_t *cfg)
{
    if ((unsigned)cfg->algo >= (unsigned)DEBOUNCE_ALGO_COUNT) {
        return DEBOUNCE_CONFIG_UNKNOWN_ALGO;
    }
    if (!debounce_algo_uses_windows(cfg->algo)) {
        return DEBOUNCE_CONFIG_OK;
    }
    if (debounce_algo_counts_samples(cfg->algo)) {
        /* counts have no wrap; 0 would report every sample, a debouncer in name only */
        if (cfg->press_window_samples == 0u || cfg->release_window_samples == 0u) {
            return DEBOUNCE_CONFIG_NO_SAMPLES;
        }
        return DEBOUNCE_CONFIG_OK;
    }
    if (cfg->press_window_ticks > DEBOUNCE_TICK_MAX_SPAN ||
        cfg->release_window_ticks > DEBOUNCE_TICK_MAX_SPAN) {
        return DEBOUNCE_CONFIG_WINDOW_TOO_LONG;
    }
    return DEBOUNCE_CONFIG_OK;
}
