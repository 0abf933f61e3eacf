/* The native CSV's data rows on several threads (see reader_csv_parallel.h). */
#define _POSIX_C_SOURCE 200809L /* pread, fileno */
#include "reader_csv_parallel.h"
#include "native_rows.h"

#ifdef G_OS_UNIX
#include <errno.h>
#include <unistd.h>
#endif

void trace_native_parallel_init(trace_native_parallel_t *par)
{
    par->min_bytes = TRACE_NATIVE_PARALLEL_MIN_BYTES;
    par->threads = 0;
    par->piece_bytes = TRACE_NATIVE_PIECE_BYTES;
}

#ifdef G_OS_UNIX

/* Bytes per pread(): as the line reader's fread(), big enough that the call vanishes. */
#define CHUNK_BYTES TRACE_LINE_CHUNK_BYTES

/*
 * Bytes read past a piece's end: a plain row is at most 22 bytes (18 digits,
 * ",L\r\n"), so this always finishes the piece's last row if it is plain.
 */
#define PIECE_SLACK_BYTES 64

/* What the threads share; the fields below `lock` are guarded by it. */
typedef struct {
    int fd;
    gint64 from;     /* offset of the first row (bytes) */
    gint64 size;     /* the file's size (bytes) */
    guint64 step;    /* bytes per piece; the last one takes the rest */
    guint n_pieces;  /* pieces cover [from, size) */
    gint next_piece; /* the next piece to take (atomic) */
    gint halted;     /* (atomic) a piece ended early: later ones are not joined */
    GMutex lock;     /* guards what follows, and the turns */
    GCond turn;      /* signalled when `joined` grows or `halted` is set */
    guint joined;    /* pieces joined so far */
    trace_builder_t *b;
    guint64 rows; /* rows joined */
    gint64 next;  /* offset of the first line not joined */
} shared_t;

/* One piece: the rows that start in [from, to). */
typedef struct {
    gint64 from, to;
    gint64 begin;  /* offset of the piece's first line; -1 if none was found */
    gint64 stop;   /* offset of the first line not taken */
    gboolean done; /* every line of the piece taken: stop is the next piece's begin */
    guint64 rows;  /* rows taken */
} piece_t;

/* A thread's own memory, reused from piece to piece. */
typedef struct {
    shared_t *sh;
    char *buf;          /* CHUNK_BYTES + TRACE_LINE_PAD */
    trace_builder_t *b; /* the piece's rows, in a scratch trace */
} worker_t;

/* The last "\n" in s[0, n), or NULL. */
static const char *last_newline(const char *s, gsize n)
{
    while (n > 0) {
        if (s[--n] == '\n') {
            return s + n;
        }
    }
    return NULL;
}

/*
 * Fills buf up to CHUNK_BYTES from file offset pos + *len, reading nothing at
 * or past `limit`; *eof when there is no more. FALSE on a read error.
 */
static gboolean fill(int fd, char *buf, gsize *len, gint64 pos, gint64 limit, gboolean *eof)
{
    while (!*eof && *len < CHUNK_BYTES) {
        gint64 at = pos + (gint64)*len;
        gsize want = MIN(CHUNK_BYTES - *len, (gsize)MAX(limit - at, 0));
        ssize_t got = want > 0 ? pread(fd, buf + *len, want, (off_t)at) : 0;
        if (got < 0) {
            if (errno == EINTR) {
                continue;
            }
            return FALSE;
        }
        if (got == 0) {
            *eof = TRUE;
        }
        *len += (gsize)got;
    }
    return TRUE;
}

/*
 * Parses one piece into the worker's builder: finds its first line (just
 * after the first "\n" at or after from - 1), then whole buffers of rows up to
 * the "\n" that ends the last line starting before `to`. Anything unusual (not
 * a plain row, a read error, a line longer than a chunk, a last line without
 * "\n") just ends the piece early: the sequential reader goes on from there
 * and deals with it.
 */
