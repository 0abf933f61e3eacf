/*
 * The native CSV read on several threads against the same file read on one:
 * the same trace (start, initial level, edges, end), or the same error
 * message, and the same final line number, whatever the bytes. The first two
 * input bytes choose the threads (2 to 4) and the piece size (1 to 256
 * bytes, so a small input crosses many pieces); the rest is the file.
 */
#include "fuzz_util.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "reader_csv_parallel.h"

/* One read of `path`: the trace or the error's message, and the reader's last line. */
static trace_t *read_once(const char *path, const trace_parallel_t *par, char **message,
                          guint64 *line_no)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(trace_line_reader_t) r = trace_line_reader_open(path, &error);
    trace_t *trace;

    if (r == NULL) {
        fuzz_fail("cannot open the input: %s", error->message);
    }
    trace = trace_read_native_with(r, NULL, par, NULL, &error);
    *message = error != NULL ? g_strdup(error->message) : NULL;
    *line_no = r->line_no;
    return trace;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_bytes_t in = {data, size};
    trace_parallel_t one = {0, 1, 1};
    trace_parallel_t many = {0, 2 + fuzz_take(&in, 1) % 3, 1 + fuzz_take(&in, 1)};
    g_autoptr(trace_t) a = NULL;
    g_autoptr(trace_t) b = NULL;
    g_autofree char *message_a = NULL;
    g_autofree char *message_b = NULL;
    guint64 line_a, line_b;
    char path[64];
    int fd = fuzz_memfd("fuzz-native", in.data, in.left);

    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    a = read_once(path, &one, &message_a, &line_a);
    b = read_once(path, &many, &message_b, &line_b);
    close(fd);
    if (g_strcmp0(message_a, message_b) != 0) {
        fuzz_fail("one thread: %s; %u threads: %s", message_a ? message_a : "no error",
                  many.threads, message_b ? message_b : "no error");
    }
    if (line_a != line_b) {
        fuzz_fail("ended at line %" G_GUINT64_FORMAT " on one thread, %" G_GUINT64_FORMAT
                  " on several",
                  line_a, line_b);
    }
    if ((a == NULL) != (b == NULL)) {
        fuzz_fail("a trace from one reader only");
    }
    if (a == NULL) {
        return 0;
    }
    fuzz_check_trace(b, "native_parallel");
    if (a->start_ns != b->start_ns || a->initial_level != b->initial_level ||
        a->end_ns != b->end_ns || trace_n_edges(a) != trace_n_edges(b) ||
        memcmp(a->edges->data, b->edges->data, trace_n_edges(a) * sizeof(int64_t)) != 0) {
        fuzz_fail("the traces differ (%u edges on one thread, %u on several)", a->edges->len,
                  b->edges->len);
    }
    return 0;
}
