/* The search behind `bouncelab advise`: sweep, a window per family, ranking. */
#include "cli_advise.h"
#include "cli_sweep_grid.h"
#include "sim_sweep.h"
#include "stats_rate.h"
#include "stress.h"
#include "trace_stats.h"
#include "util_duration.h"

#include <math.h>
#include <string.h>

void cli_advise_result_free(cli_advise_result_t *r)
{
    if (r == NULL) {
        return;
    }
    g_array_unref(r->candidates);
    if (r->windows_ns != NULL) {
        g_array_unref(r->windows_ns);
    }
    g_free(r);
}

double cli_advise_upper95_ppm(guint k, guint n)
{
    return stats_rate_upper95(k, n) * STATS_PER_MILLION;
}

/* The interrupt runtimes a request may use, in sim_runtime_t order. */
static void request_runtimes(const cli_advise_request_t *req, GArray *out)
{
    if (req->runtime_given) {
        g_array_append_val(out, req->runtime);
    } else if (req->platform == ADVISE_PLATFORM_C) {
        sim_runtime_t rt = SIM_RUNTIME_C;
        g_array_append_val(out, rt);
    } else {
        sim_runtime_t hard = SIM_RUNTIME_MPY_HARD, soft = SIM_RUNTIME_MPY_SOFT;
        g_array_append_val(out, hard);
        g_array_append_val(out, soft);
    }
}

int64_t cli_advise_fastest_latency_ns(const cli_advise_request_t *req)
{
    g_autoptr(GArray) runtimes = g_array_new(FALSE, FALSE, sizeof(sim_runtime_t));
    int64_t fastest = INT64_MAX;

    request_runtimes(req, runtimes);
    for (guint i = 0; i < runtimes->len; i++) {
        sim_config_t cfg;
        sim_config_init(&cfg);
        sim_config_set_runtime(&cfg, g_array_index(runtimes, sim_runtime_t, i));
        fastest = MIN(fastest, cfg.irq_latency.base_ns);
    }
    return fastest;
}

static void parse_grid(const char *list, GArray *out)
{
    g_auto(GStrv) parts = g_strsplit(list, ",", -1);

    for (char **p = parts; *p != NULL; p++) {
        int64_t ns = 0;
        gboolean ok = util_parse_duration_ns(*p, &ns, NULL);
        g_assert(ok); /* the grid is ours */
        g_array_append_val(out, ns);
    }
}

static void fill_spec(const cli_advise_request_t *req, GPtrArray *traces, sim_sweep_spec_t *spec)
{
    g_autoptr(GArray) intervals = g_array_new(FALSE, FALSE, sizeof(int64_t));
    g_autoptr(GArray) runtimes = g_array_new(FALSE, FALSE, sizeof(sim_runtime_t));

    for (guint i = 0; i < traces->len; i++) {
        g_ptr_array_add(spec->traces, g_ptr_array_index(traces, i));
    }
    for (int a = 0; a < DEBOUNCE_ALGO_COUNT; a++) {
        debounce_algo_t algo = (debounce_algo_t)a;
        if (req->algo_mask == 0 || (req->algo_mask & (1u << a))) {
            g_array_append_val(spec->algos, algo);
        }
    }
    if (req->poll) {
        sim_mode_t m = SIM_MODE_POLL;
        g_array_append_val(spec->modes, m);
    }
    if (req->irq) {
        sim_mode_t m = SIM_MODE_IRQ;
        g_array_append_val(spec->modes, m);
    }
    parse_grid(DEFAULT_WINDOWS, spec->windows_ns);
    spec->release_window_ns = -1;
    if (req->interval_ns > 0) {
        g_array_append_val(spec->intervals_ns, req->interval_ns);
    } else {
        parse_grid(DEFAULT_INTERVALS, intervals);
        for (guint i = 0; i < intervals->len; i++) {
            int64_t ns = g_array_index(intervals, int64_t, i);
            if (req->platform == ADVISE_PLATFORM_C || ns >= ADVISE_MPY_MIN_INTERVAL_NS) {
                g_array_append_val(spec->intervals_ns, ns);
            }
        }
    }
    request_runtimes(req, runtimes);
    for (guint i = 0; i < runtimes->len; i++) {
        sim_sweep_irq_t irq = {g_array_index(runtimes, sim_runtime_t, i), 0};
        g_array_append_val(spec->irqs, irq);
    }
}

