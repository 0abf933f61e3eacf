/*
 * The VCD writer: 1-bit signals side by side in the plain layout every
 * viewer reads (GTKWave, PulseView, sigrok-cli): one "#t" line per instant
 * with changes, one "<level><id>" line per change, the initial levels as
 * plain changes at the first timestamp (older libsigrok VCD importers, as in
 * PulseView 0.4, skip $dumpvars blocks), and a last bare "#t" after the last
 * change marking the length. No $date, so the same input gives the same
 * bytes.
 *
 * The timescale is as coarse as the times allow: sigrok-cli turns a VCD into
 * samples at one per tick, so a 36 s trace at 1 ns would be 36 G samples.
 * What bouncelab reads back goes where other tools keep it: GTKWave's
 * vcd2fst/fst2vcd keep $version (not $comment), sigrok keeps only the wires.
 */
#include "trace_error.h"
#include "trace_io.h"
#include "util_atomic_file.h"

#include <inttypes.h>
#include <string.h>

/* VCD identifier codes are printable ASCII from '!'; one character each is enough here. */
#define VCD_ID_FIRST    '!'
#define VCD_MAX_SIGNALS 93 /* and one for the active level's marker */

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

gboolean trace_vcd_timescale_ok(int64_t ns)
{
    for (int64_t t = TRACE_VCD_TIMESCALE_MIN_NS; t <= TRACE_VCD_TIMESCALE_MAX_NS; t *= 10) {
        if (ns == t) {
            return TRUE;
        }
    }
    return FALSE;
}

