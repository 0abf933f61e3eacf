/*
 * Sweeps: combinations made on demand from their index, run on a
 * GThreadPool with a bounded number in flight, handed back in plan order.
 */
#include "sim.h"
#include "sim_algos.h"
#include "sim_error.h"
#include "sim_sweep.h"

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

/* Which list entries one combination index stands for. */
typedef struct {
    guint trace, algo, mode, window, point;
} combo_t;

struct sim_sweep_plan {
    const sim_sweep_spec_t *spec;
    gsize per_algo; /* combinations per (trace, algorithm): every mode's windows x points */
    gsize total;    /* combinations before sharding and skipping */
    gsize rows;
    gsize skipped;
    char *skip_reason;
    gsize cursor_row;   /* the row the cursor stands at ... */
    gsize cursor_index; /* ... and its combination index */
};

static guint points_of(const sim_sweep_spec_t *spec, sim_mode_t mode)
{
    return mode == SIM_MODE_POLL ? spec->intervals_ns->len : spec->irqs->len;
}

static combo_t decode(const sim_sweep_plan_t *plan, gsize index)
{
    const sim_sweep_spec_t *spec = plan->spec;
    gsize per_trace = plan->per_algo * spec->algos->len;
    combo_t c = {0};
    gsize rest;

    c.trace = (guint)(index / per_trace);
    rest = index % per_trace;
    c.algo = (guint)(rest / plan->per_algo);
    rest %= plan->per_algo;
    for (c.mode = 0; c.mode < spec->modes->len; c.mode++) {
        gsize points = points_of(spec, g_array_index(spec->modes, sim_mode_t, c.mode));
        gsize size = spec->windows_ns->len * points;
        if (rest < size) {
            c.window = (guint)(rest / points);
            c.point = (guint)(rest % points);
            break;
        }
        rest -= size;
    }
    return c;
}

static void make_config(const sim_sweep_spec_t *spec, const combo_t *c, sim_config_t *cfg)
{
    *cfg = spec->base;
    cfg->algo = g_array_index(spec->algos, debounce_algo_t, c->algo);
    cfg->mode = g_array_index(spec->modes, sim_mode_t, c->mode);
    cfg->press_window_ns = g_array_index(spec->windows_ns, int64_t, c->window);
    cfg->release_window_ns =
        spec->release_window_ns < 0 ? cfg->press_window_ns : spec->release_window_ns;
    if (cfg->mode == SIM_MODE_POLL) {
        cfg->interval_ns = g_array_index(spec->intervals_ns, int64_t, c->point);
        return;
    }
    const sim_sweep_irq_t *irq = &g_array_index(spec->irqs, sim_sweep_irq_t, c->point);
    if (irq->runtime == SIM_RUNTIME_CUSTOM) {
        cfg->runtime = SIM_RUNTIME_CUSTOM;
        cfg->irq_latency = (sim_latency_t){irq->latency_ns, 0, 0, 0};
        cfg->alarm_latency = cfg->irq_latency;
    } else {
        sim_config_set_runtime(cfg, irq->runtime);
    }
}

/* Whether a combination is one this shard runs (and one that can run). */
static gboolean runs(sim_sweep_plan_t *plan, gsize index, gboolean *skipped)
{
    const sim_sweep_spec_t *spec = plan->spec;
    combo_t c;

    *skipped = FALSE;
    if (index % spec->shard_count != spec->shard_index) {
        return FALSE;
    }
    c = decode(plan, index);
    if (g_array_index(spec->modes, sim_mode_t, c.mode) == SIM_MODE_IRQ &&
        debounce_algo_counts_samples(g_array_index(spec->algos, debounce_algo_t, c.algo))) {
        *skipped = TRUE;
        return FALSE;
    }
    return TRUE;
}

/* Every window, interval and interrupt timing once, with every algorithm
 * that can run in the mode: the checks do not depend on the rest. */
