/*
 * bench_sim: how the cost of a polling simulation grows.
 *
 * One seeded tactile trace is stretched 1x, 10x and 100x: every settled
 * stretch between two edges (anything longer than STRETCH_QUIET_NS) is
 * multiplied, every bounce is kept, so the three traces have the same edges
 * and 1x, 10x and 100x the duration, hence the reads. One configuration
 * (defer, 5 ms windows, polling) replays each at a 10 us and a 10 ms
 * interval through sim_run(); the time per run should stay flat with the
 * duration, since the simulator jumps from edge to edge.
 *
 * Then the same configuration at 10 us on the 1x trace, jumping
 * (sim_poll_run(step_every_read = FALSE), what sim_run does) against
 * stepping through every read (TRUE, the reference), alternately in the
 * same rounds; both must report the same events.
 */
#include "bench_common.h"
#include "sim.h"
#include "sim_models.h"
#include "trace_gen.h"

#include <stdio.h>
#include <stdlib.h>

#define SUITE "sim"

#define TRACE_SEED      5u
#define PRESSES_DEFAULT 2000u
#define PRESSES_QUICK   20u
#define ROUNDS_DEFAULT  7
#define ROUNDS_QUICK    1
#define STEP_ROUNDS     3
#define US_NS           INT64_C(1000)
#define MS_NS           INT64_C(1000000)
#define WINDOW_NS       (5 * MS_NS)
/* Longer than any interval inside a tactile bounce burst (6.2 ms at worst),
 * shorter than any hold or gap (80 ms at least): the settled stretches. */
#define STRETCH_QUIET_NS (50 * MS_NS)
/* Each timed sample repeats a run until it lasts at least this long. */
#define SAMPLE_MIN_NS (50 * MS_NS)

static const int stretches[] = {1, 10, 100};
static const int64_t intervals_ns[] = {10 * US_NS, 10 * MS_NS};

/* The trace with every settled stretch `factor` times longer. */
static trace_t *stretch(const trace_t *src, int factor)
{
    trace_t *t = trace_new(src->name, src->initial_level, src->active_low, src->start_ns);
    int64_t prev = src->start_ns, prev_out = src->start_ns;

    for (gsize i = 0; i < trace_n_edges(src); i++) {
        int64_t e = trace_edge_ns(src, i), gap = e - prev;
        int64_t out = prev_out + (gap > STRETCH_QUIET_NS ? gap * factor : gap);
        g_array_append_val(t->edges, out);
        prev = e;
        prev_out = out;
    }
    t->end_ns = prev_out + (src->end_ns - prev) * factor;
    return t;
}

static void make_config(int64_t interval_ns, sim_config_t *cfg)
{
    sim_config_init(cfg);
    cfg->algo = DEBOUNCE_DEFER;
    cfg->press_window_ns = cfg->release_window_ns = WINDOW_NS;
    cfg->mode = SIM_MODE_POLL;
    cfg->interval_ns = interval_ns;
}

/* One timed sample of sim_run(): ns per run, repeated for at least SAMPLE_MIN_NS. */
static double time_sim_run(const trace_t *trace, const sim_config_t *cfg, guint64 *polls,
                           guint64 *updates)
{
    int64_t start = bench_now_ns(), elapsed;
    guint reps = 0;

    do {
        g_autoptr(sim_result_t) r = sim_run(trace, cfg, NULL, NULL);
        *polls = r->polls;
        *updates = r->updates;
        reps++;
        elapsed = bench_now_ns() - start;
    } while (elapsed < SAMPLE_MIN_NS);
    return (double)elapsed / reps;
}

static void growth(trace_t *const *traces, gint rounds)
{
    for (gsize k = 0; k < G_N_ELEMENTS(intervals_ns); k++) {
        sim_config_t cfg;
        double ms[G_N_ELEMENTS(stretches)];
        g_autofree double *samples = g_new(double, (gsize)rounds *G_N_ELEMENTS(stretches));
        g_autofree char *interval_name =
            g_strdup_printf("%s", intervals_ns[k] >= MS_NS ? "10ms" : "10us");

        make_config(intervals_ns[k], &cfg);
        /* rounds go over every stretch in turn, so drift hits them alike */
        guint64 polls[G_N_ELEMENTS(stretches)], updates[G_N_ELEMENTS(stretches)];
        for (gint r = 0; r < rounds; r++) {
            for (gsize s = 0; s < G_N_ELEMENTS(stretches); s++) {
                samples[s * (gsize)rounds + (gsize)r] =
                    time_sim_run(traces[s], &cfg, &polls[s], &updates[s]) / MS_NS;
            }
        }
        for (gsize s = 0; s < G_N_ELEMENTS(stretches); s++) {
            g_autofree char *name = g_strdup_printf("%s-%dx", interval_name, stretches[s]);
            double *v = samples + s * (gsize)rounds;
            g_autofree double *per_edge = g_new(double, rounds);
            for (gint r = 0; r < rounds; r++) {
                per_edge[r] = v[r] * MS_NS / (double)trace_n_edges(traces[s]);
            }
            ms[s] = bench_median(v, (gsize)rounds);
            bench_row_value(SUITE, name, "duration", "s",
                            (double)(traces[s]->end_ns - traces[s]->start_ns) / BENCH_NS_PER_S, 1);
            bench_row_value(SUITE, name, "reads", "count", (double)polls[s], 1);
            bench_row_value(SUITE, name, "updates", "count", (double)updates[s], 1);
            bench_row_samples(SUITE, name, "run_time", "ms", v, (gsize)rounds);
            bench_row_samples(SUITE, name, "ns_per_edge", "ns", per_edge, (gsize)rounds);
        }
        bench_row_value(SUITE, interval_name, "time_100x_vs_1x", "x",
                        ms[G_N_ELEMENTS(stretches) - 1] / ms[0], (gsize)rounds);
    }
}