/* A row's place: trace, algorithm, mode, window, and interval (poll) or runtime (irq). */
static char *row_key(guint trace, debounce_algo_t algo, sim_mode_t mode, int64_t window_ns,
                     int64_t interval_ns, sim_runtime_t runtime)
{
    return g_strdup_printf("%u|%d|%d|%" G_GINT64_FORMAT "|%" G_GINT64_FORMAT, trace, (int)algo,
                           (int)mode, window_ns,
                           mode == SIM_MODE_POLL ? interval_ns : (int64_t)runtime);
}

static void keep_row(const sim_sweep_row_t *row, gsize index, gsize total, gpointer data)
{
    GHashTable *rows = data;
    sim_sweep_row_t *copy = g_new(sim_sweep_row_t, 1);
    (void)index;
    (void)total;

    *copy = *row;
    copy->prepared = NULL;
    g_hash_table_insert(rows,
                        row_key(row->trace_index, row->cfg.algo, row->cfg.mode,
                                row->cfg.press_window_ns, row->cfg.interval_ns, row->cfg.runtime),
                        copy);
}

typedef struct {
    GHashTable *rows;
    guint n_traces;
    const GArray *windows;
    const cli_advise_request_t *req;
} family_ctx_t;

static const sim_sweep_row_t *find_row(const family_ctx_t *f, guint trace,
                                       const sim_config_t *family, int64_t window_ns)
{
    g_autofree char *key =
        row_key(trace, family->algo, family->mode, window_ns, family->interval_ns, family->runtime);
    return g_hash_table_lookup(f->rows, key);
}

/* False plus missed events of a family at a window, over every trace. */
static guint errors_at(const family_ctx_t *f, const sim_config_t *family, int64_t window_ns,
                       guint *presses)
{
    guint errors = 0;

    *presses = 0;
    for (guint t = 0; t < f->n_traces; t++) {
        const sim_sweep_row_t *row = find_row(f, t, family, window_ns);
        g_assert(row != NULL);
        errors += sim_metrics_false(&row->metrics) + sim_metrics_missed(&row->metrics);
        *presses += row->metrics.presses_true;
    }
    return errors;
}

static gboolean within_target(const family_ctx_t *f, guint errors, guint presses)
{
    return errors == 0 || (double)errors * 1e6 <= f->req->target_ppm * (double)presses;
}

static double worst(double current, double value)
{
    return isnan(value) ? INFINITY : MAX(current, value);
}

/* Scores a family at window index w over every trace. */
static void score(const family_ctx_t *f, const sim_config_t *family, guint w,
                  cli_advise_candidate_t *c)
{
    int64_t window_ns = g_array_index(f->windows, int64_t, w);
    guint64 entries = 0;

    c->cfg = *family;
    c->cfg.press_window_ns = window_ns;
    c->cfg.release_window_ns = window_ns;
    c->press_median_us = c->press_p99_us = -INFINITY;
    c->release_median_us = c->release_p99_us = -INFINITY;
    for (guint t = 0; t < f->n_traces; t++) {
        const sim_metrics_t *m = &find_row(f, t, family, window_ns)->metrics;
        c->presses += m->presses_true;
        c->false_events += sim_metrics_false(m);
        c->missed_events += sim_metrics_missed(m);
        c->press_median_us = worst(c->press_median_us, m->press_latency_median_us);
        if (worst(-INFINITY, m->press_latency_p99_us) > c->press_p99_us) {
            c->press_p99_us = worst(-INFINITY, m->press_latency_p99_us);
            c->p99_trace = t;
        }
        if (m->releases_true > 0) {
            c->release_median_us = worst(c->release_median_us, m->release_latency_median_us);
            c->release_p99_us = worst(c->release_p99_us, m->release_latency_p99_us);
        }
        entries += m->cpu_entries;
    }
    c->cpu_per_press = c->presses > 0 ? (double)entries / c->presses : NAN;
    c->cpu_per_idle_s = family->mode == SIM_MODE_POLL ? 1e9 / (double)family->interval_ns : 0.0;
    c->smaller_window_ns = -1;
    if (w > 0) {
        guint presses = 0;
        c->smaller_window_ns = g_array_index(f->windows, int64_t, w - 1);
        c->smaller_errors = errors_at(f, family, c->smaller_window_ns, &presses);
    }
}

