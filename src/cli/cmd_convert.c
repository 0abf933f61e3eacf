/* `bouncelab convert IN OUT`: any readable trace to native CSV (+ truth) or VCD. */
#include "cli.h"
#include "cli_trace_options.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

/* The output format from --to, else from OUT's extension; standard output gets native CSV. */
static gboolean output_format(const char *to, const char *out, trace_format_t *format,
                              GError **error)
{
    if (to != NULL) {
        if (trace_format_from_name(to, format) &&
            (*format == TRACE_FORMAT_NATIVE || *format == TRACE_FORMAT_VCD)) {
            return TRUE;
        }
        g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE, "--to: '%s' is not native or vcd", to);
        return FALSE;
    }
    if (strcmp(out, "-") == 0) {
        *format = TRACE_FORMAT_NATIVE;
        return TRUE;
    }
    if (g_str_has_suffix(out, ".vcd") || g_str_has_suffix(out, ".VCD")) {
        *format = TRACE_FORMAT_VCD;
        return TRUE;
    }
    if (g_str_has_suffix(out, ".csv") || g_str_has_suffix(out, ".CSV")) {
        *format = TRACE_FORMAT_NATIVE;
        return TRUE;
    }
    g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE,
                "cannot tell the output format of '%s' (use .csv or .vcd, or --to)", out);
    return FALSE;
}

int cmd_convert(int argc, char **argv)
{
    g_autoptr(GOptionContext) context =
        g_option_context_new("IN OUT - convert a trace to native CSV or VCD");
    g_auto(cli_trace_args_t) args = {0};
    g_autofree char *to = NULL;
    g_autofree char *vcd_timescale = NULL;
    int64_t timescale_ns = 0;
    const GOptionEntry entries[] = {
        {"to", 0, 0, G_OPTION_ARG_STRING, &to,
         "Output format: native or vcd [default: from OUT's extension, .csv or .vcd; native "
         "for -]",
         "FORMAT"},
        {"vcd-timescale", 0, 0, G_OPTION_ARG_STRING, &vcd_timescale, CLI_VCD_TIMESCALE_HELP,
         "DURATION"},
        G_OPTION_ENTRY_NULL,
    };
    trace_read_options_t opts;
    trace_format_t out_format;
    g_autoptr(trace_t) trace = NULL;
    g_autoptr(GError) error = NULL;
    gboolean ok;

    cli_trace_args_init(&args);
    g_option_context_set_summary(
        context,
        "Reads IN in any format bouncelab knows and writes it to OUT as native CSV (t_ns,level\n"
        "rows, with OUT's truth beside it as NAME.truth.csv when IN has truth) or as VCD (the\n"
        "coarsest exact timescale; the pin as a wire named after IN, a 'truth' wire that is 1\n"
        "while truly pressed, and a constant wire bouncelab_active_low or _high), which GTKWave,\n"
        "PulseView and sigrok-cli open. Converting native -> VCD -> native gives the same file\n"
        "back. OUT appears whole or not at all; '-' writes standard output (native CSV unless\n"
        "--to vcd, without the truth file) and '-' as IN reads standard input.");
    g_option_context_add_main_entries(context, entries, NULL);
    cli_trace_add_options(context, &args);
    if (!cli_parse_options(context, &argc, &argv)) {
        return CLI_EXIT_USAGE;
    }
    if (argc != 3) {
        return cli_usage("convert takes IN and OUT (see 'bouncelab convert --help')");
    }
    if (!cli_trace_read_options(&args, &opts, &error) ||
        !output_format(to, argv[2], &out_format, &error) ||
        !cli_vcd_timescale(vcd_timescale, &timescale_ns, &error)) {
        return cli_fail(error);
    }
    trace = cli_read_trace(argv[1], &opts, NULL, &error);
    if (trace == NULL) {
        return cli_fail(error);
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
        cli_error_as_failure(error); /* writing failed, whatever the domain says */
        return cli_fail(error);
    }
    return CLI_EXIT_OK;
}
