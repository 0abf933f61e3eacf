/*
 * What the fuzz harnesses share: the libFuzzer entry point they define, the
 * fuzz input as a file a reader can open by path, a consumer that turns the
 * input bytes into numbers, and the checks every read trace must pass.
 *
 * Each harness is built twice: with -fsanitize=fuzzer (BOUNCELAB_FUZZ, clang)
 * as a fuzzer, and without as a replay program (fuzz_replay.c) that ctest runs
 * on the harness's corpus, so every saved input stays a regression test.
 */
#ifndef FUZZ_UTIL_H
#define FUZZ_UTIL_H

#include <glib.h>
#include <stddef.h>
#include <stdint.h>

#include "trace.h"

/** The harness: runs one input; returns 0 (libFuzzer's contract). Aborts on a finding. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/** Prints "fuzz: finding: ..." to stderr and aborts, so libFuzzer saves the input. */
void fuzz_fail(const char *format, ...) G_GNUC_PRINTF(1, 2) G_GNUC_NORETURN;

/**
 * The input as a file for code that opens by path: "/proc/self/fd/N" of an
 * anonymous in-memory file (memfd) holding exactly DATA, valid until the next
 * call. memfd, not a file on disk: nothing to clean up after a crash, no disk
 * I/O. One memfd serves every input of the process, rewritten in place:
 * creating and destroying one per input cost more than the readers' work.
 */
const char *fuzz_input_path(const uint8_t *data, size_t size);

/** Reads fixed-width numbers off the front of the input; zeros once it is used up. */
typedef struct {
    const uint8_t *data;
    size_t left;
} fuzz_bytes_t;

static inline uint32_t fuzz_take(fuzz_bytes_t *b, unsigned n_bytes)
{
    uint32_t v = 0;
    for (unsigned i = 0; i < n_bytes && b->left > 0; i++, b->left--) {
        v = v << 8 | *b->data++;
    }
    return v;
}

/**
 * Aborts unless `trace` is well formed: edges strictly increasing, within
 * [start_ns, end_ns], truth intervals ordered with release after press.
 * `what` names the harness in the message.
 */
void fuzz_check_trace(const trace_t *trace, const char *what);

/**
 * What the CLI does with a trace it has read (`info`, `run`): statistics,
 * the oracle's truth when there is none, and a replay in poll and in irq
 * mode with the defaults, scored. Aborts only through the sanitizers.
 */
void fuzz_use_trace(trace_t *trace);

#endif
