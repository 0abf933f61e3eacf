/* The program around the core: counting, hold-off and main-loop delivery. */
#include "sim_program.h"

/* MicroPython's ticks_ms() period on 32-bit ports (TICKS_PERIOD = 2^30 ms). */
#define TICKS_MS_PERIOD (UINT32_C(1) << 30)
#define TICKS_MS_MASK   (TICKS_MS_PERIOD - 1u)
#define MS              INT64_C(1000000)

void sim_program_init(sim_program_t *p, const sim_config_t *cfg, const sim_record_t *record,
                      int64_t origin_ns, sim_result_t *result)
{
    *p = (sim_program_t){.cfg = cfg, .record = record, .origin_ns = origin_ns, .result = result};
    for (gsize k = 0; k < G_N_ELEMENTS(p->last_delivery_ns); k++) {
        p->last_delivery_ns[k] = INT64_MIN;
    }
}

uint32_t sim_program_ticks_ms(const sim_program_t *p, int64_t t_ns)
{
    uint64_t ms = (uint64_t)((t_ns - p->origin_ns) / MS);
    return (uint32_t)((p->cfg->ticks_ms_start + ms) & TICKS_MS_MASK);
}

/* MicroPython's ticks_diff(): the signed distance in a 2^30 ms circle. */
static int64_t ticks_diff(uint32_t a, uint32_t b)
{
    return (int64_t)((a - b + TICKS_MS_PERIOD / 2u) & TICKS_MS_MASK) -
           (int64_t)(TICKS_MS_PERIOD / 2u);
}

/* The tutorial programs' `if <elapsed> > holdoff: count; last = now`. */
static gboolean holdoff_allows(sim_program_t *p, int64_t t_ns)
{
    uint32_t now = sim_program_ticks_ms(p, t_ns);

    if (p->cfg->holdoff_ns > 0 && p->counted) {
        int64_t elapsed = p->cfg->holdoff_compare == SIM_HOLDOFF_PLAIN
                              ? (int64_t)now - (int64_t)p->last_ms
                              : ticks_diff(now, p->last_ms);
        if (elapsed <= p->cfg->holdoff_ns / MS) {
            return FALSE;
        }
    }
    p->counted = TRUE;
    p->last_ms = now;
    return TRUE;
}

static void deliver(sim_program_t *p, int64_t t_ns, debounce_event_t kind)
{
    int64_t period = p->cfg->main_loop_ns;
    sim_event_t ev = {t_ns, kind};

    if (period > 0) {
        /* a flag set by the handler is seen at the next check, and two
         * flags set before that check are one */
        int64_t since = t_ns - p->origin_ns;
        ev.t_ns = p->origin_ns + (since + period - 1) / period * period;
        if (p->last_delivery_ns[kind] == ev.t_ns) {
            return;
        }
        p->last_delivery_ns[kind] = ev.t_ns;
    }
    g_array_append_val(p->result->events, ev);
}

gboolean sim_program_update(sim_program_t *p, int64_t t_ns, debounce_event_t ev, gboolean pressed,
                            gboolean gpio_entry)
{
    gboolean counted = FALSE;

    if (ev != DEBOUNCE_EVENT_NONE && p->result->output != NULL) {
        sim_event_t out = {t_ns, ev};
        g_array_append_val(p->result->output, out);
    }
    switch (p->cfg->count) {
    case SIM_COUNT_EVENTS:
        if (ev == DEBOUNCE_EVENT_RELEASE) {
            deliver(p, t_ns, ev);
        } else if (ev == DEBOUNCE_EVENT_PRESS && holdoff_allows(p, t_ns)) {
            deliver(p, t_ns, ev);
            counted = TRUE;
        }
        break;
    case SIM_COUNT_LEVEL:
        counted = pressed && holdoff_allows(p, t_ns);
        break;
    case SIM_COUNT_ENTRIES:
        counted = gpio_entry && holdoff_allows(p, t_ns);
        break;
    }
    if (counted && p->cfg->count != SIM_COUNT_EVENTS) {
        deliver(p, t_ns, DEBOUNCE_EVENT_PRESS);
    }
    return counted;
}
