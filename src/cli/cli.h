/*
 * The bouncelab command line: one cmd_NAME.c per subcommand. Each takes the
 * arguments after the program name (argv[0] is the subcommand) and returns
 * the process exit status.
 */
#ifndef CLI_H
#define CLI_H

#include <glib.h>
#include <stdint.h>

/** Exit statuses shared by every subcommand. */
enum {
    CLI_EXIT_OK = 0,
    CLI_EXIT_FAILURE = 1, /* the work failed: I/O, an interrupted run */
    CLI_EXIT_USAGE = 2,   /* bad options or bad input files */
};

/**
 * Prints "bouncelab: MESSAGE" on stderr for an error handed up as a GError.
 * Not yet the only printer: some commands still print their own errors.
 */
void cli_print_error(const GError *error);

/** Parses a subcommand's options; on failure prints the error and a hint to use --help. */
gboolean cli_parse_options(GOptionContext *context, int *argc, char ***argv);

/**
 * Parses the value of a duration option ("250us", "5ms", "1.5ms", "2s") into
 * ns; on failure prints "bouncelab: OPTION: why" and returns FALSE.
 */
gboolean cli_duration(const char *option, const char *text, int64_t *ns_out);

/**
 * Flushes standard output once a command has succeeded: output lost to a
 * full disk is an error ("bouncelab: standard output: write failed: why",
 * status 1), not a silent success. Returns the exit status.
 */
int cli_finish_stdout(int status);

int cmd_algorithms(int argc, char **argv);
int cmd_gen(int argc, char **argv);
int cmd_run(int argc, char **argv);
int cmd_sweep(int argc, char **argv);
int cmd_info(int argc, char **argv);
int cmd_convert(int argc, char **argv);
int cmd_plot(int argc, char **argv);
int cmd_verdict(int argc, char **argv);
int cmd_advise(int argc, char **argv);
int cmd_stress(int argc, char **argv);
int cmd_merge(int argc, char **argv);
int cmd_fit(int argc, char **argv);
int cmd_record(int argc, char **argv);

/**
 * Parses a press count, 1 to 10^12 ("1000000" or "1e6"); prints
 * "bouncelab: OPTION: why" and returns FALSE otherwise.
 */
gboolean cli_parse_presses(const char *option, const char *text, guint64 *out);

#endif
