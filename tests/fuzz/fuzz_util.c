/* Shared by the fuzz harnesses: memfd input files, trace checks, the CLI's use of a trace. */
#define _GNU_SOURCE /* memfd_create */

#include "fuzz_util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "sim.h"
#include "sim_metrics.h"
#include "trace_oracle.h"
#include "trace_stats.h"

void fuzz_fail(const char *format, ...)
{
    va_list args;
    va_start(args, format);
    fputs("fuzz: finding: ", stderr);
    vfprintf(stderr, format, args);
    fputc('\n', stderr);
    va_end(args);
    abort();
}

const char *fuzz_input_path(const uint8_t *data, size_t size)
{
    /* the harnesses run one input at a time, on one thread: one file will do */
    static int fd = -1;
    static char path[64];
    static size_t held; /* the file's size now */
    size_t done = 0;

    if (fd < 0) {
        fd = memfd_create("fuzz-input", MFD_CLOEXEC);
        if (fd < 0) {
            perror("fuzz: memfd_create");
            abort(); /* the harness cannot run at all: say so rather than pass */
        }
        snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    }
    /* exactly SIZE bytes (the readers take the size from fstat()): a longer
     * file is cut, a shorter one grows by the writes below */
    if (size < held && ftruncate(fd, (off_t)size) != 0) {
        perror("fuzz: ftruncate of the memfd");
        abort();
    }
    held = size;
    while (done < size) {
        ssize_t n = pwrite(fd, data + done, size - done, (off_t)done);
        if (n <= 0) {
            perror("fuzz: write to memfd");
            abort();
        }
        done += (size_t)n;
    }
    return path;
}

void fuzz_check_trace(const trace_t *trace, const char *what)
{
    gsize n = trace_n_edges(trace);

    if (trace->end_ns < trace->start_ns) {
        fuzz_fail("%s: end %" G_GINT64_FORMAT " before start %" G_GINT64_FORMAT, what,
                  trace->end_ns, trace->start_ns);
    }
    for (gsize i = 0; i < n; i++) {
        int64_t t = trace_edge_ns(trace, i);
        if (t < trace->start_ns || t > trace->end_ns) {
            fuzz_fail("%s: edge %" G_GSIZE_FORMAT " at %" G_GINT64_FORMAT
                      " outside [%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT "]",
                      what, i, t, trace->start_ns, trace->end_ns);
        }
        if (i > 0 && t <= trace_edge_ns(trace, i - 1)) {
            fuzz_fail("%s: edge %" G_GSIZE_FORMAT " at %" G_GINT64_FORMAT
                      " not after the one before",
                      what, i, t);
        }
    }
    for (gsize i = 0; i < trace_n_truth(trace); i++) {
        const trace_interval_t *p = trace_truth_at(trace, i);
        if (p->release_ns != TRACE_NO_RELEASE && p->release_ns <= p->press_ns) {
            fuzz_fail("%s: true press %" G_GSIZE_FORMAT " released at %" G_GINT64_FORMAT
                      ", not after its press at %" G_GINT64_FORMAT,
                      what, i, p->release_ns, p->press_ns);
        }
        if (i > 0 && p->press_ns <= trace_truth_at(trace, i - 1)->press_ns) {
            fuzz_fail("%s: true press %" G_GSIZE_FORMAT " not after the one before", what, i);
        }
    }
}

/* A replay as `bouncelab run` makes it with the defaults, scored. */
static void replay(const trace_t *trace, sim_mode_t mode)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(sim_result_t) result = NULL;
    sim_config_t cfg;
    sim_metrics_t metrics;

    sim_config_init(&cfg);
    cfg.mode = mode;
    result = sim_run(trace, &cfg, NULL, &error);
    if (result == NULL) {
        fuzz_fail("the default configuration was refused: %s", error->message);
    }
    sim_metrics_compute(trace, &cfg, result, &metrics, NULL);
}

void fuzz_use_trace(trace_t *trace)
{
    trace_stats_t stats;

    trace_stats_compute(trace, TRACE_ORACLE_SETTLE_NS_DEFAULT, &stats);
    if (trace->truth == NULL) {
        trace_oracle_fill_truth(trace, TRACE_ORACLE_SETTLE_NS_DEFAULT);
    }
    replay(trace, SIM_MODE_POLL);
    replay(trace, SIM_MODE_IRQ);
}
