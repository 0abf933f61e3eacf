/* Defaults, runtime latencies and validation of simulated configurations. */
#include "sim_config.h"
#include "sim_algos.h"
#include "sim_error.h"

#include <string.h>

/* Defaults of `bouncelab run`, shown by --help (see cli_sim_options.c). */
#define DEFAULT_WINDOW_NS   INT64_C(5000000) /* 5 ms: above most tactile switches' bounce */
#define DEFAULT_INTERVAL_NS INT64_C(1000000) /* 1 ms: a common scan rate */

/*
 * Interrupt latencies per runtime. Sources and reasoning (README "Timing
 * models" repeats them):
 * - C: the Cortex-M0+ enters an exception in 15 cycles (ARM Cortex-M0+
 *   TRM), 0.12 us at the RP2040's 125 MHz; the pico-sdk's shared GPIO
 *   handler then finds the pin and calls the callback. 1 us + up to 1 us
 *   (flash cache misses) is our estimate; the handler (ack, update, re-arm
 *   the alarm) takes about 2 us.
 * - MicroPython hard IRQ: about 20 us idle and 25 us typical on rp2, with
 *   100 us seen under load (MicroPython issue "rp2: Crash with hard pin IRQ",
 *   measured with a scope): 20 us + uniform 10 us, and 1 % of entries up to
 *   80 us later. The handler body (a few Python lines) ~15 us.
 * - MicroPython soft IRQ (the default on the Pico): the handler is scheduled
 *   and runs when the VM next checks its queue: tens to a couple of hundred
 *   us while the main loop sleeps or runs short bytecodes, milliseconds when
 *   a garbage collection or a blocking call is in the way. Our estimate:
 *   50 us + uniform 150 us, and 2 % of entries up to 5 ms later.
 * - Alarms: pico-sdk alarms are hardware IRQs like the GPIO one; MicroPython's
 *   machine.Timer callbacks on rp2 are scheduled (soft) whatever the pin's
 *   hard= says (MicroPython PR "rp2/machine_timer: Support hard IRQ timer
 *   callbacks"), so both MicroPython runtimes get the soft latency for alarms.
 */
typedef struct {
    sim_latency_t irq;
    sim_latency_t alarm;
    int64_t handler_ns;
} runtime_timing_t;

#define US INT64_C(1000)
#define C_LATENCY                                                                                  \
    {                                                                                              \
        1 * US, 1 * US, 0, 0                                                                       \
    }
#define MPY_HARD_LATENCY                                                                           \
    {                                                                                              \
        20 * US, 10 * US, 80 * US, 10000                                                           \
    }
#define MPY_SOFT_LATENCY                                                                           \
    {                                                                                              \
        50 * US, 150 * US, 5000 * US, 20000                                                        \
    }

static const runtime_timing_t runtimes[] = {
    [SIM_RUNTIME_C] = {C_LATENCY, C_LATENCY, 2 * US},
    [SIM_RUNTIME_MPY_HARD] = {MPY_HARD_LATENCY, MPY_SOFT_LATENCY, 15 * US},
    [SIM_RUNTIME_MPY_SOFT] = {MPY_SOFT_LATENCY, MPY_SOFT_LATENCY, 30 * US},
};

void sim_config_set_runtime(sim_config_t *cfg, sim_runtime_t runtime)
{
    g_return_if_fail(runtime < SIM_RUNTIME_CUSTOM);
    cfg->runtime = runtime;
    cfg->irq_latency = runtimes[runtime].irq;
    cfg->alarm_latency = runtimes[runtime].alarm;
    cfg->handler_ns = runtimes[runtime].handler_ns;
}

void sim_config_init(sim_config_t *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->algo = DEBOUNCE_DEFER;
    cfg->press_window_ns = DEFAULT_WINDOW_NS;
    cfg->release_window_ns = DEFAULT_WINDOW_NS;
    cfg->mode = SIM_MODE_POLL;
    cfg->interval_ns = DEFAULT_INTERVAL_NS;
    cfg->trigger = SIM_TRIGGER_BOTH;
    sim_config_set_runtime(cfg, SIM_RUNTIME_C);
    cfg->count = SIM_COUNT_EVENTS;
    cfg->holdoff_compare = SIM_HOLDOFF_TICKS_DIFF;
    cfg->seed = 1;
}

static gboolean latency_ok(const char *what, const sim_latency_t *l, GError **error)
{
    if (l->base_ns < 0 || l->jitter_ns < 0 || l->tail_ns < 0 || l->tail_ppm > 1000000u) {
        g_set_error(error, SIM_ERROR, SIM_ERROR_INVALID,
                    "%s latency must be non-negative (tail probability at most 100%%)", what);
        return FALSE;
    }
    return TRUE;
}

