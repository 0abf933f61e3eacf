/* Error reporting and option parsing shared by the subcommands. */
#include "cli.h"
#include "plot_error.h"
#include "sim_error.h"
#include "trace_error.h"
#include "util_duration.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>

GQuark cli_error_quark(void)
{
    return g_quark_from_static_string("bouncelab-cli-error");
}

void cli_print_error(const GError *error)
{
    fprintf(stderr, "bouncelab: %s\n", error->message);
}

int cli_exit_status(const GError *error)
{
    if (error->domain == CLI_ERROR) {
        return error->code == CLI_ERROR_USAGE ? CLI_EXIT_USAGE : CLI_EXIT_FAILURE;
    }
    if (error->domain == G_OPTION_ERROR) {
        return CLI_EXIT_USAGE;
    }
    if (error->domain == TRACE_ERROR) {
        return error->code == TRACE_ERROR_IO ? CLI_EXIT_FAILURE : CLI_EXIT_USAGE;
    }
    if (error->domain == SIM_ERROR) {
        return error->code == SIM_ERROR_INVALID ? CLI_EXIT_USAGE : CLI_EXIT_FAILURE;
    }
    if (error->domain == PLOT_ERROR) {
        return error->code == PLOT_ERROR_GNUPLOT || error->code == PLOT_ERROR_INTERRUPTED
                   ? CLI_EXIT_FAILURE
                   : CLI_EXIT_USAGE;
    }
    return CLI_EXIT_FAILURE; /* G_FILE_ERROR, G_IO_ERROR: the work failed */
}

int cli_fail(const GError *error)
{
    cli_print_error(error);
    return cli_exit_status(error);
}

void cli_error_as_usage(GError *error)
{
    error->domain = CLI_ERROR;
    error->code = CLI_ERROR_USAGE;
}

void cli_error_as_failure(GError *error)
{
    error->domain = CLI_ERROR;
    error->code = CLI_ERROR_FAILURE;
}

int cli_interrupted(const char *what, int sig, const char *rest)
{
    g_autoptr(GError) error = g_error_new(CLI_ERROR, CLI_ERROR_FAILURE, "%s interrupted (%s)%s",
                                          what, g_strsignal(sig), rest);
    cli_print_error(error);
    return 128 + sig;
}

const char *cli_help_text(GPtrArray *keep, const char *format, ...)
{
    va_list args;
    char *text;

    va_start(args, format);
    text = g_strdup_vprintf(format, args);
    va_end(args);
    g_ptr_array_add(keep, text);
    return text;
}

gboolean cli_jobs_threads(gint jobs, guint *threads, GError **error)
{
    if (jobs < 0 || jobs > CLI_JOBS_MAX) {
        g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE, "--jobs: %d is not between 1 and %d", jobs,
                    CLI_JOBS_MAX);
        return FALSE;
    }
    *threads = jobs > 0 ? (guint)jobs : g_get_num_processors();
    return TRUE;
}

int cli_usage(const char *format, ...)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *message = NULL;
    va_list args;

    va_start(args, format);
    message = g_strdup_vprintf(format, args);
    va_end(args);
    error = g_error_new_literal(CLI_ERROR, CLI_ERROR_USAGE, message);
    return cli_fail(error);
}

gboolean cli_parse_options(GOptionContext *context, int *argc, char ***argv)
{
    g_autoptr(GError) error = NULL;

    if (g_option_context_parse(context, argc, argv, &error)) {
        return TRUE;
    }
    {
        /* the hint goes after GLib's message (g_prefix_error only puts text before) */
        g_autofree char *message =
            g_strdup_printf("%s (see 'bouncelab %s --help')", error->message, (*argv)[0]);
        g_free(error->message);
        error->message = g_steal_pointer(&message);
    }
    cli_print_error(error);
    return FALSE;
}

gboolean cli_duration(const char *option, const char *text, int64_t *ns_out, GError **error)
{
    g_autoptr(GError) local = NULL;

    if (util_parse_duration_ns(text, ns_out, &local)) {
        return TRUE;
    }
    g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE, "%s: %s", option, local->message);
    return FALSE;
}

gboolean cli_check_ticks(const char *option, int64_t ns, uint64_t max_us, gboolean whole,
                         GError **error)
{
    if (ns < 1000) {
        g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE,
                    "%s: must be at least 1us (the core counts whole microseconds)", option);
        return FALSE;
    }
    if (whole && ns % 1000 != 0) {
        g_autofree char *text = util_format_duration(ns);
        g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE,
                    "%s: %s is not a whole number of microseconds (the core counts whole "
                    "microseconds)",
                    option, text);
        return FALSE;
    }
    if ((uint64_t)(ns / 1000) > max_us) {
        g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE,
                    "%s: at most %" G_GUINT64_FORMAT "us (the core compares 32-bit microsecond "
                    "ticks wrap-safely)",
                    option, (guint64)max_us);
        return FALSE;
    }
    return TRUE;
}

gboolean cli_number(const char *option, const char *text, gboolean percent_ok, double *out,
                    GError **error)
{
    char *end = NULL;
    double value = g_ascii_strtod(text, &end);

    if (end != text && percent_ok && *end == '%') {
        value /= 100.0;
        end++;
    }
    if (end == text || *end != '\0' || !(value >= 0.0) || value > G_MAXDOUBLE) {
        g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE, "%s: '%s' is not a non-negative number%s",
                    option, text, percent_ok ? " (e.g. 0.05 or 5%)" : "");
        return FALSE;
    }
    *out = value;
    return TRUE;
}

gboolean cli_unsigned(const char *option, const char *text, guint64 max, guint64 *out,
                      GError **error)
{
    if (text[0] >= '0' && text[0] <= '9' &&
        g_ascii_string_to_unsigned(text, 10, 0, max, out, NULL)) {
        return TRUE;
    }
    g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE,
                "%s: '%s' is not a whole number from 0 to %" G_GUINT64_FORMAT, option, text, max);
    return FALSE;
}

gboolean cli_refuse_with(const char *option, const char *other, const char *why, GError **error)
{
    if (option == NULL) {
        return TRUE;
    }
    g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE, "%s cannot apply with %s: %s", option, other,
                why);
    return FALSE;
}

char *cli_data_dir(const char *what, const char *fallback)
{
    g_autofree char *exe = g_file_read_link("/proc/self/exe", NULL);
    g_autofree char *bin = exe != NULL ? g_path_get_dirname(exe) : NULL;
    g_autofree char *dir =
        bin != NULL ? g_build_filename(bin, BOUNCELAB_DATA_FROM_BIN, what, NULL) : NULL;

    if (dir != NULL && g_file_test(dir, G_FILE_TEST_IS_DIR)) {
        return g_steal_pointer(&dir);
    }
    return g_strdup(fallback);
}

int cli_finish_stdout(int status)
{
    int err = 0;

    if (status != CLI_EXIT_OK) {
        return status; /* the command has said what went wrong */
    }
    errno = 0;
    if (fflush(stdout) != 0 || ferror(stdout)) {
        err = errno != 0 ? errno : EIO; /* an earlier flush failed: errno is gone */
    }
    if (err == 0) {
        return status;
    }
    g_autoptr(GError) error = g_error_new(G_FILE_ERROR, g_file_error_from_errno(err),
                                          "standard output: write failed: %s", g_strerror(err));
    return cli_fail(error);
}
