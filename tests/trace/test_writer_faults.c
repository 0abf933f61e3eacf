/*
 * The trace writers on a full disk (a file size limit, see
 * tests/util/test_fault.h) and on /dev/full: they fail with an error naming
 * the file, and what was there before is left as it was, a trace and its
 * truth together: a new trace never lands beside an old truth.
 */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "../util/test_fault.h"
#include "../util/test_scratch.h"
#include "trace_error.h"
#include "trace_io.h"

static guint count_entries(const char *dir)
{
    g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
    guint n = 0;
    while (g_dir_read_name(d) != NULL) {
        n++;
    }
    return n;
}

static char *contents(const char *path)
{
    char *text = NULL;
    assert_true(g_file_get_contents(path, &text, NULL, NULL));
    return text;
}

/* A press at 1 ms released at 2 ms, and `n_truth` true presses (in 3 us steps). */
static trace_t *small_trace(guint n_truth)
{
    trace_t *t = trace_new("t", TRUE, TRUE, 0);
    assert_true(trace_push_level(t, 1000000, FALSE));
    assert_true(trace_push_level(t, 2000000, TRUE));
    t->end_ns = 3000000;
    for (guint i = 0; i < n_truth; i++) {
        trace_add_truth(t, (int64_t)i * 3000 + 1000, (int64_t)i * 3000 + 2000);
    }
    return t;
}

/* The trace fits under 1 KB, its truth (1000 rows, ~12 KB) does not: the
 * write fails on the truth, and the pair written before stays whole. */
static void truth_too_big_keeps_old_pair(void **state)
{
    const scratch_t *s = *state;
    g_autofree char *path = g_build_filename(s->dir, "pair.csv", NULL);
    g_autofree char *truth_path = g_build_filename(s->dir, "pair.truth.csv", NULL);
    g_autoptr(trace_t) before = small_trace(1);
    g_autoptr(trace_t) after = small_trace(1000);
    g_autoptr(GError) error = NULL;
    g_autofree char *old_trace = NULL, *old_truth = NULL, *want = NULL;
    g_autofree char *now_trace = NULL, *now_truth = NULL;
    struct rlimit old;

    after->end_ns = 4000000; /* so the two traces differ too */
    assert_true(trace_write_csv(before, path, &error));
    old_trace = contents(path);
    old_truth = contents(truth_path);
    old = test_fault_limit_file_size(1024);
    assert_false(trace_write_csv(after, path, &error));
    test_fault_restore(old);
    want = g_strdup_printf("%s: write failed, nothing written: %s", truth_path, g_strerror(EFBIG));
    assert_string_equal(error->message, want);
    now_trace = contents(path);
    now_truth = contents(truth_path);
    assert_string_equal(now_trace, old_trace);
    assert_string_equal(now_truth, old_truth);
    assert_int_equal(count_entries(s->dir), 2); /* no temporary left */
}

/* The VCD writer: the same file stays when the new one does not fit. */
static void vcd_too_big_keeps_old_file(void **state)
{
    const scratch_t *s = *state;
    g_autofree char *path = g_build_filename(s->dir, "t.vcd", NULL);
    g_autoptr(trace_t) t = small_trace(1);
    g_autoptr(GError) error = NULL;
    g_autofree char *before = NULL, *after = NULL, *want = NULL;
    struct rlimit old;

    assert_true(trace_write_vcd_trace(t, path, &error));
    before = contents(path);
    for (int64_t k = 0; k < 500; k++) { /* 1000 more edges: well over 1 KB of VCD */
        assert_true(trace_push_level(t, 3000000 + 2 * k * 1000, FALSE));
        assert_true(trace_push_level(t, 3000000 + (2 * k + 1) * 1000, TRUE));
    }
    old = test_fault_limit_file_size(1024);
    assert_false(trace_write_vcd_trace(t, path, &error));
    test_fault_restore(old);
    want = g_strdup_printf("%s: write failed, nothing written: %s", path, g_strerror(EFBIG));
    assert_string_equal(error->message, want);
    after = contents(path);
    assert_string_equal(after, before);
    assert_int_equal(count_entries(s->dir), 1);
}

/* /dev/full: the trace's error comes first, no truth file is tried beside
 * the device, and it stays a device. */
static void full_device(void **state)
{
    g_autoptr(trace_t) t = small_trace(2);
    g_autoptr(GError) error = NULL;
    struct stat st;
    (void)state;

    assert_false(trace_write_csv(t, "/dev/full", &error));
    assert_string_equal(error->message, "/dev/full: write failed: No space left on device");
    g_clear_error(&error);
    assert_false(trace_write_vcd_trace(t, "/dev/full", &error));
    assert_string_equal(error->message, "/dev/full: write failed: No space left on device");
    assert_int_equal(stat("/dev/full", &st), 0);
    assert_true(S_ISCHR(st.st_mode));
    assert_false(g_file_test("/dev/full.truth.csv", G_FILE_TEST_EXISTS));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(truth_too_big_keeps_old_pair, scratch_setup,
                                        scratch_teardown),
        cmocka_unit_test_setup_teardown(vcd_too_big_keeps_old_file, scratch_setup,
                                        scratch_teardown),
        cmocka_unit_test(full_device),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
