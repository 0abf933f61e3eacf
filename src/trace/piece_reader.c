/* A file's lines read on several threads (see piece_reader.h). */
#define _POSIX_C_SOURCE 200809L /* pread, fileno */
#include "piece_reader.h"

#ifdef G_OS_UNIX
#include <errno.h>
#include <unistd.h>
#endif

void trace_parallel_init(trace_parallel_t *par)
{
    par->min_bytes = TRACE_PARALLEL_MIN_BYTES;
    par->threads = 0;
    par->piece_bytes = TRACE_PARALLEL_PIECE_BYTES;
}

#ifdef G_OS_UNIX

/* Bytes per pread(): as the line reader's fread(), big enough that the call vanishes. */
#define CHUNK_BYTES TRACE_LINE_CHUNK_BYTES

/* What the threads share; the fields below `lock` are guarded by it. */
typedef struct {
    int fd;
    gint64 from;     /* offset of the first line (bytes) */
    gint64 size;     /* the file's size (bytes) */
    guint64 step;    /* bytes per piece; the last one takes the rest */
    guint n_pieces;  /* pieces cover [from, size) */
    gint next_piece; /* the next piece to take (atomic) */
    gint halted;     /* (atomic) a piece ended early: later ones are not joined */
    const trace_piece_ops_t *ops;
    gpointer ctx;
    GMutex lock;   /* guards what follows, and the turns */
    GCond turn;    /* signalled when `joined` grows or `halted` is set */
    guint joined;  /* pieces joined so far */
    guint64 lines; /* lines joined */
    gint64 next;   /* offset of the first line not joined */
} shared_t;

/* One piece: the lines from the first opener at or after `from` to the first at or after `to`. */
typedef struct {
    gint64 from, to;
    gint64 begin;  /* offset of the piece's first line; -1 if none was found */
    gint64 stop;   /* offset of the first line not taken */
    gboolean done; /* every line of the piece taken: stop is the next piece's begin */
    guint64 lines; /* lines taken */
} piece_t;

/* A thread's own memory, reused from piece to piece. */
typedef struct {
    shared_t *sh;
    char *buf; /* CHUNK_BYTES + TRACE_LINE_PAD */
    gpointer scratch;
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
 * Where a piece may begin: the first line start at or after buf[want] (or
 * buf[s], whichever is later; buf[s] is a line start) that begins with the
 * opener, or the end of the file (buf[len] at offset `size`). FALSE if there
 * is none in buf[0, len).
 */
static gboolean find_opener(const shared_t *sh, const char *buf, gsize s, gint64 want, gsize len,
                            gint64 pos, gsize *at)
{
    gsize q = want > (gint64)s ? (gsize)MIN(want, (gint64)len + 1) : s;
    const char *nl;

    if (q > len) {
        return FALSE;
    }
    if (q > s && buf[q - 1] != '\n') {
        nl = memchr(buf + q, '\n', len - q);
        if (nl == NULL) {
            return FALSE;
        }
        q = (gsize)(nl - buf) + 1;
    }
    for (;;) {
        if (q == len) {
            *at = q;
            return pos + (gint64)q == sh->size;
        }
        if (sh->ops->opener == '\0' || buf[q] == sh->ops->opener) {
            *at = q;
            return TRUE;
        }
        nl = memchr(buf + q, '\n', len - q);
        if (nl == NULL) {
            return FALSE;
        }
        q = (gsize)(nl - buf) + 1;
    }
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
 * Parses piece i into the worker's scratch: finds its first line (the first
 * opener at or after `from`; piece 0 begins at `from`), then parses whole
 * buffers of lines up to the next piece's first line. Anything unusual (a
 * line the format's parser does not take, a read error, no opener within a
 * chunk or the slack, a last line without "\n") just ends the piece early:
 * the sequential reader goes on from there and deals with it.
 */
static void read_piece(const worker_t *w, piece_t *piece, guint i)
{
    const shared_t *sh = w->sh;
    char *buf = w->buf;
    gint64 pos = i == 0 ? piece->from : piece->from - 1; /* offset of buf[0] */
    gint64 limit = piece->to + (gint64)sh->ops->slack_bytes;
    gsize len = 0, s = 0;
    gboolean eof = FALSE;

    sh->ops->start(sh->ctx, w->scratch, i);
    piece->begin = i == 0 ? piece->from : -1;
    piece->done = FALSE;
    piece->lines = 0;
    for (;;) {
        const char *end, *stop;
        gboolean last;
        gsize q;
        guint64 n;

        if (s > 0) {
            memmove(buf, buf + s, len - s);
            pos += (gint64)s;
            len -= s;
            s = 0;
        }
        if (!fill(sh->fd, buf, &len, pos, limit, &eof)) {
            break; /* the sequential reader meets the error again and names it */
        }
        if (piece->begin < 0) {
            /* the first line start at or after `from`: just after the first "\n" from from - 1 */
            const char *nl = memchr(buf, '\n', len);
            if (nl == NULL || !find_opener(sh, buf, (gsize)(nl - buf) + 1, 0, len, pos, &q)) {
                break; /* no piece begins within a chunk: one thread reads on */
            }
            s = q;
            piece->begin = pos + (gint64)s;
        }
        if (pos + (gint64)s >= piece->to) {
            piece->done = TRUE; /* no line starts in the piece */
            break;
        }
        last = find_opener(sh, buf, s, piece->to - pos, len, pos, &q);
        if (last) {
            end = buf + q;
        } else {
            const char *nl = last_newline(buf + s, len - s);
            if (nl == NULL) {
                break; /* a last line without "\n", or one longer than a chunk */
            }
            end = nl + 1;
        }
        stop = sh->ops->parse(w->scratch, buf + s, end, &n);
        piece->lines += n;
        s = (gsize)(stop - buf);
        if (stop < end) {
            break; /* a line the parser does not take */
        }
        if (last) {
            piece->done = TRUE;
            break;
        }
    }
    piece->stop = pos + (gint64)s;
    sh->ops->finish(w->scratch);
}

