/* Bounce and pulse statistics of a trace, for `bouncelab info`. */
#include "trace_stats.h"
#include "trace_oracle.h"

#include <stdlib.h>
#include <string.h>

static int cmp_int64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

void trace_stats_spread(int64_t *values, gsize n, int64_t *min, int64_t *median, int64_t *max)
{
    if (n == 0) {
        *min = *median = *max = 0;
        return;
    }
    qsort(values, n, sizeof *values, cmp_int64);
    *min = values[0];
    *median = values[(n - 1) / 2];
    *max = values[n - 1];
}

static void bounce_stats(const trace_t *trace, GArray *changes, gboolean presses,
                         trace_bounce_stats_t *out)
{
    g_autofree int64_t *dur = g_new(int64_t, changes->len + 1);
    g_autofree int64_t *edges = g_new(int64_t, changes->len + 1);
    int64_t emin, emed, emax;
    gsize n = 0;

    for (guint k = 0; k < changes->len; k++) {
        const trace_change_t *c = &g_array_index(changes, trace_change_t, k);
        if (c->to_pressed != presses) {
            continue;
        }
        dur[n] = trace_edge_ns(trace, c->last_edge) - trace_edge_ns(trace, c->first_edge);
        edges[n] = (int64_t)(c->last_edge - c->first_edge + 1);
        n++;
    }
    memset(out, 0, sizeof *out);
    out->n = n;
    trace_stats_spread(dur, n, &out->min_ns, &out->median_ns, &out->max_ns);
    trace_stats_spread(edges, n, &emin, &emed, &emax);
    out->edges_min = (gsize)emin;
    out->edges_median = (gsize)emed;
    out->edges_max = (gsize)emax;
}

void trace_stats_compute(const trace_t *trace, int64_t settle_ns, trace_stats_t *out)
{
    g_autoptr(GArray) changes = trace_oracle_changes(trace, settle_ns);
    gsize n = trace_n_edges(trace);

    memset(out, 0, sizeof *out);
    bounce_stats(trace, changes, TRUE, &out->make);
    bounce_stats(trace, changes, FALSE, &out->brk);
    out->presses = out->make.n;
    out->releases = out->brk.n;
    for (gsize i = 1; i < n; i++) {
        int64_t w = trace_edge_ns(trace, i) - trace_edge_ns(trace, i - 1);
        if (!out->has_pulse || w < out->shortest_pulse_ns) {
            out->has_pulse = TRUE;
            out->shortest_pulse_ns = w;
            out->shortest_pulse_at_ns = trace_edge_ns(trace, i - 1);
            out->shortest_pulse_level = trace_level_after(trace, i - 1);
        }
    }
}
