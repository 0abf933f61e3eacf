/* Planning and running sweeps on a GThreadPool, rows in plan order. */
#include "sim_sweep.h"
#include "sim.h"
#include "sim_algos.h"
#include "sim_error.h"

sim_sweep_spec_t *sim_sweep_spec_new(void)
{
    sim_sweep_spec_t *spec = g_new0(sim_sweep_spec_t, 1);

    spec->traces = g_ptr_array_new();
    spec->algos = g_array_new(FALSE, FALSE, sizeof(debounce_algo_t));
    spec->modes = g_array_new(FALSE, FALSE, sizeof(sim_mode_t));
    spec->windows_ns = g_array_new(FALSE, FALSE, sizeof(int64_t));
    spec->intervals_ns = g_array_new(FALSE, FALSE, sizeof(int64_t));
    spec->irqs = g_array_new(FALSE, FALSE, sizeof(sim_sweep_irq_t));
    spec->release_window_ns = -1;
    sim_config_init(&spec->base);
    spec->shard_count = 1;
    return spec;
}

void sim_sweep_spec_free(sim_sweep_spec_t *spec)
{
    if (spec == NULL) {
        return;
    }
    g_ptr_array_unref(spec->traces);
    g_array_unref(spec->algos);
    g_array_unref(spec->modes);
    g_array_unref(spec->windows_ns);
    g_array_unref(spec->intervals_ns);
    g_array_unref(spec->irqs);
    g_free(spec);
}

typedef struct {
    const sim_sweep_spec_t *spec;
    GArray *rows;
    gsize index; /* combinations seen, before sharding and skipping */
    guint skipped;
    char *skip_reason;
} planner_t;

static gboolean plan_one(planner_t *p, const sim_sweep_row_t *row, GError **error)
{
    g_autoptr(GError) invalid = NULL;
    gsize index = p->index++;

    if (index % p->spec->shard_count != p->spec->shard_index) {
        return TRUE;
    }
    if (row->cfg.mode == SIM_MODE_IRQ && sim_algo_info(row->cfg.algo)->polling_only) {
        p->skipped++;
        if (p->skip_reason == NULL) {
            p->skip_reason = g_strdup_printf("%s in irq mode (it counts evenly spaced samples)",
                                             sim_algo_info(row->cfg.algo)->name);
        }
        return TRUE;
    }
    if (!sim_config_validate(&row->cfg, &invalid)) {
        g_propagate_prefixed_error(error, g_steal_pointer(&invalid),
                                   "%s, %s: ", sim_algo_info(row->cfg.algo)->name,
                                   sim_mode_name(row->cfg.mode));
        return FALSE;
    }
    g_array_append_val(p->rows, *row);
    return TRUE;
}

GArray *sim_sweep_plan(const sim_sweep_spec_t *spec, guint *skipped, char **skip_reason,
                       GError **error)
{
    planner_t p = {.spec = spec, .rows = g_array_new(FALSE, FALSE, sizeof(sim_sweep_row_t))};
    sim_sweep_row_t row = {0};

    g_return_val_if_fail(spec->shard_count > 0 && spec->shard_index < spec->shard_count, NULL);
    for (guint t = 0; t < spec->traces->len; t++) {
        for (guint a = 0; a < spec->algos->len; a++) {
            for (guint m = 0; m < spec->modes->len; m++) {
                for (guint w = 0; w < spec->windows_ns->len; w++) {
                    sim_mode_t mode = g_array_index(spec->modes, sim_mode_t, m);
                    guint n_points =
                        mode == SIM_MODE_POLL ? spec->intervals_ns->len : spec->irqs->len;
                    for (guint k = 0; k < n_points; k++) {
                        row.trace_index = t;
                        row.cfg = spec->base;
                        row.cfg.algo = g_array_index(spec->algos, debounce_algo_t, a);
                        row.cfg.mode = mode;
                        row.cfg.press_window_ns = g_array_index(spec->windows_ns, int64_t, w);
                        row.cfg.release_window_ns = spec->release_window_ns < 0
                                                        ? row.cfg.press_window_ns
                                                        : spec->release_window_ns;
                        if (mode == SIM_MODE_POLL) {
                            row.cfg.interval_ns = g_array_index(spec->intervals_ns, int64_t, k);
                        } else {
                            const sim_sweep_irq_t *irq =
                                &g_array_index(spec->irqs, sim_sweep_irq_t, k);
                            if (irq->runtime == SIM_RUNTIME_CUSTOM) {
                                row.cfg.runtime = SIM_RUNTIME_CUSTOM;
                                row.cfg.irq_latency = (sim_latency_t){irq->latency_ns, 0, 0, 0};
                                row.cfg.alarm_latency = row.cfg.irq_latency;
                            } else {
                                sim_config_set_runtime(&row.cfg, irq->runtime);
                            }
                        }
                        if (!plan_one(&p, &row, error)) {
                            g_array_unref(p.rows);
                            g_free(p.skip_reason);
                            return NULL;
                        }
                    }
                }
            }
        }
    }
    *skipped = p.skipped;
    if (skip_reason != NULL) {
        *skip_reason = p.skip_reason;
    } else {
        g_free(p.skip_reason);
    }
    return p.rows;
}

