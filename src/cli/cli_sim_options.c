/* The simulation options shared by `run` and `sweep`. */
#include "cli_sim_options.h"
#include "cli.h"
#include "cli_reads_file.h"
#include "trace_oracle.h"
#include "util_duration.h"

#include <math.h>
#include <stdio.h>

void cli_sim_options_init(cli_sim_options_t *o)
{
    *o = (cli_sim_options_t){0};
}

void cli_sim_options_clear(cli_sim_options_t *o)
{
    char **strings[] = {&o->release_window,  &o->phase,        &o->jitter,      &o->seed,
                        &o->trigger,         &o->irq_jitter,   &o->irq_tail,    &o->irq_tail_prob,
                        &o->alarm_latency,   &o->handler_time, &o->count,       &o->holdoff,
                        &o->holdoff_compare, &o->main_loop,    &o->tick_start,  &o->ticks_ms_start,
                        &o->settle,          &o->reads,        &o->stall_every, &o->stall_for,
                        &o->print_time};
    for (gsize i = 0; i < G_N_ELEMENTS(strings); i++) {
        g_clear_pointer(strings[i], g_free);
    }
    g_clear_pointer(&o->help_texts, g_ptr_array_unref);
    g_clear_pointer(&o->reads_ns, g_array_unref);
}

void cli_sim_options_add(GOptionContext *context, cli_sim_options_t *o)
{
    if (g_option_context_get_main_group(context) == NULL) {
        g_option_context_set_main_group(context, g_option_group_new(NULL, NULL, NULL, NULL, NULL));
    }
    cli_sim_options_add_to_group(g_option_context_get_main_group(context), o);
}

void cli_sim_options_add_to_group(GOptionGroup *group, cli_sim_options_t *o)
{
    sim_config_t defaults;
    g_autofree char *settle = util_format_duration(TRACE_ORACLE_SETTLE_NS_DEFAULT);
    g_autofree char *phase = NULL;
    g_autofree char *jitter = NULL;

    sim_config_init(&defaults);
    phase = util_format_duration(defaults.phase_ns);
    jitter = util_format_duration(defaults.jitter_ns);
    if (o->help_texts == NULL) {
        o->help_texts = g_ptr_array_new_with_free_func(g_free);
    }
    const GOptionEntry entries[] = {
        {"release-window", 0, 0, G_OPTION_ARG_STRING, &o->release_window,
         "Window after (lockout) or before (defer) a release [default: the press window]", "DUR"},
        {"phase", 0, 0, G_OPTION_ARG_STRING, &o->phase,
         cli_help_text(o->help_texts,
                       "poll: first read this long after the trace starts [default: %s]", phase),
         "DUR"},
        {"jitter", 0, 0, G_OPTION_ARG_STRING, &o->jitter,
         cli_help_text(o->help_texts,
                       "poll: each read late by up to this, uniform, below the interval "
                       "[default: %s]",
                       jitter),
         "DUR"},
        {"reads", 0, 0, G_OPTION_ARG_FILENAME, &o->reads,
         "poll: read at these instants instead of every interval: one per line, ns after the "
         "trace start, non-decreasing (several at one instant allowed) [default: the grid]",
         "FILE"},
        {"stall-every", 0, 0, G_OPTION_ARG_STRING, &o->stall_every,
         "poll: the loop stalls once per DUR (a display refresh, a GC), at a seeded uniform "
         "position in each period; later reads come that much later [default: never]",
         "DUR"},
        {"stall-for", 0, 0, G_OPTION_ARG_STRING, &o->stall_for,
         "poll: how long each of those stalls lasts, below --stall-every [default: none]", "DUR"},
        {"print-time", 0, 0, G_OPTION_ARG_STRING, &o->print_time,
         "poll: the loop blocks this long after each counted press, printing it "
         "[default: 0s; the tutorial presets: 20 characters at 115200 baud]",
         "DUR"},
        {"seed", 0, 0, G_OPTION_ARG_STRING, &o->seed,
         cli_help_text(o->help_texts,
                       "Seed of the jitter and latency draws, 0..2^32-1 [default: %u]",
                       (unsigned)defaults.seed),
         "N"},
        {"trigger", 0, 0, G_OPTION_ARG_STRING, &o->trigger,
         cli_help_text(o->help_texts,
                       "irq: falling, rising, both, low or high; edges latch, levels re-enter "
                       "while held [default: %s]",
                       sim_trigger_name(defaults.trigger)),
         "T"},
        {"irq-jitter", 0, 0, G_OPTION_ARG_STRING, &o->irq_jitter,
         "irq: extra entry latency, uniform up to this [default: the runtime's]", "DUR"},
        {"irq-tail", 0, 0, G_OPTION_ARG_STRING, &o->irq_tail,
         "irq: rare extra latency up to this (a GC pause) [default: the runtime's]", "DUR"},
        {"irq-tail-prob", 0, 0, G_OPTION_ARG_STRING, &o->irq_tail_prob,
         "irq: the share of entries that tail hits, 0.02 or 2% [default: the runtime's]",
         "FRACTION"},
        {"alarm-latency", 0, 0, G_OPTION_ARG_STRING, &o->alarm_latency,
         "irq: from a deadline to the alarm handler [default: the runtime's]", "DUR"},
        {"handler-time", 0, 0, G_OPTION_ARG_STRING, &o->handler_time,
         "irq: how long each handler runs [default: the runtime's]", "DUR"},
        {"count", 0, 0, G_OPTION_ARG_STRING, &o->count,
         cli_help_text(o->help_texts,
                       "What the program counts: events (the core's), level (every read that sees "
                       "pressed), entries (every GPIO handler entry) [default: %s]",
                       sim_count_name(defaults.count)),
         "WHAT"},
        {"holdoff", 0, 0, G_OPTION_ARG_STRING, &o->holdoff,
         "Count a press only if more than this has passed since the last, on ticks_ms() "
         "[default: off]",
         "DUR"},
        {"holdoff-compare", 0, 0, G_OPTION_ARG_STRING, &o->holdoff_compare,
         "ticks-diff (wrap-safe) or plain (now - last, wrong at the 2^30 ms wrap) "
         "[default: ticks-diff]",
         "HOW"},
        {"main-loop", 0, 0, G_OPTION_ARG_STRING, &o->main_loop,
         "Events reach the user at a main loop's next check, every DUR [default: at once]", "DUR"},
        {"tick-start", 0, 0, G_OPTION_ARG_STRING, &o->tick_start,
         cli_help_text(o->help_texts,
                       "The core's 32-bit us counter at trace start, e.g. 4294957296 = 10 ms "
                       "before the wrap [default: %u]",
                       (unsigned)defaults.tick_start),
         "N"},
        {"ticks-ms-start", 0, 0, G_OPTION_ARG_STRING, &o->ticks_ms_start,
         cli_help_text(o->help_texts,
                       "MicroPython ticks_ms() at trace start (it wraps at 2^30 = 1073741824) "
                       "[default: %u]",
                       (unsigned)defaults.ticks_ms_start),
         "N"},
        {"settle", 0, 0, G_OPTION_ARG_STRING, &o->settle,
         cli_help_text(o->help_texts,
                       "For traces without truth: the oracle's settle time [default: %s]", settle),
         "DUR"},
        G_OPTION_ENTRY_NULL};
    /* g_option_group_add_entries copies the table, not the pointers it holds */
    g_option_group_add_entries(group, entries);
}

