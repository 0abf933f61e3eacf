/*
 * bench_sweep: sweep throughput with one and two threads, and the time of
 * the default sweep (what scripts/demo.sh runs).
 *
 * Both run the real `bouncelab sweep` as a child process and time it from
 * spawn to exit, reading the traces and writing the CSV included. Throughput
 * is configurations x edges per second: the sum over the output's rows of
 * the edges of that row's trace, divided by the wall time. The scaling sweep
 * is the default grid over the bundled traces with a finer window range
 * (SCALING_WINDOWS), long enough that start-up does not count; -j 1 and
 * -j 2 alternate within each round, and the speed-up is the ratio of their
 * medians. The CPU time of each child (user + system) shows what the
 * threads cost beyond the work itself.
 *
 * The ceiling: in the same rounds, two independent -j 1 sweeps run at once.
 * Nothing is shared between them, so 2 x (one alone) / (the pair) is the most
 * any two threads can gain on this machine (below 2 when the two processors
 * share a physical core or its caches, or are shared with other machines).
 */
#define _POSIX_C_SOURCE 200809L
#include "bench_common.h"
#include "trace_io.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#define SUITE "sweep"

#define SCALING_WINDOWS             "250us:100ms:250us"
#define SCALING_WINDOWS_COUNT       400
#define SCALING_WINDOWS_QUICK       "1ms,5ms"
#define SCALING_WINDOWS_QUICK_COUNT 2
#define ROUNDS_DEFAULT              7
#define ROUNDS_QUICK                1

typedef struct {
    gboolean quick;
    gint rounds;
    char *bouncelab;
    char *traces_dir;
} options_t;

/* Configurations x edges of a sweep's output: rows per trace times its edges. */
static gboolean count_work(const options_t *o, const char *csv, double *rows, double *work,
                           GError **error)
{
    g_autofree char *text = NULL;
    g_auto(GStrv) lines = NULL;
    g_autoptr(GHashTable) edges = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);

    if (!g_file_get_contents(csv, &text, NULL, error)) {
        return FALSE;
    }
    lines = g_strsplit(text, "\n", -1);
    *rows = *work = 0;
    for (gsize i = 1; lines[i] != NULL; i++) { /* line 0 is the header */
        char *comma = strchr(lines[i], ',');
        gpointer n;
        if (comma == NULL) {
            continue;
        }
        *comma = '\0';
        if (!g_hash_table_lookup_extended(edges, lines[i], NULL, &n)) {
            g_autofree char *path = g_strdup_printf("%s/%s.csv", o->traces_dir, lines[i]);
            g_autoptr(trace_t) trace = trace_read(path, NULL, NULL, error);
            if (trace == NULL) {
                return FALSE;
            }
            n = GSIZE_TO_POINTER(trace_n_edges(trace));
            g_hash_table_insert(edges, g_strdup(lines[i]), n);
        }
        *rows += 1;
        *work += (double)GPOINTER_TO_SIZE(n);
    }
    return TRUE;
}

/* Runs `bouncelab sweep [--window W] [-j J] -o OUT`; seconds of wall and of CPU time. */
static gboolean run_sweep(const options_t *o, const char *out, const char *windows,
                          const char *jobs, double *seconds, double *cpu_seconds, GError **error)
{
    int64_t cpu = bench_children_cpu_ns();
    char *argv[9];
    int n = 0;
    int64_t wall;

    argv[n++] = o->bouncelab;
    argv[n++] = "sweep";
    if (windows != NULL) {
        argv[n++] = "--window";
        argv[n++] = (char *)windows;
    }
    if (jobs != NULL) {
        argv[n++] = "-j";
        argv[n++] = (char *)jobs;
    }
    argv[n++] = "-o";
    argv[n++] = (char *)out;
    g_assert(n < (int)G_N_ELEMENTS(argv));
    argv[n] = NULL;
    if (!bench_spawn_timed(argv, &wall, NULL, error)) {
        return FALSE;
    }
    *seconds = (double)wall / BENCH_NS_PER_S;
    if (cpu_seconds != NULL) {
        *cpu_seconds = (double)(bench_children_cpu_ns() - cpu) / BENCH_NS_PER_S;
    }
    return TRUE;
}

