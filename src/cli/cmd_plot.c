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
#include "cli_interrupt.h"
#include "cli_trace_options.h"
#include "plot_error.h"
#include "plot_gnuplot.h"
#include "plot_stress.h"
#include "plot_sweep.h"
#include "plot_worst.h"
#include "plot_waveform.h"
#include "sim_algos.h"
#include "stress_csv.h"
#include "stress_verdict.h"
#include "trace_error.h"
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
    char *format;      /* --image-format: png or svg */
    char *only;        /* sweep plots: draw only this trace */
    char *scripts_dir; /* default: cli_data_dir("plots", BOUNCELAB_PLOT_DIR) */
    /* the waveform */
    char *trace;    /* the trace file to replay */
    char *at;       /* the instant to look at */
    char *span;     /* how long a window to show; default: see plot_waveform_new() */
    char *data;     /* keep the CSV handed to gnuplot here */
    gboolean worst; /* --trace names a model: draw its worst simulated press */
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

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(plot_options_t, plot_options_clear)

static char *describe_plots(const char *scripts)
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
              "  gnuplot -e \"data='results.csv'; trace='NAME'\" ");
    g_string_append(text, scripts);
    g_string_append(
        text,
        "/PLOT.gp\n"
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
        "TIME. --data FILE keeps the CSV gnuplot draws, for ");
    g_string_append(text, scripts);
    g_string_append(
        text, "/" WAVEFORM_SCRIPT "\n"
              "by hand. Durations take a unit (250us, 5ms, 1.5s); 'bouncelab run --help' lists\n"
              "the interrupt runtimes' latencies.\n\n"
              "Exit status: 0 success, 1 gnuplot or writing failed, 2 bad options or input,\n"
              "or gnuplot is not installed.");
    return g_string_free(text, FALSE);
}

static gboolean stop_requested(gpointer data)
{
    return cli_interrupt_caught(data) != 0;
}

/*
 * The exit status of a failed drawing: 128 + the signal when one stopped it
 * (SIGINT to the process group reaches gnuplot too), else the error's.
 */
static int drawing_failed(cli_interrupt_t *watch, const GError *error)
{
    int sig = cli_interrupt_caught(watch);

    if (sig == 0) {
        return cli_fail(error);
    }
    return cli_interrupted("plot", sig, "; the pictures listed are whole, no other was written");
}

static int draw_sweep(const char *results, const plot_options_t *options, plot_format_t format)
{
    /* first, so it is dropped last: a SIGINT or SIGTERM from here on is noted,
     * and the temporary folder and pictures are removed before it can kill */
    g_autoptr(cli_interrupt_t) watch = cli_interrupt_watch();
    g_autoptr(GError) error = NULL;
    g_autofree char *default_dir = g_path_get_dirname(results);
    const plot_sweep_options_t sweep_options = {
        .results = results,
        .out_dir = options->output_dir != NULL ? options->output_dir : default_dir,
        .scripts_dir = options->scripts_dir,
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
        return cli_fail(error);
    }
    gnuplot = plot_gnuplot_open(format, &note, &error);
    if (gnuplot == NULL) {
        return cli_fail(error);
    }
    if (note != NULL) {
        fprintf(stderr, "bouncelab: %s\n", note);
    }
    gnuplot->stop = stop_requested;
    gnuplot->stop_data = watch;
    ok = plot_sweep_draw(sweep, gnuplot, written, warnings, &error);
    for (guint i = 0; i < warnings->len; i++) {
        fprintf(stderr, "bouncelab: gnuplot warning in %s\n",
                (const char *)g_ptr_array_index(warnings, i));
    }
    for (guint i = 0; i < written->len; i++) {
        printf("%s\n", (const char *)g_ptr_array_index(written, i));
    }
    if (!ok) {
        return drawing_failed(watch, error);
    }
    return CLI_EXIT_OK;
}