/* Durations past SIM_MAX_DURATION_NS could overflow a time plus them. */
static gboolean durations_ok(const sim_config_t *cfg, GError **error)
{
    const struct {
        const char *what;
        int64_t ns;
    } durations[] = {
        {"the poll interval", cfg->interval_ns},
        {"the poll phase", cfg->phase_ns},
        {"the poll jitter", cfg->jitter_ns},
        {"the stall period", cfg->stall_every_ns},
        {"the stall", cfg->stall_for_ns},
        {"the print time", cfg->print_ns},
        {"the interrupt latency", cfg->irq_latency.base_ns},
        {"the interrupt jitter", cfg->irq_latency.jitter_ns},
        {"the interrupt tail", cfg->irq_latency.tail_ns},
        {"the alarm latency", cfg->alarm_latency.base_ns},
        {"the alarm jitter", cfg->alarm_latency.jitter_ns},
        {"the alarm tail", cfg->alarm_latency.tail_ns},
        {"the handler time", cfg->handler_ns},
        {"the hold-off", cfg->holdoff_ns},
        {"the main-loop period", cfg->main_loop_ns},
    };

    for (gsize i = 0; i < G_N_ELEMENTS(durations); i++) {
        if (durations[i].ns > SIM_MAX_DURATION_NS) {
            g_set_error(error, SIM_ERROR, SIM_ERROR_INVALID, "%s must be at most 365 days",
                        durations[i].what);
            return FALSE;
        }
    }
    return TRUE;
}

static uint64_t window_ticks(int64_t ns)
{
    return (uint64_t)((ns + SIM_TICK_NS - 1) / SIM_TICK_NS);
}

/* The core's own check of what this configuration hands it (the firmware runs the same). */
static gboolean core_config_ok(const sim_config_t *cfg, GError **error)
{
    debounce_config_t core;
    debounce_config_status_t status;

    sim_config_core(cfg, FALSE, &core);
    status = debounce_config_check(&core);
    if (status != DEBOUNCE_CONFIG_OK) {
        g_set_error(error, SIM_ERROR, SIM_ERROR_INVALID, "%s windows: %s",
                    debounce_algo_name(cfg->algo), debounce_config_status_text(status));
        return FALSE;
    }
    return TRUE;
}

/* The read schedule's settings beyond the grid (sim_reads.h). */
static gboolean schedule_ok(const sim_config_t *cfg, GError **error)
{
    if (cfg->stall_every_ns < 0 || cfg->stall_for_ns < 0 || cfg->print_ns < 0 ||
        (cfg->stall_every_ns > 0) != (cfg->stall_for_ns > 0) ||
        cfg->stall_for_ns >= cfg->stall_every_ns + (cfg->stall_every_ns == 0)) {
        g_set_error(error, SIM_ERROR, SIM_ERROR_INVALID,
                    "a stall needs both its period and its length, the length above 0 and "
                    "below the period (the loop must read between stalls), and a print time "
                    "at least 0");
        return FALSE;
    }
    if (cfg->reads_ns != NULL && (cfg->n_reads == 0 || cfg->phase_ns != 0 || cfg->jitter_ns != 0 ||
                                  cfg->stall_every_ns != 0 || cfg->print_ns != 0)) {
        g_set_error(error, SIM_ERROR, SIM_ERROR_INVALID,
                    "explicit read times need at least one read and are taken as they are: "
                    "no phase, jitter, stalls or print time on top of them");
        return FALSE;
    }
    return TRUE;
}

gboolean sim_config_fits_trace(const sim_config_t *cfg, int64_t duration_ns, GError **error)
{
    if (cfg->mode == SIM_MODE_POLL && cfg->stall_for_ns > duration_ns) {
        g_set_error(error, SIM_ERROR, SIM_ERROR_INVALID,
                    "the stall (%" G_GINT64_FORMAT
                    " ns) is longer than the trace (%" G_GINT64_FORMAT " ns)",
                    cfg->stall_for_ns, duration_ns);
        return FALSE;
    }
    return TRUE;
}

