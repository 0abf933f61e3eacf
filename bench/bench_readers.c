/*
 * bench_readers: how fast each trace reader goes, against `wc -l` on the
 * same file, and how much memory it needs per edge.
 *
 * One seeded tactile trace, big enough that every format's file is at least
 * --min-mb (500 MB), is written in each format in turn into a scratch
 * directory (deleted afterwards). Each file is read once from end to end
 * before timing, so the page cache holds it for both `wc -l` and the reader
 * (the machine has far more memory than one file). Then `wc -l FILE` and
 * this program's own `--read FILE` run alternately as child processes,
 * --runs times each; their wall times (spawn to exit) give the ratio, and
 * the child reports its trace_read() time (MB/s, edges/s) and its peak
 * resident memory (getrusage), of which bytes per edge is reported.
 */
#include "bench_common.h"
#include "reader_files.h"
#include "trace_gen.h"
#include "trace_io.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SUITE "readers"

#define MIN_MB_DEFAULT 500
#define MIN_MB_QUICK   1
#define RUNS_DEFAULT   5
#define RUNS_QUICK     1
#define BYTES_PER_MB   1e6
#define TRACE_SEED     11u
/* Every format spends at least this many bytes on an edge's row once times
 * pass 1e12 ns (17 minutes); sizing the trace by it keeps each file above
 * the minimum. */
#define MIN_BYTES_PER_EDGE 15.0
/* Presses per generated segment (trace_gen() limits one trace's worst case),
 * and a low guess of the tactile profile's edges per press (about 40), so a
 * small trace is not made much bigger than asked. */
#define SEGMENT_PRESSES         100000.0
#define SEGMENT_EDGES_PER_PRESS 30.0

typedef struct {
    gint min_mb;
    gint runs;
    gboolean quick;
    char *dir;
    char *read_path;   /* internal: read this file once and report */
    char *read_format; /* with this format */
} options_t;

static const trace_format_t formats[] = {TRACE_FORMAT_NATIVE, TRACE_FORMAT_VCD, TRACE_FORMAT_SIGROK,
                                         TRACE_FORMAT_SALEAE};

/* The child: one trace_read(), then "seconds edges peak_rss_bytes". */
static int read_once(const options_t *o)
{
    trace_read_options_t opts;
    g_autoptr(GError) error = NULL;
    g_autoptr(trace_t) trace = NULL;
    int64_t start, elapsed;

    trace_read_options_init(&opts);
    if (!trace_format_from_name(o->read_format, &opts.format)) {
        g_printerr("bench_readers: unknown format '%s'\n", o->read_format);
        return 2;
    }
    start = bench_now_ns();
    trace = trace_read(o->read_path, &opts, NULL, &error);
    elapsed = bench_now_ns() - start;
    if (trace == NULL) {
        g_printerr("bench_readers: %s\n", error->message);
        return 1;
    }
    printf("%.9f %" G_GSIZE_FORMAT " %" G_GINT64_FORMAT "\n", (double)elapsed / BENCH_NS_PER_S,
           trace_n_edges(trace), bench_max_rss_bytes());
    return 0;
}

/* A tactile trace with about `edges` edges, without truth (the readers then look for none).
 * trace_gen() bounds one trace by its worst case, so long ones are made of
 * segments (seed, seed + 1, ...) laid end to end. */
static trace_t *make_trace(double edges, GError **error)
{
    const trace_gen_params_t *p = &trace_gen_profile_find("tactile")->params;
    trace_t *trace = trace_new("button", TRUE, TRUE, 0);
    guint64 seed = TRACE_SEED;

    while ((double)trace_n_edges(trace) < edges) {
        double missing = edges - (double)trace_n_edges(trace);
        guint presses = (guint)MIN(missing / SEGMENT_EDGES_PER_PRESS + 1.0, SEGMENT_PRESSES);
        g_autoptr(trace_t) part = trace_gen(p, seed++, presses, TRUE, "button", error);
        int64_t offset = trace->end_ns;

        if (part == NULL) {
            trace_free(trace);
            return NULL;
        }
        for (gsize i = 0; i < trace_n_edges(part); i++) {
            int64_t t = trace_edge_ns(part, i) + offset;
            g_array_append_val(trace->edges, t);
        }
        /* each segment starts and ends released, as the first one starts */
        trace->end_ns = part->end_ns + offset;
    }
    return trace;
}