static void read_piece(const worker_t *w, piece_t *piece, gboolean at_line)
{
    char *buf = w->buf;
    gint64 pos = at_line ? piece->from : piece->from - 1; /* offset of buf[0] */
    gint64 limit = piece->to + PIECE_SLACK_BYTES;
    gsize len = 0, s = 0;
    gboolean eof = FALSE;

    g_array_set_size(w->b->trace->edges, 0);
    trace_builder_init(w->b, w->b->trace);
    piece->begin = at_line ? piece->from : -1;
    piece->done = FALSE;
    piece->rows = 0;
    for (;;) {
        const char *nl, *stop;
        gboolean last;
        gint64 end_at;
        guint64 n;

        if (s > 0) {
            memmove(buf, buf + s, len - s);
            pos += (gint64)s;
            len -= s;
            s = 0;
        }
        if (!fill(w->sh->fd, buf, &len, pos, limit, &eof)) {
            break; /* the sequential reader meets the error again and names it */
        }
        if (piece->begin < 0) {
            nl = memchr(buf, '\n', len);
            if (nl == NULL) {
                break; /* no line starts within a chunk: no plain rows here */
            }
            s = (gsize)(nl - buf) + 1;
            piece->begin = pos + (gint64)s;
        }
        if (pos + (gint64)s >= piece->to) {
            piece->done = TRUE; /* no line starts in the piece */
            break;
        }
        /* the piece's last line ends at the first "\n" at or after to - 1 */
        end_at = piece->to - 1 - pos;
        nl = end_at < (gint64)len ? memchr(buf + end_at, '\n', len - (gsize)end_at) : NULL;
        last = nl != NULL;
        if (!last) {
            nl = last_newline(buf + s, len - s);
            if (nl == NULL) {
                break; /* a last line without "\n", or one too long to be a plain row */
            }
        }
        stop = trace_native_rows(w->b, buf + s, nl + 1, &n);
        piece->rows += n;
        s = (gsize)(stop - buf);
        if (stop <= nl) {
            break; /* not a plain row */
        }
        if (last) {
            piece->done = TRUE;
            break;
        }
    }
    piece->stop = pos + (gint64)s;
    trace_builder_flush(w->b);
}

/*
 * In piece i's turn: appends its rows (in `o`) to the trace if they follow on
 * from the pieces joined before; else, or if it ended early, halts. Called
 * with sh->lock held.
 */
static void join_piece(shared_t *sh, guint i, const piece_t *piece, const trace_builder_t *o)
{
    trace_builder_t *b = sh->b;
    const GArray *edges = o->trace->edges;

    if (i > 0 && piece->begin != sh->next) {
        /* no line start found (a line longer than a chunk), or the file changed: one thread
         * reads on */
        g_atomic_int_set(&sh->halted, TRUE);
        return;
    }
    if (piece->rows > 0) {
        if (b->started && o->trace->start_ns <= b->last_ns) {
            /* the sequential reader says "duplicate time" or "time goes backwards" */
            g_atomic_int_set(&sh->halted, TRUE);
            return;
        }
        /* the piece's first row: the start of its scratch trace, an edge here if the level
         * changes */
        trace_builder_level(b, o->trace->start_ns, o->trace->initial_level);
        trace_builder_flush(b);
        g_array_append_vals(b->trace->edges, edges->data, edges->len);
        b->level = o->level;
        b->last_ns = o->last_ns;
    }
    sh->rows += piece->rows;
    sh->next = piece->stop;
    if (!piece->done) {
        g_atomic_int_set(&sh->halted, TRUE);
    }
}

