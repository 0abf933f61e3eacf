/*
 * The interrupt model, with the RP2040's GPIO interrupt semantics:
 * - an edge trigger latches (INTR) until the handler acknowledges it, so
 *   edges that arrive while it is pending coalesce into one entry; edges
 *   after the acknowledgement, even during the handler, latch again;
 * - a level trigger does not latch in the GPIO block: the NVIC pends the
 *   interrupt when the level appears, and re-pends it when the handler
 *   returns while the level still holds (the interrupt storm);
 * - a handler starts its latency after the interrupt became pending or
 *   after the previous handler ended, reads the pin at that moment,
 *   acknowledges, updates the core, and runs for the handler time;
 * - when the core asks for a deadline, a one-shot alarm is armed for it and
 *   its handler is one more interrupt (on a tie the alarm goes first: the
 *   RP2040's TIMER_IRQ_0 has a lower number than IO_IRQ_BANK0).
 */
#include "sim_models.h"
#include "sim_program.h"
#include "sim_rng.h"

#define NONE INT64_MAX

typedef struct {
    const trace_t *trace;
    const sim_config_t *cfg;
    const sim_record_t *record;
    sim_result_t *result;
    sim_program_t program;
    debounce_config_t core_cfg;
    debounce_t core;
    int64_t origin;
    gsize edge;         /* edges processed (at or before the current instant) */
    int64_t gpio_ready; /* when the GPIO interrupt became pending, or NONE */
    int64_t gpio_delay; /* its drawn entry latency */
    int64_t alarm_ready;
    int64_t alarm_delay;
    int64_t cpu_free; /* when the last handler ended */
    uint64_t draws;   /* latency draws so far: the counter of sim_rng */
} irq_sim_t;

static int64_t draw_latency(irq_sim_t *s, const sim_latency_t *l)
{
    int64_t ns = l->base_ns + sim_rng_uniform(s->cfg->seed, s->draws++, l->jitter_ns);
    if (l->tail_ppm > 0 &&
        sim_rng_uniform(s->cfg->seed, s->draws++, 999999) < (int64_t)l->tail_ppm) {
        ns += sim_rng_uniform(s->cfg->seed, s->draws++, l->tail_ns);
    }
    return ns;
}

static gboolean is_level_trigger(const sim_config_t *cfg)
{
    return cfg->trigger == SIM_TRIGGER_LOW || cfg->trigger == SIM_TRIGGER_HIGH;
}

/* Is the interrupt line asserted with the pin at `level`? (level triggers) */
static gboolean line_asserted(const sim_config_t *cfg, gboolean level)
{
    return cfg->trigger == SIM_TRIGGER_HIGH ? level : !level;
}

/* Does an edge to `level` raise the interrupt? (rising edges go high) */
static gboolean edge_triggers(const sim_config_t *cfg, gboolean level)
{
    switch (cfg->trigger) {
    case SIM_TRIGGER_FALLING:
        return !level;
    case SIM_TRIGGER_RISING:
        return level;
    case SIM_TRIGGER_BOTH:
        return TRUE;
    default:
        /* level triggers pend when the line rises: the pin entering the level */
        return line_asserted(cfg, level);
    }
}

static void pend_gpio(irq_sim_t *s, int64_t t)
{
    if (s->gpio_ready == NONE) {
        s->gpio_ready = t;
        s->gpio_delay = draw_latency(s, &s->cfg->irq_latency);
    }
}

static void arm_alarm(irq_sim_t *s, int64_t now)
{
    uint32_t when = 0;

    if (debounce_deadline(&s->core, &when)) {
        s->alarm_ready = sim_deadline_ns(s->cfg, s->origin, now, when);
        s->alarm_delay = draw_latency(s, &s->cfg->alarm_latency);
    } else {
        s->alarm_ready = NONE;
    }
}

static void record_activity(irq_sim_t *s, int64_t start, sim_activity_kind_t kind)
{
    sim_result_t *r = s->result;
    sim_activity_t a = {start, start + s->cfg->handler_ns, kind};

    if (r->activity == NULL || start < s->record->from_ns || start > s->record->to_ns) {
        return;
    }
    if (r->activity->len >= SIM_ACTIVITY_MAX) {
        r->activity_cut = TRUE;
        return;
    }
    g_array_append_val(r->activity, a);
}