typedef struct {
    double *read_s, *read_wall_s, *wc_wall_s;
    gsize edges;
    int64_t rss_bytes; /* the largest over the runs */
} runs_t;

static gboolean measure(const options_t *o, const char *path, trace_format_t format, runs_t *r,
                        GError **error)
{
    g_autofree char *self = bench_self_path();
    char *wc_argv[] = {"wc", "-l", (char *)path, NULL};
    char *read_argv[] = {
        self, "--read", (char *)path, "--format", (char *)trace_format_name(format), NULL};

    if (!bench_warm_file(path, error)) {
        return FALSE;
    }
    r->rss_bytes = 0;
    for (gint i = 0; i < o->runs; i++) {
        g_autofree char *out = NULL;
        double seconds;
        guint64 edges;
        gint64 rss;
        int64_t wall;

        if (!bench_spawn_timed(wc_argv, &wall, NULL, error)) {
            return FALSE;
        }
        r->wc_wall_s[i] = (double)wall / BENCH_NS_PER_S;
        if (!bench_spawn_timed(read_argv, &wall, &out, error)) {
            return FALSE;
        }
        r->read_wall_s[i] = (double)wall / BENCH_NS_PER_S;
        if (sscanf(out, "%lf %" G_GUINT64_FORMAT " %" G_GINT64_FORMAT, &seconds, &edges, &rss) !=
            3) {
            g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "bad child output '%s'", out);
            return FALSE;
        }
        r->read_s[i] = seconds;
        r->edges = (gsize)edges;
        r->rss_bytes = MAX(r->rss_bytes, rss);
    }
    return TRUE;
}

static void report(const char *name, double bytes, const runs_t *r, gint runs)
{
    g_autofree double *mb_s = g_new(double, runs);
    g_autofree double *edges_s = g_new(double, runs);
    g_autofree double *wc_mb_s = g_new(double, runs);
    double ratio;

    for (gint i = 0; i < runs; i++) {
        mb_s[i] = bytes / BYTES_PER_MB / r->read_s[i];
        edges_s[i] = (double)r->edges / r->read_s[i];
        wc_mb_s[i] = bytes / BYTES_PER_MB / r->wc_wall_s[i];
    }
    ratio = bench_median(r->read_wall_s, runs) / bench_median(r->wc_wall_s, runs);
    bench_row_value(SUITE, name, "file_size", "MB", bytes / BYTES_PER_MB, 1);
    bench_row_value(SUITE, name, "edges", "count", (double)r->edges, 1);
    bench_row_samples(SUITE, name, "read_speed", "MB/s", mb_s, runs);
    bench_row_samples(SUITE, name, "edge_rate", "edges/s", edges_s, runs);
    bench_row_samples(SUITE, name, "read_wall", "s", r->read_wall_s, runs);
    bench_row_samples(SUITE, name, "wc_wall", "s", r->wc_wall_s, runs);
    bench_row_samples(SUITE, name, "wc_speed", "MB/s", wc_mb_s, runs);
    bench_row_value(SUITE, name, "time_vs_wc", "x", ratio, runs);
    bench_row_value(SUITE, name, "peak_rss", "MB", (double)r->rss_bytes / BYTES_PER_MB, runs);
    bench_row_value(SUITE, name, "peak_bytes_per_edge", "B",
                    (double)r->rss_bytes / (double)r->edges, runs);
}

