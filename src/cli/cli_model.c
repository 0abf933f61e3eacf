/* Reading and writing switch model files (GLib key files). */
#include "cli_model.h"
#include "cli.h"
#include "cli_model_dist.h"

#include <stdio.h>
#include <string.h>

/* Keys of [model] besides the parameters. */
#define KEY_NAME   "name"
#define KEY_SOURCE "source"

gboolean cli_model_load(const char *path, trace_gen_params_t *out, char **name, GError **error)
{
    g_autoptr(GKeyFile) kf = g_key_file_new();
    g_autoptr(GError) local = NULL;
    g_auto(GStrv) keys = NULL;
    trace_gen_params_t p = {0};

    if (!g_key_file_load_from_file(kf, path, G_KEY_FILE_NONE, &local)) {
        g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE, "%s: not a readable model file: %s", path,
                    local->message);
        return FALSE;
    }
    keys = g_key_file_get_keys(kf, CLI_MODEL_GROUP, NULL, NULL);
    if (keys == NULL) {
        g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE,
                    "%s: no [%s] group (write one with 'bouncelab fit' or 'bouncelab gen "
                    "--print-model')",
                    path, CLI_MODEL_GROUP);
        return FALSE;
    }
    for (char **k = keys; *k; k++) {
        gboolean known = strcmp(*k, KEY_NAME) == 0 || strcmp(*k, KEY_SOURCE) == 0;
        for (gsize i = 0; i < cli_gen_n_params() && !known; i++) {
            known = strcmp(*k, cli_gen_param_name(i)) == 0;
        }
        if (!known) {
            g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE,
                        "%s: [%s] has an unknown key '%s' (see 'bouncelab gen --help')", path,
                        CLI_MODEL_GROUP, *k);
            return FALSE;
        }
    }
    for (gsize i = 0; i < cli_gen_n_params(); i++) {
        g_autofree char *value =
            g_key_file_get_string(kf, CLI_MODEL_GROUP, cli_gen_param_name(i), NULL);
        if (value == NULL) {
            g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE,
                        "%s: [%s] has no %s (every parameter is needed; 'bouncelab gen "
                        "--print-model' shows them all)",
                        path, CLI_MODEL_GROUP, cli_gen_param_name(i));
            return FALSE;
        }
        if (!cli_gen_param_apply(&p, i, g_strstrip(value), &local)) {
            g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE, "%s: [%s] %s is not valid: %s", path,
                        CLI_MODEL_GROUP, cli_gen_param_name(i), local->message);
            return FALSE;
        }
    }
    if (!cli_model_dist_load(kf, &p, &local)) {
        g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE, "%s: %s", path, local->message);
        return FALSE;
    }
    if (!trace_gen_validate(&p, 1, &local)) {
        g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE, "%s: impossible model: %s", path,
                    local->message);
        return FALSE;
    }
    if (name != NULL) {
        *name = g_key_file_get_string(kf, CLI_MODEL_GROUP, KEY_NAME, NULL);
        if (*name == NULL) {
            *name = g_path_get_basename(path);
        }
    }
    *out = p;
    return TRUE;
}

char *cli_model_format(const trace_gen_params_t *p, const char *name, const char *source,
                       const char *extra)
{
    GString *s = g_string_new(
        "# A bouncelab switch model: 'bouncelab gen --model FILE', 'bouncelab stress FILE'.\n"
        "# Keys are gen's options (see 'bouncelab gen --help'): a bounce lasts about its\n"
        "# typical value (uniform within +-50%), or for the worst-rate share up to its max.\n");

    g_string_append_printf(s, "[%s]\n%s=%s\n%s=%s\n", CLI_MODEL_GROUP, KEY_NAME, name, KEY_SOURCE,
                           source);
    for (gsize i = 0; i < cli_gen_n_params(); i++) {
        g_autofree char *value = cli_gen_param_format(p, i);
        g_string_append_printf(s, "%s=%s\n", cli_gen_param_name(i), value);
    }
    cli_model_dist_format(s, p);
    if (extra != NULL) {
        g_string_append(s, extra);
    }
    return g_string_free(s, FALSE);
}

gboolean cli_model_sniff(const char *path)
{
    gsize len = 0;
    FILE *f = fopen(path, "r");
    char buf[4096];

    if (f == NULL) {
        return FALSE;
    }
    len = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[len] = '\0';
    /* skip comment and blank lines: the first group must be [model] */
    for (char *line = buf; line != NULL && *line;) {
        char *next = strchr(line, '\n');
        if (next != NULL) {
            *next++ = '\0';
        }
        g_strstrip(line);
        if (*line != '\0' && *line != '#') {
            return strcmp(line, "[" CLI_MODEL_GROUP "]") == 0;
        }
        line = next;
    }
    return FALSE;
}
