/*
 * One trace reader under fuzzing: FUZZ_FORMAT (a trace_format_t, set by
 * tests/fuzz/CMakeLists.txt) picks it, so each reader gets a harness and a
 * corpus of its own. The input is the file's content. Whatever it is, the
 * reader must return a well-formed trace or an error from the trace domain,
 * and what the CLI then does with the trace must not crash.
 */
#include "fuzz_util.h"

#include "trace_error.h"
#include "trace_io.h"

#ifndef FUZZ_FORMAT
#error "FUZZ_FORMAT must name the reader (a trace_format_t)"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(trace_t) trace = NULL;
    trace_read_options_t opts;
    const char *path = fuzz_input_path(data, size);

    /* detection reads the same bytes the CLI would show it */
    (void)trace_detect_format("fuzz.csv", (const char *)data, size);

    trace_read_options_init(&opts);
    opts.format = FUZZ_FORMAT;
    trace = trace_read(path, &opts, NULL, &error);
    if (trace == NULL) {
        if (error == NULL || error->domain != TRACE_ERROR || error->message[0] == '\0') {
            fuzz_fail("%s reader failed without a trace error", trace_format_name(FUZZ_FORMAT));
        }
        return 0;
    }
    if (error != NULL) {
        fuzz_fail("%s reader returned a trace and an error: %s", trace_format_name(FUZZ_FORMAT),
                  error->message);
    }
    fuzz_check_trace(trace, trace_format_name(FUZZ_FORMAT));
    fuzz_use_trace(trace);
    return 0;
}