/* The first constraint a scored candidate breaks, errors first. */
static void judge(const cli_advise_request_t *req, gboolean errors_ok, cli_advise_candidate_t *c)
{
    if (!errors_ok) {
        c->broken = ADVISE_BROKE_ERRORS;
    } else if (req->max_latency_ns > 0 && c->press_p99_us * 1000.0 > (double)req->max_latency_ns) {
        c->broken = ADVISE_BROKE_LATENCY;
    } else if (req->max_cpu_per_s >= 0 && c->cpu_per_idle_s > req->max_cpu_per_s) {
        c->broken = ADVISE_BROKE_CPU;
    } else {
        c->broken = ADVISE_OK;
    }
}

/*
 * The family's window: the smallest that is within the target on every trace
 * together with the next ADVISE_CLEAN_ABOVE larger windows swept (fewer at
 * the top of the grid): a margin against a bounce slightly longer than any
 * recorded. Much longer windows may fail again (they swallow quick presses).
 */
static void evaluate_family(const family_ctx_t *f, const sim_config_t *family,
                            cli_advise_candidate_t *c)
{
    const cli_advise_request_t *req = f->req;
    guint n = f->windows->len, chosen = n, fewest_at = 0, fewest = G_MAXUINT, clean_run = 0;

    for (guint w = n; w-- > 0;) {
        guint presses = 0;
        guint errors = errors_at(f, family, g_array_index(f->windows, int64_t, w), &presses);
        if (errors <= fewest) {
            fewest = errors;
            fewest_at = w;
        }
        /* clean_run: this window and the clean ones right above it */
        clean_run = within_target(f, errors, presses) ? clean_run + 1 : 0;
        if (clean_run > MIN(ADVISE_CLEAN_ABOVE, n - 1 - w)) {
            chosen = w;
        }
    }
    memset(c, 0, sizeof *c);
    c->has_window = chosen < n;
    score(f, family, c->has_window ? chosen : fewest_at, c);
    judge(req, c->has_window, c);
}

static int cmp_double(double a, double b)
{
    return a < b ? -1 : a > b ? 1 : 0;
}

/* Qualifying first, best first (lowest p99 press latency, then CPU); then the closest misses. */
static gint rank(gconstpointer pa, gconstpointer pb)
{
    const cli_advise_candidate_t *a = pa, *b = pb;
    static const int order[] = {[ADVISE_OK] = 0,
                                [ADVISE_BROKE_LATENCY] = 1,
                                [ADVISE_BROKE_CPU] = 2,
                                [ADVISE_BROKE_ERRORS] = 3};
    int c = order[a->broken] - order[b->broken];

    if (c != 0) {
        return c;
    }
    if (a->broken == ADVISE_BROKE_ERRORS) {
        c = cmp_double((double)a->failed_cycles, (double)b->failed_cycles);
        if (c == 0) {
            c = (int)(a->false_events + a->missed_events) -
                (int)(b->false_events + b->missed_events);
        }
        if (c != 0) {
            return c;
        }
    }
    if ((c = cmp_double(a->press_p99_us, b->press_p99_us)) != 0 ||
        (c = cmp_double(a->cpu_per_idle_s, b->cpu_per_idle_s)) != 0 ||
        (c = cmp_double(a->cpu_per_press, b->cpu_per_press)) != 0 ||
        (c = cmp_double((double)a->cfg.press_window_ns, (double)b->cfg.press_window_ns)) != 0) {
        return c;
    }
    /* the same in every figure: the order of the search (algorithm, mode...) */
    if (a->cfg.algo != b->cfg.algo) {
        return (int)a->cfg.algo - (int)b->cfg.algo;
    }
    if (a->cfg.mode != b->cfg.mode) {
        return (int)a->cfg.mode - (int)b->cfg.mode;
    }
    if (a->cfg.interval_ns != b->cfg.interval_ns) {
        return a->cfg.interval_ns < b->cfg.interval_ns ? -1 : 1;
    }
    return (int)a->cfg.runtime - (int)b->cfg.runtime;
}

