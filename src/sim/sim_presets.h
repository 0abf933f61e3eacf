/*
 * Presets that replay the classic Pico push-button tutorial's four
 * MicroPython programs (DESIGN.md), so their behaviour can be measured on
 * any trace.
 */
#ifndef SIM_PRESETS_H
#define SIM_PRESETS_H

#include "sim_config.h"

typedef struct {
    const char *name;
    const char *summary; /* the program it replays, in one line */
    void (*apply)(sim_config_t *cfg);
} sim_preset_t;

/** Every preset; *n_out gets the count. */
const sim_preset_t *sim_presets(gsize *n_out);

/** Applies the named preset to cfg (on top of its current values); FALSE with an error listing the
 * names. */
gboolean sim_preset_apply(const char *name, sim_config_t *cfg, GError **error);

#endif
