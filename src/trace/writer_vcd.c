/*
 * The VCD writer: 1-bit signals side by side, 1 ns timescale, in the plain
 * layout every viewer reads (GTKWave, PulseView, sigrok-cli): one "#t" line
 * per instant with changes, one "<level><id>" line per change, the initial
 * levels as plain changes at the first timestamp (older libsigrok VCD
 * importers, as in PulseView 0.4, skip $dumpvars blocks), and a last bare
 * "#t" at the end marking the length, as sigrok writes it. No $date, so the
 * same input gives the same bytes.
 */
#include "trace_error.h"
#include "trace_io.h"
#include "util_atomic_file.h"

#include <inttypes.h>
#include <string.h>

/* VCD identifier codes are printable ASCII from '!'; one character each is enough here. */
#define VCD_ID_FIRST    '!'
#define VCD_MAX_SIGNALS 94

static char *wire_name(const char *name, gsize index)
{
    char *s;

    if (name == NULL || name[0] == '\0') {
        return g_strdup_printf("signal%" G_GSIZE_FORMAT, index);
    }
    s = g_strdup(name);
    for (char *p = s; *p != '\0'; p++) {
        if (g_ascii_isspace(*p) || *p == '$') {
            *p = '_'; /* a name is one token and must not look like a keyword */
        }
    }
    return s;
}

static gboolean check_signals(const trace_vcd_signal_t *signals, gsize n, int64_t start_ns,
                              int64_t end_ns, GError **error)
{
    if (n == 0 || n > VCD_MAX_SIGNALS) {
        g_set_error(error, TRACE_ERROR, TRACE_ERROR_INVALID,
                    "a VCD needs 1 to %d signals (got %" G_GSIZE_FORMAT ")", VCD_MAX_SIGNALS, n);
        return FALSE;
    }
    if (end_ns < start_ns) {
        g_set_error(error, TRACE_ERROR, TRACE_ERROR_INVALID, "VCD end before its start");
        return FALSE;
    }
    for (gsize i = 0; i < n; i++) {
        const trace_vcd_signal_t *s = &signals[i];
        for (gsize k = 0; k < s->n_edges; k++) {
            int64_t t = s->edges_ns[k];
            if (t <= start_ns || t > end_ns || (k > 0 && t <= s->edges_ns[k - 1])) {
                g_set_error(error, TRACE_ERROR, TRACE_ERROR_INVALID,
                            "signal '%s': edge %" G_GSIZE_FORMAT " at %" PRId64
                            " ns is out of order or outside %" PRId64 "..%" PRId64 " ns",
                            s->name != NULL ? s->name : "", k, t, start_ns, end_ns);
                return FALSE;
            }
        }
    }
    return TRUE;
}

/* "#<t>\n" without printf: the writer's hot path. */
static void put_time(FILE *out, uint64_t t)
{
    char buf[24];
    int i = (int)sizeof buf;

    buf[--i] = '\n';
    do {
        buf[--i] = (char)('0' + t % 10u);
        t /= 10u;
    } while (t != 0);
    buf[--i] = '#';
    fwrite(buf + i, 1, sizeof buf - (gsize)i, out);
}

static void put_change(FILE *out, gboolean level, gsize index)
{
    char buf[3] = {level ? '1' : '0', (char)(VCD_ID_FIRST + index), '\n'};
    fwrite(buf, 1, sizeof buf, out);
}