static gboolean check_signals(const trace_vcd_signal_t *signals, gsize n,
                              const trace_vcd_layout_t *layout, GError **error)
{
    int64_t start_ns = layout->start_ns, end_ns = layout->end_ns;

    if (n == 0 || n > VCD_MAX_SIGNALS) {
        g_set_error(error, TRACE_ERROR, TRACE_ERROR_INVALID,
                    "a VCD needs 1 to %d signals (got %" G_GSIZE_FORMAT ")", VCD_MAX_SIGNALS, n);
        return FALSE;
    }
    if (end_ns < start_ns) {
        g_set_error(error, TRACE_ERROR, TRACE_ERROR_INVALID, "VCD end before its start");
        return FALSE;
    }
    if (layout->timescale_ns != 0 && !trace_vcd_timescale_ok(layout->timescale_ns)) {
        g_set_error(error, TRACE_ERROR, TRACE_ERROR_INVALID,
                    "VCD timescale %" PRId64 " ns is not a power of ten from 1 ns to 1 s",
                    layout->timescale_ns);
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

/* The coarsest power of ten (ns, up to 1 s) that divides every time less the offset. */
static int64_t coarsest_timescale(const trace_vcd_signal_t *signals, gsize n,
                                  const trace_vcd_layout_t *layout, int64_t offset)
{
    int64_t ts = TRACE_VCD_TIMESCALE_MAX_NS;

    while ((layout->start_ns - offset) % ts != 0 || (layout->end_ns - offset) % ts != 0) {
        ts /= 10;
    }
    for (gsize i = 0; i < n && ts > 1; i++) {
        for (gsize k = 0; k < signals[i].n_edges && ts > 1; k++) {
            while ((signals[i].edges_ns[k] - offset) % ts != 0) {
                ts /= 10;
            }
        }
    }
    return ts;
}

/* Time t (ns, not before the offset) in ticks, rounded to the nearest. */
static uint64_t to_ticks(int64_t t, int64_t offset, int64_t ts)
{
    uint64_t d = (uint64_t)(t - offset);
    return (d + (uint64_t)ts / 2u) / (uint64_t)ts;
}

/* One signal in ticks: rounding may put an edge on the start (it flips the initial level)
 * or two on one tick (the pulse between them vanishes). */
typedef struct {
    gboolean initial;
    GArray *ticks; /* uint64_t, strictly increasing, after the start tick */
} tick_signal_t;

static void to_tick_signal(const trace_vcd_signal_t *s, uint64_t start, int64_t offset, int64_t ts,
                           tick_signal_t *out)
{
    out->initial = s->initial_level != FALSE;
    out->ticks = g_array_sized_new(FALSE, FALSE, sizeof(uint64_t), (guint)s->n_edges);
    for (gsize k = 0; k < s->n_edges; k++) {
        uint64_t t = to_ticks(s->edges_ns[k], offset, ts);
        guint n = out->ticks->len;
        if (t <= start) {
            out->initial = !out->initial;
        } else if (n > 0 && g_array_index(out->ticks, uint64_t, n - 1) == t) {
            g_array_set_size(out->ticks, n - 1);
        } else {
            g_array_append_val(out->ticks, t);
        }
    }
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

/* "1 ns", "10 us", "1 s": a power of ten of ns as VCD writes it. */
static char *timescale_text(int64_t ts)
{
    static const char *const units[] = {"ns", "us", "ms", "s"};
    int u = 0;

    while (ts >= 1000 && u < 3) {
        ts /= 1000;
        u++;
    }
    return g_strdup_printf("%" PRId64 " %s", ts, units[u]);
}

/* The last timestamp: the end, or one tick past it if a change sits there. */
static uint64_t closing_tick(const tick_signal_t *ts, gsize n, uint64_t start, uint64_t end)
{
    uint64_t last = start;

    for (gsize i = 0; i < n; i++) {
        guint k = ts[i].ticks->len;
        if (k > 0) {
            last = MAX(last, g_array_index(ts[i].ticks, uint64_t, k - 1));
        }
    }
    return end > last ? end : last + 1u;
}

static void write_header(FILE *out, const trace_vcd_signal_t *signals, gsize n,
                         const trace_vcd_layout_t *layout, int64_t offset, int64_t ts,
                         uint64_t end_ticks)
{
    g_autofree char *scale = timescale_text(ts);

    fprintf(out, "$version bouncelab end_ticks: %" PRIu64, end_ticks);
    if (layout->active != TRACE_ACTIVE_AUTO) {
        fprintf(out, " active: %s", layout->active == TRACE_ACTIVE_LOW ? "low" : "high");
    }
    if (offset != 0) {
        fprintf(out, " time_offset_ns: %" PRId64, offset);
    }
    fputs(" $end\n", out);
    fputs("$comment written by bouncelab; markers toggle once per event $end\n", out);
    if (layout->comment != NULL) {
        fprintf(out, "$comment %s $end\n", layout->comment);
    }
    fprintf(out, "$timescale %s $end\n$scope module bouncelab $end\n", scale);
    for (gsize i = 0; i < n; i++) {
        g_autofree char *name = wire_name(signals[i].name, i);
        fprintf(out, "$var wire 1 %c %s $end\n", (char)(VCD_ID_FIRST + i), name);
    }
    if (layout->active != TRACE_ACTIVE_AUTO) {
        fprintf(out, "$var wire 1 %c bouncelab_active_%s $end\n", (char)(VCD_ID_FIRST + n),
                layout->active == TRACE_ACTIVE_LOW ? "low" : "high");
    }
    fputs("$upscope $end\n$enddefinitions $end\n", out);
}

static void write_changes(FILE *out, const tick_signal_t *ts, gsize n, uint64_t start,
                          uint64_t closing, gboolean marker)
{
    g_autofree guint *next = g_new0(guint, n);
    g_autofree gboolean *level = g_new(gboolean, n);

    put_time(out, start);
    for (gsize i = 0; i < n; i++) {
        level[i] = ts[i].initial;
        put_change(out, level[i], i);
    }
    if (marker) {
        put_change(out, TRUE, n);
    }
    for (;;) {
        uint64_t t = UINT64_MAX;
        gboolean any = FALSE;
        for (gsize i = 0; i < n; i++) {
            if (next[i] < ts[i].ticks->len && g_array_index(ts[i].ticks, uint64_t, next[i]) <= t) {
                t = g_array_index(ts[i].ticks, uint64_t, next[i]);
                any = TRUE;
            }
        }
        if (!any) {
            break;
        }
        put_time(out, t);
        for (gsize i = 0; i < n; i++) {
            if (next[i] < ts[i].ticks->len && g_array_index(ts[i].ticks, uint64_t, next[i]) == t) {
                level[i] = !level[i];
                put_change(out, level[i], i);
                next[i]++;
            }
        }
    }
    put_time(out, closing);
}

gboolean trace_write_vcd(const char *path, const trace_vcd_signal_t *signals, gsize n_signals,
                         const trace_vcd_layout_t *layout, GError **error)
{
    g_autoptr(util_atomic_file_t) file = NULL;
    g_autofree tick_signal_t *ts = NULL;
    int64_t offset = layout->start_ns < 0 ? layout->start_ns : 0; /* VCD times are unsigned */
    int64_t scale;
    uint64_t start, end, closing;
    gboolean ok;

    if (!check_signals(signals, n_signals, layout, error)) {
        return FALSE;
    }
    scale = layout->timescale_ns != 0 ? layout->timescale_ns
                                      : coarsest_timescale(signals, n_signals, layout, offset);
    start = to_ticks(layout->start_ns, offset, scale);
    end = to_ticks(layout->end_ns, offset, scale);
    ts = g_new(tick_signal_t, n_signals);
    for (gsize i = 0; i < n_signals; i++) {
        to_tick_signal(&signals[i], start, offset, scale, &ts[i]);
    }
    closing = closing_tick(ts, n_signals, start, end);
    file = util_atomic_file_open(path, error);
    if (file != NULL) {
        FILE *out = util_atomic_file_stream(file);
        write_header(out, signals, n_signals, layout, offset, scale, end);
        write_changes(out, ts, n_signals, start, closing, layout->active != TRACE_ACTIVE_AUTO);
    }
    for (gsize i = 0; i < n_signals; i++) {
        g_array_free(ts[i].ticks, TRUE);
    }
    ok = file != NULL && util_atomic_file_commit(g_steal_pointer(&file), error);
    return ok;
}

GArray *trace_truth_edges(const trace_t *trace, gboolean *initial)
{
    GArray *edges = g_array_new(FALSE, FALSE, sizeof(int64_t));

    *initial = FALSE;
    for (gsize i = 0; i < trace_n_truth(trace); i++) {
        const trace_interval_t *iv = trace_truth_at(trace, i);
        guint n = edges->len;
        if (n > 0 && g_array_index(edges, int64_t, n - 1) == iv->press_ns) {
            g_array_set_size(edges, n - 1); /* a release and the next press at once */
        } else if (iv->press_ns == trace->start_ns) {
            *initial = TRUE;
        } else {
            g_array_append_val(edges, iv->press_ns);
        }
        if (iv->release_ns != TRACE_NO_RELEASE) {
            g_array_append_val(edges, iv->release_ns);
        }
    }
    return edges;
}

gboolean trace_write_vcd_trace_at(const trace_t *trace, const char *path, int64_t timescale_ns,
                                  GError **error)
{
    gboolean truth_initial;
    g_autoptr(GArray) truth_edges = trace_truth_edges(trace, &truth_initial);
    trace_vcd_signal_t signals[2] = {
        {trace->name, trace->initial_level, (const int64_t *)(void *)trace->edges->data,
         trace->edges->len},
        {"truth", truth_initial, (const int64_t *)(void *)truth_edges->data, truth_edges->len},
    };
    trace_vcd_layout_t layout = {
        .start_ns = trace->start_ns,
        .end_ns = trace->end_ns,
        .comment = NULL,
        .active = trace->active_low ? TRACE_ACTIVE_LOW : TRACE_ACTIVE_HIGH,
        .timescale_ns = timescale_ns,
    };

    return trace_write_vcd(path, signals, trace->truth != NULL ? 2 : 1, &layout, error);
}

gboolean trace_write_vcd_trace(const trace_t *trace, const char *path, GError **error)
{
    return trace_write_vcd_trace_at(trace, path, 0, error);
}
