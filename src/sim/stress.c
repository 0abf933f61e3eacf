/*
 * The stress engine: this shard's batches handed out to threads one at a
 * time, each generated (or the recording taken), replayed through every
 * configuration and scored into the thread's own tallies, which are added
 * up at the end. Tallies are integers, so the sum is the same whatever the
 * threads did in whatever order.
 */
#include "stress.h"
#include "sim.h"
#include "sim_error.h"
#include "stress_score.h"
#include "trace_rng.h"

stress_spec_t *stress_spec_new(void)
{
    stress_spec_t *spec = g_new0(stress_spec_t, 1);

    spec->inputs = g_ptr_array_new();
    spec->configs = g_array_new(FALSE, FALSE, sizeof(sim_config_t));
    spec->seed = 1;
    spec->shard_count = 1;
    return spec;
}

void stress_spec_free(stress_spec_t *spec)
{
    if (spec == NULL) {
        return;
    }
    for (guint i = 0; i < spec->inputs->len; i++) {
        stress_input_t *in = g_ptr_array_index(spec->inputs, i);
        g_free(in->name);
        g_free(in);
    }
    g_ptr_array_unref(spec->inputs);
    g_array_unref(spec->configs);
    g_free(spec);
}

void stress_spec_add_model(stress_spec_t *spec, const char *name, const trace_gen_params_t *model,
                           int64_t longest_ns)
{
    stress_input_t *in = g_new0(stress_input_t, 1);

    in->longest_ns = longest_ns;
    in->name = g_strdup(name);
    in->model = *model;
    g_ptr_array_add(spec->inputs, in);
}

void stress_spec_add_recorded(stress_spec_t *spec, const char *name, const trace_t *recorded,
                              int64_t longest_ns)
{
    stress_input_t *in = g_new0(stress_input_t, 1);

    in->longest_ns = longest_ns;
    in->name = g_strdup(name);
    in->recorded = recorded;
    g_ptr_array_add(spec->inputs, in);
}

static const stress_input_t *input_at(const stress_spec_t *spec, guint input)
{
    return g_ptr_array_index(spec->inputs, input);
}

guint stress_batch_presses(const stress_spec_t *spec, guint input)
{
    const stress_input_t *in = input_at(spec, input);
    return in->recorded != NULL ? (guint)trace_n_truth(in->recorded) : STRESS_BATCH_PRESSES;
}

guint64 stress_batches(const stress_spec_t *spec, guint input)
{
    guint64 per = stress_batch_presses(spec, input);
    return per == 0 ? 0 : (spec->presses + per - 1) / per;
}

guint64 stress_batch_seed(guint64 seed, guint64 batch)
{
    trace_rng_t rng;

    /* two SplitMix64 steps: the first spreads the seed, the second mixes in
     * the batch, so neighbouring seeds and batches get unrelated streams */
    trace_rng_seed(&rng, seed);
    trace_rng_seed(&rng, trace_rng_next(&rng) ^ batch);
    return trace_rng_next(&rng);
}

void stress_rare_weights(const stress_spec_t *spec, guint input,
                         double weights[STRESS_RARE_CLASSES])
{
    const stress_input_t *in = input_at(spec, input);

    for (guint mk = 0; mk < TRACE_GEN_DRAWS; mk++) {
        for (guint br = 0; br < TRACE_GEN_DRAWS; br++) {
            weights[mk * TRACE_GEN_DRAWS + br] =
                trace_gen_tilt_weight(&in->model.make, &spec->tilt, (trace_gen_draw_t)mk) *
                trace_gen_tilt_weight(&in->model.brk, &spec->tilt, (trace_gen_draw_t)br);
        }
    }
}

/* ---- the run ------------------------------------------------------------- */

typedef struct {
    const stress_spec_t *spec;
    guint64 *first_item; /* per input: its first work item; [n_inputs] = total */
    gint64 next_item;    /* atomic */
    gint stop;           /* atomic */
    GMutex lock;         /* guards error */
    GError *error;
} run_t;

typedef struct {
    run_t *run;
    stress_tally_t *tallies; /* inputs x configs */
    stress_scratch_t scratch;
    guint8 *draws;
} worker_t;

/* Batches of this shard for an input. */
static guint64 shard_batches(const stress_spec_t *spec, guint input)
{
    guint64 all = stress_batches(spec, input);
    return all > spec->shard_index ? (all - spec->shard_index - 1) / spec->shard_count + 1 : 0;
}

static void fail(run_t *run, GError *error)
{
    g_mutex_lock(&run->lock);
    if (run->error == NULL) {
        run->error = error;
    } else {
        g_error_free(error);
    }
    g_mutex_unlock(&run->lock);
    g_atomic_int_set(&run->stop, 1);
}

/* Replays one batch through every configuration into the worker's tallies. */
static gboolean replay(worker_t *w, guint input, const trace_t *trace, const guint8 *draws,
                       double phase_share, guint32 sim_seed)
{
    const stress_spec_t *spec = w->run->spec;
    const stress_input_t *in = input_at(spec, input);
    GError *error = NULL;

    for (guint c = 0; c < spec->configs->len; c++) {
        sim_config_t cfg = g_array_index(spec->configs, sim_config_t, c);
        g_autoptr(sim_result_t) result = NULL;

        cfg.seed = sim_seed;
        if (in->recorded != NULL && cfg.mode == SIM_MODE_POLL) {
            cfg.phase_ns = (int64_t)(phase_share * (double)cfg.interval_ns);
        }
        result = sim_run(trace, &cfg, NULL, &error);
        if (result == NULL) {
            fail(w->run, error);
            return FALSE;
        }
        stress_score(trace, &cfg, result, draws, &w->scratch,
                     &w->tallies[input * spec->configs->len + c]);
    }
    return TRUE;
}

