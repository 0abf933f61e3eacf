/*
 * `bouncelab plot RESULTS.csv`: the pictures of a sweep, and `bouncelab plot
 * --trace TRACE --at TIME`: the waveform of one run around one press; drawn
 * by gnuplot from the scripts in scripts/plots/ (each also usable by hand).
 */
#include "cli.h"
#include "cli_replay.h"
#include "cli_results.h"
#include "cli_run_options.h"
#include "cli_sim_options.h"
#include "cli_trace_options.h"
#include "plot_error.h"
#include "plot_gnuplot.h"
#include "plot_sweep.h"
#include "plot_waveform.h"
#include "sim_algos.h"
#include "util_duration.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#ifndef BOUNCELAB_PLOT_DIR
#error "BOUNCELAB_PLOT_DIR must name the directory of the gnuplot scripts (src/cli/CMakeLists.txt)"
#endif

/* Default image format, as written after --format. */
#define PLOT_DEFAULT_FORMAT "png"

/* The waveform's script in the scripts directory. */
#define WAVEFORM_SCRIPT "waveform.gp"

typedef struct {
    char *output_dir;  /* -o; default: the directory of RESULTS.csv, or . for a waveform */
    char *format;      /* png or svg */
    char *only;        /* sweep plots: draw only this trace */
    char *scripts_dir; /* default BOUNCELAB_PLOT_DIR */
    /* the waveform */
    char *trace; /* the trace file to replay */
    char *at;    /* the instant to look at */
    char *span;  /* how long a window to show; default: see plot_waveform_new() */
    char *data;  /* keep the CSV handed to gnuplot here */
    cli_run_options_t run;
    cli_sim_options_t sim;
    cli_trace_args_t reader;
} plot_options_t;

static void plot_options_init(plot_options_t *options)
{
    *options = (plot_options_t){0};
    cli_run_options_init(&options->run);
    cli_sim_options_init(&options->sim);
    cli_trace_args_init(&options->reader);
}

