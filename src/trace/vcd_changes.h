/*
 * The VCD reader's state and its value-change fast path (internal to
 * src/trace). The sequential reader (reader_vcd.c) and the parallel one
 * (reader_vcd_parallel.c) share them, so both accept exactly the same lines
 * and apply them the same way.
 */
#ifndef VCD_CHANGES_H
#define VCD_CHANGES_H

#include "reader_common.h"

typedef struct {
    char *id; /* identifier code */
    gsize id_len;
    char *name;    /* reference, e.g. "D0" */
    char *path;    /* scope path and name, e.g. "top.btn" */
    char *indexed; /* name and bit index ("data[3]"), or NULL */
    int width;
    gboolean net; /* a wire or reg (or the like), not an event, real or parameter */
} vcd_var_t;

/* Header keywords whose tokens run to $end. */
typedef enum {
    KW_NONE,
    KW_VAR,
    KW_SCOPE,
    KW_TIMESCALE,
    KW_COMMENT,
    KW_VERSION,
    KW_ENDDEFS,
    KW_SKIP
} keyword_t;

typedef struct {
    trace_line_reader_t *r;
    const trace_read_options_t *opts;
    GError **error;
    /* header */
    GArray *vars;      /* vcd_var_t */
    GPtrArray *scopes; /* char*, the current scope path */
    GPtrArray *tokens; /* tokens of the keyword being read */
    keyword_t keyword;
    gboolean have_timescale;
    int64_t ts_mult, ts_div; /* ns = ticks * mult / div, one of them 1 */
    gboolean by_bouncelab;   /* a $comment, $version or marker wire says bouncelab wrote it */
    gboolean active_known, active_low;
    int64_t offset_ns;
    /* the end bouncelab recorded (its last timestamp, after the last change, is later) */
    gboolean end_known;
    uint64_t end_ticks;
    uint64_t max_ticks; /* timestamps above this overflow int64 ns */
    /* data */
    const vcd_var_t *chan, *truth;
    gboolean in_comment; /* a $comment inside the data section */
    gboolean have_time;
    uint64_t time; /* current timestamp, in ticks */
    int pending;   /* level set at the current time: -1 none, 0, 1 */
    int truth_pending;
    int truth_level;        /* -1: not known yet (a piece read on its own) */
    int64_t press_ns;       /* when the truth wire last went to 1 */
    int truth_first;        /* with truth_level -1 at first: the truth wire's first value, or -1 */
    int64_t truth_first_ns; /* and when it came (ns) */
} vcd_state_t;

/** Ticks to ns in *ns; FALSE if out of range. */
static inline gboolean trace_vcd_ticks_to_ns(const vcd_state_t *st, uint64_t ticks, int64_t *ns)
{
    if (G_UNLIKELY(ticks > st->max_ticks)) {
        return FALSE;
    }
    if (st->ts_div == 1) {
        *ns = (int64_t)(ticks * (uint64_t)st->ts_mult) + st->offset_ns;
    } else {
        *ns = (int64_t)((ticks + (uint64_t)st->ts_div / 2) / (uint64_t)st->ts_div) + st->offset_ns;
    }
    return TRUE;
}

/** TRUE if the token tok[0, len) is the identifier of `v` (NULL: no variable). */
static inline gboolean trace_vcd_is_id(const char *tok, gsize len, const vcd_var_t *v)
{
    return v != NULL && v->id_len == len &&
           (len == 1 ? tok[0] == v->id[0] : memcmp(tok, v->id, len) == 0);
}

/**
 * Applies the truth wire's pending value at t_ns (ns): a 1 after a 0 starts
 * a press, a 0 after a 1 adds the press to b->trace's truth. With the level
 * not known yet (-1), the first value is kept in truth_first instead.
 */
void trace_vcd_commit_truth(vcd_state_t *st, trace_builder_t *b, int64_t t_ns);

/**
 * The fast path over whole read buffers [s, end) (`end` just past a "\n",
 * TRACE_LINE_PAD bytes after it readable), for the two shapes VCD writers
 * use: "#t 0! 1\"" (sigrok: a time and its changes on one line) and "#t" and
 * "0!" on lines of their own (HDL simulators), scalar values only. A line is
 * checked whole before anything is applied; at the first line of any other
 * shape (a vector, a keyword, an error, a time not after the last) it stops
 * and returns where, a line start, for the line-at-a-time parser. *lines is
 * the number of lines taken.
 */
const char *trace_vcd_fast_lines(vcd_state_t *st, trace_builder_t *b, const char *s,
                                 const char *end, guint64 *lines);

#endif