static void sort_candidates(cli_advise_result_t *r)
{
    g_array_sort(r->candidates, rank);
    for (r->n_ok = 0; r->n_ok < r->candidates->len; r->n_ok++) {
        if (g_array_index(r->candidates, cli_advise_candidate_t, r->n_ok).broken != ADVISE_OK) {
            break;
        }
    }
}

static void longest_bounce(GPtrArray *traces, int64_t settle_ns, cli_advise_result_t *r)
{
    r->longest_bounce_ns = -1;
    for (guint t = 0; t < traces->len; t++) {
        trace_stats_t st;
        trace_stats_compute(g_ptr_array_index(traces, t), settle_ns, &st);
        if (st.make.n > 0 && st.make.max_ns > r->longest_bounce_ns) {
            r->longest_bounce_ns = st.make.max_ns;
            r->longest_bounce_trace = t;
            r->longest_is_make = TRUE;
        }
        if (st.brk.n > 0 && st.brk.max_ns > r->longest_bounce_ns) {
            r->longest_bounce_ns = st.brk.max_ns;
            r->longest_bounce_trace = t;
            r->longest_is_make = FALSE;
        }
    }
}

cli_advise_result_t *cli_advise_search(const cli_advise_request_t *req, GPtrArray *traces,
                                       int64_t settle_ns, guint threads, GError **error)
{
    g_autoptr(sim_sweep_spec_t) spec = sim_sweep_spec_new();
    g_autoptr(sim_sweep_plan_t) plan = NULL;
    g_autoptr(GHashTable) rows = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
    cli_advise_result_t *r;
    family_ctx_t f;

    fill_spec(req, traces, spec);
    plan = sim_sweep_plan_new(spec, error);
    if (plan == NULL) {
        return NULL;
    }
    r = g_new0(cli_advise_result_t, 1);
    r->candidates = g_array_new(FALSE, TRUE, sizeof(cli_advise_candidate_t));
    r->rows = sim_sweep_run(plan, threads, NULL, keep_row, NULL, rows);
    f = (family_ctx_t){rows, traces->len, spec->windows_ns, req};
    r->windows_ns = g_array_copy(spec->windows_ns);

    for (guint a = 0; a < spec->algos->len; a++) {
        for (guint m = 0; m < spec->modes->len; m++) {
            sim_mode_t mode = g_array_index(spec->modes, sim_mode_t, m);
            guint n = mode == SIM_MODE_POLL ? spec->intervals_ns->len : spec->irqs->len;
            for (guint i = 0; i < n; i++) {
                sim_config_t family = spec->base;
                cli_advise_candidate_t c;
                family.algo = g_array_index(spec->algos, debounce_algo_t, a);
                family.mode = mode;
                if (mode == SIM_MODE_POLL) {
                    family.interval_ns = g_array_index(spec->intervals_ns, int64_t, i);
                } else {
                    sim_config_set_runtime(&family,
                                           g_array_index(spec->irqs, sim_sweep_irq_t, i).runtime);
                }
                if (find_row(&f, 0, &family, g_array_index(spec->windows_ns, int64_t, 0)) == NULL) {
                    continue; /* not simulated: the integrator with interrupts */
                }
                evaluate_family(&f, &family, &c);
                g_array_append_val(r->candidates, c);
            }
        }
    }
    sort_candidates(r);
    longest_bounce(traces, settle_ns, r);
    return r;
}

