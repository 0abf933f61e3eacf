/*
 * The truth file reader (NAME.truth.csv beside a native trace) under fuzzing:
 * the input is the truth file's content, read into an empty trace. It must be
 * read into ordered intervals or refused with an error from the trace domain.
 */
#include "fuzz_util.h"

#include <stdio.h>
#include <unistd.h>

#include "reader_common.h"
#include "trace_error.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(trace_t) trace = trace_new("fuzz", TRUE, TRUE, 0);
    gboolean ok = trace_read_truth(trace, fuzz_input_path(data, size), &error);

    if (!ok) {
        if (error == NULL || error->domain != TRACE_ERROR || error->message[0] == '\0') {
            fuzz_fail("truth reader failed without a trace error");
        }
        return 0;
    }
    fuzz_check_trace(trace, "truth");
    if (!trace_check_time_limit(trace, NULL)) {
        return 0; /* trace_read() refuses it after reading the truth */
    }
    fuzz_use_trace(trace); /* scoring against whatever truth was read */
    return 0;
}
