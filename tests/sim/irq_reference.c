/* The reference interrupt model: an event list, one event at a time. */
#include "irq_reference.h"
#include "sim_program.h"
#include "sim_rng.h"

#define NEVER INT64_MAX

typedef struct {
    const trace_t *trace;
    const sim_config_t *cfg;
    sim_result_t *result;
    sim_program_t program;
    debounce_config_t core_cfg;
    debounce_t core;
    gboolean pin;    /* electrical level now */
    gsize next_edge; /* the first edge not yet applied */
    gboolean gpio_pending;
    int64_t gpio_since, gpio_latency;
    gboolean alarm_armed;
    int64_t alarm_due, alarm_latency; /* due: the first instant at the deadline's tick */
    gboolean busy;                    /* a handler runs until cpu_free */
    int64_t cpu_free;
    uint64_t draws; /* random draws so far, in the order they were made */
} ref_t;

static int64_t draw(ref_t *r, int64_t max)
{
    return sim_rng_uniform(r->cfg->seed, r->draws++, max);
}

static int64_t latency(ref_t *r, const sim_latency_t *l)
{
    int64_t ns = l->base_ns + draw(r, l->jitter_ns);
    if (l->tail_ppm > 0 && draw(r, 999999) < (int64_t)l->tail_ppm) {
        ns += draw(r, l->tail_ns);
    }
    return ns;
}

static gboolean level_trigger(const sim_config_t *cfg)
{
    return cfg->trigger == SIM_TRIGGER_LOW || cfg->trigger == SIM_TRIGGER_HIGH;
}

/* For level triggers: is the pin in the watched level? */
static gboolean in_level(const sim_config_t *cfg, gboolean pin)
{
    return cfg->trigger == SIM_TRIGGER_HIGH ? pin == TRUE : pin == FALSE;
}

/* Does the pin going to `pin` pend the interrupt? */
static gboolean watched_change(const sim_config_t *cfg, gboolean pin)
{
    if (cfg->trigger == SIM_TRIGGER_BOTH) {
        return TRUE;
    }
    if (cfg->trigger == SIM_TRIGGER_RISING) {
        return pin;
    }
    if (cfg->trigger == SIM_TRIGGER_FALLING) {
        return !pin;
    }
    return in_level(cfg, pin);
}

static void pend(ref_t *r, int64_t t)
{
    if (!r->gpio_pending) {
        r->gpio_pending = TRUE;
        r->gpio_since = t;
        r->gpio_latency = latency(r, &r->cfg->irq_latency);
    }
}

static uint32_t tick(const ref_t *r, int64_t t)
{
    return r->cfg->tick_start + (uint32_t)((t - r->trace->start_ns) / SIM_TICK_NS);
}

/* The first instant at or after `now` whose tick has reached `when`. */
static int64_t due(const ref_t *r, int64_t now, uint32_t when)
{
    int32_t ticks_to_go = (int32_t)(when - tick(r, now));
    int64_t tick_start_ns;

    if (ticks_to_go <= 0) {
        return now;
    }
    /* the start of the current tick, then whole ticks on */
    tick_start_ns = now - (now - r->trace->start_ns) % SIM_TICK_NS;
    return tick_start_ns + (int64_t)ticks_to_go * SIM_TICK_NS;
}

static void enter(ref_t *r, int64_t t, gboolean gpio)
{
    debounce_event_t ev;
    uint32_t when = 0;

    if (gpio) {
        r->gpio_pending = FALSE;
        r->result->gpio_entries++;
    } else {
        r->alarm_armed = FALSE;
        r->result->alarm_entries++;
    }
    ev = debounce_update(&r->core, tick(r, t), r->pin);
    r->result->updates++;
    sim_program_update(&r->program, t, ev, debounce_is_pressed(&r->core), gpio);
    r->alarm_armed = debounce_deadline(&r->core, &when);
    if (r->alarm_armed) {
        r->alarm_due = due(r, t, when);
        r->alarm_latency = latency(r, &r->cfg->alarm_latency);
    }
    r->busy = TRUE;
    r->cpu_free = t + r->cfg->handler_ns;
}

void irq_reference_run(const trace_t *trace, const sim_config_t *cfg, sim_result_t *result)
{
    ref_t r = {.trace = trace,
               .cfg = cfg,
               .result = result,
               .pin = trace->initial_level,
               .cpu_free = trace->start_ns};

    sim_config_core(cfg, trace->active_low, &r.core_cfg);
    debounce_init(&r.core, &r.core_cfg, tick(&r, trace->start_ns), trace->initial_level);
    sim_program_init(&r.program, cfg, NULL, trace->start_ns, result);
    if (level_trigger(cfg) && in_level(cfg, r.pin)) {
        pend(&r, trace->start_ns);
    }

    for (;;) {
        int64_t edge_at =
            r.next_edge < trace_n_edges(trace) ? trace_edge_ns(trace, r.next_edge) : NEVER;
        int64_t end_at = r.busy ? r.cpu_free : NEVER;
        int64_t alarm_at = r.alarm_armed ? MAX(r.alarm_due, r.cpu_free) + r.alarm_latency : NEVER;
        int64_t gpio_at = r.gpio_pending ? MAX(r.gpio_since, r.cpu_free) + r.gpio_latency : NEVER;
        int64_t t = MIN(MIN(edge_at, end_at), MIN(alarm_at, gpio_at));

        if (t == NEVER) {
            break;
        }
        if (t == edge_at) {
            r.pin = trace_level_after(trace, r.next_edge);
            r.next_edge++;
            if (watched_change(cfg, r.pin)) {
                pend(&r, t);
            }
        } else if (t == end_at) {
            r.busy = FALSE;
            if (level_trigger(cfg) && in_level(cfg, r.pin)) {
                pend(&r, t);
            }
        } else if (t > trace->end_ns) {
            break; /* no entry after the trace */
        } else {
            enter(&r, t, t != alarm_at);
        }
    }
}