/* Jumping against stepping through every read, at 10 us on the 1x trace. */
static int speedup(const trace_t *trace, gint rounds)
{
    sim_config_t cfg;
    g_autofree double *jump = g_new(double, rounds);
    g_autofree double *step = g_new(double, rounds);
    guint64 updates[2] = {0, 0};
    guint events[2] = {0, 0};

    make_config(intervals_ns[0], &cfg);
    for (gint r = 0; r < rounds; r++) {
        for (int stepping = 0; stepping < 2; stepping++) {
            g_autoptr(sim_result_t) res = sim_result_new(NULL);
            int64_t start = bench_now_ns();
            sim_poll_run(trace, &cfg, stepping, NULL, res);
            (stepping ? step : jump)[r] = (double)(bench_now_ns() - start) / MS_NS;
            updates[stepping] = res->updates;
            events[stepping] = res->events->len;
        }
    }
    if (events[0] != events[1]) {
        g_printerr("bench_sim: jumping reported %u events, stepping %u\n", events[0], events[1]);
        return 1;
    }
    bench_row_samples(SUITE, "10us-jump", "run_time", "ms", jump, (gsize)rounds);
    bench_row_value(SUITE, "10us-jump", "updates", "count", (double)updates[0], 1);
    bench_row_samples(SUITE, "10us-step", "run_time", "ms", step, (gsize)rounds);
    bench_row_value(SUITE, "10us-step", "updates", "count", (double)updates[1], 1);
    bench_row_value(SUITE, "10us", "jump_speedup", "x",
                    bench_median(step, (gsize)rounds) / bench_median(jump, (gsize)rounds),
                    (gsize)rounds);
    return 0;
}

int main(int argc, char **argv)
{
    gboolean quick = FALSE;
    gint rounds = 0;
    guint presses = 0;
    GOptionEntry entries[] = {
        {"quick", 0, 0, G_OPTION_ARG_NONE, &quick, "Tiny sizes, for CI", NULL},
        {"rounds", 0, 0, G_OPTION_ARG_INT, &rounds, "Timed rounds [default: 7]", "R"},
        {"presses", 0, 0, G_OPTION_ARG_INT, &presses, "Presses in the 1x trace [default: 2000]",
         "N"},
        G_OPTION_ENTRY_NULL};
    g_autoptr(GOptionContext) context = g_option_context_new("- simulation cost growth");
    g_autoptr(GError) error = NULL;
    g_autoptr(trace_t) base = NULL;
    trace_t *traces[G_N_ELEMENTS(stretches)];
    int status;

    g_option_context_add_main_entries(context, entries, NULL);
    if (!g_option_context_parse(context, &argc, &argv, &error)) {
        g_printerr("bench_sim: %s\n", error->message);
        return 2;
    }
    if (presses == 0) {
        presses = quick ? PRESSES_QUICK : PRESSES_DEFAULT;
    }
    if (rounds <= 0) {
        rounds = quick ? ROUNDS_QUICK : ROUNDS_DEFAULT;
    }
    base = trace_gen(&trace_gen_profile_find("tactile")->params, TRACE_SEED, presses, TRUE,
                     "tactile", &error);
    if (base == NULL) {
        g_printerr("bench_sim: %s\n", error->message);
        return 1;
    }
    for (gsize s = 0; s < G_N_ELEMENTS(stretches); s++) {
        traces[s] = stretch(base, stretches[s]);
    }
    bench_header();
    bench_row_value(SUITE, "trace", "edges", "count", (double)trace_n_edges(base), 1);
    bench_row_value(SUITE, "trace", "window", "ms", (double)WINDOW_NS / MS_NS, 1);
    growth(traces, rounds);
    status = speedup(traces[0], quick ? ROUNDS_QUICK : MIN(rounds, STEP_ROUNDS));
    for (gsize s = 0; s < G_N_ELEMENTS(stretches); s++) {
        trace_free(traces[s]);
    }
    return status;
}
