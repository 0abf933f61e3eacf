/*
 * bench_core: the cost of one debounce_update() on the host, per algorithm.
 *
 * Input: one seeded waveform, a button pressed again and again with the
 * tactile profile's bounce, read every 100 us (the core's tick is 1 us, as on
 * the Pico): most calls see the level they saw last time, and bursts of
 * bounce come around every press and release. Every algorithm gets the same
 * calls.
 *
 * Time: each round runs the N calls once per algorithm and once with an
 * empty loop body (core_loop.c), back to back; ns per update is the round's
 * (algorithm - empty) / N, and the median over the rounds is reported.
 *
 * Instructions: valgrind --tool=callgrind --toggle-collect counts the
 * instructions executed inside bench_core_updates() (N calls, the loop
 * included) and inside bench_core_empty() (the same loop, no call); the
 * difference divided by N is the instructions per update, the caller's
 * argument set-up and call included. Counts do not depend on machine load.
 */
#include "bench_common.h"
#include "core_loop.h"
#include "trace_gen.h"

#include <glib/gstdio.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SUITE "core"

/* The input waveform: tactile bounce, presses faster than a person's so
 * that bursts are frequent (hold and gap 10 to 40 ms), read every 100 us. */
#define INPUT_SEED       7u
#define INPUT_POLL_TICKS 100u
#define TICK_NS          INT64_C(1000)
#define MS_NS            INT64_C(1000000)
#define INPUT_HOLD_MIN   (10 * MS_NS)
#define INPUT_HOLD_MAX   (40 * MS_NS)
/* Press and release window of the time-based algorithms: 5 ms, above the
 * profile's typical bounce, as a user would pick. */
#define WINDOW_TICKS 5000u

#define CALLS_DEFAULT       (1u << 20)
#define ROUNDS_DEFAULT      31
#define CALLS_QUICK         (1u << 12)
#define ROUNDS_QUICK        3
#define N_CASES             (DEBOUNCE_ALGO_COUNT + 1) /* the algorithms, then the empty loop */
#define EMPTY_CASE          DEBOUNCE_ALGO_COUNT
#define EMPTY_NAME          "empty-loop"
#define VALGRIND_OUT_PREFIX "callgrind.out"

typedef struct {
    guint calls;
    gint rounds;
    gboolean quick;
    gboolean no_callgrind;
    char *callgrind_pass; /* internal: run one pass of this case under valgrind */
} options_t;

/* The levels seen by calls 0..n-1, one every INPUT_POLL_TICKS. */
static bool *make_input(guint n, guint *changes)
{
    const trace_gen_profile_t *tactile = trace_gen_profile_find("tactile");
    trace_gen_params_t params = tactile->params;
    const int64_t span_ns = (int64_t)n * INPUT_POLL_TICKS * TICK_NS;
    guint presses;
    g_autoptr(trace_t) trace = NULL;
    g_autoptr(GError) error = NULL;
    bool *levels = g_new(bool, n);
    gsize edge = 0;

    params.hold_min_ns = params.gap_min_ns = INPUT_HOLD_MIN;
    params.hold_max_ns = params.gap_max_ns = INPUT_HOLD_MAX;
    /* enough presses to cover the span even if every hold and gap is the shortest */
    presses = (guint)MIN(span_ns / (2 * INPUT_HOLD_MIN) + 1, (int64_t)TRACE_GEN_PRESSES_MAX);
    trace = trace_gen(&params, INPUT_SEED, presses, TRUE, "bench", &error);
    if (trace == NULL) {
        g_printerr("bench_core: %s\n", error->message);
        exit(1);
    }
    *changes = 0;
    for (guint i = 0; i < n; i++) {
        int64_t t = (int64_t)i * INPUT_POLL_TICKS * TICK_NS;
        while (edge < trace_n_edges(trace) && trace_edge_ns(trace, edge) <= t) {
            edge++;
        }
        levels[i] = edge == 0 ? trace->initial_level : trace_level_after(trace, edge - 1);
        *changes += i > 0 && levels[i] != levels[i - 1];
    }
    return levels;
}

