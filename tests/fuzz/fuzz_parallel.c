/*
 * A reader with a parallel path (the native CSV; the VCD when built with
 * FUZZ_PARALLEL_VCD) read on several threads against the same file read on
 * one: the same trace (start, initial level, edges, end, truth, active
 * level), or the same error message, and the same final line number,
 * whatever the bytes. The first two input bytes choose the threads (2 to 4)
 * and the piece size (1 to 256 bytes, so a small input crosses many pieces);
 * the rest is the file.
 */
#include "fuzz_util.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#ifdef FUZZ_PARALLEL_VCD
#include "reader_vcd_parallel.h"
#define FUZZ_NAME "vcd_parallel"
#define READ_WITH trace_read_vcd_with
#else
#include "reader_csv_parallel.h"
#define FUZZ_NAME "native_parallel"
#define READ_WITH trace_read_native_with
#endif

/* One read of `path`: the trace or the error's message, and the reader's last line. */
static trace_t *read_once(const char *path, const trace_parallel_t *par, char **message,
                          guint64 *line_no)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(trace_line_reader_t) r = trace_line_reader_open(path, &error);
    trace_read_options_t opts;
    trace_t *trace;

    if (r == NULL) {
        fuzz_fail("cannot open the input: %s", error->message);
    }
    trace_read_options_init(&opts);
    trace = READ_WITH(r, &opts, par, NULL, &error);
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
    const char *path = fuzz_input_path(in.data, in.left);

    a = read_once(path, &one, &message_a, &line_a);
    b = read_once(path, &many, &message_b, &line_b);
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
    fuzz_check_trace(b, FUZZ_NAME);
    if (a->start_ns != b->start_ns || a->initial_level != b->initial_level ||
        a->end_ns != b->end_ns || trace_n_edges(a) != trace_n_edges(b) ||
        memcmp(a->edges->data, b->edges->data, trace_n_edges(a) * sizeof(int64_t)) != 0) {
        fuzz_fail("the traces differ (%u edges on one thread, %u on several)", a->edges->len,
                  b->edges->len);
    }
    if (a->active_low != b->active_low || trace_n_truth(a) != trace_n_truth(b) ||
        (trace_n_truth(a) > 0 && memcmp(a->truth->data, b->truth->data,
                                        trace_n_truth(a) * sizeof(trace_interval_t)) != 0)) {
        fuzz_fail("the truth or active level differs (%u presses on one thread, %u on several)",
                  (guint)trace_n_truth(a), (guint)trace_n_truth(b));
    }
    return 0;
}
