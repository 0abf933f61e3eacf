/*
 * The polling model. Between edges the pin is constant, and a constant pin
 * changes nothing in a time-based algorithm until its deadline (the core's
 * contract), so after each read the next read worth making is the first one
 * at or after the next edge or the deadline. An algorithm that counts samples
 * (the integrator) is stepped until max(N) equal samples have saturated its count.
 */
#include "sim_models.h"
#include "sim_program.h"
#include "sim_reads.h"

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

/* A delay the program put into the loop (a print), replayed when the reads
 * are walked again for the activity record. */
typedef struct {
    int64_t k; /* after this read */
    int64_t ns;
} poll_delay_t;

static void record_reads(const trace_t *trace, const sim_config_t *cfg, const GArray *delays,
                         const sim_record_t *record, sim_result_t *result)
{
    int64_t to = MIN(record->to_ns, trace->end_ns);
    sim_reads_t r;
    guint d = 0;

    for (sim_reads_init(&r, cfg, trace->start_ns); r.t_ns <= to; sim_reads_next(&r)) {
        if (r.t_ns >= record->from_ns) {
            sim_activity_t a = {r.t_ns, r.t_ns, SIM_ACTIVITY_POLL};
            if (result->activity->len >= SIM_ACTIVITY_MAX) {
                result->activity_cut = TRUE;
                break;
            }
            g_array_append_val(result->activity, a);
        }
        for (; d < delays->len && g_array_index(delays, poll_delay_t, d).k == r.k; d++) {
            sim_reads_delay(&r, g_array_index(delays, poll_delay_t, d).ns);
        }
    }
}

void sim_poll_run(const trace_t *trace, const sim_config_t *cfg, gboolean step_every_read,
                  const sim_record_t *record, sim_result_t *result)
{
    const int64_t origin = trace->start_ns;
    const gsize n_edges = trace_n_edges(trace);
    sim_reads_t reads;
    g_autoptr(GArray) delays = g_array_new(FALSE, FALSE, sizeof(poll_delay_t));
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

    for (sim_reads_init(&reads, cfg, origin); reads.t_ns <= trace->end_ns;) {
        int64_t t = reads.t_ns, k = reads.k;
        uint32_t when = 0;

        edge = edges_through(trace, edge, n_edges, t);
        level = edge == 0 ? trace->initial_level : trace_level_after(trace, edge - 1);
        same_reads = level == last_level ? same_reads + 1 : 1;
        last_level = level;

        debounce_event_t ev = debounce_update(&d, sim_tick_of(cfg, origin, t), level);
        result->updates++;
        if (sim_program_update(&program, t, ev, debounce_is_pressed(&d), FALSE) &&
            cfg->print_ns > 0) {
            /* the loop prints the count before it reads again */
            poll_delay_t delay = {k, cfg->print_ns};
            sim_reads_delay(&reads, cfg->print_ns);
            g_array_append_val(delays, delay);
        }
        sim_reads_next(&reads);

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
            /* not past the first read after the end, which counts the reads */
            sim_reads_seek(&reads, MIN(wake, trace->end_ns + 1));
            /* skipped reads saw the same level */
            same_reads += (uint64_t)(reads.k - k - 1);
        }
    }
    /* the reads the trace holds: the first one after its end counts them */
    sim_reads_seek(&reads, trace->end_ns + 1);
    result->polls = (guint64)reads.k;
    if (record != NULL && record->activity) {
        record_reads(trace, cfg, delays, record, result);
    }
}
