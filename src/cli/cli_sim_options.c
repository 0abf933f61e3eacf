/* The simulation options shared by `run` and `sweep`. */
#include "cli_sim_options.h"
#include "cli.h"
#include "cli_reads_file.h"
#include "trace_oracle.h"

#include <math.h>
#include <stdio.h>

void cli_sim_options_init(cli_sim_options_t *o)
{
    *o = (cli_sim_options_t){
        .seed = -1, .irq_tail_percent = NAN, .tick_start = -1, .ticks_ms_start = -1};
}

void cli_sim_options_clear(cli_sim_options_t *o)
{
    char **strings[] = {&o->release_window, &o->phase,    &o->jitter,          &o->trigger,
                        &o->irq_jitter,     &o->irq_tail, &o->alarm_latency,   &o->handler_time,
                        &o->count,          &o->holdoff,  &o->holdoff_compare, &o->main_loop,
                        &o->settle,         &o->reads,    &o->stall_every,     &o->stall_for,
                        &o->print_time};
    for (gsize i = 0; i < G_N_ELEMENTS(strings); i++) {
        g_clear_pointer(strings[i], g_free);
    }
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
    const GOptionEntry entries[] = {
        {"release-window", 0, 0, G_OPTION_ARG_STRING, &o->release_window,
         "Window after (lockout) or before (defer) a release [default: the press window]", "DUR"},
        {"phase", 0, 0, G_OPTION_ARG_STRING, &o->phase,
         "poll: first read this long after the trace starts [default: 0s]", "DUR"},
        {"jitter", 0, 0, G_OPTION_ARG_STRING, &o->jitter,
         "poll: each read late by up to this, uniform, below the interval [default: 0s]", "DUR"},
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
        {"seed", 0, 0, G_OPTION_ARG_INT64, &o->seed,
         "Seed of the jitter and latency draws [default: 1]", "N"},
        {"trigger", 0, 0, G_OPTION_ARG_STRING, &o->trigger,
         "irq: falling, rising, both, low or high; edges latch, levels re-enter while held "
         "[default: both]",
         "T"},
        {"irq-jitter", 0, 0, G_OPTION_ARG_STRING, &o->irq_jitter,
         "irq: extra entry latency, uniform up to this [default: the runtime's]", "DUR"},
        {"irq-tail", 0, 0, G_OPTION_ARG_STRING, &o->irq_tail,
         "irq: rare extra latency up to this (a GC pause) [default: the runtime's]", "DUR"},
        {"irq-tail-prob", 0, 0, G_OPTION_ARG_DOUBLE, &o->irq_tail_percent,
         "irq: how often that tail happens, in percent of entries [default: the runtime's]", "PCT"},
        {"alarm-latency", 0, 0, G_OPTION_ARG_STRING, &o->alarm_latency,
         "irq: from a deadline to the alarm handler [default: the runtime's]", "DUR"},
        {"handler-time", 0, 0, G_OPTION_ARG_STRING, &o->handler_time,
         "irq: how long each handler runs [default: the runtime's]", "DUR"},
        {"count", 0, 0, G_OPTION_ARG_STRING, &o->count,
         "What the program counts: events (the core's), level (every read that sees pressed), "
         "entries (every GPIO handler entry) [default: events]",
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
        {"tick-start", 0, 0, G_OPTION_ARG_INT64, &o->tick_start,
         "The core's 32-bit us counter at trace start, e.g. 4294957296 = 10 ms before the "
         "wrap [default: 0]",
         "N"},
        {"ticks-ms-start", 0, 0, G_OPTION_ARG_INT64, &o->ticks_ms_start,
         "MicroPython ticks_ms() at trace start (it wraps at 2^30 = 1073741824) [default: 0]", "N"},
        {"settle", 0, 0, G_OPTION_ARG_STRING, &o->settle,
         "For traces without truth: the oracle's settle time [default: 20ms]", "DUR"},
        G_OPTION_ENTRY_NULL};
    /* g_option_group_add_entries copies the table, not the pointers it holds */
    g_option_group_add_entries(group, entries);
}

static gboolean duration_opt(const char *name, const char *text, int64_t *out)
{
    return text == NULL || cli_duration(name, text, out);
}

static gboolean name_opt(const char *name, const char *text, gboolean ok, GError *error)
{
    if (text == NULL || ok) {
        return TRUE;
    }
    fprintf(stderr, "bouncelab: %s: %s\n", name, error->message);
    g_error_free(error);
    return FALSE;
}

gboolean cli_sim_options_given(const cli_sim_options_t *o)
{
    cli_sim_options_t none;

    cli_sim_options_init(&none);
    return o->release_window || o->phase || o->jitter || o->seed != none.seed || o->trigger ||
           o->irq_jitter || o->irq_tail || !isnan(o->irq_tail_percent) || o->alarm_latency ||
           o->handler_time || o->count || o->holdoff || o->holdoff_compare || o->main_loop ||
           o->tick_start != none.tick_start || o->ticks_ms_start != none.ticks_ms_start ||
           o->settle || o->reads || o->stall_every || o->stall_for || o->print_time;
}

/* --reads, --stall-every, --stall-for: the read schedule beyond the grid. */
static gboolean schedule_apply(cli_sim_options_t *o, sim_config_t *cfg)
{
    if ((o->stall_every == NULL) != (o->stall_for == NULL)) {
        fprintf(stderr, "bouncelab: --stall-every and --stall-for go together\n");
        return FALSE;
    }
    if (!duration_opt("--stall-every", o->stall_every, &cfg->stall_every_ns) ||
        !duration_opt("--stall-for", o->stall_for, &cfg->stall_for_ns) ||
        !duration_opt("--print-time", o->print_time, &cfg->print_ns)) {
        return FALSE;
    }
    if (o->stall_every != NULL &&
        (cfg->stall_for_ns <= 0 || cfg->stall_for_ns >= cfg->stall_every_ns)) {
        fprintf(stderr, "bouncelab: --stall-for: a stall must last more than 0 and less than "
                        "--stall-every (the loop reads between stalls)\n");
        return FALSE;
    }
    if (o->reads != NULL) {
        g_autoptr(GError) error = NULL;
        if (o->phase || o->jitter || o->stall_every || cfg->print_ns > 0) {
            fprintf(stderr,
                    "bouncelab: --reads: the file gives every read as it happened; it cannot "
                    "take --phase, --jitter, --stall-every or a print time on top%s\n",
                    cfg->print_ns > 0 && o->print_time == NULL
                        ? " (the preset prints: add --print-time 0s)"
                        : "");
            return FALSE;
        }
        g_clear_pointer(&o->reads_ns, g_array_unref);
        o->reads_ns = cli_reads_file_load(o->reads, &error);
        if (o->reads_ns == NULL) {
            fprintf(stderr, "bouncelab: --reads: %s\n", error->message);
            return FALSE;
        }
        cfg->reads_ns = (const int64_t *)(const void *)o->reads_ns->data;
        cfg->n_reads = o->reads_ns->len;
    }
    return TRUE;
}

gboolean cli_sim_options_apply(cli_sim_options_t *o, sim_config_t *cfg)
{
    GError *error = NULL;
    sim_latency_t irq = cfg->irq_latency, alarm = cfg->alarm_latency;
    int64_t handler = cfg->handler_ns, ns = 0;

    if (o->release_window != NULL) {
        if (!cli_duration("--release-window", o->release_window, &cfg->release_window_ns)) {
            return FALSE;
        }
    }
    if (!duration_opt("--phase", o->phase, &cfg->phase_ns) ||
        !duration_opt("--jitter", o->jitter, &cfg->jitter_ns) ||
        !duration_opt("--holdoff", o->holdoff, &cfg->holdoff_ns) ||
        !duration_opt("--main-loop", o->main_loop, &cfg->main_loop_ns)) {
        return FALSE;
    }
    if (o->seed >= 0) {
        cfg->seed = (guint32)o->seed;
    }
    if (!schedule_apply(o, cfg)) {
        return FALSE;
    }
    if (o->tick_start >= 0) {
        if (o->tick_start > G_MAXUINT32) {
            fprintf(stderr, "bouncelab: --tick-start: %" G_GINT64_FORMAT " is above 2^32 - 1\n",
                    o->tick_start);
            return FALSE;
        }
        cfg->tick_start = (uint32_t)o->tick_start;
    }
    if (o->ticks_ms_start >= 0) {
        if (o->ticks_ms_start >= (G_GINT64_CONSTANT(1) << 30)) {
            fprintf(stderr, "bouncelab: --ticks-ms-start: ticks_ms() stays below 2^30\n");
            return FALSE;
        }
        cfg->ticks_ms_start = (uint32_t)o->ticks_ms_start;
    }
    if (!name_opt("--trigger", o->trigger,
                  o->trigger && sim_trigger_from_name(o->trigger, &cfg->trigger, &error), error) ||
        !name_opt("--count", o->count,
                  o->count && sim_count_from_name(o->count, &cfg->count, &error), error)) {
        return FALSE;
    }
    if (o->holdoff_compare != NULL) {
        if (g_strcmp0(o->holdoff_compare, "plain") == 0) {
            cfg->holdoff_compare = SIM_HOLDOFF_PLAIN;
        } else if (g_strcmp0(o->holdoff_compare, "ticks-diff") == 0) {
            cfg->holdoff_compare = SIM_HOLDOFF_TICKS_DIFF;
        } else {
            fprintf(stderr,
                    "bouncelab: --holdoff-compare: unknown '%s' (expected ticks-diff or plain)\n",
                    o->holdoff_compare);
            return FALSE;
        }
    }

    /* latency overrides: any of them makes the runtime custom */
    if (!duration_opt("--irq-jitter", o->irq_jitter, &irq.jitter_ns) ||
        !duration_opt("--irq-tail", o->irq_tail, &irq.tail_ns) ||
        !duration_opt("--handler-time", o->handler_time, &handler)) {
        return FALSE;
    }
    if (o->alarm_latency != NULL) {
        if (!cli_duration("--alarm-latency", o->alarm_latency, &ns)) {
            return FALSE;
        }
        alarm = (sim_latency_t){ns, 0, 0, 0};
    }
    if (!isnan(o->irq_tail_percent)) {
        if (o->irq_tail_percent < 0.0 || o->irq_tail_percent > 100.0) {
            fprintf(stderr, "bouncelab: --irq-tail-prob: %g is not a percentage (0..100)\n",
                    o->irq_tail_percent);
            return FALSE;
        }
        irq.tail_ppm = (uint32_t)lround(o->irq_tail_percent * 10000.0);
    }
    if (o->irq_jitter || o->irq_tail || o->handler_time || o->alarm_latency ||
        !isnan(o->irq_tail_percent)) {
        cfg->runtime = SIM_RUNTIME_CUSTOM;
        cfg->irq_latency = irq;
        cfg->alarm_latency = alarm;
        cfg->handler_ns = handler;
    }
    return TRUE;
}

gboolean cli_sim_options_settle(const cli_sim_options_t *o, int64_t *settle_ns)
{
    *settle_ns = TRACE_ORACLE_SETTLE_NS_DEFAULT;
    return o->settle == NULL || cli_duration("--settle", o->settle, settle_ns);
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
