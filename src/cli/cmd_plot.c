/*
 * `bouncelab plot RESULTS.csv`: the pictures of a sweep, drawn by gnuplot
 * from the scripts in scripts/plots/ (each also usable by hand).
 */
#include "cli.h"
#include "plot_error.h"
#include "plot_gnuplot.h"
#include "plot_sweep.h"

#include <stdio.h>
#include <string.h>

#ifndef BOUNCELAB_PLOT_DIR
#error "BOUNCELAB_PLOT_DIR must name the directory of the gnuplot scripts (src/cli/CMakeLists.txt)"
#endif

/* Default image format, as written after --format. */
#define PLOT_DEFAULT_FORMAT "png"

typedef struct {
    char *output_dir;  /* -o; default: the directory of RESULTS.csv */
    char *format;      /* png or svg */
    char *trace;       /* sweep plots: draw only this trace */
    char *scripts_dir; /* default BOUNCELAB_PLOT_DIR */
    /*
     * Plot 5 (issue 5), the waveform around one press, joins here: `--at TIME`
     * with the run options (--algo, --window, --mode, ...). With --at,
     * --trace names the trace file to replay instead of a trace of the CSV,
     * and cmd_plot draws that one plot instead of the sweep plots.
     */
} plot_options_t;

static void plot_options_clear(plot_options_t *options)
{
    g_free(options->output_dir);
    g_free(options->format);
    g_free(options->trace);
    g_free(options->scripts_dir);
}

static int exit_status(const GError *error)
{
    if (error->domain == PLOT_ERROR &&
        (error->code == PLOT_ERROR_PARSE || error->code == PLOT_ERROR_INVALID ||
         error->code == PLOT_ERROR_NO_GNUPLOT)) {
        return CLI_EXIT_USAGE;
    }
    return CLI_EXIT_FAILURE;
}

static char *describe_plots(void)
{
    GString *text =
        g_string_new("Plots, one file per plot and trace, named TRACE-PLOT.png (or .svg):\n");
    gsize n = 0;
    const plot_sweep_plot_t *plots = plot_sweep_plots(&n);

    for (gsize i = 0; i < n; i++) {
        g_string_append_printf(text, "  %-18s %s\n", plots[i].name, plots[i].summary);
    }
    g_string_append(
        text, "\nTRACE is the trace column without directory and extension. Each plot is one\n"
              "gnuplot script, also usable by hand:\n"
              "  gnuplot -e \"data='results.csv'; trace='NAME'\" " BOUNCELAB_PLOT_DIR "/PLOT.gp\n"
              "(trace as in the CSV's trace column; the script's header lists its variables).\n\n"
              "Exit status: 0 success, 1 gnuplot or writing failed, 2 bad options or input,\n"
              "or gnuplot is not installed.");
    return g_string_free(text, FALSE);
}

static int draw_sweep(const char *results, const plot_options_t *options, plot_format_t format)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *default_dir = g_path_get_dirname(results);
    const plot_sweep_options_t sweep_options = {
        .results = results,
        .out_dir = options->output_dir != NULL ? options->output_dir : default_dir,
        .scripts_dir = options->scripts_dir != NULL ? options->scripts_dir : BOUNCELAB_PLOT_DIR,
        .trace = options->trace,
    };
    g_autoptr(plot_sweep_t) sweep = NULL;
    g_autoptr(plot_gnuplot_t) gnuplot = NULL;
    g_autofree char *note = NULL;
    g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func(g_free);
    gboolean ok;

    /* the input first: a bad CSV is worth knowing about before gnuplot is */
    sweep = plot_sweep_new(&sweep_options, &error);
    if (sweep == NULL) {
        cli_print_error(error);
        return exit_status(error);
    }
    gnuplot = plot_gnuplot_open(format, &note, &error);
    if (gnuplot == NULL) {
        cli_print_error(error);
        return exit_status(error);
    }
    if (note != NULL) {
        fprintf(stderr, "bouncelab: %s\n", note);
    }
    ok = plot_sweep_draw(sweep, gnuplot, written, warnings, &error);
    for (guint i = 0; i < warnings->len; i++) {
        fprintf(stderr, "bouncelab: gnuplot warning in %s\n",
                (const char *)g_ptr_array_index(warnings, i));
    }
    for (guint i = 0; i < written->len; i++) {
        printf("%s\n", (const char *)g_ptr_array_index(written, i));
    }
    if (!ok) {
        cli_print_error(error);
        return exit_status(error);
    }
    return CLI_EXIT_OK;
}

int cmd_plot(int argc, char **argv)
{
    plot_options_t options = {0};
    const GOptionEntry entries[] = {
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &options.output_dir,
         "Directory for the images, created if missing (default: RESULTS.csv's)", "DIR"},
        {"format", 0, 0, G_OPTION_ARG_STRING, &options.format,
         "png or svg (default " PLOT_DEFAULT_FORMAT "; svg when gnuplot cannot draw PNG)",
         "FORMAT"},
        {"trace", 0, 0, G_OPTION_ARG_STRING, &options.trace,
         "Only this trace (as in the trace column, or its file name stem)", "NAME"},
        {"scripts", 0, 0, G_OPTION_ARG_FILENAME, &options.scripts_dir,
         "Directory of the gnuplot scripts (default " BOUNCELAB_PLOT_DIR ")", "DIR"},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    g_autoptr(GOptionContext) context =
        g_option_context_new("RESULTS.csv - draw the pictures of a sweep with gnuplot");
    g_autofree char *description = describe_plots();
    plot_format_t format = PLOT_FORMAT_PNG;
    int status;

    g_option_context_set_summary(context,
                                 "Draws latency, false triggers, missed presses and CPU cost from "
                                 "the CSV of 'bouncelab sweep',\none set of plots per trace.");
    g_option_context_set_description(context, description);
    g_option_context_add_main_entries(context, entries, NULL);
    if (!cli_parse_options(context, &argc, &argv)) {
        plot_options_clear(&options);
        return CLI_EXIT_USAGE;
    }
    if (options.format != NULL && strcmp(options.format, "svg") == 0) {
        format = PLOT_FORMAT_SVG;
    } else if (options.format != NULL && strcmp(options.format, "png") != 0) {
        fprintf(stderr, "bouncelab: --format: expected png or svg, got '%s'\n", options.format);
        plot_options_clear(&options);
        return CLI_EXIT_USAGE;
    }
    if (argc != 2) {
        fprintf(stderr, "bouncelab: plot takes one results CSV (see 'bouncelab plot --help')\n");
        plot_options_clear(&options);
        return CLI_EXIT_USAGE;
    }
    status = draw_sweep(argv[1], &options, format);
    plot_options_clear(&options);
    return status;
}
