/* `bouncelab convert IN OUT`: any readable trace to native CSV (+ truth) or VCD. */
#include "cli.h"
#include "cli_trace_options.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

/* The output format from --to, else from OUT's extension. */
static gboolean output_format(const char *to, const char *out, trace_format_t *format)
{
    if (to != NULL) {
        if (trace_format_from_name(to, format) &&
            (*format == TRACE_FORMAT_NATIVE || *format == TRACE_FORMAT_VCD)) {
            return TRUE;
        }
        fprintf(stderr, "bouncelab: --to: '%s' is not native or vcd\n", to);
        return FALSE;
    }
    if (g_str_has_suffix(out, ".vcd") || g_str_has_suffix(out, ".VCD")) {
        *format = TRACE_FORMAT_VCD;
        return TRUE;
    }
    if (g_str_has_suffix(out, ".csv") || g_str_has_suffix(out, ".CSV")) {
        *format = TRACE_FORMAT_NATIVE;
        return TRUE;
    }
    fprintf(stderr,
            "bouncelab: cannot tell the output format of '%s' (use .csv or .vcd, or --to)\n", out);
    return FALSE;
}

int cmd_convert(int argc, char **argv)
{
    g_autoptr(GOptionContext) context =
        g_option_context_new("IN OUT - convert a trace to native CSV or VCD");
    cli_trace_args_t args;
    g_autofree char *to = NULL;
    g_autofree char *vcd_timescale = NULL;
    int64_t timescale_ns = 0;
    const GOptionEntry entries[] = {
        {"to", 0, 0, G_OPTION_ARG_STRING, &to,
         "Output format: native or vcd (default: from OUT's extension, .csv or .vcd)", "FORMAT"},
        {"vcd-timescale", 0, 0, G_OPTION_ARG_STRING, &vcd_timescale, CLI_VCD_TIMESCALE_HELP,
         "DURATION"},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    trace_read_options_t opts;
    trace_format_t out_format;
    g_autoptr(trace_t) trace = NULL;
    g_autoptr(GError) error = NULL;
    int status = CLI_EXIT_OK;
    gboolean ok;

    cli_trace_args_init(&args);
    g_option_context_set_summary(
        context,
        "Reads IN in any format bouncelab knows and writes it to OUT as native CSV (t_ns,level\n"
        "rows, with OUT's truth beside it as NAME.truth.csv when IN has truth) or as VCD (the\n"
        "coarsest exact timescale; the pin as a wire named after IN, a 'truth' wire that is 1\n"
        "while truly pressed, and a constant wire bouncelab_active_low or _high), which GTKWave,\n"
        "PulseView and sigrok-cli open. Converting native -> VCD -> native gives the same file\n"
        "back. OUT appears whole or not at all; '-' writes standard output\n"
        "(with --to, and without the truth file) and '-' as IN reads standard input.");
    g_option_context_add_main_entries(context, entries, NULL);
    cli_trace_add_options(context, &args);
    if (!cli_parse_options(context, &argc, &argv)) {
        cli_trace_args_clear(&args);
        return CLI_EXIT_USAGE;
    }
    if (argc != 3) {
        fprintf(stderr, "bouncelab: convert takes IN and OUT (see 'bouncelab convert --help')\n");
        cli_trace_args_clear(&args);
        return CLI_EXIT_USAGE;
    }
    if (!cli_trace_read_options(&args, &opts) || !output_format(to, argv[2], &out_format) ||
        !cli_vcd_timescale(vcd_timescale, &timescale_ns)) {
        cli_trace_args_clear(&args);
        return CLI_EXIT_USAGE;
    }
    trace = cli_read_trace(argv[1], &opts, NULL, &status);
    cli_trace_args_clear(&args);
    if (trace == NULL) {
        return status;
    }
    if (out_format == TRACE_FORMAT_VCD) {
        ok = trace_write_vcd_trace_at(trace, argv[2], timescale_ns, &error);
    } else {
        if (strcmp(argv[2], "-") == 0 && trace->truth != NULL) {
            fprintf(stderr, "bouncelab: note: the truth is not written to standard output\n");
            g_clear_pointer(&trace->truth, g_array_unref);
        }
        ok = trace_write_csv(trace, argv[2], &error);
        if (ok && trace->truth == NULL && strcmp(argv[2], "-") != 0) {
            /* a truth file left from an earlier OUT would be read as this trace's */
            g_autofree char *stale = trace_truth_path(argv[2]);
            if (g_file_test(stale, G_FILE_TEST_EXISTS) && g_remove(stale) == 0) {
                fprintf(stderr, "bouncelab: note: removed %s (IN has no truth)\n", stale);
            }
        }
    }
    if (!ok) {
        cli_print_error(error);
        return CLI_EXIT_FAILURE;
    }
    return CLI_EXIT_OK;
}
