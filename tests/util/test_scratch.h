/*
 * A scratch directory per cmocka test, for tests that write files: made by
 * the setup, emptied and removed by the teardown, so a failed test leaves
 * nothing behind in the temporary directory. Include after <cmocka.h> and
 * <glib/gstdio.h>.
 */
#ifndef TEST_SCRATCH_H
#define TEST_SCRATCH_H

typedef struct {
    char *dir; /* an empty directory of its own under the temporary directory */
} scratch_t;

/** cmocka setup: *state becomes a scratch_t with a new directory. */
static inline int scratch_setup(void **state)
{
    scratch_t *s = g_new0(scratch_t, 1);
    s->dir = g_dir_make_tmp("bouncelab-test-XXXXXX", NULL);
    *state = s;
    return s->dir != NULL ? 0 : -1;
}

/** cmocka teardown: removes the files in the directory (not subdirectories), then it. */
static inline int scratch_teardown(void **state)
{
    scratch_t *s = *state;
    g_autoptr(GDir) d = g_dir_open(s->dir, 0, NULL);
    const char *name;
    while (d != NULL && (name = g_dir_read_name(d)) != NULL) {
        g_autofree char *p = g_build_filename(s->dir, name, NULL);
        g_unlink(p);
    }
    g_rmdir(s->dir);
    g_free(s->dir);
    g_free(s);
    return 0;
}

#endif