/* A thread: takes pieces in file order, parses each, joins it in its turn. */
static gpointer work(gpointer data)
{
    worker_t *w = data;
    shared_t *sh = w->sh;

    for (;;) {
        guint i = (guint)g_atomic_int_add(&sh->next_piece, 1);
        piece_t piece;

        if (i >= sh->n_pieces || g_atomic_int_get(&sh->halted)) {
            break;
        }
        piece = (piece_t){
            .from = sh->from + (gint64)(sh->step * i),
            .to = i + 1 < sh->n_pieces ? sh->from + (gint64)(sh->step * (i + 1)) : sh->size,
        };
        read_piece(w, &piece, i == 0);
        g_mutex_lock(&sh->lock);
        while (sh->joined != i && !g_atomic_int_get(&sh->halted)) {
            g_cond_wait(&sh->turn, &sh->lock);
        }
        if (!g_atomic_int_get(&sh->halted)) {
            join_piece(sh, i, &piece, w->b);
            sh->joined = i + 1;
        }
        g_cond_broadcast(&sh->turn);
        g_mutex_unlock(&sh->lock);
    }
    return NULL;
}

gboolean trace_native_rows_parallel(trace_line_reader_t *reader, trace_builder_t *b,
                                    const trace_native_parallel_t *par, guint64 *rows,
                                    GError **error)
{
    worker_t workers[TRACE_NATIVE_PARALLEL_MAX_THREADS];
    GThread *threads[TRACE_NATIVE_PARALLEL_MAX_THREADS] = {NULL};
    shared_t sh;
    gint64 from = trace_line_reader_offset(reader);
    guint64 left, n_pieces;
    guint n_threads, k;

    if (rows != NULL) {
        *rows = 0;
    }
    if (reader->size <= 0 || reader->file == stdin || from >= reader->size) {
        return TRUE;
    }
    left = (guint64)(reader->size - from);
    n_pieces = MAX(left / MAX(par->piece_bytes, 1u), 1u);
    n_pieces = MIN(n_pieces, (guint64)G_MAXINT / 2); /* next_piece is a gint */
    n_threads = par->threads != 0 ? par->threads : (guint)g_get_num_processors();
    n_threads = (guint)MIN(MIN(n_threads, TRACE_NATIVE_PARALLEL_MAX_THREADS), n_pieces);
    if (left < par->min_bytes || n_threads < 2) {
        return TRUE;
    }
    sh.fd = fileno(reader->file);
    sh.from = from;
    sh.size = reader->size;
    sh.n_pieces = (guint)n_pieces;
    sh.step = left / n_pieces;
    sh.next_piece = 0;
    sh.halted = FALSE;
    g_mutex_init(&sh.lock);
    g_cond_init(&sh.turn);
    sh.joined = 0;
    sh.b = b;
    sh.rows = 0;
    sh.next = from;
    for (k = 0; k < n_threads; k++) {
        workers[k].sh = &sh;
        workers[k].buf = g_malloc0(CHUNK_BYTES + TRACE_LINE_PAD); /* no unset pad bytes */
        workers[k].b = g_new(trace_builder_t, 1);
        trace_builder_init(workers[k].b, trace_new("piece", TRUE, TRUE, 0));
        if (k > 0) {
            threads[k] = g_thread_try_new("bouncelab-read", work, &workers[k], NULL);
        }
    }
    work(&workers[0]); /* if a thread could not start, fewer do the work */
    for (k = 0; k < n_threads; k++) {
        if (threads[k] != NULL) {
            g_thread_join(threads[k]);
        }
        trace_free(workers[k].b->trace);
        g_free(workers[k].b);
        g_free(workers[k].buf);
    }
    g_cond_clear(&sh.turn);
    g_mutex_clear(&sh.lock);
    if (rows != NULL) {
        *rows = sh.rows;
    }
    return sh.rows == 0 || trace_line_reader_seek(reader, sh.next, sh.rows, error);
}

#else /* no pread(): one thread */

gboolean trace_native_rows_parallel(trace_line_reader_t *reader, trace_builder_t *b,
                                    const trace_native_parallel_t *par, guint64 *rows,
                                    GError **error)
{
    (void)reader;
    (void)b;
    (void)par;
    (void)error;
    if (rows != NULL) {
        *rows = 0;
    }
    return TRUE;
}

#endif
