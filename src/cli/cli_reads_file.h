/*
 * The --reads file: the instants a polling loop read the pin, one per line,
 * in ns after the trace start, non-decreasing (several reads at one instant
 * are fine: a keyboard scan reads a key more than once per tick). Empty lines
 * and lines starting with '#' are skipped.
 */
#ifndef CLI_READS_FILE_H
#define CLI_READS_FILE_H

#include <glib.h>

/**
 * The read times (int64_t ns) of `path`. NULL with a TRACE_ERROR naming the
 * file and line on a number that is not one, a negative or backwards time,
 * or a file without any; TRACE_ERROR_IO when it cannot be read.
 */
GArray *cli_reads_file_load(const char *path, GError **error);

#endif