static void plot_options_clear(plot_options_t *options)
{
    g_free(options->output_dir);
    g_free(options->format);
    g_free(options->only);
    g_free(options->scripts_dir);
    g_free(options->trace);
    g_free(options->at);
    g_free(options->span);
    g_free(options->data);
    cli_run_options_clear(&options->run);
    cli_sim_options_clear(&options->sim);
    cli_trace_args_clear(&options->reader);
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
        text,
        "\nTRACE is the trace column without directory and extension. Each plot is one\n"
        "gnuplot script, also usable by hand:\n"
        "  gnuplot -e \"data='results.csv'; trace='NAME'\" " BOUNCELAB_PLOT_DIR "/PLOT.gp\n"
        "(trace as in the CSV's trace column; the script's header lists its variables).\n\n"
        "The waveform: bouncelab plot --trace TRACE --at TIME [--span DUR] [run options]\n"
        "replays TRACE through one configuration, as 'bouncelab run' does (the options\n"
        "under --help-run), and draws the raw pin, the debounced output, the reads or\n"
        "handler and alarm runs, and the reported presses and releases (false ones in red,\n"
        "missed ones marked) around TIME, into DIR/STEM-waveform-ALGO-WINDOW-MODE-at-TIME.png.\n"
        "Without --span the window runs from 1 ms before TIME to the latest of: TIME + 2\n"
        "windows; the last bounce of the first true change in the window (its last edge\n"
        "before a quiet --settle time) + a window; the program's report of that change;\n"
        "plus 5 %. With --span DUR it is DUR long, from 1 ms (or DUR / 10, if less) before\n"
        "TIME. --data FILE keeps the CSV gnuplot draws, for " BOUNCELAB_PLOT_DIR "/" WAVEFORM_SCRIPT
        "\n"
        "by hand. Durations take a unit (250us, 5ms, 1.5s); 'bouncelab run --help' lists\n"
        "the interrupt runtimes' latencies.\n\n"
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
        .only = options->only,
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

/* The picture's file name: STEM-waveform-ALGO-WINDOW-MODE-at-TIME.EXT. */
static char *waveform_file(const char *trace_path, const sim_config_t *cfg, int64_t at_ns,
                           const char *extension)
{
    g_autoptr(GPtrArray) one = g_ptr_array_new();
    g_autoptr(GPtrArray) stems = NULL;
    g_autofree char *window = util_format_duration(cfg->press_window_ns);
    g_autofree char *at = util_format_duration(at_ns);

    g_ptr_array_add(one, (gpointer)trace_path);
    stems = plot_sweep_stems(one);
    return g_strdup_printf(
        "%s-waveform-%s-%s-%s-at-%s.%s", (const char *)g_ptr_array_index(stems, 0),
        sim_algo_info(cfg->algo)->name, window, sim_mode_name(cfg->mode), at, extension);
}

/* The CSV for gnuplot: --data FILE, or a temporary file (*temp_out, removed by the caller). */
static char *waveform_data_path(const plot_options_t *options, char **temp_out, GError **error)
{
    char *temp = NULL;
    int fd;

    if (options->data != NULL) {
        return g_strdup(options->data);
    }
    fd = g_file_open_tmp("bouncelab-waveform-XXXXXX.csv", &temp, error);
    if (fd < 0) {
        return NULL;
    }
    g_close(fd, NULL);
    *temp_out = temp;
    return g_strdup(temp);
}

static int draw_waveform(plot_options_t *options, plot_format_t format)
{
    g_autoptr(GError) error = NULL;
    const char *out_dir = options->output_dir != NULL ? options->output_dir : ".";
    const char *scripts = options->scripts_dir != NULL ? options->scripts_dir : BOUNCELAB_PLOT_DIR;
    g_autofree char *script = g_build_filename(scripts, WAVEFORM_SCRIPT, NULL);
    trace_read_options_t read_opts;
    sim_config_t cfg;
    int64_t at_ns = 0, span_ns = 0, settle_ns = 0;
    int status = CLI_EXIT_USAGE;

    if (!cli_duration("--at", options->at, &at_ns) ||
        (options->span != NULL && !cli_duration("--span", options->span, &span_ns)) ||
        !cli_run_options_config(&options->run, &options->sim, &cfg) ||
        !cli_sim_options_settle(&options->sim, &settle_ns) ||
        !cli_trace_read_options(&options->reader, &read_opts)) {
        return CLI_EXIT_USAGE;
    }
    if (options->span != NULL && span_ns <= 0) {
        fprintf(stderr, "bouncelab: --span: the window must be longer than 0s\n");
        return CLI_EXIT_USAGE;
    }
    if (!sim_config_validate(&cfg, &error)) {
        cli_print_error(error);
        return CLI_EXIT_USAGE;
    }
    if (!g_file_test(script, G_FILE_TEST_IS_REGULAR)) {
        fprintf(stderr,
                "bouncelab: %s: no such plot script (--scripts names the directory of the "
                "gnuplot scripts, scripts/plots in the source tree)\n",
                script);
        return CLI_EXIT_USAGE;
    }

    g_autoptr(trace_t) trace =
        cli_replay_load(options->trace, &read_opts, settle_ns, NULL, &status);
    if (trace == NULL) {
        return status;
    }
    g_autoptr(plot_waveform_t) waveform =
        plot_waveform_new(trace, &cfg, at_ns, span_ns, settle_ns, &error);
    if (waveform == NULL) {
        cli_print_error(error);
        return exit_status(error);
    }
    g_autofree char *note = NULL;
    g_autoptr(plot_gnuplot_t) gnuplot = plot_gnuplot_open(format, &note, &error);
    if (gnuplot == NULL) {
        cli_print_error(error);
        return exit_status(error);
    }
    if (note != NULL) {
        fprintf(stderr, "bouncelab: %s\n", note);
    }

    g_autofree char *temp = NULL;
    g_autofree char *data = waveform_data_path(options, &temp, &error);
    g_autofree char *file = waveform_file(options->trace, &cfg, at_ns, gnuplot->extension);
    g_autofree char *path = g_build_filename(out_dir, file, NULL);
    g_autofree char *at_text = util_format_duration(at_ns);
    g_autofree char *title = g_strdup_printf("Waveform of %s around %s", trace->name, at_text);
    g_autofree char *desc = cli_results_describe(&cfg);
    g_autofree char *program = cli_results_describe_program(&cfg);
    g_autofree char *config =
        program != NULL ? g_strdup_printf("%s; program %s", desc, program) : g_strdup(desc);
    g_autofree char *warning = NULL;

    status = CLI_EXIT_FAILURE;
    if (data == NULL || !plot_waveform_write_data(waveform, data, &error)) {
        cli_print_error(error);
    } else if (g_mkdir_with_parents(out_dir, PLOT_DIR_MODE) != 0) {
        int err = errno;
        fprintf(stderr, "bouncelab: %s: cannot create the output directory: %s\n", out_dir,
                g_strerror(err));
    } else if (!plot_waveform_draw(waveform, gnuplot, script, data, path, title, config, &warning,
                                   &error)) {
        cli_print_error(error);
        status = exit_status(error);
    } else {
        if (warning != NULL) {
            fprintf(stderr, "bouncelab: gnuplot warning in %s: %s\n", WAVEFORM_SCRIPT, warning);
        }
        printf("%s\n", path);
        status = CLI_EXIT_OK;
    }
    if (temp != NULL) {
        g_unlink(temp);
    }
    return status;
}

/* Options that only a waveform takes, named for the message when they come without --at. */
static const char *waveform_only_option(const plot_options_t *options)
{
    if (options->trace != NULL) {
        return "--trace";
    }
    if (options->span != NULL) {
        return "--span";
    }
    if (options->data != NULL) {
        return "--data";
    }
    if (cli_run_options_given(&options->run) || cli_sim_options_given(&options->sim) ||
        options->reader.format || options->reader.channel || options->reader.gap ||
        options->reader.active) {
        return "the run options";
    }
    return NULL;
}

int cmd_plot(int argc, char **argv)
{
    plot_options_t options;
    const GOptionEntry entries[] = {
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &options.output_dir,
         "Directory for the images, created if missing (default: RESULTS.csv's; for a "
         "waveform, the current one)",
         "DIR"},
        {"format", 0, 0, G_OPTION_ARG_STRING, &options.format,
         "png or svg (default " PLOT_DEFAULT_FORMAT "; svg when gnuplot cannot draw PNG)",
         "FORMAT"},
        {"only", 0, 0, G_OPTION_ARG_STRING, &options.only,
         "Only this trace of the sweep (as in the trace column, or its file name stem)", "NAME"},
        {"scripts", 0, 0, G_OPTION_ARG_FILENAME, &options.scripts_dir,
         "Directory of the gnuplot scripts (default " BOUNCELAB_PLOT_DIR ")", "DIR"},
        {"trace", 0, 0, G_OPTION_ARG_FILENAME, &options.trace,
         "Waveform: the trace file to replay (with --at)", "TRACE"},
        {"at", 0, 0, G_OPTION_ARG_STRING, &options.at,
         "Waveform: the instant to look at, from the trace's start (e.g. 1.2s, 350ms)", "TIME"},
        {"span", 0, 0, G_OPTION_ARG_STRING, &options.span,
         "Waveform: how much time to show (default: the whole bounce and the reported change, "
         "see below)",
         "DUR"},
        {"data", 0, 0, G_OPTION_ARG_FILENAME, &options.data,
         "Waveform: also keep the CSV gnuplot draws in FILE", "FILE"},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    g_autoptr(GOptionContext) context = g_option_context_new(
        "RESULTS.csv | --trace TRACE --at TIME - draw the pictures of a sweep, or a waveform");
    g_autofree char *description = describe_plots();
    GOptionGroup *run_group;
    plot_format_t format = PLOT_FORMAT_PNG;
    const char *waveform_option;
    int status;

    plot_options_init(&options);
    g_option_context_set_summary(context,
                                 "Draws latency, false triggers, missed presses and CPU cost from "
                                 "the CSV of 'bouncelab sweep',\none set of plots per trace; or, "
                                 "with --trace and --at, the waveform of one run around one "
                                 "press.");
    g_option_context_set_description(context, description);
    g_option_context_add_main_entries(context, entries, NULL);
    run_group = g_option_group_new("run", "The waveform's configuration, as for 'bouncelab run':",
                                   "Show the waveform's configuration options", NULL, NULL);
    cli_run_options_add(run_group, &options.run);
    cli_sim_options_add_to_group(run_group, &options.sim);
    cli_trace_add_options_to_group(run_group, &options.reader, "trace-format");
    g_option_context_add_group(context, run_group);
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
    status = CLI_EXIT_USAGE;
    waveform_option = waveform_only_option(&options);
    if (options.at != NULL) {
        if (argc != 1 || options.trace == NULL) {
            fprintf(stderr, "bouncelab: --at draws the waveform of the trace named by --trace "
                            "TRACE, not of a results CSV\n");
        } else if (options.only != NULL) {
            fprintf(stderr, "bouncelab: --only picks a trace of a sweep CSV; a waveform replays "
                            "--trace TRACE\n");
        } else {
            status = draw_waveform(&options, format);
        }
    } else if (options.trace != NULL) {
        fprintf(stderr, "bouncelab: --trace names the trace to replay for a waveform, with --at "
                        "TIME; to draw one trace of a sweep CSV, use --only NAME\n");
    } else if (waveform_option != NULL) {
        fprintf(stderr, "bouncelab: %s: only for a waveform (give --trace TRACE --at TIME)\n",
                waveform_option);
    } else if (argc != 2) {
        fprintf(stderr, "bouncelab: plot takes one results CSV (see 'bouncelab plot --help')\n");
    } else {
        status = draw_sweep(argv[1], &options, format);
    }
    plot_options_clear(&options);
    return status;
}
