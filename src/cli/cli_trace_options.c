/* The reader options shared by the commands that read traces. */
#include "cli_trace_options.h"
#include "cli.h"
#include "trace_error.h"
#include "util_duration.h"

#include <stdio.h>
#include <string.h>

void cli_trace_args_init(cli_trace_args_t *args)
{
    args->format = NULL;
    args->format_option = "format";
    args->channel = NULL;
    args->vil_v = TRACE_READ_VIL_V_DEFAULT;
    args->vih_v = TRACE_READ_VIH_V_DEFAULT;
    args->gap = NULL;
    args->active = NULL;
}

void cli_trace_args_clear(cli_trace_args_t *args)
{
    g_clear_pointer(&args->format, g_free);
    g_clear_pointer(&args->channel, g_free);
    g_clear_pointer(&args->gap, g_free);
    g_clear_pointer(&args->active, g_free);
}

void cli_trace_add_options(GOptionContext *context, cli_trace_args_t *args)
{
    if (g_option_context_get_main_group(context) == NULL) {
        g_option_context_set_main_group(context, g_option_group_new(NULL, NULL, NULL, NULL, NULL));
    }
    cli_trace_add_options_to_group(g_option_context_get_main_group(context), args, "format");
}

void cli_trace_add_options_to_group(GOptionGroup *group, cli_trace_args_t *args,
                                    const char *format_option)
{
    const GOptionEntry entries[] = {
        {format_option, 0, 0, G_OPTION_ARG_STRING, &args->format,
         "Input format: native, vcd, sigrok, saleae, analog, bbb (default: told by content)",
         "NAME"},
        {"channel", 0, 0, G_OPTION_ARG_STRING, &args->channel,
         "VCD wire or CSV column to read (default: the only or first 1-bit one)", "NAME"},
        {"vil", 0, 0, G_OPTION_ARG_DOUBLE, &args->vil_v,
         "Analog CSV: the input reads 0 at or below this voltage (default 0.8 V: RP2040 VIL max "
         "at IOVDD 3.3 V)",
         "VOLTS"},
        {"vih", 0, 0, G_OPTION_ARG_DOUBLE, &args->vih_v,
         "Analog CSV: the input reads 1 at or above this voltage (default 2.0 V: RP2040 VIH min "
         "at IOVDD 3.3 V); in between it holds (Schmitt trigger)",
         "VOLTS"},
        {"gap", 0, 0, G_OPTION_ARG_STRING, &args->gap,
         "BBB log: quiet time laid between tests (default 200ms)", "DURATION"},
        {"active", 0, 0, G_OPTION_ARG_STRING, &args->active,
         "Level that means pressed: low (button to GND, pull-up) or high (default: what the file "
         "says, else low)",
         "low|high"},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    args->format_option = format_option;
    g_option_group_add_entries(group, entries);
}

gboolean cli_trace_read_options(const cli_trace_args_t *args, trace_read_options_t *opts)
{
    trace_read_options_init(opts);
    if (args->format != NULL && !trace_format_from_name(args->format, &opts->format)) {
        fprintf(stderr,
                "bouncelab: --%s: unknown format '%s' (expected native, vcd, sigrok, saleae, "
                "analog or bbb)\n",
                args->format_option, args->format);
        return FALSE;
    }
    opts->channel = args->channel;
    opts->vil_v = args->vil_v;
    opts->vih_v = args->vih_v;
    if (!(opts->vil_v < opts->vih_v) || opts->vil_v < -TRACE_READ_MAX_VOLTS ||
        opts->vih_v > TRACE_READ_MAX_VOLTS) {
        fprintf(stderr, "bouncelab: --vil (%g V) must be below --vih (%g V), both within +-%g V\n",
                opts->vil_v, opts->vih_v, TRACE_READ_MAX_VOLTS);
        return FALSE;
    }
    if (args->gap != NULL) {
        if (!cli_duration("--gap", args->gap, &opts->gap_ns)) {
            return FALSE;
        }
        if (opts->gap_ns <= 0) {
            fprintf(stderr, "bouncelab: --gap: must be longer than 0\n");
            return FALSE;
        }
    }
    if (args->active != NULL) {
        if (g_ascii_strcasecmp(args->active, "low") == 0) {
            opts->active = TRACE_ACTIVE_LOW;
        } else if (g_ascii_strcasecmp(args->active, "high") == 0) {
            opts->active = TRACE_ACTIVE_HIGH;
        } else {
            fprintf(stderr, "bouncelab: --active: '%s' is not low or high\n", args->active);
            return FALSE;
        }
    }
    return TRUE;
}

trace_t *cli_read_trace(const char *path, const trace_read_options_t *opts,
                        trace_format_t *detected, int *status)
{
    g_autoptr(GError) error = NULL;
    trace_t *trace;

    if (strcmp(path, "-") != 0 && !g_file_test(path, G_FILE_TEST_EXISTS)) {
        fprintf(stderr, "bouncelab: %s: no such file\n", path);
        *status = CLI_EXIT_USAGE;
        return NULL;
    }
    if (g_file_test(path, G_FILE_TEST_IS_DIR)) {
        fprintf(stderr, "bouncelab: %s: is a directory, not a trace\n", path);
        *status = CLI_EXIT_USAGE;
        return NULL;
    }
    trace = trace_read(path, opts, detected, &error);
    if (trace == NULL) {
        cli_print_error(error);
        *status =
            g_error_matches(error, TRACE_ERROR, TRACE_ERROR_IO) ? CLI_EXIT_FAILURE : CLI_EXIT_USAGE;
    }
    return trace;
}

gboolean cli_vcd_timescale(const char *text, int64_t *ns)
{
    g_autoptr(GError) error = NULL;

    *ns = 0;
    if (text == NULL) {
        return TRUE;
    }
    if (!util_parse_duration_ns(text, ns, &error)) {
        fprintf(stderr, "bouncelab: --vcd-timescale: %s\n", error->message);
        return FALSE;
    }
    if (!trace_vcd_timescale_ok(*ns)) {
        fprintf(stderr,
                "bouncelab: --vcd-timescale: '%s' is not a power of ten from 1ns to 1s (e.g. "
                "1us, 10us, 1ms)\n",
                text);
        return FALSE;
    }
    return TRUE;
}
