/*
 * The options every command that reads a trace takes (info, convert, and
 * later run and sweep): --format, --channel, --vil, --vih, --gap, --active,
 * and the one way such a command reads its input, with the exit status that
 * goes with each failure.
 */
#ifndef CLI_TRACE_OPTIONS_H
#define CLI_TRACE_OPTIONS_H

#include "trace.h"
#include "trace_io.h"

/** The option values as parsed; cli_trace_args_init() sets the defaults. */
typedef struct {
    char *format;                 /**< --format NAME */
    char *channel;                /**< --channel NAME */
    double vil_v;                 /**< --vil VOLTS */
    double vih_v;                 /**< --vih VOLTS */
    char *gap;                    /**< --gap DURATION */
    char *active;                 /**< --active low|high */
    gboolean bbb_include_invalid; /**< --bbb-include-invalid */
    const char *format_option;    /**< the long name of --format, for messages ("format") */
    GPtrArray *help_texts;        /**< --help lines built from the defaults */
} cli_trace_args_t;

/** Sets the defaults (those of trace_read_options_init()). */
void cli_trace_args_init(cli_trace_args_t *args);

/** Frees the strings GOptionContext filled in. */
void cli_trace_args_clear(cli_trace_args_t *args);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(cli_trace_args_t, cli_trace_args_clear)

/** Adds the reader options, with their defaults and units in the help, to the main group. */
void cli_trace_add_options(GOptionContext *context, cli_trace_args_t *args);

/**
 * Adds the reader options to GROUP instead, --format under the long name
 * FORMAT_OPTION (a static string), for a command whose --format means
 * something else.
 */
void cli_trace_add_options_to_group(GOptionGroup *group, cli_trace_args_t *args,
                                    const char *format_option);

/** TRUE when any reader option was given. */
gboolean cli_trace_args_given(const cli_trace_args_t *args);

/**
 * Turns parsed options into reader options; FALSE with "--OPTION: why"
 * (CLI_ERROR_USAGE) on a bad value. `opts` borrows args->channel.
 */
gboolean cli_trace_read_options(const cli_trace_args_t *args, trace_read_options_t *opts,
                                GError **error);

/**
 * Reads a trace for a command. NULL with an error whose exit status
 * (cli_exit_status) is 2 for bad input (a missing file, a malformed one, no
 * such channel, --channel on a format with one channel) and 1 when reading
 * itself failed (an I/O error). `detected` may be NULL.
 */
trace_t *cli_read_trace(const char *path, const trace_read_options_t *opts,
                        trace_format_t *detected, GError **error);

/** Help text of --vcd-timescale (convert and run), naming its default. */
#define CLI_VCD_TIMESCALE_HELP                                                                     \
    "VCD timescale, a power of ten from 1ns to 1s; times are rounded to it, and a pulse "          \
    "shorter than it vanishes [default: the coarsest that keeps every time exact]"

/**
 * Parses --vcd-timescale TEXT (NULL: 0, the coarsest exact one) into ns; FALSE
 * with a usage error on a bad value.
 */
gboolean cli_vcd_timescale(const char *text, int64_t *ns, GError **error);

#endif
