/* A VCD's value changes on several threads (see reader_vcd_parallel.h). */
#include "reader_vcd_parallel.h"

/*
 * Bytes read past a piece's nominal end: it runs on to the next timestamp
 * line, past the changes of the timestamp before, a line per wire in the HDL
 * shape. Should none come within this, the piece ends early and one thread
 * reads on.
 */
#define PIECE_SLACK_BYTES 4096

/* The caller's side: the reader's state and trace, which the joins bring up to date. */
typedef struct {
    vcd_state_t *st;
    trace_builder_t *b;
    vcd_state_t at_start; /* st where the pieces begin, read without the lock */
} vcd_ctx_t;

/* A thread's scratch: one piece's state and levels. */
typedef struct {
    vcd_state_t st;
    trace_builder_t *b;  /* the piece's levels and truth, in a trace of its own */
    gboolean timed;      /* the piece's first line is taken */
    uint64_t first_time; /* the piece's first timestamp (ticks) */
} vcd_piece_t;

static gpointer scratch_new(gpointer ctx)
{
    vcd_piece_t *p = g_new0(vcd_piece_t, 1);

    (void)ctx;
    p->b = g_new(trace_builder_t, 1);
    trace_builder_init(p->b, trace_new("piece", TRUE, TRUE, 0));
    return p;
}

static void scratch_free(gpointer scratch)
{
    vcd_piece_t *p = scratch;

    trace_free(p->b->trace);
    g_free(p->b);
    g_free(p);
}

/* Piece 0 goes on from the reader's state; a later one begins at a timestamp with nothing known. */
static void start(gpointer ctx, gpointer scratch, guint i)
{
    const vcd_ctx_t *c = ctx;
    vcd_piece_t *p = scratch;
    trace_t *trace = p->b->trace;

    p->st = c->at_start;
    if (i > 0) {
        p->st.have_time = FALSE;
        p->st.time = 0;
        p->st.pending = p->st.truth_pending = -1;
        p->st.truth_level = -1;
    }
    p->st.truth_first = -1;
    p->timed = FALSE;
    g_array_set_size(trace->edges, 0);
    if (trace->truth != NULL) {
        g_array_set_size(trace->truth, 0);
    }
    trace_builder_init(p->b, trace);
}

static const char *parse(gpointer scratch, const char *s, const char *end, guint64 *lines)
{
    vcd_piece_t *p = scratch;
    const char *stop;
    guint64 n = 0;

    if (!p->timed && s < end) {
        /* the first line alone, to note the piece's first timestamp */
        const char *nl = memchr(s, '\n', (gsize)(end - s));
        stop = trace_vcd_fast_lines(&p->st, p->b, s, nl + 1, &n);
        if (stop <= nl) {
            *lines = 0;
            return s;
        }
        p->timed = TRUE;
        p->first_time = p->st.time;
        s = stop;
    }
    stop = trace_vcd_fast_lines(&p->st, p->b, s, end, lines);
    *lines += n;
    return stop;
}

static void finish(gpointer scratch)
{
    vcd_piece_t *p = scratch;

    trace_builder_flush(p->b);
}

/* Adds the piece's truth presses to the trace, joining a press held across pieces. */
static void join_truth(vcd_state_t *st, trace_builder_t *b, const vcd_piece_t *p)
{
    const GArray *truth = p->b->trace->truth;
    int64_t press_ns = p->st.press_ns;
    guint k = 0;

    if (p->st.truth_level < 0) {
        return; /* the truth wire has no value in the piece */
    }
    if (st->truth_level == 1 && p->st.truth_first == 0) {
        trace_add_truth(b->trace, st->press_ns, p->st.truth_first_ns); /* released in this piece */
    } else if (st->truth_level == 1 && p->st.truth_first == 1) {
        /* a 1 while pressed changes nothing: the press began in an earlier piece */
        if (truth != NULL && truth->len > 0) {
            trace_add_truth(b->trace, st->press_ns,
                            g_array_index(truth, trace_interval_t, 0).release_ns);
            k = 1;
        } else {
            press_ns = st->press_ns;
        }
    }
    for (; truth != NULL && k < truth->len; k++) {
        const trace_interval_t *in = &g_array_index(truth, trace_interval_t, k);
        trace_add_truth(b->trace, in->press_ns, in->release_ns);
    }
    st->truth_level = p->st.truth_level;
    st->press_ns = press_ns;
}

/*
 * Joins a piece if it follows on from the ones before: its first timestamp
 * after their last, and its first level after their last one, including
 * the one its first line commits. Else changes nothing: the sequential
 * reader names the error or takes the repeated instant.
 */
static gboolean join(gpointer ctx, guint i, gpointer scratch)
{
    vcd_ctx_t *c = ctx;
    vcd_state_t *st = c->st;
    trace_builder_t *b = c->b;
    const vcd_piece_t *p = scratch;
    const trace_builder_t *o = p->b;
    gboolean started = b->started;
    int64_t last_ns = b->last_ns, t_ns = 0;

    if (i > 0) {
        if (st->have_time && p->first_time <= st->time) {
            return FALSE;
        }
        if ((st->pending >= 0 || st->truth_pending >= 0) &&
            !trace_vcd_ticks_to_ns(st, st->time, &t_ns)) {
            return FALSE;
        }
        if (st->pending >= 0) {
            if (started && t_ns <= last_ns) {
                return FALSE;
            }
            started = TRUE;
            last_ns = t_ns;
        }
    }
    if (o->started && started && o->trace->start_ns <= last_ns) {
        return FALSE;
    }
    if (i > 0) {
        /* what the piece's first line, a timestamp, commits */
        if (st->pending >= 0) {
            trace_builder_level(b, t_ns, st->pending == 1);
        }
        if (st->truth_pending >= 0) {
            trace_vcd_commit_truth(st, b, t_ns);
        }
    }
    if (o->started) {
        trace_builder_level(b, o->trace->start_ns, o->trace->initial_level);
        trace_builder_flush(b);
        g_array_append_vals(b->trace->edges, o->trace->edges->data, o->trace->edges->len);
        b->level = o->level;
        b->last_ns = o->last_ns;
    }
    join_truth(st, b, p);
    st->have_time = p->st.have_time;
    st->time = p->st.time;
    st->pending = p->st.pending;
    st->truth_pending = p->st.truth_pending;
    return TRUE;
}

gboolean trace_vcd_changes_parallel(trace_line_reader_t *reader, vcd_state_t *st,
                                    trace_builder_t *b, const trace_parallel_t *par, guint64 *lines,
                                    GError **error)
{
    static const trace_piece_ops_t ops = {
        .scratch_new = scratch_new,
        .scratch_free = scratch_free,
        .start = start,
        .parse = parse,
        .finish = finish,
        .join = join,
        .opener = '#',
        .slack_bytes = PIECE_SLACK_BYTES,
    };
    vcd_ctx_t c = {st, b, *st};

    return trace_pieces_read(reader, par, &ops, &c, lines, error);
}