typedef struct {
    const sim_sweep_spec_t *spec;
    GArray *rows;
    GAsyncQueue *done; /* indices + 1 of finished rows */
} sweep_run_t;

static void run_row(const sim_sweep_spec_t *spec, sim_sweep_row_t *row)
{
    const trace_t *trace = g_ptr_array_index(spec->traces, row->trace_index);
    g_autoptr(sim_result_t) result = sim_run(trace, &row->cfg, NULL, NULL);

    /* the plan validated every configuration, so sim_run cannot refuse it */
    g_assert(result != NULL);
    sim_metrics_compute(trace, &row->cfg, result, &row->metrics, NULL);
}

static void worker(gpointer data, gpointer user_data)
{
    sweep_run_t *run = user_data;
    gsize index = GPOINTER_TO_SIZE(data) - 1;

    run_row(run->spec, &g_array_index(run->rows, sim_sweep_row_t, index));
    g_async_queue_push(run->done, GSIZE_TO_POINTER(index + 1));
}

gsize sim_sweep_run(const sim_sweep_spec_t *spec, GArray *rows, guint threads,
                    sim_sweep_row_fn on_row, sim_sweep_stop_fn should_stop, gpointer user_data)
{
    sweep_run_t run = {spec, rows, NULL};
    g_autofree gboolean *finished = NULL;
    GThreadPool *pool;
    gsize next = 0, queued = 0, in_flight = 0;

    if (threads <= 1) {
        for (gsize i = 0; i < rows->len; i++) {
            if (should_stop != NULL && should_stop(user_data)) {
                return i;
            }
            run_row(spec, &g_array_index(rows, sim_sweep_row_t, i));
            on_row(&g_array_index(rows, sim_sweep_row_t, i), i, rows->len, user_data);
        }
        return rows->len;
    }

    finished = g_new0(gboolean, rows->len + 1);
    run.done = g_async_queue_new();
    pool = g_thread_pool_new(worker, &run, (gint)threads, TRUE, NULL);
    /* keep a bounded number of rows in flight so a stop request takes effect
     * soon and the completion bookkeeping stays small */
    while (next < rows->len) {
        gboolean stop = should_stop != NULL && should_stop(user_data);
        while (!stop && queued < rows->len && in_flight < 4u * threads) {
            g_thread_pool_push(pool, GSIZE_TO_POINTER(queued + 1), NULL);
            queued++;
            in_flight++;
        }
        if (in_flight == 0) {
            break;
        }
        finished[GPOINTER_TO_SIZE(g_async_queue_pop(run.done)) - 1] = TRUE;
        in_flight--;
        while (next < rows->len && finished[next]) {
            on_row(&g_array_index(rows, sim_sweep_row_t, next), next, rows->len, user_data);
            next++;
        }
        if (stop && in_flight == 0) {
            break;
        }
    }
    g_thread_pool_free(pool, FALSE, TRUE);
    g_async_queue_unref(run.done);
    return next;
}