static gboolean duration_opt(const char *name, const char *text, int64_t *out, GError **error)
{
    return text == NULL || cli_duration(name, text, out, error);
}

/* A name option (--trigger, --count): the parser's error, prefixed with the option. */
static gboolean name_opt(const char *name, const char *text, gpointer out,
                         gboolean (*parse)(const char *, gpointer, GError **), GError **error)
{
    g_autoptr(GError) local = NULL;

    if (text == NULL || parse(text, out, &local)) {
        return TRUE;
    }
    g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE, "%s: %s", name, local->message);
    return FALSE;
}

static gboolean trigger_parser(const char *name, gpointer out, GError **error)
{
    return sim_trigger_from_name(name, out, error);
}

static gboolean count_parser(const char *name, gpointer out, GError **error)
{
    return sim_count_from_name(name, out, error);
}

gboolean cli_sim_options_given(const cli_sim_options_t *o)
{
    return o->release_window || o->phase || o->jitter || o->seed || o->trigger || o->irq_jitter ||
           o->irq_tail || o->irq_tail_prob || o->alarm_latency || o->handler_time || o->count ||
           o->holdoff || o->holdoff_compare || o->main_loop || o->tick_start || o->ticks_ms_start ||
           o->settle || o->reads || o->stall_every || o->stall_for || o->print_time;
}

