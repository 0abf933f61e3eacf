/*
 * A text file's lines read on several threads, for the readers' fast paths
 * (internal to src/trace). The lines from the reader's position are cut into
 * pieces of a few MB; threads take the pieces in file order, read each with
 * pread() (so the kernel's copy runs in parallel too) and parse it into a
 * scratch of their own, then wait for their turn and join it onto what the
 * pieces before gave. The scratch is reused, so it stays in cache.
 *
 * It is speculative: pieces are joined only as far as the format's parser
 * takes every line and the join accepts. From the first line not taken, the
 * sequential reader goes on as if it had read everything itself, so its
 * messages and line numbers do not change.
 *
 * A format says where a piece may begin (any line, or only a line opening
 * with a given byte, such as a VCD timestamp), how to parse lines and how to
 * join a piece, through trace_piece_ops_t.
 */
#ifndef PIECE_READER_H
#define PIECE_READER_H

#include "reader_common.h"

/**
 * Bytes below this many are read on one thread: one thread reads them in
 * under 20 ms (about 1 GB/s), so more would gain little.
 */
#define TRACE_PARALLEL_MIN_BYTES (UINT64_C(16) << 20)

/** Most threads that read pieces. */
#define TRACE_PARALLEL_MAX_THREADS 8u

/**
 * Bytes per piece: small enough that threads finishing at different times
 * wait little and a piece's scratch stays in cache until it is joined (4 MB
 * of native rows are about 2 MB of edges), big enough that the hand-over per
 * piece does not count.
 */
#define TRACE_PARALLEL_PIECE_BYTES (UINT64_C(4) << 20)

/** When and how a file is read in parallel. */
typedef struct {
    guint64 min_bytes;   /**< fewer bytes left to read: one thread */
    guint threads;       /**< 0: one per processor (at most MAX_THREADS); 1: never in parallel */
    guint64 piece_bytes; /**< bytes per piece (tests make many small ones) */
} trace_parallel_t;

/** The defaults: TRACE_PARALLEL_MIN_BYTES, one thread per processor, 4 MB pieces. */
void trace_parallel_init(trace_parallel_t *par);

/** What a format gives the piece reader. `ctx` is the caller's, `scratch` a thread's. */
typedef struct {
    /** A thread's scratch, reused for every piece it parses. */
    gpointer (*scratch_new)(gpointer ctx);
    void (*scratch_free)(gpointer scratch);
    /**
     * Empties the scratch for piece `i` (0 is the first, which begins at the
     * reader's position). Runs on the piece's thread without the lock, so
     * it may read only what no join changes.
     */
    void (*start)(gpointer ctx, gpointer scratch, guint i);
    /**
     * Parses whole lines from [s, end) (`end` just past a "\n", and
     * TRACE_LINE_PAD bytes after it readable) into the scratch, continuing
     * the piece; returns where it stopped (a line start) and sets *lines to
     * the lines taken. Stopping before `end` ends the piece there.
     */
    const char *(*parse)(gpointer scratch, const char *s, const char *end, guint64 *lines);
    /** After the last parse of a piece, outside the lock (flush buffers). */
    void (*finish)(gpointer scratch);
    /**
     * In piece i's turn, with at least one line taken: adds the scratch to
     * what the pieces before gave (kept in ctx), or changes nothing and
     * returns FALSE if it does not follow on from them (a time out of
     * order): then the sequential reader goes on from the piece's start.
     */
    gboolean (*join)(gpointer ctx, guint i, gpointer scratch);
    /** A piece (after the first) begins at a line starting with this byte; '\0': any line. */
    char opener;
    /** Bytes read past a piece's nominal end to find where the next one begins. */
    gsize slack_bytes;
} trace_piece_ops_t;

/**
 * Reads lines from the reader's position in parallel when the reader is on a
 * regular file with at least par->min_bytes bytes left and more than one
 * thread is asked for; else does nothing. Leaves the reader on the first
 * line not taken (reader->line_no counting the lines taken) and sets *lines
 * to their number (0 when it did nothing; `lines` may be NULL). FALSE with
 * TRACE_ERROR_IO only if the reader cannot seek to go on after them.
 */
gboolean trace_pieces_read(trace_line_reader_t *reader, const trace_parallel_t *par,
                           const trace_piece_ops_t *ops, gpointer ctx, guint64 *lines,
                           GError **error);

#endif
