/* Shared benchmark helpers: clock, medians, CSV rows, timed children, peak memory. */
#define _POSIX_C_SOURCE 200809L
#include "bench_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

/* Bytes read per read() when warming the page cache. */
#define WARM_CHUNK_BYTES (1u << 20)

int64_t bench_now_ns(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

static int compare_doubles(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

double bench_median(const double *v, gsize n)
{
    g_autofree double *sorted = g_memdup2(v, n * sizeof *v);

    g_return_val_if_fail(n > 0, 0.0);
    qsort(sorted, n, sizeof *sorted, compare_doubles);
    return n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
}

void bench_header(void)
{
    printf("%s\n", BENCH_CSV_HEADER);
    fflush(stdout);
}

void bench_row_samples(const char *suite, const char *case_name, const char *metric,
                       const char *unit, const double *samples, gsize n)
{
    double lo = samples[0], hi = samples[0];

    for (gsize i = 1; i < n; i++) {
        lo = MIN(lo, samples[i]);
        hi = MAX(hi, samples[i]);
    }
    printf("%s,%s,%s,%.10g,%s,%" G_GSIZE_FORMAT ",%.10g,%.10g\n", suite, case_name, metric,
           bench_median(samples, n), unit, n, lo, hi);
    fflush(stdout);
}

void bench_row_value(const char *suite, const char *case_name, const char *metric, const char *unit,
                     double value, gsize runs)
{
    printf("%s,%s,%s,%.10g,%s,%" G_GSIZE_FORMAT ",,\n", suite, case_name, metric, value, unit,
           runs);
    fflush(stdout);
}

gboolean bench_spawn_timed(char *const *argv, int64_t *wall_ns, char **out, GError **error)
{
    GSpawnFlags flags = G_SPAWN_SEARCH_PATH | G_SPAWN_CHILD_INHERITS_STDIN;
    g_autofree char *err = NULL;
    int status = 0;
    int64_t start;

    if (out == NULL) {
        flags |= G_SPAWN_STDOUT_TO_DEV_NULL;
    }
    start = bench_now_ns();
    if (!g_spawn_sync(NULL, (char **)argv, NULL, flags, NULL, NULL, out, &err, &status, error)) {
        return FALSE;
    }
    *wall_ns = bench_now_ns() - start;
    if (!g_spawn_check_wait_status(status, error)) {
        g_prefix_error(error, "%s: %s", argv[0], err != NULL ? err : "");
        return FALSE;
    }
    return TRUE;
}

int64_t bench_children_cpu_ns(void)
{
    struct rusage ru;

    getrusage(RUSAGE_CHILDREN, &ru);
    return ((int64_t)ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000000000 +
           ((int64_t)ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1000;
}

int64_t bench_max_rss_bytes(void)
{
    struct rusage ru;

    getrusage(RUSAGE_SELF, &ru);
    return (int64_t)ru.ru_maxrss * 1024; /* Linux reports KiB */
}

gboolean bench_warm_file(const char *path, GError **error)
{
    g_autofree char *buf = g_malloc(WARM_CHUNK_BYTES);
    FILE *f = fopen(path, "rb");

    if (f == NULL) {
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "%s: cannot open", path);
        return FALSE;
    }
    while (fread(buf, 1, WARM_CHUNK_BYTES, f) == WARM_CHUNK_BYTES) {
    }
    fclose(f);
    return TRUE;
}

char *bench_self_path(void)
{
    char *path = g_file_read_link("/proc/self/exe", NULL);
    return path != NULL ? path : g_strdup(g_get_prgname());
}