/* One handler run starting at t: read the pin, acknowledge, update the core. */
static void run_handler(irq_sim_t *s, int64_t t, gboolean gpio)
{
    const trace_t *trace = s->trace;
    gboolean level;
    debounce_event_t ev;

    /* the caller has taken every edge up to t: they coalesced into this entry */
    level = s->edge == 0 ? trace->initial_level : trace_level_after(trace, s->edge - 1);
    if (gpio) {
        s->result->gpio_entries++;
        s->gpio_ready = NONE; /* acknowledged */
    } else {
        s->result->alarm_entries++;
        s->alarm_ready = NONE;
    }
    record_activity(s, t, gpio ? SIM_ACTIVITY_HANDLER : SIM_ACTIVITY_ALARM);
    ev = debounce_update(&s->core, sim_tick_of(s->cfg, s->origin, t), level);
    s->result->updates++;
    sim_program_update(&s->program, t, ev, debounce_is_pressed(&s->core), gpio);
    arm_alarm(s, t);
    s->cpu_free = t + s->cfg->handler_ns;
}

/* Edges up to and including `until`: each may pend the GPIO interrupt. */
static void take_edges(irq_sim_t *s, int64_t until)
{
    const trace_t *trace = s->trace;

    while (s->edge < trace_n_edges(trace) && trace_edge_ns(trace, s->edge) <= until) {
        if (edge_triggers(s->cfg, trace_level_after(trace, s->edge))) {
            pend_gpio(s, trace_edge_ns(trace, s->edge));
        }
        s->edge++;
    }
}

void sim_irq_run(const trace_t *trace, const sim_config_t *cfg, const sim_record_t *record,
                 sim_result_t *result)
{
    irq_sim_t s = {.trace = trace,
                   .cfg = cfg,
                   .record = record,
                   .result = result,
                   .origin = trace->start_ns,
                   .gpio_ready = NONE,
                   .alarm_ready = NONE,
                   .cpu_free = trace->start_ns};

    sim_config_core(cfg, trace->active_low, &s.core_cfg);
    debounce_init(&s.core, &s.core_cfg, sim_tick_of(cfg, s.origin, s.origin), trace->initial_level);
    sim_program_init(&s.program, cfg, record, s.origin, result);
    if (is_level_trigger(cfg) && line_asserted(cfg, trace->initial_level)) {
        pend_gpio(&s, s.origin);
    }

    for (;;) {
        int64_t gpio_at = NONE, alarm_at = NONE, next;
        if (s.gpio_ready != NONE) {
            gpio_at = MAX(s.gpio_ready, s.cpu_free) + s.gpio_delay;
        }
        if (s.alarm_ready != NONE) {
            alarm_at = MAX(s.alarm_ready, s.cpu_free) + s.alarm_delay;
        }
        next = MIN(gpio_at, alarm_at);
        if (next == NONE) {
            /* idle: the next edge (if any) is what can start anything */
            if (s.edge >= trace_n_edges(trace) || trace_edge_ns(trace, s.edge) > trace->end_ns) {
                break;
            }
            take_edges(&s, trace_edge_ns(trace, s.edge));
            continue;
        }
        /* an edge before the entry may pend the GPIO interrupt earlier */
        if (s.gpio_ready == NONE && s.edge < trace_n_edges(trace) &&
            trace_edge_ns(trace, s.edge) < next) {
            take_edges(&s, trace_edge_ns(trace, s.edge));
            continue;
        }
        if (next > trace->end_ns) {
            break;
        }
        take_edges(&s, next);
        run_handler(&s, next, alarm_at != next);
        if (is_level_trigger(cfg)) {
            /* edges during the handler pend it again (the line rises); a level
             * still held when it returns re-pends it (the NVIC samples the line) */
            take_edges(&s, s.cpu_free);
            if (line_asserted(cfg, trace_level_at(trace, s.cpu_free))) {
                pend_gpio(&s, s.cpu_free);
            }
        }
    }
}
