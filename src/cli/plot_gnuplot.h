/*
 * Running gnuplot: finding it, picking a terminal it has, and rendering one
 * script into an image file. gnuplot draws into util_atomic_file's temporary
 * file, renamed only when gnuplot succeeded, so a failed run never leaves a
 * half-drawn picture.
 */
#ifndef PLOT_GNUPLOT_H
#define PLOT_GNUPLOT_H

#include <glib.h>

/** The output directory's permissions when bouncelab creates it. */
#define PLOT_DIR_MODE 0755

/** The image formats `bouncelab plot --format` offers. */
typedef enum {
    PLOT_FORMAT_PNG,
    PLOT_FORMAT_SVG,
} plot_format_t;

typedef struct {
    char *program;         /* absolute path of the gnuplot executable */
    const char *terminal;  /* "pngcairo", "png" or "svg" */
    const char *extension; /* of the files it writes: "png" or "svg" */
    /* asked after each picture, before it is kept: TRUE stops with
     * PLOT_ERROR_INTERRUPTED and no picture (may be NULL) */
    gboolean (*stop)(gpointer data);
    gpointer stop_data;
} plot_gnuplot_t;

/**
 * Finds gnuplot on PATH and picks its terminal for FORMAT: PNG prefers
 * pngcairo, then gnuplot's plainer libgd png, then SVG; SVG needs svg. When
 * it falls back, *note_out (if not NULL) gets a sentence saying so, else NULL.
 * PLOT_ERROR_NO_GNUPLOT, with how to install it, when gnuplot is missing.
 */
plot_gnuplot_t *plot_gnuplot_open(plot_format_t format, char **note_out, GError **error);

/** Frees what plot_gnuplot_open() returned; NULL is fine. */
void plot_gnuplot_free(plot_gnuplot_t *gnuplot);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(plot_gnuplot_t, plot_gnuplot_free)

/**
 * Runs SCRIPT with gnuplot's own defaults (no ~/.gnuplot) and the string
 * variables VARS (name, value, name, value, ..., NULL) set, plus term (the
 * chosen terminal) and out (a temporary file beside PATH, renamed to PATH
 * when gnuplot succeeded and wrote something). *warnings_out (if not NULL)
 * gets what gnuplot wrote on stderr, or NULL. PLOT_ERROR_GNUPLOT with
 * gnuplot's message when it fails or writes nothing; PLOT_ERROR_INVALID when
 * a value holds a line break (gnuplot could not read it); G_FILE_ERROR when
 * PATH cannot be written or the picture is cut short (gnuplot says nothing
 * when its write fails on a full disk; a PNG must end with its IEND chunk,
 * an SVG with its closing tag).
 */
gboolean plot_gnuplot_render(const plot_gnuplot_t *gnuplot, const char *script,
                             const char *const *vars, const char *path, char **warnings_out,
                             GError **error);

#endif