gboolean trace_write_vcd(const char *path, const trace_vcd_signal_t *signals, gsize n_signals,
                         int64_t start_ns, int64_t end_ns, const char *comment, GError **error)
{
    g_autoptr(util_atomic_file_t) file = NULL;
    g_autofree gsize *next = NULL;
    g_autofree gboolean *level = NULL;
    int64_t offset = start_ns < 0 ? start_ns : 0; /* VCD times are unsigned */
    uint64_t last_written;
    FILE *out;

    if (!check_signals(signals, n_signals, start_ns, end_ns, error)) {
        return FALSE;
    }
    file = util_atomic_file_open(path, error);
    if (file == NULL) {
        return FALSE;
    }
    out = util_atomic_file_stream(file);
    fputs("$version bouncelab $end\n", out);
    fputs("$comment written by bouncelab; markers toggle once per event $end\n", out);
    if (comment != NULL) {
        fprintf(out, "$comment %s $end\n", comment);
    }
    if (offset != 0) {
        fprintf(out, "$comment bouncelab time_offset_ns: %" PRId64 " $end\n", offset);
    }
    fputs("$timescale 1 ns $end\n$scope module bouncelab $end\n", out);
    for (gsize i = 0; i < n_signals; i++) {
        g_autofree char *name = wire_name(signals[i].name, i);
        fprintf(out, "$var wire 1 %c %s $end\n", (char)(VCD_ID_FIRST + i), name);
    }
    fputs("$upscope $end\n$enddefinitions $end\n", out);

    next = g_new0(gsize, n_signals);
    level = g_new(gboolean, n_signals);
    last_written = (uint64_t)(start_ns - offset);
    put_time(out, last_written);
    for (gsize i = 0; i < n_signals; i++) {
        level[i] = signals[i].initial_level != FALSE;
        put_change(out, level[i], i);
    }
    for (;;) {
        int64_t t = INT64_MAX;
        gboolean any = FALSE;
        for (gsize i = 0; i < n_signals; i++) {
            if (next[i] < signals[i].n_edges && signals[i].edges_ns[next[i]] <= t) {
                t = signals[i].edges_ns[next[i]];
                any = TRUE;
            }
        }
        if (!any) {
            break;
        }
        last_written = (uint64_t)(t - offset);
        put_time(out, last_written);
        for (gsize i = 0; i < n_signals; i++) {
            if (next[i] < signals[i].n_edges && signals[i].edges_ns[next[i]] == t) {
                level[i] = !level[i];
                put_change(out, level[i], i);
                next[i]++;
            }
        }
    }
    if ((uint64_t)(end_ns - offset) > last_written) {
        put_time(out, (uint64_t)(end_ns - offset));
    }
    return util_atomic_file_commit(g_steal_pointer(&file), error);
}

gboolean trace_write_vcd_trace(const trace_t *trace, const char *path, GError **error)
{
    g_autoptr(GArray) truth_edges = g_array_new(FALSE, FALSE, sizeof(int64_t));
    g_autofree char *comment =
        g_strdup_printf("bouncelab active: %s", trace->active_low ? "low" : "high");
    trace_vcd_signal_t signals[2] = {
        {trace->name, trace->initial_level, (const int64_t *)(void *)trace->edges->data,
         trace->edges->len},
        {"truth", FALSE, NULL, 0},
    };

    /* truth as a wire: 1 from each press to its release */
    for (gsize i = 0; i < trace_n_truth(trace); i++) {
        const trace_interval_t *iv = trace_truth_at(trace, i);
        gsize n = truth_edges->len;
        if (n > 0 && g_array_index(truth_edges, int64_t, n - 1) == iv->press_ns) {
            g_array_set_size(truth_edges,
                             (guint)(n - 1)); /* a release and the next press at once */
        } else if (iv->press_ns == trace->start_ns) {
            signals[1].initial_level = TRUE;
        } else {
            g_array_append_val(truth_edges, iv->press_ns);
        }
        if (iv->release_ns != TRACE_NO_RELEASE) {
            g_array_append_val(truth_edges, iv->release_ns);
        }
    }
    signals[1].edges_ns = (const int64_t *)(void *)truth_edges->data;
    signals[1].n_edges = truth_edges->len;
    return trace_write_vcd(path, signals, trace->truth != NULL ? 2 : 1, trace->start_ns,
                           trace->end_ns, comment, error);
}
