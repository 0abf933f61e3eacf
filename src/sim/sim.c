/* One simulated run, and the result it fills. */
#include "sim.h"
#include "sim_models.h"

sim_result_t *sim_result_new(const sim_record_t *record)
{
    sim_result_t *result = g_new0(sim_result_t, 1);

    result->events = g_array_new(FALSE, FALSE, sizeof(sim_event_t));
    if (record != NULL && record->output) {
        result->output = g_array_new(FALSE, FALSE, sizeof(sim_event_t));
    }
    if (record != NULL && record->activity) {
        result->activity = g_array_new(FALSE, FALSE, sizeof(sim_activity_t));
    }
    return result;
}

void sim_result_free(sim_result_t *result)
{
    if (result == NULL) {
        return;
    }
    g_array_unref(result->events);
    if (result->output != NULL) {
        g_array_unref(result->output);
    }
    if (result->activity != NULL) {
        g_array_unref(result->activity);
    }
    g_free(result);
}

sim_result_t *sim_run(const trace_t *trace, const sim_config_t *cfg, const sim_record_t *record,
                      GError **error)
{
    sim_result_t *result;

    if (!sim_config_validate(cfg, error) || !trace_check_time_limit(trace, error) ||
        !sim_config_fits_trace(cfg, trace->end_ns - trace->start_ns, error)) {
        return NULL;
    }
    result = sim_result_new(record);
    if (cfg->mode == SIM_MODE_POLL) {
        sim_poll_run(trace, cfg, FALSE, record, result);
    } else {
        sim_irq_run(trace, cfg, record, result);
    }
    return result;
}
