/*
 * A main for a fuzz harness built without libFuzzer: runs the harness on
 * every file given and every file in the directories given (in name order),
 * so ctest replays each corpus, and every crash once found stays fixed.
 * Fails when it ran nothing, so an empty or missing corpus cannot pass.
 * usage: replay_HARNESS FILE|DIR...
 */
#include "fuzz_util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static gboolean run_file(const char *path)
{
    g_autoptr(GError) error = NULL;
    g_autofree char *data = NULL;
    gsize len = 0;

    if (!g_file_get_contents(path, &data, &len, &error)) {
        fprintf(stderr, "replay: %s\n", error->message);
        return FALSE;
    }
    /* a copy of exactly len bytes, so reading past the input is caught by ASan */
    g_autofree uint8_t *copy = g_memdup2(data, len);
    LLVMFuzzerTestOneInput(copy, len);
    return TRUE;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Runs every regular file of `dir`; -1 when it cannot be read. */
static int run_dir(const char *dir)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(GDir) d = g_dir_open(dir, 0, &error);
    g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func(g_free);
    const char *name;
    int n = 0;

    if (d == NULL) {
        fprintf(stderr, "replay: %s\n", error->message);
        return -1;
    }
    while ((name = g_dir_read_name(d)) != NULL) {
        char *path = g_build_filename(dir, name, NULL);
        if (g_file_test(path, G_FILE_TEST_IS_REGULAR)) {
            g_ptr_array_add(paths, path);
        } else {
            g_free(path);
        }
    }
    g_ptr_array_sort(paths, compare_names);
    for (guint i = 0; i < paths->len; i++) {
        if (!run_file(g_ptr_array_index(paths, i))) {
            return -1;
        }
        n++;
    }
    return n;
}

int main(int argc, char **argv)
{
    int total = 0;

    for (int i = 1; i < argc; i++) {
        int n = g_file_test(argv[i], G_FILE_TEST_IS_DIR) ? run_dir(argv[i])
                                                         : (run_file(argv[i]) ? 1 : -1);
        if (n < 0) {
            return 1;
        }
        total += n;
    }
    if (total == 0) {
        fprintf(stderr, "replay: no inputs to run (usage: %s FILE|DIR...)\n", argv[0]);
        return 1;
    }
    printf("replay: %d inputs ran without a finding\n", total);
    return 0;
}
