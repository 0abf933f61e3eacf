/* `bouncelab gen`: a synthetic bouncy trace and its truth, from a profile and a seed. */
#include "cli.h"
#include "cli_model.h"
#include "trace_gen.h"
#include "trace_io.h"
#include "util_duration.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#define GEN_PROFILE_DEFAULT "tactile"
#define GEN_SEED_DEFAULT    G_GUINT64_CONSTANT(1)
#define GEN_PRESSES_DEFAULT 20

typedef enum { KIND_DURATION, KIND_FRACTION, KIND_COUNT, KIND_RATE } kind_t;

/* One profile parameter as an option: where it lives in trace_gen_params_t. */
typedef struct {
    const char *name;
    kind_t kind;
    size_t offset;
    const char *arg;
    const char *help;
} param_t;

#define AT(field) offsetof(trace_gen_params_t, field)

static const param_t params[] = {
    {"make-bounce", KIND_DURATION, AT(make.bounce_ns), "DUR",
     "Typical make (press) bounce, first to last edge; 0s: none"},
    {"make-bounce-max", KIND_DURATION, AT(make.bounce_max_ns), "DUR",
     "Longest make bounce: where the long tail ends"},
    {"make-worst-rate", KIND_FRACTION, AT(make.worst_rate), "FRACTION",
     "Share of makes from the long tail: 0..1 or N%"},
    {"make-pulses", KIND_COUNT, AT(make.pulses), "N", "Mean rebounds per make, 2 edges each"},
    {"make-min-pulse", KIND_DURATION, AT(make.min_pulse_ns), "DUR",
     "Shortest pulse or gap within a make bounce"},
    {"break-bounce", KIND_DURATION, AT(brk.bounce_ns), "DUR",
     "Typical break (release) bounce; 0s: none"},
    {"break-bounce-max", KIND_DURATION, AT(brk.bounce_max_ns), "DUR", "Longest break bounce"},
    {"break-worst-rate", KIND_FRACTION, AT(brk.worst_rate), "FRACTION",
     "Share of breaks from the long tail"},
    {"break-pulses", KIND_COUNT, AT(brk.pulses), "N", "Mean rebounds per break"},
    {"break-min-pulse", KIND_DURATION, AT(brk.min_pulse_ns), "DUR",
     "Shortest pulse or gap within a break bounce"},
    {"hold-min", KIND_DURATION, AT(hold_min_ns), "DUR",
     "Shortest settled press: last make edge to first break edge"},
    {"hold-max", KIND_DURATION, AT(hold_max_ns), "DUR", "Longest settled press (uniform between)"},
    {"gap-min", KIND_DURATION, AT(gap_min_ns), "DUR",
     "Shortest settled release before each press and after the last"},
    {"gap-max", KIND_DURATION, AT(gap_max_ns), "DUR", "Longest settled release"},
    {"glitch-rate", KIND_RATE, AT(glitch_rate_hz), "PER_S",
     "EMI glitches per second of settled time; 0: none"},
    {"glitch-width", KIND_DURATION, AT(glitch_width_ns), "DUR",
     "Widest glitch (widths uniform from 1ns)"},
    {"glitch-guard", KIND_DURATION, AT(glitch_guard_ns), "DUR",
     "Closest a glitch comes to a bounce"},
};

#define N_PARAMS G_N_ELEMENTS(params)

/* The command line as parsed, before it is checked. */
typedef struct {
    char *profile;
    char *seed;
    int presses;
    char *active;
    char *output;
    gboolean print_params;
    char *model;
    gboolean print_model;
    char *values[N_PARAMS]; /* overrides; NULL = the profile's value */
} gen_options_t;

static void gen_options_clear(gen_options_t *o)
{
    g_clear_pointer(&o->profile, g_free);
    g_clear_pointer(&o->seed, g_free);
    g_clear_pointer(&o->active, g_free);
    g_clear_pointer(&o->output, g_free);
    g_clear_pointer(&o->model, g_free);
    for (gsize i = 0; i < N_PARAMS; i++) {
        g_clear_pointer(&o->values[i], g_free);
    }
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC(gen_options_t, gen_options_clear)

static void *field(trace_gen_params_t *p, const param_t *param)
{
    return (char *)p + param->offset;
}

static char *format_param(const trace_gen_params_t *p, const param_t *param)
{
    const void *at = (const char *)p + param->offset;

    switch (param->kind) {
    case KIND_DURATION:
        return util_format_duration(*(const int64_t *)at);
    case KIND_COUNT:
        return g_strdup_printf("%d", *(const int *)at);
    case KIND_FRACTION:
    case KIND_RATE:
        break;
    }
    return g_strdup_printf("%g", *(const double *)at);
}

/* Applies one override; FALSE with "--NAME: why" (CLI_ERROR_USAGE) on a bad value. */
static gboolean apply_param(trace_gen_params_t *p, const param_t *param, const char *text,
                            GError **error)
{
    g_autofree char *option = g_strconcat("--", param->name, NULL);
    void *at = field(p, param);

    switch (param->kind) {
    case KIND_DURATION:
        return cli_duration(option, text, (int64_t *)at, error);
    case KIND_COUNT: {
        gint64 n;
        if (!g_ascii_string_to_signed(text, 10, 0, TRACE_GEN_PULSES_MAX, &n, NULL)) {
            g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE,
                        "%s: '%s' is not a whole number from 0 to %d", option, text,
                        TRACE_GEN_PULSES_MAX);
            return FALSE;
        }
        *(int *)at = (int)n;
        return TRUE;
    }
    case KIND_FRACTION:
    case KIND_RATE:
        return cli_number(option, text, param->kind == KIND_FRACTION, (double *)at, error);
    }
    return FALSE;
}