gboolean sim_config_validate(const sim_config_t *cfg, GError **error)
{
    if ((unsigned)cfg->algo >= DEBOUNCE_ALGO_COUNT) {
        g_set_error(error, SIM_ERROR, SIM_ERROR_INVALID, "unknown algorithm %d", (int)cfg->algo);
        return FALSE;
    }
    if (cfg->press_window_ns < 0 || cfg->release_window_ns < 0 ||
        window_ticks(cfg->press_window_ns) > DEBOUNCE_TICK_MAX_SPAN ||
        window_ticks(cfg->release_window_ns) > DEBOUNCE_TICK_MAX_SPAN) {
        g_set_error(error, SIM_ERROR, SIM_ERROR_INVALID,
                    "windows must be between 0 and %u us (the core compares 32-bit us ticks "
                    "wrap-safely)",
                    (unsigned)DEBOUNCE_TICK_MAX_SPAN);
        return FALSE;
    }
    if (!durations_ok(cfg, error)) {
        return FALSE;
    }
    if (cfg->mode == SIM_MODE_POLL) {
        if (cfg->interval_ns <= 0) {
            g_set_error(error, SIM_ERROR, SIM_ERROR_INVALID, "the poll interval must be positive");
            return FALSE;
        }
        if (cfg->jitter_ns < 0 || cfg->jitter_ns >= cfg->interval_ns || cfg->phase_ns < 0) {
            g_set_error(error, SIM_ERROR, SIM_ERROR_INVALID,
                        "poll jitter must be at least 0 and less than the interval, and the "
                        "phase at least 0");
            return FALSE;
        }
        if (cfg->count == SIM_COUNT_ENTRIES) {
            g_set_error(error, SIM_ERROR, SIM_ERROR_INVALID,
                        "counting handler entries needs --mode irq");
            return FALSE;
        }
        if (!schedule_ok(cfg, error)) {
            return FALSE;
        }
    } else {
        if (debounce_algo_counts_samples(cfg->algo)) {
            g_set_error(error, SIM_ERROR, SIM_ERROR_INVALID,
                        "%s counts evenly spaced samples, so it needs --mode poll",
                        debounce_algo_name(cfg->algo));
            return FALSE;
        }
        if (!latency_ok("interrupt", &cfg->irq_latency, error) ||
            !latency_ok("alarm", &cfg->alarm_latency, error)) {
            return FALSE;
        }
        if (cfg->handler_ns < 0) {
            g_set_error(error, SIM_ERROR, SIM_ERROR_INVALID, "handler time must be at least 0");
            return FALSE;
        }
        if ((cfg->trigger == SIM_TRIGGER_LOW || cfg->trigger == SIM_TRIGGER_HIGH) &&
            cfg->handler_ns + cfg->irq_latency.base_ns <= 0) {
            /* a held level would re-enter at the same instant forever */
            g_set_error(error, SIM_ERROR, SIM_ERROR_INVALID,
                        "a level trigger needs a handler time or an interrupt latency above 0");
            return FALSE;
        }
    }
    if (cfg->holdoff_ns < 0 || cfg->main_loop_ns < 0) {
        g_set_error(error, SIM_ERROR, SIM_ERROR_INVALID,
                    "hold-off and main-loop period must be at least 0");
        return FALSE;
    }
    return core_config_ok(cfg, error);
}

void sim_config_core(const sim_config_t *cfg, gboolean active_low, debounce_config_t *out)
{
    out->algo = cfg->algo;
    out->active_low = active_low != FALSE;
    if (debounce_algo_counts_samples(cfg->algo)) {
        out->press_window_samples =
            (uint32_t)((cfg->press_window_ns + cfg->interval_ns - 1) / cfg->interval_ns);
        out->release_window_samples =
            (uint32_t)((cfg->release_window_ns + cfg->interval_ns - 1) / cfg->interval_ns);
    } else {
        out->press_window_ticks = (uint32_t)window_ticks(cfg->press_window_ns);
        out->release_window_ticks = (uint32_t)window_ticks(cfg->release_window_ns);
    }
}

static const char *const mode_names[] = {"poll", "irq"};
static const char *const trigger_names[] = {"falling", "rising", "both", "low", "high"};
static const char *const runtime_names[] = {"c", "mpy-hard", "mpy-soft", "custom"};
static const char *const count_names[] = {"events", "level", "entries"};

static gboolean from_name(const char *what, const char *const *names, gsize n, const char *name,
                          int *out, GError **error)
{
    g_autoptr(GString) all = g_string_new(NULL);

    for (gsize i = 0; i < n; i++) {
        if (g_ascii_strcasecmp(name, names[i]) == 0) {
            *out = (int)i;
            return TRUE;
        }
        g_string_append_printf(all, "%s%s", i ? ", " : "", names[i]);
    }
    g_set_error(error, SIM_ERROR, SIM_ERROR_INVALID, "unknown %s '%s' (expected one of: %s)", what,
                name, all->str);
    return FALSE;
}

#define NAME_FUNCS(type, what, names)                                                              \
    const char *sim_##type##_name(sim_##type##_t v)                                                \
    {                                                                                              \
        return (gsize)v < G_N_ELEMENTS(names) ? (names)[v] : "?";                                  \
    }                                                                                              \
    gboolean sim_##type##_from_name(const char *name, sim_##type##_t *out, GError **error)         \
    {                                                                                              \
        int v = 0;                                                                                 \
        if (!from_name(what, names, G_N_ELEMENTS(names), name, &v, error)) {                       \
            return FALSE;                                                                          \
        }                                                                                          \
        *out = (sim_##type##_t)v;                                                                  \
        return TRUE;                                                                               \
    }

NAME_FUNCS(mode, "mode", mode_names)
NAME_FUNCS(trigger, "trigger", trigger_names)
NAME_FUNCS(runtime, "runtime", runtime_names)
NAME_FUNCS(count, "count", count_names)