/* --reads, --stall-every, --stall-for, --print-time: the read schedule beyond the grid. */
static gboolean schedule_apply(cli_sim_options_t *o, sim_config_t *cfg, GError **error)
{
    if ((o->stall_every == NULL) != (o->stall_for == NULL)) {
        g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE, "--stall-every and --stall-for go together");
        return FALSE;
    }
    if (!duration_opt("--stall-every", o->stall_every, &cfg->stall_every_ns, error) ||
        !duration_opt("--stall-for", o->stall_for, &cfg->stall_for_ns, error) ||
        !duration_opt("--print-time", o->print_time, &cfg->print_ns, error)) {
        return FALSE;
    }
    if (o->stall_every != NULL &&
        (cfg->stall_for_ns <= 0 || cfg->stall_for_ns >= cfg->stall_every_ns)) {
        g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE,
                    "--stall-for: a stall must last more than 0 and less than --stall-every (the "
                    "loop reads between stalls)");
        return FALSE;
    }
    if (o->reads != NULL) {
        g_autoptr(GError) local = NULL;
        if (o->phase || o->jitter || o->stall_every || cfg->print_ns > 0) {
            g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE,
                        "--reads: the file gives every read as it happened; it cannot take "
                        "--phase, --jitter, --stall-every or a print time on top%s",
                        cfg->print_ns > 0 && o->print_time == NULL
                            ? " (the preset prints: add --print-time 0s)"
                            : "");
            return FALSE;
        }
        g_clear_pointer(&o->reads_ns, g_array_unref);
        o->reads_ns = cli_reads_file_load(o->reads, &local);
        if (o->reads_ns == NULL) {
            g_set_error(error, local->domain, local->code, "--reads: %s", local->message);
            return FALSE;
        }
        cfg->reads_ns = (const int64_t *)(const void *)o->reads_ns->data;
        cfg->n_reads = o->reads_ns->len;
    }
    return TRUE;
}

const char *cli_sim_options_poll_only(const cli_sim_options_t *o)
{
    const struct {
        const char *text, *name;
    } poll[] = {{o->phase, "--phase"},         {o->jitter, "--jitter"},
                {o->reads, "--reads"},         {o->stall_every, "--stall-every"},
                {o->stall_for, "--stall-for"}, {o->print_time, "--print-time"}};

    for (gsize i = 0; i < G_N_ELEMENTS(poll); i++) {
        if (poll[i].text != NULL) {
            return poll[i].name;
        }
    }
    return NULL;
}

const char *cli_sim_options_irq_only(const cli_sim_options_t *o)
{
    const struct {
        const char *text, *name;
    } irq[] = {{o->trigger, "--trigger"},
               {o->irq_jitter, "--irq-jitter"},
               {o->irq_tail, "--irq-tail"},
               {o->irq_tail_prob, "--irq-tail-prob"},
               {o->alarm_latency, "--alarm-latency"},
               {o->handler_time, "--handler-time"}};

    for (gsize i = 0; i < G_N_ELEMENTS(irq); i++) {
        if (irq[i].text != NULL) {
            return irq[i].name;
        }
    }
    return NULL;
}

/* Model and program settings: everything but the latency overrides. */
static gboolean apply_program(cli_sim_options_t *o, sim_config_t *cfg, GError **error)
{
    guint64 n = 0;

    if (o->release_window != NULL &&
        (!cli_duration("--release-window", o->release_window, &cfg->release_window_ns, error) ||
         !cli_check_ticks("--release-window", cfg->release_window_ns, DEBOUNCE_TICK_MAX_SPAN, TRUE,
                          error))) {
        return FALSE;
    }
    if (!duration_opt("--phase", o->phase, &cfg->phase_ns, error) ||
        !duration_opt("--jitter", o->jitter, &cfg->jitter_ns, error) ||
        !duration_opt("--holdoff", o->holdoff, &cfg->holdoff_ns, error) ||
        !duration_opt("--main-loop", o->main_loop, &cfg->main_loop_ns, error) ||
        !schedule_apply(o, cfg, error)) {
        return FALSE;
    }
    if (o->seed != NULL) {
        if (!cli_unsigned("--seed", o->seed, G_MAXUINT32, &n, error)) {
            return FALSE;
        }
        cfg->seed = (guint32)n;
    }
    if (o->tick_start != NULL) {
        if (!cli_unsigned("--tick-start", o->tick_start, G_MAXUINT32, &n, error)) {
            return FALSE;
        }
        cfg->tick_start = (uint32_t)n;
    }
    if (o->ticks_ms_start != NULL) {
        /* MicroPython's ticks_ms() wraps at 2^30 */
        if (!cli_unsigned("--ticks-ms-start", o->ticks_ms_start, (G_GUINT64_CONSTANT(1) << 30) - 1,
                          &n, error)) {
            return FALSE;
        }
        cfg->ticks_ms_start = (uint32_t)n;
    }
    if (!name_opt("--trigger", o->trigger, &cfg->trigger, trigger_parser, error) ||
        !name_opt("--count", o->count, &cfg->count, count_parser, error)) {
        return FALSE;
    }
    if (o->holdoff_compare != NULL) {
        if (g_strcmp0(o->holdoff_compare, "plain") == 0) {
            cfg->holdoff_compare = SIM_HOLDOFF_PLAIN;
        } else if (g_strcmp0(o->holdoff_compare, "ticks-diff") == 0) {
            cfg->holdoff_compare = SIM_HOLDOFF_TICKS_DIFF;
        } else {
            g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE,
                        "--holdoff-compare: unknown '%s' (expected ticks-diff or plain)",
                        o->holdoff_compare);
            return FALSE;
        }
    }
    return TRUE;
}