/*
 * In piece i's turn: joins it if it follows on from the pieces joined
 * before; else, or if it ended early, halts. Called with sh->lock held.
 */
static void join_piece(shared_t *sh, guint i, const piece_t *piece, gpointer scratch)
{
    if (i > 0 && piece->begin != sh->next) {
        /* no beginning found (a line longer than a chunk), or the file changed */
        g_atomic_int_set(&sh->halted, TRUE);
        return;
    }
    if (piece->lines > 0 && !sh->ops->join(sh->ctx, i, scratch)) {
        g_atomic_int_set(&sh->halted, TRUE);
        return;
    }
    sh->lines += piece->lines;
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
        read_piece(w, &piece, i);
        g_mutex_lock(&sh->lock);
        while (sh->joined != i && !g_atomic_int_get(&sh->halted)) {
            g_cond_wait(&sh->turn, &sh->lock);
        }
        if (!g_atomic_int_get(&sh->halted)) {
            join_piece(sh, i, &piece, w->scratch);
            sh->joined = i + 1;
        }
        g_cond_broadcast(&sh->turn);
        g_mutex_unlock(&sh->lock);
    }
    return NULL;
}

gboolean trace_pieces_read(trace_line_reader_t *reader, const trace_parallel_t *par,
                           const trace_piece_ops_t *ops, gpointer ctx, guint64 *lines,
                           GError **error)
{
    worker_t workers[TRACE_PARALLEL_MAX_THREADS];
    GThread *threads[TRACE_PARALLEL_MAX_THREADS] = {NULL};
    shared_t sh;
    gint64 from = trace_line_reader_offset(reader);
    guint64 left, n_pieces;
    guint n_threads, k;

    if (lines != NULL) {
        *lines = 0;
    }
    if (reader->size <= 0 || reader->file == stdin || from >= reader->size) {
        return TRUE;
    }
    left = (guint64)(reader->size - from);
    n_pieces = MAX(left / MAX(par->piece_bytes, 1u), 1u);
    n_pieces = MIN(n_pieces, (guint64)G_MAXINT / 2); /* next_piece is a gint */
    n_threads = par->threads != 0 ? par->threads : (guint)g_get_num_processors();
    n_threads = (guint)MIN(MIN(n_threads, TRACE_PARALLEL_MAX_THREADS), n_pieces);
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
    sh.ops = ops;
    sh.ctx = ctx;
    g_mutex_init(&sh.lock);
    g_cond_init(&sh.turn);
    sh.joined = 0;
    sh.lines = 0;
    sh.next = from;
    for (k = 0; k < n_threads; k++) {
        workers[k].sh = &sh;
        workers[k].buf = g_malloc0(CHUNK_BYTES + TRACE_LINE_PAD); /* no unset pad bytes */
        workers[k].scratch = ops->scratch_new(ctx);
        if (k > 0) {
            threads[k] = g_thread_try_new("bouncelab-read", work, &workers[k], NULL);
        }
    }
    work(&workers[0]); /* if a thread could not start, fewer do the work */
    for (k = 0; k < n_threads; k++) {
        if (threads[k] != NULL) {
            g_thread_join(threads[k]);
        }
        ops->scratch_free(workers[k].scratch);
        g_free(workers[k].buf);
    }
    g_cond_clear(&sh.turn);
    g_mutex_clear(&sh.lock);
    if (lines != NULL) {
        *lines = sh.lines;
    }
    return sh.lines == 0 || trace_line_reader_seek(reader, sh.next, sh.lines, error);
}

#else /* no pread(): one thread */

gboolean trace_pieces_read(trace_line_reader_t *reader, const trace_parallel_t *par,
                           const trace_piece_ops_t *ops, gpointer ctx, guint64 *lines,
                           GError **error)
{
    (void)reader;
    (void)par;
    (void)ops;
    (void)ctx;
    (void)error;
    if (lines != NULL) {
        *lines = 0;
    }
    return TRUE;
}

#endif