/* Scores candidate c from its tallies (one per input, `stride` apart). */
static void score_tallies(const stress_tally_t *t, guint n, guint stride, cli_advise_candidate_t *c)
{
    guint64 entries = 0;

    c->cycles = c->false_cycles = c->missed_cycles = c->failed_cycles = 0;
    c->press_median_us = c->press_p99_us = -INFINITY;
    c->release_median_us = c->release_p99_us = -INFINITY;
    for (guint i = 0; i < n; i++, t += stride) {
        double p99 = worst(-INFINITY, stress_hist_quantile_us(&t->press_latency, 0.99));
        c->cycles += t->presses;
        c->false_cycles += t->false_cycles;
        c->missed_cycles += t->missed_cycles;
        c->failed_cycles += t->failed_cycles;
        entries += t->cpu_entries;
        c->press_median_us =
            worst(c->press_median_us, stress_hist_quantile_us(&t->press_latency, 0.5));
        if (p99 > c->press_p99_us) {
            c->press_p99_us = p99;
            c->p99_trace = i;
        }
        c->release_median_us =
            worst(c->release_median_us, stress_hist_quantile_us(&t->release_latency, 0.5));
        c->release_p99_us =
            worst(c->release_p99_us, stress_hist_quantile_us(&t->release_latency, 0.99));
    }
    c->cpu_per_press = c->cycles > 0 ? (double)entries / (double)c->cycles : NAN;
}

static gboolean stress_ok(const cli_advise_request_t *req, const cli_advise_candidate_t *c)
{
    return stats_rate_upper95(c->failed_cycles, c->cycles) * STATS_PER_MILLION <= req->target_ppm;
}

gboolean cli_advise_stress(cli_advise_result_t *r, const cli_advise_request_t *req,
                           const trace_gen_params_t *models, guint n, guint64 presses, guint64 seed,
                           guint threads, GError **error)
{
    g_autoptr(stress_spec_t) spec = stress_spec_new();
    g_autofree stress_tally_t *tallies = NULL;
    g_autoptr(GArray) first = g_array_new(FALSE, FALSE, sizeof(guint)); /* candidate's 1st config */
    g_autoptr(GArray) tried = g_array_new(FALSE, FALSE, sizeof(guint)); /* and how many */
    gboolean stopped = FALSE;

    for (guint i = 0; i < n; i++) {
        g_autofree char *name = g_strdup_printf("input %u", i + 1);
        stress_spec_add_model(spec, name, &models[i], -1);
    }
    /* each family at its window and the next larger ones: the models may bounce longer */
    for (guint c = 0; c < r->candidates->len; c++) {
        const cli_advise_candidate_t *cand =
            &g_array_index(r->candidates, cli_advise_candidate_t, c);
        guint k = 0;
        g_array_append_val(first, spec->configs->len);
        for (guint w = 0; w < r->windows_ns->len && k <= ADVISE_STRESS_LARGER; w++) {
            int64_t window_ns = g_array_index(r->windows_ns, int64_t, w);
            sim_config_t cfg = cand->cfg;
            if (window_ns < cand->cfg.press_window_ns || (k > 0 && !cand->has_window)) {
                continue;
            }
            cfg.press_window_ns = cfg.release_window_ns = window_ns;
            g_array_append_val(spec->configs, cfg);
            k++;
        }
        g_array_append_val(tried, k);
    }
    spec->presses = presses;
    spec->seed = seed;
    tallies = stress_run(spec, threads, NULL, NULL, &stopped, error);
    if (tallies == NULL) {
        return FALSE;
    }
    for (guint c = 0; c < r->candidates->len; c++) {
        cli_advise_candidate_t *cand = &g_array_index(r->candidates, cli_advise_candidate_t, c);
        cli_advise_candidate_t best = *cand;
        guint base = g_array_index(first, guint, c), k_n = g_array_index(tried, guint, c);
        /* the smallest window within --target, else the one with the fewest failures */
        for (guint k = 0; k < k_n; k++) {
            cli_advise_candidate_t x = *cand;
            x.cfg = g_array_index(spec->configs, sim_config_t, base + k);
            score_tallies(&tallies[base + k], n, spec->configs->len, &x);
            if (k == 0 || (!stress_ok(req, &best) &&
                           (stress_ok(req, &x) || x.failed_cycles < best.failed_cycles))) {
                best = x;
            }
        }
        *cand = best;
        judge(req, cand->has_window && stress_ok(req, cand), cand);
    }
    r->stress_presses = presses;
    r->stress_seed = seed;
    sort_candidates(r);
    return TRUE;
}