static gboolean validate(const sim_sweep_plan_t *plan, GError **error)
{
    const sim_sweep_spec_t *spec = plan->spec;

    for (guint t = 0; t < spec->traces->len; t++) {
        const trace_t *trace = g_ptr_array_index(spec->traces, t);
        sim_config_t poll = spec->base;
        poll.mode = SIM_MODE_POLL;
        if (!trace_check_time_limit(trace, error) ||
            !sim_config_fits_trace(&poll, trace->end_ns - trace->start_ns, error)) {
            return FALSE;
        }
    }
    for (guint a = 0; a < spec->algos->len; a++) {
        for (guint m = 0; m < spec->modes->len; m++) {
            sim_mode_t mode = g_array_index(spec->modes, sim_mode_t, m);
            guint n_windows = spec->windows_ns->len, n_points = points_of(spec, mode);
            if (n_windows == 0 || n_points == 0 ||
                (mode == SIM_MODE_IRQ &&
                 debounce_algo_counts_samples(g_array_index(spec->algos, debounce_algo_t, a)))) {
                continue;
            }
            for (guint i = 0; i < MAX(n_windows, n_points); i++) {
                combo_t c = {0, a, m, MIN(i, n_windows - 1), MIN(i, n_points - 1)};
                sim_config_t cfg;
                g_autoptr(GError) invalid = NULL;
                make_config(spec, &c, &cfg);
                if (!sim_config_validate(&cfg, &invalid)) {
                    g_propagate_prefixed_error(error, g_steal_pointer(&invalid),
                                               "%s, %s: ", debounce_algo_name(cfg.algo),
                                               sim_mode_name(cfg.mode));
                    return FALSE;
                }
            }
        }
    }
    return TRUE;
}

sim_sweep_plan_t *sim_sweep_plan_new(const sim_sweep_spec_t *spec, GError **error)
{
    g_autoptr(sim_sweep_plan_t) plan = g_new0(sim_sweep_plan_t, 1);

    g_return_val_if_fail(spec->shard_count > 0 && spec->shard_index < spec->shard_count, NULL);
    plan->spec = spec;
    for (guint m = 0; m < spec->modes->len; m++) {
        plan->per_algo += (gsize)spec->windows_ns->len *
                          points_of(spec, g_array_index(spec->modes, sim_mode_t, m));
    }
    plan->total = plan->per_algo * spec->algos->len * spec->traces->len;
    if (plan->total > 0 && !validate(plan, error)) {
        return NULL;
    }
    for (gsize i = spec->shard_index; i < plan->total; i += spec->shard_count) {
        gboolean skipped;
        if (runs(plan, i, &skipped)) {
            plan->rows++;
        } else if (skipped) {
            plan->skipped++;
            if (plan->skip_reason == NULL) {
                combo_t c = decode(plan, i);
                plan->skip_reason = g_strdup_printf(
                    "%s in irq mode (it counts evenly spaced samples)",
                    debounce_algo_name(g_array_index(spec->algos, debounce_algo_t, c.algo)));
            }
        }
    }
    plan->cursor_index = spec->shard_index;
    return g_steal_pointer(&plan);
}

void sim_sweep_plan_free(sim_sweep_plan_t *plan)
{
    if (plan != NULL) {
        g_free(plan->skip_reason);
        g_free(plan);
    }
}

gsize sim_sweep_plan_rows(const sim_sweep_plan_t *plan)
{
    return plan->rows;
}

gsize sim_sweep_plan_skipped(const sim_sweep_plan_t *plan)
{
    return plan->skipped;
}

const char *sim_sweep_plan_skip_reason(const sim_sweep_plan_t *plan)
{
    return plan->skip_reason;
}

void sim_sweep_plan_row(sim_sweep_plan_t *plan, gsize n, sim_sweep_row_t *row)
{
    const sim_sweep_spec_t *spec = plan->spec;
    gboolean skipped;
    combo_t c;

    g_return_if_fail(n < plan->rows);
    if (n < plan->cursor_row) {
        plan->cursor_row = 0;
        plan->cursor_index = spec->shard_index;
    }
    /* move the cursor to the first runnable index, then on row by row */
    while (!runs(plan, plan->cursor_index, &skipped)) {
        plan->cursor_index += spec->shard_count;
    }
    while (plan->cursor_row < n) {
        do {
            plan->cursor_index += spec->shard_count;
        } while (!runs(plan, plan->cursor_index, &skipped));
        plan->cursor_row++;
    }
    c = decode(plan, plan->cursor_index);
    *row = (sim_sweep_row_t){.trace_index = c.trace};
    make_config(spec, &c, &row->cfg);
}

