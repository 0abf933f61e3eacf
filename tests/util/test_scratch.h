/*
 * Scratch files for tests: a directory per cmocka test, made by the setup,
 * emptied and removed by the teardown; or one file in a directory of its
 * own. Include after <cmocka.h> and <glib/gstdio.h>.
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

/** A path `name` in a new directory of its own; the file is not made yet. */
static inline char *scratch_file_new(const char *name)
{
    g_autofree char *dir = g_dir_make_tmp("bouncelab-test-XXXXXX", NULL);
    assert_non_null(dir);
    return g_build_filename(dir, name, NULL);
}

/** Writes `text` to `path`, whole; fails the test if it cannot. */
static inline void scratch_file_write(const char *path, const GString *text)
{
    assert_true(g_file_set_contents(path, text->str, (gssize)text->len, NULL));
}

/** Removes a scratch_file_new() file and its directory, and frees `path`. */
static inline void scratch_file_remove(char *path)
{
    g_autofree char *dir = g_path_get_dirname(path);
    g_unlink(path);
    g_rmdir(dir);
    g_free(path);
}

#endif
