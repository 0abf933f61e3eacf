/* The native CSV's data rows on several threads (see reader_csv_parallel.h). */
#include "reader_csv_parallel.h"
#include "native_rows.h"

/*
 * Bytes read past a piece's end: a plain row is at most 22 bytes (18 digits,
 * ",L\r\n"), so this always finishes the piece's last row if it is plain.
 */
#define PIECE_SLACK_BYTES 64

/* A thread's scratch: a builder on a trace of its own. */
static gpointer scratch_new(gpointer ctx)
{
    trace_builder_t *o = g_new(trace_builder_t, 1);

    (void)ctx;
    trace_builder_init(o, trace_new("piece", TRUE, TRUE, 0));
    return o;
}

static void scratch_free(gpointer scratch)
{
    trace_builder_t *o = scratch;

    trace_free(o->trace);
    g_free(o);
}

static void start(gpointer ctx, gpointer scratch, guint i)
{
    trace_builder_t *o = scratch;

    (void)ctx;
    (void)i;
    g_array_set_size(o->trace->edges, 0);
    trace_builder_init(o, o->trace);
}

static const char *parse(gpointer scratch, const char *s, const char *end, guint64 *lines)
{
    return trace_native_rows(scratch, s, end, lines);
}

static void finish(gpointer scratch)
{
    trace_builder_flush(scratch);
}

/* Appends a piece's rows to the trace (in ctx) if its first row is after the last one joined. */
static gboolean join(gpointer ctx, guint i, gpointer scratch)
{
    trace_builder_t *b = ctx;
    const trace_builder_t *o = scratch;
    const GArray *edges = o->trace->edges;

    (void)i;
    if (b->started && o->trace->start_ns <= b->last_ns) {
        return FALSE; /* the sequential reader says "duplicate time" or "time goes backwards" */
    }
    /* the piece's first row: the start of its scratch trace, an edge here if the level changes */
    trace_builder_level(b, o->trace->start_ns, o->trace->initial_level);
    trace_builder_flush(b);
    g_array_append_vals(b->trace->edges, edges->data, edges->len);
    b->level = o->level;
    b->last_ns = o->last_ns;
    return TRUE;
}

gboolean trace_native_rows_parallel(trace_line_reader_t *reader, trace_builder_t *b,
                                    const trace_parallel_t *par, guint64 *rows, GError **error)
{
    static const trace_piece_ops_t ops = {
        .scratch_new = scratch_new,
        .scratch_free = scratch_free,
        .start = start,
        .parse = parse,
        .finish = finish,
        .join = join,
        .opener = '\0',
        .slack_bytes = PIECE_SLACK_BYTES,
    };

    return trace_pieces_read(reader, par, &ops, b, rows, error);
}
