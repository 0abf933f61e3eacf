/*
 * Output files that appear whole or not at all: written to a temporary file
 * beside the target and renamed over it only when complete, so an error, a
 * full disk or an interrupted run never leaves a half-written result.
 */
#ifndef UTIL_ATOMIC_FILE_H
#define UTIL_ATOMIC_FILE_H

#include <glib.h>
#include <stdio.h>

typedef struct util_atomic_file util_atomic_file_t;

/**
 * Opens a temporary file in the directory of `path` for writing. "-" means
 * standard output (written directly, nothing to rename). NULL with an error
 * (G_FILE_ERROR) naming the path when the directory is not writable.
 */
util_atomic_file_t *util_atomic_file_open(const char *path, GError **error);

/** The stream to write to. */
FILE *util_atomic_file_stream(util_atomic_file_t *file);

/**
 * The temporary file's path, for content written by another program (e.g.
 * gnuplot's `set output`) before util_atomic_file_commit(); NULL for "-".
 */
const char *util_atomic_file_temp_path(const util_atomic_file_t *file);

/** The final path, as given to util_atomic_file_open(). */
const char *util_atomic_file_path(const util_atomic_file_t *file);

/**
 * Flushes, syncs and closes the temporary file without renaming it yet; on a
 * write error (e.g. a full disk) removes it and fails with an error naming
 * the path. After it, only the rename is left for util_atomic_file_commit(),
 * so outputs that belong together (a trace and its truth) are all written
 * before any of them replaces an old one. Nothing more may be written.
 */
gboolean util_atomic_file_finish(util_atomic_file_t *file, GError **error);

/**
 * Finishes the file (util_atomic_file_finish(), if not done yet) and renames
 * it to the final path; on any error removes it instead and fails with an
 * error naming the path. Frees `file` either way.
 */
gboolean util_atomic_file_commit(util_atomic_file_t *file, GError **error);

/** Closes and removes the temporary file, leaving the target untouched; NULL is fine. */
void util_atomic_file_abort(util_atomic_file_t *file);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(util_atomic_file_t, util_atomic_file_abort)

#endif
