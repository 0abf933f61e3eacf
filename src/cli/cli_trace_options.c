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
    args->bbb_include_invalid = FALSE;
    args->help_texts = NULL;
}

void cli_trace_args_clear(cli_trace_args_t *args)
{
    g_clear_pointer(&args->format, g_free);
    g_clear_pointer(&args->channel, g_free);
    g_clear_pointer(&args->gap, g_free);
    g_clear_pointer(&args->active, g_free);
    g_clear_pointer(&args->help_texts, g_ptr_array_unref);
}

gboolean cli_trace_args_given(const cli_trace_args_t *args)
{
    return args->format || args->channel || args->gap || args->active ||
           args->vil_v != TRACE_READ_VIL_V_DEFAULT || args->vih_v != TRACE_READ_VIH_V_DEFAULT ||
           args->bbb_include_invalid;
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
    g_autofree char *gap = util_format_duration(TRACE_READ_GAP_NS_DEFAULT);
    g_autofree char *names = trace_format_names(", ");

    if (args->help_texts == NULL) {
        args->help_texts = g_ptr_array_new_with_free_func(g_free);
    }
    const GOptionEntry entries[] = {
        {format_option, 0, 0, G_OPTION_ARG_STRING, &args->format,
         cli_help_text(args->help_texts, "Input format: %s [default: told by content]", names),
         "NAME"},
        {"channel", 0, 0, G_OPTION_ARG_STRING, &args->channel,
         "VCD wire or CSV column to read (formats with several) [default: the only or first "
         "1-bit one]",
         "NAME"},
        {"vil", 0, 0, G_OPTION_ARG_DOUBLE, &args->vil_v,
         cli_help_text(args->help_texts,
                       "Analog CSV: the input reads 0 at or below this voltage (RP2040 VIL max "
                       "at IOVDD 3.3 V) [default: %.1f V]",
                       TRACE_READ_VIL_V_DEFAULT),
         "VOLTS"},
        {"vih", 0, 0, G_OPTION_ARG_DOUBLE, &args->vih_v,
         cli_help_text(args->help_texts,
                       "Analog CSV: the input reads 1 at or above this voltage (RP2040 VIH min "
                       "at IOVDD 3.3 V); in between it holds (Schmitt trigger) [default: %.1f V]",
                       TRACE_READ_VIH_V_DEFAULT),
         "VOLTS"},
        {"gap", 0, 0, G_OPTION_ARG_STRING, &args->gap,
         cli_help_text(args->help_texts, "BBB log: quiet time laid between tests [default: %s]",
                       gap),
         "DUR"},
        {"bbb-include-invalid", 0, 0, G_OPTION_ARG_NONE, &args->bbb_include_invalid,
         "BBB log: keep the tests of an <invalid/> section (skipped by default)", NULL},
        {"active", 0, 0, G_OPTION_ARG_STRING, &args->active,
         "Level that means pressed: low (button to GND, pull-up) or high [default: what the "
         "file says, else low]",
         "low|high"},
        G_OPTION_ENTRY_NULL,
    };
    args->format_option = format_option;
    g_option_group_add_entries(group, entries);
}

gboolean cli_trace_read_options(const cli_trace_args_t *args, trace_read_options_t *opts,
                                GError **error)
{
    trace_read_options_init(opts);
    if (args->format != NULL && !trace_format_from_name(args->format, &opts->format)) {
        g_autofree char *names = trace_format_names(" or ");
        g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE, "--%s: unknown format '%s' (expected %s)",
                    args->format_option, args->format, names);
        return FALSE;
    }
    opts->channel = args->channel;
    opts->vil_v = args->vil_v;
    opts->vih_v = args->vih_v;
    opts->bbb_include_invalid = args->bbb_include_invalid;
    if (!(opts->vil_v < opts->vih_v) || opts->vil_v < -TRACE_READ_MAX_VOLTS ||
        opts->vih_v > TRACE_READ_MAX_VOLTS) {
        g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE,
                    "--vil (%g V) must be below --vih (%g V), both within +-%g V", opts->vil_v,
                    opts->vih_v, TRACE_READ_MAX_VOLTS);
        return FALSE;
    }
    if (args->gap != NULL) {
        if (!cli_duration("--gap", args->gap, &opts->gap_ns, error)) {
            return FALSE;
        }
        if (opts->gap_ns <= 0) {
            g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE, "--gap: must be longer than 0");
            return FALSE;
        }
    }
    if (args->active != NULL) {
        if (g_ascii_strcasecmp(args->active, "low") == 0) {
            opts->active = TRACE_ACTIVE_LOW;
        } else if (g_ascii_strcasecmp(args->active, "high") == 0) {
            opts->active = TRACE_ACTIVE_HIGH;
        } else {
            g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE, "--active: '%s' is not low or high",
                        args->active);
            return FALSE;
        }
    }
    return TRUE;
}

trace_t *cli_read_trace(const char *path, const trace_read_options_t *opts,
                        trace_format_t *detected, GError **error)
{
    trace_format_t format = TRACE_FORMAT_AUTO;
    trace_read_options_t with_notes = *opts;
    guint skipped = 0;
    trace_t *trace;

    if (strcmp(path, "-") != 0 && !g_file_test(path, G_FILE_TEST_EXISTS)) {
        g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE, "%s: no such file", path);
        return NULL;
    }
    if (g_file_test(path, G_FILE_TEST_IS_DIR)) {
        g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE, "%s: is a directory, not a trace", path);
        return NULL;
    }
    with_notes.bbb_skipped_out = &skipped;
    trace = trace_read(path, &with_notes, &format, error);
    if (trace == NULL) {
        return NULL;
    }
    if (skipped > 0) {
        fprintf(stderr,
                "bouncelab: note: %s: skipped %u test%s of a section its recorder marked "
                "<invalid/> (--bbb-include-invalid keeps them)\n",
                path, skipped, skipped == 1 ? "" : "s");
    }
    /* these formats hold one pin: a --channel there names nothing */
    if (opts->channel != NULL && trace_format_one_channel(format)) {
        g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE,
                    "--channel cannot apply with --format %s: %s holds one channel",
                    trace_format_name(format), path);
        trace_free(trace);
        return NULL;
    }
    if (detected != NULL) {
        *detected = format;
    }
    return trace;
}

gboolean cli_vcd_timescale(const char *text, int64_t *ns, GError **error)
{
    *ns = 0;
    if (text == NULL) {
        return TRUE;
    }
    if (!cli_duration("--vcd-timescale", text, ns, error)) {
        return FALSE;
    }
    if (!trace_vcd_timescale_ok(*ns)) {
        g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE,
                    "--vcd-timescale: '%s' is not a power of ten from 1ns to 1s (e.g. 1us, 10us, "
                    "1ms)",
                    text);
        return FALSE;
    }
    return TRUE;
}