gsize cli_gen_n_params(void)
{
    return N_PARAMS;
}

const char *cli_gen_param_name(gsize i)
{
    return params[i].name;
}

char *cli_gen_param_format(const trace_gen_params_t *p, gsize i)
{
    return format_param(p, &params[i]);
}

gboolean cli_gen_param_apply(trace_gen_params_t *p, gsize i, const char *text, GError **error)
{
    return apply_param(p, &params[i], text, error);
}

/* The profiles and every value they give, one row per option, for --help. */
static char *describe_profiles(void)
{
    gsize n = 0;
    const trace_gen_profile_t *profiles = trace_gen_profiles(&n);
    GString *s =
        g_string_new("Profiles (--profile NAME; every option above overrides its value):\n");

    for (gsize i = 0; i < n; i++) {
        g_string_append_printf(s, "  %-11s %s\n", profiles[i].name, profiles[i].summary);
    }
    g_string_append(s, "\nThe value of each option in each profile:\n");
    for (gsize j = 0; j <= N_PARAMS; j++) { /* row 0: the profile names */
        g_autoptr(GString) row = g_string_new(NULL);
        g_string_append_printf(row, "  %-17s", j == 0 ? "" : params[j - 1].name);
        for (gsize i = 0; i < n; i++) {
            g_autofree char *value = j == 0 ? g_strdup(profiles[i].name)
                                            : format_param(&profiles[i].params, &params[j - 1]);
            g_string_append_printf(row, "%-11s", value);
        }
        g_string_append_printf(s, "%s\n", g_strchomp(row->str));
    }
    g_string_append(
        s, "\nA bounce lasts about its typical value (uniform within +-50%), or, for the\n"
           "worst-rate share of transitions, up to its max. Its rebounds are irregular and\n"
           "shorten as the contact settles. Truth: a press starts at its first make edge\n"
           "and ends at the first break edge; glitches are never presses. Where each\n"
           "profile's numbers come from: traces/README.md.\n\n"
           "Example: bouncelab gen --profile worn --seed 7 --presses 50 -o worn.csv\n");
    return g_string_free(s, FALSE);
}

static char *trace_name(const char *output)
{
    g_autofree char *base = g_path_get_basename(output);

    if (g_str_has_suffix(base, ".csv")) {
        base[strlen(base) - 4] = '\0';
    }
    return g_steal_pointer(&base);
}

/* TRUE when any parameter was given on the command line. */
static gboolean cli_gen_overridden(char **values, gsize n)
{
    for (gsize i = 0; i < n; i++) {
        if (values[i] != NULL) {
            return TRUE;
        }
    }
    return FALSE;
}

