/* Atomic output files: whole or nothing, errors name the path. */
#define _POSIX_C_SOURCE 200809L

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>

#include <cmocka.h>
#include <glib/gstdio.h>

#include "test_fault.h"
#include "util_atomic_file.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

static char *scratch_dir(void)
{
    g_autoptr(GError) error = NULL;
    char *dir = g_dir_make_tmp("atomic-XXXXXX", &error);
    assert_non_null(dir);
    return dir;
}

static guint count_entries(const char *dir)
{
    g_autoptr(GDir) d = g_dir_open(dir, 0, NULL);
    guint n = 0;
    while (g_dir_read_name(d) != NULL) {
        n++;
    }
    return n;
}

static void commit_replaces_target(void **state)
{
    g_autofree char *dir = scratch_dir();
    g_autofree char *path = g_build_filename(dir, "out.csv", NULL);
    g_autoptr(GError) error = NULL;
    g_autofree char *contents = NULL;
    util_atomic_file_t *file;
    (void)state;

    assert_true(g_file_set_contents(path, "old\n", -1, NULL));
    file = util_atomic_file_open(path, &error);
    assert_non_null(file);
    fputs("new\n", util_atomic_file_stream(file));
    /* until the commit, readers still see the old file */
    assert_true(g_file_get_contents(path, &contents, NULL, NULL));
    assert_string_equal(contents, "old\n");
    g_clear_pointer(&contents, g_free);
    assert_true(util_atomic_file_commit(file, &error));
    assert_true(g_file_get_contents(path, &contents, NULL, NULL));
    assert_string_equal(contents, "new\n");
    assert_int_equal(count_entries(dir), 1);
    g_unlink(path);
    g_rmdir(dir);
}

static void abort_leaves_nothing(void **state)
{
    g_autofree char *dir = scratch_dir();
    g_autofree char *path = g_build_filename(dir, "out.csv", NULL);
    util_atomic_file_t *file;
    (void)state;

    file = util_atomic_file_open(path, NULL);
    assert_non_null(file);
    fputs("partial", util_atomic_file_stream(file));
    util_atomic_file_abort(file);
    assert_int_equal(count_entries(dir), 0);
    g_rmdir(dir);
}

/* Another program (gnuplot) writes the temporary file by name; commit renames it. */
static void temp_path_written_by_name(void **state)
{
    g_autofree char *dir = scratch_dir();
    g_autofree char *path = g_build_filename(dir, "plot.png", NULL);
    g_autoptr(GError) error = NULL;
    g_autofree char *contents = NULL;
    util_atomic_file_t *file;
    FILE *writer;
    (void)state;

    file = util_atomic_file_open(path, &error);
    assert_non_null(file);
    assert_non_null(util_atomic_file_temp_path(file));
    assert_string_not_equal(util_atomic_file_temp_path(file), path);
    writer = fopen(util_atomic_file_temp_path(file), "w"); /* as gnuplot's set output does */
    assert_non_null(writer);
    fputs("drawn\n", writer);
    assert_int_equal(fclose(writer), 0);
    assert_false(g_file_test(path, G_FILE_TEST_EXISTS));
    assert_true(util_atomic_file_commit(file, &error));
    assert_true(g_file_get_contents(path, &contents, NULL, NULL));
    assert_string_equal(contents, "drawn\n");
    assert_int_equal(count_entries(dir), 1);
    g_unlink(path);
    g_rmdir(dir);
}

static void unwritable_directory(void **state)
{
    g_autoptr(GError) error = NULL;
    (void)state;

    assert_null(util_atomic_file_open("/nonexistent-dir/out.csv", &error));
    assert_non_null(strstr(error->message, "/nonexistent-dir/out.csv"));
}

/* finish writes everything out but leaves the old file until the commit */
static void finish_then_commit(void **state)
{
    g_autofree char *dir = scratch_dir();
    g_autofree char *path = g_build_filename(dir, "out.csv", NULL);
    g_autoptr(GError) error = NULL;
    g_autofree char *contents = NULL;
    util_atomic_file_t *file;
    (void)state;

    assert_true(g_file_set_contents(path, "old\n", -1, NULL));
    file = util_atomic_file_open(path, &error);
    fputs("new\n", util_atomic_file_stream(file));
    assert_true(util_atomic_file_finish(file, &error));
    assert_true(util_atomic_file_finish(file, &error)); /* again: nothing more to do */
    assert_true(g_file_get_contents(path, &contents, NULL, NULL));
    assert_string_equal(contents, "old\n");
    g_clear_pointer(&contents, g_free);
    assert_int_equal(count_entries(dir), 2); /* the target and the finished temporary */
    assert_true(util_atomic_file_commit(file, &error));
    assert_true(g_file_get_contents(path, &contents, NULL, NULL));
    assert_string_equal(contents, "new\n");
    assert_int_equal(count_entries(dir), 1);
    g_unlink(path);
    g_rmdir(dir);
}

/* A full disk while writing: the old file stays, no temporary is left, and
 * the error names the file. 8 KB into a file limited to 1 KB. */
static void full_disk_keeps_old_file(void **state)
{
    g_autofree char *dir = scratch_dir();
    g_autofree char *path = g_build_filename(dir, "out.csv", NULL);
    g_autoptr(GError) error = NULL;
    g_autofree char *contents = NULL;
    g_autofree char *want = NULL;
    util_atomic_file_t *file;
    struct rlimit old;
    (void)state;

    assert_true(g_file_set_contents(path, "old\n", -1, NULL));
    file = util_atomic_file_open(path, &error);
    old = test_fault_limit_file_size(1024);
    for (int i = 0; i < 1024; i++) {
        fputs("1234567\n", util_atomic_file_stream(file));
    }
    assert_false(util_atomic_file_finish(file, &error));
    test_fault_restore(old);
    want = g_strdup_printf("%s: write failed, nothing written: %s", path, g_strerror(EFBIG));
    assert_string_equal(error->message, want);
    assert_int_equal(count_entries(dir), 1); /* the temporary is gone already */
    g_clear_error(&error);
    assert_false(util_atomic_file_commit(file, &error)); /* and a commit cannot save it */
    assert_string_equal(error->message, want);
    assert_true(g_file_get_contents(path, &contents, NULL, NULL));
    assert_string_equal(contents, "old\n");
    assert_int_equal(count_entries(dir), 1);
    g_unlink(path);
    g_rmdir(dir);
}

/* A device is written in place: /dev/full fails at the flush and stays a device. */
static void full_device(void **state)
{
    g_autoptr(GError) error = NULL;
    util_atomic_file_t *file;
    struct stat st;
    (void)state;

    file = util_atomic_file_open("/dev/full", &error);
    assert_non_null(file);
    assert_null(util_atomic_file_temp_path(file));
    fputs("lost\n", util_atomic_file_stream(file));
    assert_false(util_atomic_file_commit(file, &error));
    assert_string_equal(error->message, "/dev/full: write failed: No space left on device");
    assert_int_equal(stat("/dev/full", &st), 0);
    assert_true(S_ISCHR(st.st_mode));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(commit_replaces_target),
        cmocka_unit_test(abort_leaves_nothing),
        cmocka_unit_test(temp_path_written_by_name),
        cmocka_unit_test(unwritable_directory),
        cmocka_unit_test(finish_then_commit),
        cmocka_unit_test(full_disk_keeps_old_file),
        cmocka_unit_test(full_device),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