static void make_config(debounce_algo_t algo, debounce_config_t *cfg)
{
    *cfg = (debounce_config_t){.algo = algo, .active_low = true};
    if (debounce_algo_counts_samples(algo)) {
        cfg->press_window_samples = DEBOUNCE_INTEGRATOR_SAMPLES(WINDOW_TICKS, INPUT_POLL_TICKS);
        cfg->release_window_samples = cfg->press_window_samples;
    } else {
        cfg->press_window_ticks = WINDOW_TICKS;
        cfg->release_window_ticks = WINDOW_TICKS;
    }
}

static const char *case_name(int c)
{
    return c == EMPTY_CASE ? EMPTY_NAME : debounce_algo_name((debounce_algo_t)c);
}

/* One pass of case c over the input; returns the events. */
static uint32_t run_pass(int c, const bool *levels, guint n)
{
    debounce_config_t cfg;
    debounce_t d;

    make_config(c == EMPTY_CASE ? DEBOUNCE_NONE : (debounce_algo_t)c, &cfg);
    debounce_init(&d, &cfg, 0, levels[0]);
    if (c == EMPTY_CASE) {
        return bench_core_empty(&d, levels, n, 0, INPUT_POLL_TICKS);
    }
    return bench_core_updates(&d, levels, n, 0, INPUT_POLL_TICKS);
}

static int case_from_name(const char *name)
{
    for (int c = 0; c < N_CASES; c++) {
        if (strcmp(name, case_name(c)) == 0) {
            return c;
        }
    }
    return -1;
}

/* Instructions counted by callgrind inside the loop function of case c. */
static gboolean count_instructions(int c, guint n, const char *dir, double *count, GError **error)
{
    g_autofree char *self = bench_self_path();
    g_autofree char *out = g_strdup_printf("%s/%s.%s", dir, VALGRIND_OUT_PREFIX, case_name(c));
    g_autofree char *out_opt = g_strdup_printf("--callgrind-out-file=%s", out);
    g_autofree char *calls = g_strdup_printf("%u", n);
    const char *toggle = c == EMPTY_CASE ? "--toggle-collect=bench_core_empty"
                                         : "--toggle-collect=bench_core_updates";
    char *argv[] = {"valgrind",
                    "-q",
                    "--tool=callgrind",
                    out_opt,
                    (char *)toggle,
                    self,
                    "--callgrind-pass",
                    (char *)case_name(c),
                    "--calls",
                    calls,
                    NULL};
    g_autofree char *text = NULL;
    int64_t wall;
    const char *totals;

    if (!bench_spawn_timed(argv, &wall, NULL, error) ||
        !g_file_get_contents(out, &text, NULL, error)) {
        return FALSE;
    }
    g_unlink(out);
    totals = strstr(text, "\ntotals:");
    if (totals == NULL) {
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s: no totals line", out);
        return FALSE;
    }
    *count = g_ascii_strtod(totals + strlen("\ntotals:"), NULL);
    return TRUE;
}

static int callgrind_pass(const options_t *o)
{
    int c = case_from_name(o->callgrind_pass);
    guint changes;
    g_autofree bool *levels = NULL;

    if (c < 0) {
        g_printerr("bench_core: unknown case '%s'\n", o->callgrind_pass);
        return 2;
    }
    levels = make_input(o->calls, &changes);
    printf("%u\n", run_pass(c, levels, o->calls));
    return 0;
}

static void time_cases(const bool *levels, guint n, gint rounds)
{
    g_autofree double *net = g_new(double, (gsize)N_CASES *(gsize)rounds);
    g_autofree double *gross = g_new(double, (gsize)N_CASES *(gsize)rounds);

    for (gint r = 0; r < rounds; r++) {
        double t[N_CASES];
        for (int c = 0; c < N_CASES; c++) {
            int64_t start = bench_now_ns();
            run_pass(c, levels, n);
            t[c] = (double)(bench_now_ns() - start) / n;
        }
        for (int c = 0; c < N_CASES; c++) {
            gross[c * rounds + r] = t[c];
            net[c * rounds + r] = t[c] - t[EMPTY_CASE];
        }
    }
    for (int c = 0; c < EMPTY_CASE; c++) {
        bench_row_samples(SUITE, case_name(c), "ns_per_update", "ns", net + c * rounds,
                          (gsize)rounds);
        bench_row_samples(SUITE, case_name(c), "ns_per_update_with_loop", "ns", gross + c * rounds,
                          (gsize)rounds);
    }
    bench_row_samples(SUITE, EMPTY_NAME, "ns_per_iteration", "ns", gross + EMPTY_CASE * rounds,
                      (gsize)rounds);
}

