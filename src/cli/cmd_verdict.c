/*
 * `bouncelab verdict RESULTS.csv`: the answer a sweep gives, in a few lines
 * per trace: for each algorithm and mode, the smallest window with no false
 * and no missed event, and the median press latency it gives.
 */
#include "cli.h"
#include "cli_verdict.h"
#include "plot_error.h"
#include "sweep_best.h"
#include "stress_csv.h"
#include "stress_verdict.h"

#include <stdio.h>
#include <string.h>

/* --gnuplot: what the plots draw for one trace (sweep_best.h). */
static int print_gnuplot(const char *path, const char *only)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) traces = NULL;
    g_autoptr(GPtrArray) rows = sweep_rows_read(path, &traces, &error);
    g_autofree char *text = NULL;
    const char *trace;

    if (rows == NULL) {
        return cli_fail(error);
    }
    trace = only != NULL ? only : g_ptr_array_index(traces, 0);
    if (!g_ptr_array_find_with_equal_func(traces, trace, g_str_equal, NULL)) {
        return cli_usage("%s has no trace '%s'", path, trace);
    }
    text = sweep_best_gnuplot(rows, trace);
    printf("%s\n", text);
    return CLI_EXIT_OK;
}

/* A stress CSV (bouncelab stress) gets the rates' verdict (stress_verdict.h). */
static int cmd_verdict_stress(const char *path, const char *target_text, gboolean csv)
{
    double target = STRESS_VERDICT_TARGET_DEFAULT;
    g_autoptr(GError) error = NULL;

    if (csv) {
        return cli_usage("--csv is for a sweep's verdict; a stress CSV's is a table");
    }
    if (target_text != NULL && !stress_verdict_parse_target(target_text, &target, &error)) {
        return cli_fail(error);
    }
    if (!stress_verdict_print(stdout, path, target, &error)) {
        if (error->domain != G_FILE_ERROR) {
            cli_error_as_usage(error); /* a stress CSV that will not read is bad input */
        }
        return cli_fail(error);
    }
    return CLI_EXIT_OK;
}

int cmd_verdict(int argc, char **argv)
{
    gboolean csv = FALSE, gnuplot = FALSE;
    g_autofree char *only = NULL;
    g_autofree char *target_text = NULL;
    const GOptionEntry entries[] = {
        {"gnuplot", 0, 0, G_OPTION_ARG_NONE, &gnuplot,
         "Print the recommended settings of one trace as gnuplot -e assignments (best, "
         "best_irq) for errors-vs-window.gp and polling-interval.gp",
         NULL},
        {"only", 0, 0, G_OPTION_ARG_STRING, &only,
         "With --gnuplot: the trace (as in the trace column) [default: the first]", "NAME"},
        {"target", 0, 0, G_OPTION_ARG_STRING, &target_text,
         "Stress CSV: the failure rate to meet, per press, strictly between 0 and 1 [default: "
         "1e-6]",
         "RATE"},
        {"csv", 0, 0, G_OPTION_ARG_NONE, &csv,
         "Write CSV instead (trace,algo,mode,runtime,irq_latency_us,interval_us,"
         "press_window_us,press_latency_median_us; the last three empty for 'never')",
         NULL},
        G_OPTION_ENTRY_NULL};
    g_autoptr(GOptionContext) context =
        g_option_context_new("RESULTS.csv - the smallest error-free window of each setting ('-': "
                             "standard input)");
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) verdicts = NULL;
    const char *path;

    g_option_context_set_summary(
        context, "Reads the CSV of 'bouncelab sweep' and prints, for each trace, algorithm and "
                 "mode, the smallest\ndebounce window with no false and no missed press or "
                 "release, and the median press latency it gives.");
    g_option_context_set_description(
        context, "Polling: of the intervals swept, the one whose smallest error-free window gives "
                 "the lowest median\nlatency (on a tie, the longer interval: it costs less CPU), "
                 "shown as WINDOW@INTERVAL. Interrupts:\none column per runtime (or custom entry "
                 "latency). 'never': no window swept was error-free.\n\n"
                 "Exit status: 0 success, 1 the file could not be read, 2 bad options or input.");
    g_option_context_add_main_entries(context, entries, NULL);
    if (!cli_parse_options(context, &argc, &argv)) {
        return CLI_EXIT_USAGE;
    }
    if (argc != 2) {
        return cli_usage("verdict takes one results CSV (see 'bouncelab verdict "
                         "--help')");
    }
    if (gnuplot && csv) {
        return cli_usage("verdict: --gnuplot and --csv exclude each other");
    }
    if (only != NULL && !gnuplot) {
        return cli_usage("verdict: --only goes with --gnuplot");
    }
    /* '-' is standard input, as for every command that reads a file (a sweep's CSV there:
     * telling a stress CSV apart would consume what the reader needs) */
    path = strcmp(argv[1], "-") == 0 ? "/dev/stdin" : argv[1];
    if (path == argv[1] && stress_csv_file_is_stress(path)) {
        if (gnuplot) {
            return cli_usage("verdict: --gnuplot is for a sweep's CSV; %s is a stress CSV", path);
        }
        return cmd_verdict_stress(path, target_text, csv);
    }
    if (target_text != NULL) {
        return cli_usage("--target applies to a stress CSV; %s is a sweep's", argv[1]);
    }
    if (gnuplot) {
        return print_gnuplot(path, only);
    }
    verdicts = cli_verdict_read(path, &error);
    if (verdicts == NULL) {
        return cli_fail(error);
    }
    if (csv) {
        cli_verdict_print_csv(stdout, verdicts);
    } else {
        cli_verdict_print_table(stdout, verdicts);
    }
    return CLI_EXIT_OK;
}