static int run(gen_options_t *o, GOptionContext *context, int argc, char **argv)
{
    const trace_gen_profile_t *profile;
    trace_gen_params_t p;
    guint64 seed = GEN_SEED_DEFAULT;
    gboolean active_low = TRUE;
    g_autoptr(GError) error = NULL;
    g_autoptr(trace_t) trace = NULL;
    g_autofree char *name = NULL;
    g_autofree char *model_name = NULL;

    if (!cli_parse_options(context, &argc, &argv)) {
        return CLI_EXIT_USAGE;
    }
    if (argc > 1) {
        return cli_usage("gen takes no arguments (got '%s'; the output is -o FILE)", argv[1]);
    }
    profile = trace_gen_profile_find(o->profile != NULL ? o->profile : GEN_PROFILE_DEFAULT);
    if (profile == NULL) {
        return cli_usage("--profile: no profile '%s' (see 'bouncelab gen --help')", o->profile);
    }
    p = profile->params;
    if (o->model != NULL) {
        if (o->profile != NULL) {
            return cli_usage("--model and --profile both give every parameter; use one");
        }
        g_clear_pointer(&model_name, g_free);
        if (!cli_model_load(o->model, &p, &model_name, &error)) {
            return cli_fail(error);
        }
    }
    for (gsize i = 0; i < N_PARAMS; i++) {
        if (o->values[i] != NULL && !apply_param(&p, &params[i], o->values[i], &error)) {
            return cli_fail(error);
        }
    }
    if (o->seed != NULL &&
        !g_ascii_string_to_unsigned(o->seed, 10, 0, G_MAXUINT64, &seed, &error)) {
        return cli_usage("--seed: %s", error->message);
    }
    if (o->active != NULL && strcmp(o->active, "low") != 0 && strcmp(o->active, "high") != 0) {
        return cli_usage("--active: '%s' is neither 'low' nor 'high'", o->active);
    }
    active_low = o->active == NULL || strcmp(o->active, "low") == 0;
    if (o->presses < 1 || (guint)o->presses > TRACE_GEN_PRESSES_MAX) {
        return cli_usage("--presses must be from 1 to %u (got %d)", TRACE_GEN_PRESSES_MAX,
                         o->presses);
    }
    if (!trace_gen_validate(&p, (guint)o->presses, &error)) {
        cli_error_as_usage(error); /* it names the parameter as its option is called */
        return cli_fail(error);
    }
    if (o->print_model) {
        g_autofree char *text = NULL;
        g_autofree char *source = g_strdup_printf(
            "%s %s%s", o->model ? "model" : "profile", o->model ? o->model : profile->name,
            cli_gen_overridden(o->values, N_PARAMS) ? ", with overrides" : "");
        text = cli_model_format(&p, model_name ? model_name : profile->name, source, NULL);
        fputs(text, stdout);
        return CLI_EXIT_OK;
    }
    if (o->print_params) {
        printf("profile %s\n", profile->name);
        for (gsize i = 0; i < N_PARAMS; i++) {
            g_autofree char *value = format_param(&p, &params[i]);
            printf("%s %s\n", params[i].name, value);
        }
        return CLI_EXIT_OK;
    }
    if (o->output == NULL || strcmp(o->output, "-") == 0) {
        return cli_usage("gen needs -o FILE.csv (it writes FILE.truth.csv beside it)");
    }
    name = trace_name(o->output);
    trace = trace_gen(&p, seed, (guint)o->presses, active_low, name, &error);
    if (trace == NULL) {
        cli_error_as_usage(error);
        return cli_fail(error);
    }
    if (!trace_write_csv(trace, o->output, &error)) {
        cli_error_as_failure(error);
        return cli_fail(error);
    }
    return CLI_EXIT_OK;
}

int cmd_gen(int argc, char **argv)
{
    g_auto(gen_options_t) o = {.presses = GEN_PRESSES_DEFAULT};
    g_autofree char *presses_help =
        g_strdup_printf("Number of presses [default: %d]", GEN_PRESSES_DEFAULT);
    g_autofree char *seed_help = g_strdup_printf(
        "Random seed, 0..2^64-1; same seed, same file [default: %" G_GUINT64_FORMAT "]",
        GEN_SEED_DEFAULT);
    const GOptionEntry general[] = {
        {"profile", 0, 0, G_OPTION_ARG_STRING, &o.profile,
         "Starting values of every option below [default: " GEN_PROFILE_DEFAULT "]", "NAME"},
        {"seed", 0, 0, G_OPTION_ARG_STRING, &o.seed, seed_help, "N"},
        {"presses", 0, 0, G_OPTION_ARG_INT, &o.presses, presses_help, "N"},
        {"active", 0, 0, G_OPTION_ARG_STRING, &o.active,
         "Pressed level: low (button to GND, pull-up) or high [default: low]", "low|high"},
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output,
         "Trace to write (native CSV); its truth goes to OUT.truth.csv", "OUT.csv"},
        {"print-params", 0, 0, G_OPTION_ARG_NONE, &o.print_params,
         "Print the parameters in effect (profile and overrides) and write nothing", NULL},
        {"model", 0, 0, G_OPTION_ARG_FILENAME, &o.model,
         "Start from a switch model file (from 'bouncelab fit' or --print-model) instead of a "
         "profile",
         "FILE"},
        {"print-model", 0, 0, G_OPTION_ARG_NONE, &o.print_model,
         "Print the parameters in effect as a model file (for stress, gen --model) and write "
         "nothing",
         NULL},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    GOptionEntry entries[N_PARAMS + 1];
    g_autoptr(GOptionContext) context =
        g_option_context_new("-o OUT.csv - generate a bouncy button trace with its truth");
    g_autofree char *description = describe_profiles();

    memset(entries, 0, sizeof entries);
    for (gsize i = 0; i < N_PARAMS; i++) {
        entries[i] = (GOptionEntry){
            params[i].name, 0, 0, G_OPTION_ARG_STRING, &o.values[i], params[i].help, params[i].arg};
    }
    g_option_context_set_summary(
        context, "Writes a synthetic trace of button presses with contact bounce on make and\n"
                 "break and optional EMI glitches, reproducible from its seed, and the true\n"
                 "press and release instants beside it. Durations take a unit: 250us, 5ms, 1.5s.");
    g_option_context_set_description(context, description);
    g_option_context_add_main_entries(context, general, NULL);
    g_option_context_add_main_entries(context, entries, NULL);
    return run(&o, context, argc, argv);
}