/* Two `bouncelab sweep --window W -j 1` at once; seconds until both have exited. */
static gboolean run_pair(const options_t *o, const char *out, const char *windows, double *seconds,
                         GError **error)
{
    g_autofree char *out2 = g_strdup_printf("%s.2", out);
    const char *outs[2] = {out, out2};
    GPid pids[2];
    int64_t start = bench_now_ns();
    gboolean ok = TRUE;
    int started = 0;

    for (; started < 2; started++) {
        char *argv[] = {o->bouncelab, "sweep", "--window", (char *)windows,
                        "-j",         "1",     "-o",       (char *)outs[started],
                        NULL};
        if (!g_spawn_async(NULL, argv, NULL,
                           G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                               G_SPAWN_STDERR_TO_DEV_NULL,
                           NULL, NULL, &pids[started], error)) {
            ok = FALSE;
            break;
        }
    }
    for (int i = 0; i < started; i++) {
        int status = 0;
        if (waitpid(pids[i], &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            if (ok) {
                g_set_error(error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED,
                            "%s sweep (one of two at once) failed", o->bouncelab);
            }
            ok = FALSE;
        }
        g_spawn_close_pid(pids[i]);
    }
    *seconds = (double)(bench_now_ns() - start) / BENCH_NS_PER_S;
    g_unlink(out2);
    return ok;
}

static gboolean scaling(const options_t *o, const char *out, GError **error)
{
    const char *windows = o->quick ? SCALING_WINDOWS_QUICK : SCALING_WINDOWS;
    static const char *const jobs[] = {"1", "2"};
    g_autofree double *s = g_new(double, 2 * (gsize)o->rounds);
    g_autofree double *cpu = g_new(double, 2 * (gsize)o->rounds);
    g_autofree double *pair = g_new(double, o->rounds);
    double rows = 0, work = 0, median[2];

    for (gint r = 0; r < o->rounds; r++) {
        if (!run_pair(o, out, windows, &pair[r], error)) {
            return FALSE;
        }
        for (int j = 0; j < 2; j++) {
            if (!run_sweep(o, out, windows, jobs[j], &s[j * o->rounds + r], &cpu[j * o->rounds + r],
                           error)) {
                return FALSE;
            }
        }
    }
    if (!count_work(o, out, &rows, &work, error)) {
        return FALSE;
    }
    bench_row_value(SUITE, "scaling", "windows", "count",
                    (double)(o->quick ? SCALING_WINDOWS_QUICK_COUNT : SCALING_WINDOWS_COUNT), 1);
    bench_row_value(SUITE, "scaling", "rows", "count", rows, 1);
    bench_row_value(SUITE, "scaling", "configs_x_edges", "count", work, 1);
    for (int j = 0; j < 2; j++) {
        g_autofree char *name = g_strdup_printf("scaling-j%s", jobs[j]);
        g_autofree double *rate = g_new(double, o->rounds);
        for (gint r = 0; r < o->rounds; r++) {
            rate[r] = work / s[j * o->rounds + r];
        }
        median[j] = bench_median(s + j * o->rounds, (gsize)o->rounds);
        bench_row_samples(SUITE, name, "wall", "s", s + j * o->rounds, (gsize)o->rounds);
        bench_row_samples(SUITE, name, "cpu", "s", cpu + j * o->rounds, (gsize)o->rounds);
        bench_row_samples(SUITE, name, "configs_x_edges_per_s", "1/s", rate, (gsize)o->rounds);
    }
    bench_row_value(SUITE, "scaling", "speedup_j2_vs_j1", "x", median[0] / median[1],
                    (gsize)o->rounds);
    bench_row_samples(SUITE, "scaling-pair-j1", "wall", "s", pair, (gsize)o->rounds);
    bench_row_value(SUITE, "scaling", "ceiling_two_processes", "x",
                    2.0 * median[0] / bench_median(pair, (gsize)o->rounds), (gsize)o->rounds);
    return TRUE;
}

static gboolean default_sweep(const options_t *o, const char *out, GError **error)
{
    g_autofree double *s = g_new(double, o->rounds);
    g_autofree double *rate = g_new(double, o->rounds);
    double rows = 0, work = 0;

    for (gint r = 0; r < o->rounds; r++) {
        if (!run_sweep(o, out, NULL, NULL, &s[r], NULL, error)) {
            return FALSE;
        }
    }
    if (!count_work(o, out, &rows, &work, error)) {
        return FALSE;
    }
    for (gint r = 0; r < o->rounds; r++) {
        rate[r] = work / s[r];
    }
    bench_row_value(SUITE, "default", "rows", "count", rows, 1);
    bench_row_value(SUITE, "default", "threads", "count", g_get_num_processors(), 1);
    bench_row_samples(SUITE, "default", "wall", "s", s, (gsize)o->rounds);
    bench_row_samples(SUITE, "default", "configs_x_edges_per_s", "1/s", rate, (gsize)o->rounds);
    return TRUE;
}

int main(int argc, char **argv)
{
    options_t o = {0};
    GOptionEntry entries[] = {
        {"quick", 0, 0, G_OPTION_ARG_NONE, &o.quick, "Tiny sizes, for CI", NULL},
        {"rounds", 0, 0, G_OPTION_ARG_INT, &o.rounds, "Timed rounds [default: 7]", "R"},
        {"bouncelab", 0, 0, G_OPTION_ARG_FILENAME, &o.bouncelab,
         "The bouncelab binary [default: the one built with this]", "PATH"},
        {"traces", 0, 0, G_OPTION_ARG_FILENAME, &o.traces_dir,
         "The bundled traces [default: the source tree's traces/]", "DIR"},
        G_OPTION_ENTRY_NULL};
    g_autoptr(GOptionContext) context = g_option_context_new("- sweep throughput and scaling");
    g_autoptr(GError) error = NULL;
    g_autofree char *dir = NULL;
    g_autofree char *out = NULL;
    gboolean ok;

    g_option_context_add_main_entries(context, entries, NULL);
    if (!g_option_context_parse(context, &argc, &argv, &error)) {
        g_printerr("bench_sweep: %s\n", error->message);
        return 2;
    }
    if (o.rounds <= 0) {
        o.rounds = o.quick ? ROUNDS_QUICK : ROUNDS_DEFAULT;
    }
    if (o.bouncelab == NULL) {
        o.bouncelab = g_strdup(BENCH_BOUNCELAB_EXE);
    }
    if (o.traces_dir == NULL) {
        o.traces_dir = g_strdup(BENCH_TRACES_DIR);
    }
    dir = g_dir_make_tmp("bench_sweep.XXXXXX", &error);
    if (dir == NULL) {
        g_printerr("bench_sweep: %s\n", error->message);
        return 1;
    }
    out = g_build_filename(dir, "sweep.csv", NULL);
    bench_header();
    ok = scaling(&o, out, &error) && default_sweep(&o, out, &error);
    g_unlink(out);
    g_rmdir(dir);
    g_free(o.bouncelab);
    g_free(o.traces_dir);
    if (!ok) {
        g_printerr("bench_sweep: %s\n", error->message);
        return 1;
    }
    return 0;
}