/* A stress CSV's picture: rates against window (plot_stress.h). */
static int draw_stress(const char *results, const plot_options_t *options, plot_format_t format)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *default_dir = g_path_get_dirname(results);
    g_autoptr(plot_gnuplot_t) gnuplot = plot_gnuplot_open(format, NULL, &error);
    g_autoptr(GPtrArray) written = g_ptr_array_new_with_free_func(g_free);
    gboolean ok;

    if (gnuplot == NULL) {
        return cli_fail(error);
    }
    ok = plot_stress_draw(results, options->output_dir ? options->output_dir : default_dir,
                          options->scripts_dir, options->only, STRESS_VERDICT_TARGET_DEFAULT * 1e6,
                          gnuplot, written, &error);
    for (guint i = 0; i < written->len; i++) {
        printf("%s\n", (const char *)g_ptr_array_index(written, i));
    }
    if (!ok) {
        return cli_fail(error);
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
    return g_strdup_printf("%s-waveform-%s-%s-%s-at-%s.%s",
                           (const char *)g_ptr_array_index(stems, 0), debounce_algo_name(cfg->algo),
                           window, sim_mode_name(cfg->mode), at, extension);
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
    g_autoptr(cli_interrupt_t) watch = cli_interrupt_watch(); /* first: dropped last */
    g_autoptr(GError) error = NULL;
    const char *out_dir = options->output_dir != NULL ? options->output_dir : ".";
    const char *scripts = options->scripts_dir;
    g_autofree char *script = g_build_filename(scripts, WAVEFORM_SCRIPT, NULL);
    trace_read_options_t read_opts;
    sim_config_t cfg;
    int64_t at_ns = 0, span_ns = 0, settle_ns = 0;
    int status = CLI_EXIT_USAGE;

    if (!cli_duration("--at", options->at, &at_ns, &error) ||
        (options->span != NULL && !cli_duration("--span", options->span, &span_ns, &error)) ||
        !cli_run_options_config(&options->run, &options->sim, &cfg, &error) ||
        !cli_sim_options_settle(&options->sim, &settle_ns, &error) ||
        !cli_trace_read_options(&options->reader, &read_opts, &error) ||
        !sim_config_validate(&cfg, &error)) {
        return cli_fail(error);
    }
    if (options->span != NULL && span_ns <= 0) {
        return cli_usage("--span: the window must be longer than 0s");
    }
    if (!g_file_test(script, G_FILE_TEST_IS_REGULAR)) {
        return cli_usage("%s: no such plot script (--scripts names the directory of the "
                         "gnuplot scripts, scripts/plots in the source tree)",
                         script);
    }

    g_autoptr(trace_t) trace = cli_replay_load(options->trace, &read_opts, settle_ns, NULL, &error);
    if (trace == NULL || !cli_sim_options_check_phase(&cfg, trace->start_ns, trace->end_ns,
                                                      options->trace, &error)) {
        return cli_fail(error);
    }
    g_autoptr(plot_waveform_t) waveform =
        plot_waveform_new(trace, &cfg, at_ns, span_ns, settle_ns, &error);
    if (waveform == NULL) {
        return cli_fail(error);
    }
    g_autofree char *note = NULL;
    g_autoptr(plot_gnuplot_t) gnuplot = plot_gnuplot_open(format, &note, &error);
    if (gnuplot == NULL) {
        return cli_fail(error);
    }
    if (note != NULL) {
        fprintf(stderr, "bouncelab: %s\n", note);
    }
    gnuplot->stop = stop_requested;
    gnuplot->stop_data = watch;

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

    if (data == NULL || !plot_waveform_write_data(waveform, data, &error)) {
        status = cli_fail(error);
    } else if (g_mkdir_with_parents(out_dir, PLOT_DIR_MODE) != 0) {
        int err = errno;
        g_set_error(&error, G_FILE_ERROR, g_file_error_from_errno(err),
                    "%s: cannot create the output directory: %s", out_dir, g_strerror(err));
        status = cli_fail(error);
    } else if (!plot_waveform_draw(waveform, gnuplot, script, data, path, title, config, &warning,
                                   &error)) {
        status = drawing_failed(watch, error);
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
        cli_trace_args_given(&options->reader)) {
        return "the run options";
    }
    return NULL;
}