static int run_all(const options_t *o)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(trace_t) trace = NULL;
    g_autofree char *dir = NULL;
    const double min_bytes = o->min_mb * BYTES_PER_MB;
    runs_t r = {g_new(double, o->runs), g_new(double, o->runs), g_new(double, o->runs), 0, 0};
    int status = 1;

    dir = o->dir != NULL ? g_build_filename(o->dir, "bench_readers.XXXXXX", NULL)
                         : g_build_filename(g_get_tmp_dir(), "bench_readers.XXXXXX", NULL);
    if (g_mkdtemp(dir) == NULL) {
        g_printerr("bench_readers: cannot create %s\n", dir);
        goto out;
    }
    trace = make_trace(min_bytes / MIN_BYTES_PER_EDGE, &error);
    if (trace == NULL) {
        g_printerr("bench_readers: %s\n", error->message);
        goto out;
    }
    bench_header();
    for (gsize f = 0; f < G_N_ELEMENTS(formats); f++) {
        const char *name = trace_format_name(formats[f]);
        g_autofree char *path = g_strdup_printf("%s/trace.%s", dir, name);
        GStatBuf st;
        gboolean ok;

        g_printerr("bench_readers: writing %s\n", path);
        ok = reader_files_write(trace, formats[f], path, &error) && g_stat(path, &st) == 0;
        if (ok && (double)st.st_size < min_bytes) {
            g_set_error(&error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s is only %.0f MB (wanted %d)",
                        path, (double)st.st_size / BYTES_PER_MB, o->min_mb);
            ok = FALSE;
        }
        ok = ok && measure(o, path, formats[f], &r, &error);
        g_unlink(path);
        if (!ok) {
            g_printerr("bench_readers: %s: %s\n", name, error->message);
            goto out;
        }
        if (r.edges != trace_n_edges(trace)) {
            g_printerr("bench_readers: %s read %" G_GSIZE_FORMAT " edges, wrote %" G_GSIZE_FORMAT
                       "\n",
                       name, r.edges, trace_n_edges(trace));
            goto out;
        }
        report(name, (double)st.st_size, &r, o->runs);
    }
    status = 0;
out:
    if (dir != NULL) {
        g_rmdir(dir);
    }
    g_free(r.read_s);
    g_free(r.read_wall_s);
    g_free(r.wc_wall_s);
    return status;
}

int main(int argc, char **argv)
{
    options_t o = {0};
    GOptionEntry entries[] = {
        {"quick", 0, 0, G_OPTION_ARG_NONE, &o.quick, "Tiny sizes, for CI", NULL},
        {"min-mb", 0, 0, G_OPTION_ARG_INT, &o.min_mb, "Smallest file per format [default: 500]",
         "MB"},
        {"runs", 0, 0, G_OPTION_ARG_INT, &o.runs, "Timed runs per format [default: 5]", "N"},
        {"dir", 0, 0, G_OPTION_ARG_FILENAME, &o.dir,
         "Where the scratch files go [default: the temporary directory]", "DIR"},
        {"read", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &o.read_path,
         "Internal: read one file and report", "FILE"},
        {"format", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &o.read_format,
         "Internal: the format of --read", "NAME"},
        G_OPTION_ENTRY_NULL};
    g_autoptr(GOptionContext) context = g_option_context_new("- trace reader throughput");
    g_autoptr(GError) error = NULL;

    g_option_context_add_main_entries(context, entries, NULL);
    if (!g_option_context_parse(context, &argc, &argv, &error)) {
        g_printerr("bench_readers: %s\n", error->message);
        return 2;
    }
    if (o.read_path != NULL) {
        return o.read_format != NULL ? read_once(&o) : 2;
    }
    if (o.min_mb <= 0) {
        o.min_mb = o.quick ? MIN_MB_QUICK : MIN_MB_DEFAULT;
    }
    if (o.runs <= 0) {
        o.runs = o.quick ? RUNS_QUICK : RUNS_DEFAULT;
    }
    return run_all(&o);
}