static gboolean generate(worker_t *w, const stress_input_t *in, guint64 seed, guint n,
                         gboolean tilted, trace_t **out)
{
    const stress_spec_t *spec = w->run->spec;
    GError *error = NULL;

    *out = trace_gen_tilted(&in->model, tilted ? &spec->tilt : NULL, seed, n, TRUE, in->name,
                            tilted ? w->draws : NULL, &error);
    if (*out == NULL) {
        fail(w->run, error);
        return FALSE;
    }
    return TRUE;
}

/* One batch: its presses (generated, or the recording), replayed by every
 * configuration with the same phase share and draws (paired); with --rare
 * a second, tilted batch from the same batch seed as well. */
static void run_batch(worker_t *w, guint input, guint64 batch)
{
    const stress_spec_t *spec = w->run->spec;
    const stress_input_t *in = input_at(spec, input);
    g_autoptr(trace_t) plain = NULL;
    g_autoptr(trace_t) tilted = NULL;
    guint64 press_seed, rare_seed;
    trace_rng_t rng;
    double phase_share;
    guint32 sim_seed;
    guint n = 0;

    trace_rng_seed(&rng, stress_batch_seed(spec->seed, batch));
    press_seed = trace_rng_next(&rng);
    phase_share = trace_rng_unit(&rng);
    sim_seed = (guint32)(trace_rng_next(&rng) >> 32);
    rare_seed = trace_rng_next(&rng);
    if (in->recorded != NULL) {
        replay(w, input, in->recorded, NULL, phase_share, sim_seed);
        return;
    }
    n = (guint)MIN(STRESS_BATCH_PRESSES, spec->presses - batch * STRESS_BATCH_PRESSES);
    if (!generate(w, in, press_seed, n, FALSE, &plain) ||
        !replay(w, input, plain, NULL, phase_share, sim_seed)) {
        return;
    }
    if (spec->rare && generate(w, in, rare_seed, n, TRUE, &tilted)) {
        replay(w, input, tilted, w->draws, phase_share, sim_seed);
    }
}

/* Takes work items until none is left or the run stops; the calling thread
 * (should_stop not NULL) also asks whether to stop. */
static void work(worker_t *w, stress_stop_fn should_stop, gpointer user_data)
{
    run_t *run = w->run;
    const stress_spec_t *spec = run->spec;
    guint n_inputs = spec->inputs->len;

    while (!g_atomic_int_get(&run->stop)) {
        guint64 item = (guint64)g_atomic_pointer_add(&run->next_item, 1);
        guint input = 0;

        if (should_stop != NULL && should_stop(user_data)) {
            g_atomic_int_set(&run->stop, 2);
            return;
        }
        if (item >= run->first_item[n_inputs]) {
            return;
        }
        while (item >= run->first_item[input + 1]) {
            input++;
        }
        run_batch(w, input,
                  spec->shard_index + (item - run->first_item[input]) * spec->shard_count);
    }
}

static gpointer worker_thread(gpointer data)
{
    work(data, NULL, NULL);
    return NULL;
}

static void worker_init(worker_t *w, run_t *run)
{
    gsize n = (gsize)run->spec->inputs->len * run->spec->configs->len;

    w->run = run;
    w->tallies = g_new(stress_tally_t, n);
    for (gsize i = 0; i < n; i++) {
        stress_tally_init(&w->tallies[i]);
    }
    stress_scratch_init(&w->scratch);
    w->draws = g_new0(guint8, (gsize)2 * STRESS_BATCH_PRESSES);
}

static void worker_clear(worker_t *w)
{
    g_free(w->tallies);
    stress_scratch_clear(&w->scratch);
    g_free(w->draws);
}

stress_tally_t *stress_run(const stress_spec_t *spec, guint threads, stress_stop_fn should_stop,
                           gpointer user_data, gboolean *stopped, GError **error)
{
    guint n_inputs = spec->inputs->len;
    gsize n_tallies = (gsize)n_inputs * spec->configs->len;
    run_t run = {.spec = spec};
    g_autofree worker_t *workers = NULL;
    g_autofree GThread **handles = NULL;
    stress_tally_t *total;

    g_return_val_if_fail(spec->shard_count > 0 && spec->shard_index < spec->shard_count, NULL);
    *stopped = FALSE;
    threads = MAX(threads, 1);
    run.first_item = g_new0(guint64, n_inputs + 1);
    for (guint i = 0; i < n_inputs; i++) {
        run.first_item[i + 1] = run.first_item[i] + shard_batches(spec, i);
    }
    g_mutex_init(&run.lock);
    workers = g_new0(worker_t, threads);
    handles = g_new0(GThread *, threads);
    for (guint t = 0; t < threads; t++) {
        worker_init(&workers[t], &run);
    }
    for (guint t = 1; t < threads; t++) {
        handles[t] = g_thread_new("stress", worker_thread, &workers[t]);
    }
    work(&workers[0], should_stop, user_data);
    for (guint t = 1; t < threads; t++) {
        g_thread_join(handles[t]);
    }
    total = g_new(stress_tally_t, n_tallies);
    for (gsize i = 0; i < n_tallies; i++) {
        stress_tally_init(&total[i]);
        for (guint t = 0; t < threads; t++) {
            stress_tally_merge(&total[i], &workers[t].tallies[i]);
        }
    }
    for (guint t = 0; t < threads; t++) {
        worker_clear(&workers[t]);
    }
    g_free(run.first_item);
    g_mutex_clear(&run.lock);
    if (run.error != NULL || g_atomic_int_get(&run.stop) == 2) {
        *stopped = run.error == NULL;
        if (run.error != NULL) {
            g_propagate_error(error, run.error);
        }
        g_free(total);
        return NULL;
    }
    return total;
}