gboolean cli_sim_options_apply(cli_sim_options_t *o, sim_config_t *cfg, GError **error)
{
    sim_latency_t irq = cfg->irq_latency, alarm = cfg->alarm_latency;
    int64_t handler = cfg->handler_ns, ns = 0;
    double share = 0.0;

    if (!apply_program(o, cfg, error)) {
        return FALSE;
    }
    /* latency overrides: any of them makes the runtime custom */
    if (!duration_opt("--irq-jitter", o->irq_jitter, &irq.jitter_ns, error) ||
        !duration_opt("--irq-tail", o->irq_tail, &irq.tail_ns, error) ||
        !duration_opt("--handler-time", o->handler_time, &handler, error)) {
        return FALSE;
    }
    if (o->alarm_latency != NULL) {
        if (!cli_duration("--alarm-latency", o->alarm_latency, &ns, error)) {
            return FALSE;
        }
        alarm = (sim_latency_t){ns, 0, 0, 0};
    }
    if (o->irq_tail_prob != NULL) {
        if (!cli_number("--irq-tail-prob", o->irq_tail_prob, TRUE, &share, error)) {
            return FALSE;
        }
        if (share > 1.0) {
            g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE,
                        "--irq-tail-prob: '%s' is over 100%% (write a share as 0.02 or 2%%)",
                        o->irq_tail_prob);
            return FALSE;
        }
        irq.tail_ppm = (uint32_t)lround(share * 1e6);
    }
    if (o->irq_jitter || o->irq_tail || o->handler_time || o->alarm_latency || o->irq_tail_prob) {
        cfg->runtime = SIM_RUNTIME_CUSTOM;
        cfg->irq_latency = irq;
        cfg->alarm_latency = alarm;
        cfg->handler_ns = handler;
    }
    return TRUE;
}

gboolean cli_sim_options_settle(const cli_sim_options_t *o, int64_t *settle_ns, GError **error)
{
    *settle_ns = TRACE_ORACLE_SETTLE_NS_DEFAULT;
    return o->settle == NULL || cli_duration("--settle", o->settle, settle_ns, error);
}

gboolean cli_sim_options_check_phase(const sim_config_t *cfg, int64_t trace_start_ns,
                                     int64_t trace_end_ns, const char *trace_name, GError **error)
{
    if (cfg->mode != SIM_MODE_POLL || cfg->phase_ns <= 0 ||
        cfg->phase_ns < trace_end_ns - trace_start_ns) {
        return TRUE;
    }
    g_autofree char *phase = util_format_duration(cfg->phase_ns);
    g_autofree char *length = util_format_duration(trace_end_ns - trace_start_ns);
    g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE,
                "--phase: %s is past the end of %s (it lasts %s): no read would happen", phase,
                trace_name, length);
    return FALSE;
}

const char *cli_sim_options_help(void)
{
    return "Durations take a unit: 250us, 5ms, 1.5ms, 2s.\n"
           "\n"
           "Interrupt runtimes (--runtime), entry latency = base + uniform jitter, and a rare "
           "tail:\n"
           "  c         1us + up to 1us; handler 2us; alarm the same. Cortex-M0+ enters an\n"
           "            exception in 15 cycles (0.12us at 125 MHz); the rest is our estimate of\n"
           "            the pico-sdk GPIO dispatch.\n"
           "  mpy-hard  20us + up to 10us, 1% of entries up to 80us more; handler 15us. Measured\n"
           "            on rp2 (MicroPython issue 'rp2: Crash with hard pin IRQ'): ~20us idle,\n"
           "            ~25us typical, 100us seen under load. Alarms are machine.Timer callbacks,\n"
           "            which rp2 schedules (soft): they use the mpy-soft latency.\n"
           "  mpy-soft  50us + up to 150us, 2% of entries up to 5ms more (a garbage collection);\n"
           "            handler 30us. Scheduled callbacks run when the VM next checks its queue;\n"
           "            these numbers are our estimate, not a measurement.\n"
           "Every one can be overridden (--irq-latency, --irq-jitter, --irq-tail, "
           "--irq-tail-prob,\n"
           "--alarm-latency, --handler-time); the runtime is then reported as 'custom'.\n";
}