static void run_row(const sim_sweep_spec_t *spec, sim_sweep_row_t *row,
                    sim_sweep_prepare_fn prepare, gpointer user_data)
{
    const trace_t *trace = g_ptr_array_index(spec->traces, row->trace_index);
    g_autoptr(sim_result_t) result = sim_run(trace, &row->cfg, NULL, NULL);

    /* the plan validated every setting and trace, so sim_run cannot refuse one */
    g_assert(result != NULL);
    sim_metrics_compute(trace, &row->cfg, result, &row->metrics, NULL);
    row->prepared = prepare != NULL ? prepare(row, user_data) : NULL;
}

/* Rows go to the workers in blocks: one hand-off per row cost as much as a
 * short row itself (a context switch each, 0.3..0.5 s of system time in a
 * 70000-row sweep); a block of 32 makes it noise. */
#define BLOCK_ROWS 32u
/* Blocks in flight per thread: enough to keep every thread busy while the
 * calling thread waits for the oldest, few enough that a stop is quick. */
#define BLOCKS_PER_THREAD 4u

typedef struct {
    const sim_sweep_spec_t *spec;
    gsize rows;
    sim_sweep_row_t *slots; /* row n lives in slot n % n_slots while in flight */
    gsize n_slots;          /* a whole number of blocks */
    GAsyncQueue *done;      /* block numbers + 1 of finished blocks */
    sim_sweep_prepare_fn prepare;
    gpointer user_data;
} sweep_run_t;

static void worker(gpointer data, gpointer user_data)
{
    sweep_run_t *run = user_data;
    gsize block = GPOINTER_TO_SIZE(data) - 1;
    gsize end = MIN((block + 1) * BLOCK_ROWS, run->rows);

    for (gsize n = block * BLOCK_ROWS; n < end; n++) {
        run_row(run->spec, &run->slots[n % run->n_slots], run->prepare, run->user_data);
    }
    g_async_queue_push(run->done, GSIZE_TO_POINTER(block + 1));
}

gsize sim_sweep_run(sim_sweep_plan_t *plan, guint threads, sim_sweep_prepare_fn prepare,
                    sim_sweep_row_fn on_row, sim_sweep_stop_fn should_stop, gpointer user_data)
{
    const gsize rows = plan->rows;
    const gsize blocks = (rows + BLOCK_ROWS - 1) / BLOCK_ROWS;
    sweep_run_t run = {plan->spec, rows, NULL, 0, NULL, prepare, user_data};
    g_autofree gboolean *finished = NULL;
    GThreadPool *pool;
    gsize next = 0, queued = 0, ring; /* in blocks */

    if (threads <= 1) {
        sim_sweep_row_t row;
        for (gsize n = 0; n < rows; n++) {
            if (should_stop != NULL && should_stop(user_data)) {
                return n;
            }
            sim_sweep_plan_row(plan, n, &row);
            run_row(plan->spec, &row, prepare, user_data);
            on_row(&row, n, rows, user_data);
        }
        return rows;
    }

    ring = (gsize)BLOCKS_PER_THREAD * threads;
    run.n_slots = ring * BLOCK_ROWS;
    run.slots = g_new0(sim_sweep_row_t, run.n_slots);
    finished = g_new0(gboolean, ring);
    run.done = g_async_queue_new();
    pool = g_thread_pool_new(worker, &run, (gint)threads, TRUE, NULL);
    while (next < blocks) {
        gboolean stop = should_stop != NULL && should_stop(user_data);
        while (!stop && queued < blocks && queued - next < ring) {
            gsize end = MIN((queued + 1) * BLOCK_ROWS, rows);
            for (gsize n = queued * BLOCK_ROWS; n < end; n++) {
                sim_sweep_plan_row(plan, n, &run.slots[n % run.n_slots]);
            }
            finished[queued % ring] = FALSE;
            g_thread_pool_push(pool, GSIZE_TO_POINTER(queued + 1), NULL);
            queued++;
        }
        if (queued == next) {
            break; /* stopped with nothing in flight */
        }
        finished[(GPOINTER_TO_SIZE(g_async_queue_pop(run.done)) - 1) % ring] = TRUE;
        while (next < queued && finished[next % ring]) {
            gsize end = MIN((next + 1) * BLOCK_ROWS, rows);
            for (gsize n = next * BLOCK_ROWS; n < end; n++) {
                on_row(&run.slots[n % run.n_slots], n, rows, user_data);
            }
            next++;
        }
    }
    /* after a stop every queued block has been waited for and handed back */
    g_thread_pool_free(pool, FALSE, TRUE);
    g_async_queue_unref(run.done);
    g_free(run.slots);
    return MIN(next * BLOCK_ROWS, rows);
}
