/* irq.c against the reference model (irq_compare.h). */
#include "irq_compare.h"
#include "irq_reference.h"
#include "sim_models.h"

static char *compare_events(const char *what, const GArray *model, const GArray *ref)
{
    for (guint i = 0; i < MAX(model->len, ref->len); i++) {
        const sim_event_t *a = i < model->len ? &g_array_index(model, sim_event_t, i) : NULL;
        const sim_event_t *b = i < ref->len ? &g_array_index(ref, sim_event_t, i) : NULL;
        if (a == NULL || b == NULL || a->t_ns != b->t_ns || a->kind != b->kind) {
            return g_strdup_printf(
                "%s %u: irq.c %s at %" G_GINT64_FORMAT ", reference %s at %" G_GINT64_FORMAT
                " (%u against %u)",
                what, i, a ? (a->kind == DEBOUNCE_EVENT_PRESS ? "press" : "release") : "none",
                a ? a->t_ns : -1,
                b ? (b->kind == DEBOUNCE_EVENT_PRESS ? "press" : "release") : "none",
                b ? b->t_ns : -1, model->len, ref->len);
        }
    }
    return NULL;
}

char *irq_compare(const trace_t *trace, const sim_config_t *cfg)
{
    sim_record_t rec = {.output = TRUE};
    g_autoptr(sim_result_t) model = sim_result_new(&rec);
    g_autoptr(sim_result_t) ref = sim_result_new(&rec);
    char *diff;

    sim_irq_run(trace, cfg, &rec, model);
    irq_reference_run(trace, cfg, ref);
    if ((diff = compare_events("event", model->events, ref->events)) != NULL ||
        (diff = compare_events("core output", model->output, ref->output)) != NULL) {
        return diff;
    }
    if (model->gpio_entries != ref->gpio_entries || model->alarm_entries != ref->alarm_entries ||
        model->updates != ref->updates) {
        return g_strdup_printf("CPU: irq.c %" G_GUINT64_FORMAT " GPIO + %" G_GUINT64_FORMAT
                               " alarm entries, %" G_GUINT64_FORMAT
                               " updates; reference %" G_GUINT64_FORMAT " + %" G_GUINT64_FORMAT
                               ", %" G_GUINT64_FORMAT,
                               model->gpio_entries, model->alarm_entries, model->updates,
                               ref->gpio_entries, ref->alarm_entries, ref->updates);
    }
    return NULL;
}