/*
 * The picture format: --image-format, or the old spelling --format png|svg
 * (any --format without --at, where no trace is read) with a note.
 */
static gboolean picture_format(plot_options_t *options, plot_format_t *format, GError **error)
{
    const char *option = "--image-format";
    const char *old = options->reader.format;

    if (options->format == NULL && old != NULL &&
        (options->at == NULL || strcmp(old, "png") == 0 || strcmp(old, "svg") == 0)) {
        fprintf(stderr,
                "bouncelab: note: plot --format %s is now --image-format %s (--format names the "
                "input trace's format, as in every command)\n",
                old, old);
        options->format = g_steal_pointer(&options->reader.format);
        option = "--format";
    }
    *format = PLOT_FORMAT_PNG;
    if (options->format == NULL || strcmp(options->format, "png") == 0) {
        return TRUE;
    }
    if (strcmp(options->format, "svg") == 0) {
        *format = PLOT_FORMAT_SVG;
        return TRUE;
    }
    g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE, "%s: expected png or svg, got '%s'", option,
                options->format);
    return FALSE;
}

/* --worst: the model's presses into a temporary trace, then its waveform at the
 * worst press, rounded down to 0.1 ms for a readable file name. */
#define WORST_AT_ROUND_NS INT64_C(100000)
static int draw_worst(plot_options_t *options, plot_format_t format)
{
    sim_config_t cfg;
    g_autoptr(GError) error = NULL;
    g_autofree char *dir = NULL;
    g_autofree char *path = NULL;
    char *model = options->trace;
    int64_t at_ns = 0;
    gboolean failed = FALSE;
    int status;
    guint64 seed = 1;

    if (!cli_run_options_config(&options->run, &options->sim, &cfg, &error) ||
        !sim_config_validate(&cfg, &error) ||
        (options->sim.seed != NULL &&
         !cli_unsigned("--seed", options->sim.seed, G_MAXUINT32, &seed, &error))) {
        return cli_fail(error);
    }
    path = plot_worst_press(model, &cfg, seed, &dir, &at_ns, &failed, &error);
    if (path == NULL) {
        return cli_fail(error);
    }
    fprintf(stderr, "bouncelab: the worst of %u simulated presses: the one at %.3f ms (%s)\n",
            PLOT_WORST_PRESSES, (double)at_ns / 1e6,
            failed ? "it went wrong, with the longest bounce of those that did"
                   : "none went wrong; the longest bounce");
    /* the view starts a little before the press (plot_waveform.h) */
    options->trace = path;
    options->at = util_format_duration(at_ns - at_ns % WORST_AT_ROUND_NS);
    status = draw_waveform(options, format);
    g_free(options->at);
    options->at = NULL;
    options->trace = model;
    plot_worst_cleanup(dir, path);
    return status;
}