static int count_cases(guint n)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *dir = g_dir_make_tmp("bench_core.XXXXXX", &error);
    double counts[N_CASES];

    if (dir == NULL) {
        g_printerr("bench_core: %s\n", error->message);
        return 1;
    }
    for (int c = 0; c < N_CASES; c++) {
        if (!count_instructions(c, n, dir, &counts[c], &error)) {
            g_printerr("bench_core: valgrind: %s\n", error->message);
            g_rmdir(dir);
            return 1;
        }
    }
    g_rmdir(dir);
    for (int c = 0; c < EMPTY_CASE; c++) {
        bench_row_value(SUITE, case_name(c), "instructions_per_update", "instructions",
                        (counts[c] - counts[EMPTY_CASE]) / n, 1);
        bench_row_value(SUITE, case_name(c), "instructions_per_update_with_loop", "instructions",
                        counts[c] / n, 1);
    }
    bench_row_value(SUITE, EMPTY_NAME, "instructions_per_iteration", "instructions",
                    counts[EMPTY_CASE] / n, 1);
    return 0;
}

int main(int argc, char **argv)
{
    options_t o = {0};
    GOptionEntry entries[] = {
        {"quick", 0, 0, G_OPTION_ARG_NONE, &o.quick, "Tiny sizes, for CI", NULL},
        {"calls", 0, 0, G_OPTION_ARG_INT, &o.calls, "Updates per pass [default: 2^20]", "N"},
        {"rounds", 0, 0, G_OPTION_ARG_INT, &o.rounds, "Timed rounds [default: 31]", "R"},
        {"no-callgrind", 0, 0, G_OPTION_ARG_NONE, &o.no_callgrind, "Skip the instruction counts",
         NULL},
        {"callgrind-pass", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &o.callgrind_pass,
         "Internal: one pass of a case, run under valgrind", "CASE"},
        G_OPTION_ENTRY_NULL};
    g_autoptr(GOptionContext) context =
        g_option_context_new("- debounce_update cost per algorithm");
    g_autoptr(GError) error = NULL;
    g_autofree bool *levels = NULL;
    g_autofree char *valgrind = NULL;
    guint changes;

    g_option_context_add_main_entries(context, entries, NULL);
    if (!g_option_context_parse(context, &argc, &argv, &error)) {
        g_printerr("bench_core: %s\n", error->message);
        return 2;
    }
    if (o.calls == 0) {
        o.calls = o.quick ? CALLS_QUICK : CALLS_DEFAULT;
    }
    if (o.rounds <= 0) {
        o.rounds = o.quick ? ROUNDS_QUICK : ROUNDS_DEFAULT;
    }
    if (o.callgrind_pass != NULL) {
        return callgrind_pass(&o);
    }

    levels = make_input(o.calls, &changes);
    bench_header();
    bench_row_value(SUITE, "input", "calls", "count", o.calls, 1);
    bench_row_value(SUITE, "input", "level_changes", "count", changes, 1);
    bench_row_value(SUITE, "input", "poll_interval", "us", INPUT_POLL_TICKS, 1);
    bench_row_value(SUITE, "input", "window", "us", WINDOW_TICKS, 1);
    time_cases(levels, o.calls, o.rounds);

    valgrind = g_find_program_in_path("valgrind");
    if (o.no_callgrind) {
        return 0;
    }
    if (valgrind == NULL) {
        g_printerr("bench_core: valgrind not found (apt-get install valgrind): no instruction "
                   "counts\n");
        return 0;
    }
    return count_cases(o.calls);
}
