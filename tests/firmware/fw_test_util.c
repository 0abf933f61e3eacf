/* Helpers for the firmware glue tests (see fw_test_util.h). */
#include "fw_test_util.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>
#include <glib.h>

static const char *out_dir = ".";

void fw_test_set_out_dir(int argc, char **argv)
{
    if (argc > 1) {
        out_dir = argv[1];
    }
}

char *fw_test_run(const stub_config_t *cfg, int (*entry)(void), const char *out_name)
{
    g_autofree char *path = g_build_filename(out_dir, out_name, NULL);
    g_autoptr(GError) error = NULL;
    char *text = NULL;

    stub_reset(cfg);
    if (!stub_run(entry, path)) {
        fail_msg("stub: %s", stub_error());
    }
    if (!g_file_get_contents(path, &text, NULL, &error)) {
        fail_msg("%s", error->message);
    }
    return text;
}

void fw_test_assert_text(const char *got, const char *expected)
{
    if (strcmp(got, expected) != 0) {
        fail_msg("output differs.\n--- got:\n%s--- expected:\n%s---", got, expected);
    }
}
