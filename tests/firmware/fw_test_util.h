/* Helpers for the tests that run the firmware glue on the pico-sdk stub. */
#ifndef FW_TEST_UTIL_H
#define FW_TEST_UTIL_H

#include <stdbool.h>
#include <stdint.h>

#include "pico_stub.h"

/** The directory the test writes its outputs to (argv[1], or "." when absent). */
void fw_test_set_out_dir(int argc, char **argv);

/**
 * Runs a renamed firmware main on the stub configured by cfg, its stdout
 * into OUT_DIR/out_name, and returns that output (g_free it). Fails the test
 * on a stub error.
 */
char *fw_test_run(const stub_config_t *cfg, int (*entry)(void), const char *out_name);

/** Fails the test, showing both texts, unless they are equal. */
void fw_test_assert_text(const char *got, const char *expected);

#endif
