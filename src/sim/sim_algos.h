/*
 * The debounce algorithms by command-line name. Everything else about them
 * (names, descriptions, what their windows count) is the core's registry:
 * debounce_algo_name(), debounce_algo_summary(), debounce_algo_counts_samples().
 */
#ifndef SIM_ALGOS_H
#define SIM_ALGOS_H

#include <glib.h>

#include "debounce/debounce.h"

/** Looks an algorithm up by its command-line name; FALSE with an error listing the names. */
gboolean sim_algo_from_name(const char *name, debounce_algo_t *algo_out, GError **error);

#endif
