/* Finding gnuplot, choosing its terminal, and rendering a script. */
#include "plot_gnuplot.h"
#include "plot_error.h"
#include "util_atomic_file.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

/* How to get gnuplot where bouncelab is usually set up (scripts/setup.sh). */
#define PLOT_GNUPLOT_INSTALL_HINT                                                                  \
    "install it with 'apt-get install gnuplot-nox' (Debian, Ubuntu) or your system's gnuplot "     \
    "package"

void plot_gnuplot_free(plot_gnuplot_t *gnuplot)
{
    if (gnuplot == NULL) {
        return;
    }
    g_free(gnuplot->program);
    g_free(gnuplot);
}

/*
 * Runs `PROGRAM -d ARGS...`; TRUE when it exits 0. *err_text gets its stderr,
 * whitespace-trimmed, or NULL when there was none. Standard input is
 * /dev/null (g_spawn_sync's default), so a stray `pause` cannot hang.
 */
static gboolean run(const char *program, const char *const *args, char **err_text, GError **error)
{
    g_autoptr(GPtrArray) argv = g_ptr_array_new();
    g_autofree char *err = NULL;
    int status = 0;

    g_ptr_array_add(argv, (gpointer)program);
    g_ptr_array_add(argv, (gpointer) "-d"); /* ignore ~/.gnuplot and the system gnuplotrc */
    for (gsize i = 0; args[i] != NULL; i++) {
        g_ptr_array_add(argv, (gpointer)args[i]);
    }
    g_ptr_array_add(argv, NULL);
    if (!g_spawn_sync(NULL, (char **)argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                      NULL, &err, &status, error)) {
        return FALSE;
    }
    g_strstrip(err);
    *err_text = *err != '\0' ? g_steal_pointer(&err) : NULL;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* TRUE when gnuplot accepts `set terminal NAME` without complaint. */
static gboolean has_terminal(const char *program, const char *name)
{
    g_autofree char *command = g_strdup_printf("set terminal %s", name);
    const char *args[] = {"-e", command, NULL};
    g_autofree char *err = NULL;

    return run(program, args, &err, NULL) && err == NULL;
}

plot_gnuplot_t *plot_gnuplot_open(plot_format_t format, char **note_out, GError **error)
{
    g_autoptr(plot_gnuplot_t) gnuplot = g_new0(plot_gnuplot_t, 1);
    char *note = NULL;

    gnuplot->program = g_find_program_in_path("gnuplot");
    if (gnuplot->program == NULL) {
        g_set_error(error, PLOT_ERROR, PLOT_ERROR_NO_GNUPLOT,
                    "gnuplot is not installed (not found on PATH); " PLOT_GNUPLOT_INSTALL_HINT);
        return NULL;
    }
    if (format == PLOT_FORMAT_PNG && has_terminal(gnuplot->program, "pngcairo")) {
        gnuplot->terminal = "pngcairo";
    } else if (format == PLOT_FORMAT_PNG && has_terminal(gnuplot->program, "png")) {
        gnuplot->terminal = "png";
        note = g_strdup("this gnuplot has no pngcairo terminal; drawing with its plainer png "
                        "terminal (install gnuplot-nox or gnuplot-qt for pngcairo)");
    } else if (has_terminal(gnuplot->program, "svg")) {
        gnuplot->terminal = "svg";
        if (format == PLOT_FORMAT_PNG) {
            note = g_strdup("this gnuplot has no PNG terminal (pngcairo or png); writing SVG "
                            "instead");
        }
    } else {
        g_set_error(
            error, PLOT_ERROR, PLOT_ERROR_NO_GNUPLOT,
            "%s has none of the pngcairo, png and svg terminals; " PLOT_GNUPLOT_INSTALL_HINT,
            gnuplot->program);
        return NULL;
    }
    gnuplot->extension = strcmp(gnuplot->terminal, "svg") == 0 ? "svg" : "png";
    if (note_out != NULL) {
        *note_out = note;
    } else {
        g_free(note);
    }
    return g_steal_pointer(&gnuplot);
}

/* Appends `name='value'; ` to ASSIGN, doubling quotes as gnuplot's single-quoted strings want. */
static gboolean assign(GString *assign_text, const char *name, const char *value, GError **error)
{
    if (strpbrk(value, "\n\r") != NULL) {
        g_set_error(error, PLOT_ERROR, PLOT_ERROR_INVALID,
                    "%s '%s' holds a line break, which gnuplot cannot be given", name, value);
        return FALSE;
    }
    g_string_append_printf(assign_text, "%s='", name);
    for (const char *c = value; *c != '\0'; c++) {
        if (*c == '\'') {
            g_string_append_c(assign_text, '\'');
        }
        g_string_append_c(assign_text, *c);
    }
    g_string_append(assign_text, "'; ");
    return TRUE;
}

/*
 * Whether the picture at PATH ends as a whole one does: PNG with its IEND
 * chunk (length 0, "IEND", CRC AE 42 60 82), SVG with its closing tag.
 * gnuplot does not report a failed write (a full disk), it leaves the
 * picture cut short, so this is the only way to tell.
 */
static gboolean picture_complete(const char *path, const char *extension)
{
    static const char png_end[] = "\0\0\0\0IEND\xAE\x42\x60\x82";
    char tail[64];
    gsize n = 0;
    FILE *f = fopen(path, "rb");

    if (f == NULL) {
        return FALSE;
    }
    if (fseek(f, -(long)sizeof tail, SEEK_END) != 0) {
        rewind(f); /* shorter than the tail: read it all */
    }
    n = fread(tail, 1, sizeof tail, f);
    fclose(f);
    if (strcmp(extension, "png") == 0) {
        return n >= sizeof png_end - 1 &&
               memcmp(tail + n - (sizeof png_end - 1), png_end, sizeof png_end - 1) == 0;
    }
    while (n > 0 && g_ascii_isspace(tail[n - 1])) {
        n--;
    }
    return n >= 6 && memcmp(tail + n - 6, "</svg>", 6) == 0;
}

gboolean plot_gnuplot_render(const plot_gnuplot_t *gnuplot, const char *script,
                             const char *const *vars, const char *path, char **warnings_out,
                             GError **error)
{
    g_autoptr(GString) assignments = g_string_new(NULL);
    g_autoptr(util_atomic_file_t) file = NULL;
    g_autofree char *err = NULL;
    GStatBuf st;

    if (warnings_out != NULL) {
        *warnings_out = NULL;
    }
    for (gsize i = 0; vars[i] != NULL && vars[i + 1] != NULL; i += 2) {
        if (!assign(assignments, vars[i], vars[i + 1], error)) {
            return FALSE;
        }
    }
    file = util_atomic_file_open(path, error);
    if (file == NULL) {
        return FALSE;
    }
    if (!assign(assignments, "term", gnuplot->terminal, error) ||
        !assign(assignments, "out", util_atomic_file_temp_path(file), error)) {
        return FALSE;
    }
    const char *args[] = {"-e", assignments->str, script, NULL};
    gboolean ran = run(gnuplot->program, args, &err, error);
    /* a SIGINT to the process group may have stopped gnuplot too: ask first */
    if (gnuplot->stop != NULL && gnuplot->stop(gnuplot->stop_data)) {
        g_clear_error(error);
        g_set_error(error, PLOT_ERROR, PLOT_ERROR_INTERRUPTED, "interrupted while drawing %s",
                    path);
        return FALSE; /* the autoptr removes the temporary picture */
    }
    if (!ran) {
        if (error != NULL && *error == NULL) {
            g_set_error(error, PLOT_ERROR, PLOT_ERROR_GNUPLOT, "gnuplot failed on %s: %s", script,
                        err != NULL ? err : "no message");
        }
        return FALSE;
    }
    if (g_stat(util_atomic_file_temp_path(file), &st) != 0 || st.st_size == 0) {
        g_set_error(error, PLOT_ERROR, PLOT_ERROR_GNUPLOT, "gnuplot drew nothing with %s%s%s",
                    script, err != NULL ? ": " : "", err != NULL ? err : "");
        return FALSE;
    }
    if (!picture_complete(util_atomic_file_temp_path(file), gnuplot->extension)) {
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_NOSPC,
                    "%s: write failed, nothing written: the picture gnuplot drew is cut short "
                    "(a full disk?)",
                    path);
        return FALSE;
    }
    if (!util_atomic_file_commit(g_steal_pointer(&file), error)) {
        return FALSE;
    }
    if (warnings_out != NULL) {
        *warnings_out = g_steal_pointer(&err);
    }
    return TRUE;
}
