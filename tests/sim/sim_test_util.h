/* Small helpers for the simulator tests: traces from edge lists, runs, checks. */
#ifndef SIM_TEST_UTIL_H
#define SIM_TEST_UTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <glib.h>

#include "sim.h"
#include "sim_metrics.h"
#include "sim_models.h"

#define US INT64_C(1000)
#define MS INT64_C(1000000)

/* A trace starting at 0 at `initial` level, flipping at each edge (ns). */
static inline trace_t *make_trace(gboolean initial, const int64_t *edges, gsize n, int64_t end_ns)
{
    trace_t *t = trace_new("test", initial, TRUE, 0);
    gboolean level = initial;
    for (gsize i = 0; i < n; i++) {
        level = !level;
        assert_true(trace_push_level(t, edges[i], level));
    }
    t->end_ns = end_ns;
    return t;
}

/* A configuration with fixed interrupt timing (no jitter, no tail). */
static inline void fixed_irq(sim_config_t *cfg, int64_t latency_ns, int64_t handler_ns,
                             int64_t alarm_ns)
{
    cfg->mode = SIM_MODE_IRQ;
    cfg->runtime = SIM_RUNTIME_CUSTOM;
    cfg->irq_latency = (sim_latency_t){latency_ns, 0, 0, 0};
    cfg->alarm_latency = (sim_latency_t){alarm_ns, 0, 0, 0};
    cfg->handler_ns = handler_ns;
}

/* Runs and checks the events against (t_ns, kind) pairs. */
static inline sim_result_t *run_expect(const trace_t *trace, const sim_config_t *cfg,
                                       const sim_event_t *want, gsize n_want)
{
    g_autoptr(GError) error = NULL;
    sim_result_t *r = sim_run(trace, cfg, NULL, &error);
    if (r == NULL) {
        fail_msg("sim_run: %s", error->message);
    }
    if (r->events->len != n_want) {
        GString *got = g_string_new(NULL);
        for (guint i = 0; i < r->events->len; i++) {
            sim_event_t *e = &g_array_index(r->events, sim_event_t, i);
            g_string_append_printf(got, " %s@%" G_GINT64_FORMAT,
                                   e->kind == DEBOUNCE_EVENT_PRESS ? "P" : "R", e->t_ns);
        }
        fail_msg("%u events, expected %zu:%s", r->events->len, n_want, got->str);
    }
    for (gsize i = 0; i < n_want; i++) {
        sim_event_t *e = &g_array_index(r->events, sim_event_t, i);
        if (e->t_ns != want[i].t_ns || e->kind != want[i].kind) {
            fail_msg("event %zu: %s@%" G_GINT64_FORMAT ", expected %s@%" G_GINT64_FORMAT, i,
                     e->kind == DEBOUNCE_EVENT_PRESS ? "P" : "R", e->t_ns,
                     want[i].kind == DEBOUNCE_EVENT_PRESS ? "P" : "R", want[i].t_ns);
        }
    }
    return r;
}

#define EXPECT(trace, cfg, ...)                                                                    \
    run_expect((trace), (cfg), (const sim_event_t[]){__VA_ARGS__},                                 \
               sizeof((const sim_event_t[]){__VA_ARGS__}) / sizeof(sim_event_t))
#define EXPECT_NONE(trace, cfg) run_expect((trace), (cfg), NULL, 0)
#define PR(t)                                                                                      \
    {                                                                                              \
        (t), DEBOUNCE_EVENT_PRESS                                                                  \
    }
#define RL(t)                                                                                      \
    {                                                                                              \
        (t), DEBOUNCE_EVENT_RELEASE                                                                \
    }

#endif
