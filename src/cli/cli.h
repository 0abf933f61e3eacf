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

/** The error domain of the command line's own checks (options, arguments). */
#define CLI_ERROR (cli_error_quark())

typedef enum {
    CLI_ERROR_USAGE,   /* a bad option, argument or combination: exit status 2 */
    CLI_ERROR_FAILURE, /* the work failed: exit status 1 */
} cli_error_t;

GQuark cli_error_quark(void);

/** Prints "bouncelab: MESSAGE" on stderr: the one printer of errors (notes and warnings aside). */
void cli_print_error(const GError *error);

/**
 * The exit status an error means, for every domain a command sees: 2 for bad
 * options or input (CLI_ERROR_USAGE, G_OPTION_ERROR, a trace or results file
 * that does not parse, a configuration the simulator refuses, no gnuplot),
 * 1 for everything else (I/O, gnuplot failing).
 */
int cli_exit_status(const GError *error);

/** Prints the error (cli_print_error) and returns its exit status (cli_exit_status). */
int cli_fail(const GError *error);

/**
 * Makes ERROR a usage error (CLI_ERROR_USAGE: exit status 2), its message
 * kept: for input the user named that a lower layer refused under its own
 * domain (a part file that will not open, a model the simulator refuses).
 */
void cli_error_as_usage(GError *error);

/** Makes ERROR a failure of the work (CLI_ERROR_FAILURE: exit status 1), its message kept. */
void cli_error_as_failure(GError *error);

/**
 * Says a signal (SIG, caught by cli_interrupt) stopped the command: "bouncelab:
 * WHAT interrupted (signal name)REST" through the one printer. Returns 128 +
 * SIG, the shell's status for it.
 */
int cli_interrupted(const char *what, int sig, const char *rest);

/** A usage error (CLI_ERROR_USAGE) from FORMAT, through cli_fail: returns 2. */
int cli_usage(const char *format, ...) G_GNUC_PRINTF(1, 2);

/** Most threads -j/--jobs may ask for. */
#define CLI_JOBS_MAX 1024

/**
 * The threads a command's -j N means (0: the number of processors); FALSE
 * with a usage error when N is not between 0 and CLI_JOBS_MAX.
 */
gboolean cli_jobs_threads(gint jobs, guint *threads, GError **error);

/**
 * A --help line built at run time, so a default shown comes from the value
 * the code uses; the text lives as long as KEEP (a GPtrArray freeing with g_free).
 * (The attribute spelled out: cppcheck 2.10 takes a second G_GNUC_PRINTF in a
 * row for an unknown macro.)
 */
const char *cli_help_text(GPtrArray *keep, const char *format, ...)
    __attribute__((format(printf, 2, 3)));

/** Parses a subcommand's options; on failure prints the error and a hint to use --help. */
gboolean cli_parse_options(GOptionContext *context, int *argc, char ***argv);

/**
 * Parses the value of a duration option ("250us", "5ms", "1.5ms", "2s") into
 * ns; on failure sets "OPTION: why" (CLI_ERROR_USAGE) and returns FALSE.
 */
gboolean cli_duration(const char *option, const char *text, int64_t *ns_out, GError **error);

/**
 * A duration the core can express in its microsecond ticks: at least 1 us,
 * at most MAX_US, and (WHOLE: a window the core counts) a whole number of us.
 * FALSE with "OPTION: why" (CLI_ERROR_USAGE) otherwise.
 */
gboolean cli_check_ticks(const char *option, int64_t ns, uint64_t max_us, gboolean whole,
                         GError **error);

/**
 * Parses a non-negative number; with PERCENT_OK, "5%" reads as 0.05 (the
 * way a fraction is written for gen and --irq-tail-prob). FALSE with
 * "OPTION: why" (CLI_ERROR_USAGE) otherwise.
 */
gboolean cli_number(const char *option, const char *text, gboolean percent_ok, double *out,
                    GError **error);

/** Parses a whole number from 0 to MAX. FALSE with "OPTION: why" (CLI_ERROR_USAGE) otherwise. */
gboolean cli_unsigned(const char *option, const char *text, guint64 max, guint64 *out,
                      GError **error);

/**
 * The check for an option that cannot apply: when OPTION was given (non-NULL)
 * with a setting it cannot apply to, fails with "OPTION cannot apply with
 * OTHER: WHY" (CLI_ERROR_USAGE).
 */
gboolean cli_refuse_with(const char *option, const char *other, const char *why, GError **error);

/**
 * The directory of bouncelab's data WHAT ("plots", "traces"): beside an
 * installed binary (BIN/../share/bouncelab/WHAT, found from the running
 * executable), else FALLBACK (the source tree the binary was built from).
 */
char *cli_data_dir(const char *what, const char *fallback);

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
 * Parses a press count, 1 to 10^12 ("1000000" or "1e6"); FALSE with
 * "OPTION: why" (CLI_ERROR_USAGE) otherwise.
 */
gboolean cli_parse_presses(const char *option, const char *text, guint64 *out, GError **error);

#endif
