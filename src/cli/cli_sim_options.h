/*
 * The simulation options `run` and `sweep` share: timing-model and program
 * settings beyond the swept ones, as GOptionEntry tables over strings that
 * are parsed (with errors naming the option) into a sim_config_t.
 */
#ifndef CLI_SIM_OPTIONS_H
#define CLI_SIM_OPTIONS_H

#include <glib.h>

#include "sim_config.h"

typedef struct {
    char *release_window;
    char *phase;
    char *jitter;
    char *seed;
    char *trigger;
    char *irq_jitter;
    char *irq_tail;
    char *irq_tail_prob;
    char *alarm_latency;
    char *handler_time;
    char *count;
    char *holdoff;
    char *holdoff_compare;
    char *main_loop;
    char *tick_start;
    char *ticks_ms_start;
    char *settle;
    GPtrArray *help_texts; /* --help lines built from the defaults, alive as long as the options */
    char *reads;           /* --reads FILE */
    char *stall_every;
    char *stall_for;
    char *print_time;
    GArray *reads_ns; /* the file's read times once applied; cfg->reads_ns points into it */
} cli_sim_options_t;

/** Resets the options to "not given". */
void cli_sim_options_init(cli_sim_options_t *o);

/** Frees the option strings and the read times (configurations pointing at them must be done). */
void cli_sim_options_clear(cli_sim_options_t *o);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(cli_sim_options_t, cli_sim_options_clear)

/** Adds the shared entries to a context's main group (their arg_data point into `o`). */
void cli_sim_options_add(GOptionContext *context, cli_sim_options_t *o);

/** Adds the shared entries to GROUP instead (for a command that shows them under --help-NAME). */
void cli_sim_options_add_to_group(GOptionGroup *group, cli_sim_options_t *o);

/** TRUE when any of the shared options was given. */
gboolean cli_sim_options_given(const cli_sim_options_t *o);

/** The first given option that only polling uses ("--phase"), or NULL. */
const char *cli_sim_options_poll_only(const cli_sim_options_t *o);

/** The first given option that only interrupts use ("--trigger", "--irq-tail"...), or NULL. */
const char *cli_sim_options_irq_only(const cli_sim_options_t *o);

/**
 * Applies the given options on top of cfg (which already holds the mode,
 * runtime and other chosen values), in this order: model and program
 * settings, then latency overrides (which make the runtime "custom").
 * --reads loads its file into o->reads_ns, which cfg then points at: keep
 * `o` until cfg is done. FALSE with "--OPTION: why" (CLI_ERROR_USAGE) on a
 * bad value.
 */
gboolean cli_sim_options_apply(cli_sim_options_t *o, sim_config_t *cfg, GError **error);

/** The oracle's settle time (ns) from --settle, or its default. FALSE with an error. */
gboolean cli_sim_options_settle(const cli_sim_options_t *o, int64_t *settle_ns, GError **error);

/**
 * Refuses a --phase at or past the end of TRACE (ns): the first read would
 * come after the trace is over.
 */
gboolean cli_sim_options_check_phase(const sim_config_t *cfg, int64_t trace_start_ns,
                                     int64_t trace_end_ns, const char *trace_name, GError **error);

/** Text for a --help description: the runtimes' latency defaults and their sources. */
const char *cli_sim_options_help(void);

#endif
