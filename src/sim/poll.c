/*
 * The polling model. Between edges the pin is constant, and a constant pin
 * changes nothing in a time-based algorithm until its deadline (the core's
 * contract), so after each read the next read worth making is the first one
 * at or after the next edge or the deadline. An algorithm that counts samples
 * (the integrator) is stepped until max(N) equal samples have saturated its count.
 */
#include "sim_models.h"
#include "sim_program.h"
#include "sim_rng.h"

typedef struct {
    int64_t first_ns; /* read 0, before jitter */
    int64_t interval_ns;
    int64_t jitter_ns;
    guint32 seed;
} poll_grid_t;

static int64_t read_time(const poll_grid_t *g, int64_t k)
{
    return g->first_ns + k * g->interval_ns + sim_rng_uniform(g->seed, (uint64_t)k, g->jitter_ns);
}

/* The first read at or after t_ns. Reads are strictly increasing because the
 * jitter is less than the interval, so at most one step past the estimate. */
static int64_t first_read_at_or_after(const poll_grid_t *g, int64_t t_ns)
{
    int64_t k;

    if (t_ns <= g->first_ns) {
        return 0;
    }
    k = (t_ns - g->first_ns - g->jitter_ns + g->interval_ns - 1) / g->interval_ns;
    if (k < 0) {
        k = 0;
    }
    while (read_time(g, k) < t_ns) {
        k++;
    }
    return k;
}

/* The number of edges at or before t_ns, searching from `edge` on. A read
 * often skips a whole bounce burst of dozens of edges, so the search
 * gallops (1, 2, 4 ... ahead) and then bisects instead of stepping. */
static gsize edges_through(const trace_t *trace, gsize edge, gsize n_edges, int64_t t_ns)
{
    gsize lo, hi, step = 1;

    if (edge >= n_edges || trace_edge_ns(trace, edge) > t_ns) {
        return edge;
    }
    lo = edge; /* edge lo is at or before t_ns */
    while (lo + step < n_edges && trace_edge_ns(trace, lo + step) <= t_ns) {
        lo += step;
        step *= 2;
    }
    hi = MIN(lo + step, n_edges); /* edge hi is after t_ns, or the end */
    while (hi - lo > 1) {
        gsize mid = lo + (hi - lo) / 2;
        if (trace_edge_ns(trace, mid) <= t_ns) {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    return lo + 1;
}

static void record_reads(const poll_grid_t *g, const sim_record_t *record, int64_t end_ns,
                         sim_result_t *result)
{
    int64_t to = MIN(record->to_ns, end_ns);

    for (int64_t k = first_read_at_or_after(g, record->from_ns); read_time(g, k) <= to; k++) {
        sim_activity_t a = {read_time(g, k), read_time(g, k), SIM_ACTIVITY_POLL};
        if (result->activity->len >= SIM_ACTIVITY_MAX) {
            result->activity_cut = TRUE;
            break;
        }
        g_array_append_val(result->activity, a);
    }
}

void sim_poll_run(const trace_t *trace, const sim_config_t *cfg, gboolean step_every_read,
                  const sim_record_t *record, sim_result_t *result)
{
    const int64_t origin = trace->start_ns;
    const gsize n_edges = trace_n_edges(trace);
    poll_grid_t grid = {origin + cfg->phase_ns, cfg->interval_ns, cfg->jitter_ns, cfg->seed};
    debounce_config_t core_cfg;
    debounce_t d;
    sim_program_t program;
    gsize edge = 0; /* edges at or before the current read */
    gboolean level = trace->initial_level;
    gboolean last_level = level;
    uint64_t same_reads = 0; /* consecutive reads that saw the same level */
    uint64_t saturation = 0;

    sim_config_core(cfg, trace->active_low, &core_cfg);
    if (debounce_algo_counts_samples(cfg->algo)) {
        saturation = MAX(core_cfg.press_window_samples, core_cfg.release_window_samples);
    }
    debounce_init(&d, &core_cfg, sim_tick_of(cfg, origin, origin), level);
    sim_program_init(&program, cfg, record, origin, result);
    result->polls = (guint64)first_read_at_or_after(&grid, trace->end_ns + 1);

    for (int64_t k = 0; (guint64)k < result->polls;) {
        int64_t t = read_time(&grid, k);
        int64_t next_k = k + 1;
        uint32_t when = 0;

        edge = edges_through(trace, edge, n_edges, t);
        level = edge == 0 ? trace->initial_level : trace_level_after(trace, edge - 1);
        same_reads = level == last_level ? same_reads + 1 : 1;
        last_level = level;

        debounce_event_t ev = debounce_update(&d, sim_tick_of(cfg, origin, t), level);
        result->updates++;
        sim_program_update(&program, t, ev, debounce_is_pressed(&d), FALSE);

        if (!step_every_read && !(cfg->count == SIM_COUNT_LEVEL && debounce_is_pressed(&d)) &&
            !(saturation > 0 && same_reads <= saturation)) {
            /* nothing changes before the next edge or the deadline */
            int64_t wake = INT64_MAX;
            if (edge < n_edges) {
                wake = trace_edge_ns(trace, edge);
            }
            if (debounce_deadline(&d, &when)) {
                wake = MIN(wake, sim_deadline_ns(cfg, origin, t, when));
            }
            if (wake == INT64_MAX) {
                break;
            }
            next_k = MAX(next_k, first_read_at_or_after(&grid, wake));
            /* skipped reads saw the same level */
            same_reads += (uint64_t)(next_k - k - 1);
        }
        k = next_k;
    }
    if (record != NULL && record->activity) {
        record_reads(&grid, record, trace->end_ns, result);
    }
}
