/*
 * The debounce algorithms as the host sees them: names for options, one-line
 * descriptions and parameters for `bouncelab algorithms`, and what each needs
 * from the timing model.
 */
#ifndef SIM_ALGOS_H
#define SIM_ALGOS_H

#include <glib.h>

#include "debounce/debounce.h"

typedef struct {
    debounce_algo_t algo;
    const char *name;       /* as on the command line, e.g. "eager-defer" */
    const char *summary;    /* one line: the policy */
    const char *parameters; /* what the windows mean for this algorithm */
    gboolean uses_window;   /* false for none: windows are ignored */
    gboolean polling_only;  /* counts samples, so an interrupt mode makes no sense */
} sim_algo_info_t;

/** Every algorithm, in debounce_algo_t order; *n_out gets the count. */
const sim_algo_info_t *sim_algos(gsize *n_out);

/** The entry for `algo` (never NULL for a valid debounce_algo_t). */
const sim_algo_info_t *sim_algo_info(debounce_algo_t algo);

/** Looks an algorithm up by its command-line name; FALSE with an error listing the names. */
gboolean sim_algo_from_name(const char *name, debounce_algo_t *algo_out, GError **error);

#endif
