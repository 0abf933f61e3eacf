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
    gint64 seed;
    char *trigger;
    char *irq_jitter;
    char *irq_tail;
    double irq_tail_percent;
    char *alarm_latency;
    char *handler_time;
    char *count;
    char *holdoff;
    char *holdoff_compare;
    char *main_loop;
    gint64 tick_start;
    gint64 ticks_ms_start;
    char *settle;
    char *reads; /* --reads FILE */
    char *stall_every;
    char *stall_for;
    char *print_time;
    GArray *reads_ns; /* the file's read times once applied; cfg->reads_ns points into it */
} cli_sim_options_t;

/** Resets the options to "not given". */
void cli_sim_options_init(cli_sim_options_t *o);

/** Frees the option strings and the read times (configurations pointing at them must be done). */
void cli_sim_options_clear(cli_sim_options_t *o);

/** Adds the shared entries to a context's main group (their arg_data point into `o`). */
void cli_sim_options_add(GOptionContext *context, cli_sim_options_t *o);

/** Adds the shared entries to GROUP instead (for a command that shows them under --help-NAME). */
void cli_sim_options_add_to_group(GOptionGroup *group, cli_sim_options_t *o);

/** TRUE when any of the shared options was given. */
gboolean cli_sim_options_given(const cli_sim_options_t *o);

/**
 * Applies the given options on top of cfg (which already holds the mode,
 * runtime and other chosen values), in this order: model and program
 * settings, then latency overrides (which make the runtime "custom").
 * --reads loads its file into o->reads_ns, which cfg then points at: keep
 * `o` until cfg is done. Prints "bouncelab: --OPTION: why" and returns FALSE
 * on a bad value.
 */
gboolean cli_sim_options_apply(cli_sim_options_t *o, sim_config_t *cfg);

/** The oracle's settle time (ns) from --settle, or its default. FALSE after printing an error. */
gboolean cli_sim_options_settle(const cli_sim_options_t *o, int64_t *settle_ns);

/** Text for a --help description: the runtimes' latency defaults and their sources. */
const char *cli_sim_options_help(void);

#endif