int cmd_plot(int argc, char **argv)
{
    g_autofree char *scripts = cli_data_dir("plots", BOUNCELAB_PLOT_DIR);
    g_autofree char *scripts_help =
        g_strdup_printf("Directory of the gnuplot scripts [default: %s]", scripts);
    g_auto(plot_options_t) options = {0};
    g_autoptr(GError) error = NULL;
    const GOptionEntry entries[] = {
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &options.output_dir,
         "Directory for the images, created if missing [default: RESULTS.csv's; for a "
         "waveform, the current one]",
         "DIR"},
        {"image-format", 0, 0, G_OPTION_ARG_STRING, &options.format,
         "png or svg; svg when gnuplot cannot draw PNG [default: " PLOT_DEFAULT_FORMAT "]",
         "FORMAT"},
        {"only", 0, 0, G_OPTION_ARG_STRING, &options.only,
         "Only this trace of the sweep (as in the trace column, or its file name stem)", "NAME"},
        {"scripts", 0, 0, G_OPTION_ARG_FILENAME, &options.scripts_dir, scripts_help, "DIR"},
        {"trace", 0, 0, G_OPTION_ARG_FILENAME, &options.trace,
         "Waveform: the trace file to replay (with --at)", "TRACE"},
        {"at", 0, 0, G_OPTION_ARG_STRING, &options.at,
         "Waveform: the instant to look at, from the trace's start (e.g. 1.2s, 350ms)", "TIME"},
        {"span", 0, 0, G_OPTION_ARG_STRING, &options.span,
         "Waveform: how much time to show [default: the whole bounce and the reported change, "
         "see below]",
         "DUR"},
        {"data", 0, 0, G_OPTION_ARG_FILENAME, &options.data,
         "Waveform: also keep the CSV gnuplot draws in FILE", "FILE"},
        {"worst", 0, 0, G_OPTION_ARG_NONE, &options.worst,
         "Waveform: --trace names a model (a gen profile or a model file); draw the worst of "
         "its simulated presses (the failed one with the longest bounce; --seed picks them)",
         NULL},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    /* the input format's old name here, hidden: --format is the input format everywhere */
    const GOptionEntry trace_format_alias[] = {{"trace-format", 0, G_OPTION_FLAG_HIDDEN,
                                                G_OPTION_ARG_STRING, &options.reader.format, NULL,
                                                NULL},
                                               G_OPTION_ENTRY_NULL};
    g_autoptr(GOptionContext) context = g_option_context_new(
        "RESULTS.csv | --trace TRACE --at TIME - draw the pictures of a sweep, or a waveform");
    g_autofree char *description = describe_plots(scripts);
    GOptionGroup *run_group;
    plot_format_t format = PLOT_FORMAT_PNG;
    const char *waveform_option;

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
    cli_trace_add_options_to_group(run_group, &options.reader, "format");
    g_option_group_add_entries(run_group, trace_format_alias);
    g_option_context_add_group(context, run_group);
    if (!cli_parse_options(context, &argc, &argv)) {
        return CLI_EXIT_USAGE;
    }
    if (!picture_format(&options, &format, &error)) {
        return cli_fail(error);
    }
    if (options.scripts_dir == NULL) {
        options.scripts_dir = g_strdup(scripts);
    }
    waveform_option = waveform_only_option(&options);
    if (options.worst) {
        if (argc != 1 || options.trace == NULL || options.at != NULL) {
            return cli_usage("--worst draws the worst press of the model named by --trace MODEL, "
                             "without --at or a results CSV");
        }
        return draw_worst(&options, format);
    }
    if (options.at != NULL) {
        if (argc != 1 || options.trace == NULL) {
            return cli_usage("--at draws the waveform of the trace named by --trace TRACE, not of "
                             "a results CSV");
        }
        if (options.only != NULL) {
            return cli_usage("--only picks a trace of a sweep CSV; a waveform replays --trace "
                             "TRACE");
        }
        return draw_waveform(&options, format);
    }
    if (options.trace != NULL) {
        return cli_usage("--trace names the trace to replay for a waveform, with --at TIME; to "
                         "draw one trace of a sweep CSV, use --only NAME");
    }
    if (waveform_option != NULL) {
        return cli_usage("%s: only for a waveform (give --trace TRACE --at TIME)", waveform_option);
    }
    if (argc != 2) {
        return cli_usage("plot takes one results CSV (see 'bouncelab plot --help')");
    }
    if (stress_csv_file_is_stress(argv[1])) {
        return draw_stress(argv[1], &options, format);
    }
    return draw_sweep(argv[1], &options, format);
}
