/*
 * check_image FILE WIDTH HEIGHT: exits 0 when FILE (.png or .svg) is a whole
 * picture of WIDTH x HEIGHT pixels and of a size a drawn plot has, else
 * prints why and exits 1. PNG: the signature, an IHDR chunk first (length
 * 13, the size, a valid bit depth and colour type) and an IEND chunk last.
 * SVG: it parses as XML (GMarkup), the root element is <svg> with that width
 * and height.
 */
#include <glib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A plot with axes, lines and text is tens of kB; an empty canvas a few. */
#define MIN_BYTES 10000
#define MAX_BYTES (8 * 1024 * 1024)

static const guchar png_signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
static const guchar png_iend[12] = {0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xae, 0x42, 0x60, 0x82};

static guint32 be32(const guchar *p)
{
    return (guint32)p[0] << 24 | (guint32)p[1] << 16 | (guint32)p[2] << 8 | (guint32)p[3];
}

static gboolean check_png(const guchar *data, gsize len, guint32 width, guint32 height)
{
    guchar depth;
    guchar colour;

    if (len < 8 + 25 + 12 || memcmp(data, png_signature, 8) != 0) {
        fprintf(stderr, "not a PNG: no PNG signature\n");
        return FALSE;
    }
    if (be32(data + 8) != 13 || memcmp(data + 12, "IHDR", 4) != 0) {
        fprintf(stderr, "PNG does not start with a 13-byte IHDR chunk\n");
        return FALSE;
    }
    if (be32(data + 16) != width || be32(data + 20) != height) {
        fprintf(stderr, "PNG is %ux%u, expected %ux%u\n", be32(data + 16), be32(data + 20), width,
                height);
        return FALSE;
    }
    depth = data[24];
    colour = data[25];
    if ((depth != 1 && depth != 2 && depth != 4 && depth != 8 && depth != 16) ||
        (colour != 0 && colour != 2 && colour != 3 && colour != 4 && colour != 6)) {
        fprintf(stderr, "PNG IHDR has bit depth %u, colour type %u\n", depth, colour);
        return FALSE;
    }
    if (memcmp(data + len - 12, png_iend, 12) != 0) {
        fprintf(stderr, "PNG does not end with an IEND chunk (cut short?)\n");
        return FALSE;
    }
    return TRUE;
}

typedef struct {
    int depth;
    gboolean root_is_svg;
    char *width;
    char *height;
} svg_state_t;

static void svg_start(GMarkupParseContext *context, const char *element, const char **names,
                      const char **values, gpointer user_data, GError **error)
{
    svg_state_t *state = user_data;
    (void)context;
    (void)error;

    if (state->depth++ == 0 && strcmp(element, "svg") == 0) {
        state->root_is_svg = TRUE;
        for (gsize i = 0; names[i] != NULL; i++) {
            if (strcmp(names[i], "width") == 0) {
                state->width = g_strdup(values[i]);
            } else if (strcmp(names[i], "height") == 0) {
                state->height = g_strdup(values[i]);
            }
        }
    }
}

static void svg_end(GMarkupParseContext *context, const char *element, gpointer user_data,
                    GError **error)
{
    svg_state_t *state = user_data;
    (void)context;
    (void)element;
    (void)error;
    state->depth--;
}

static gboolean check_svg(const char *data, gsize len, guint32 width, guint32 height)
{
    const GMarkupParser parser = {svg_start, svg_end, NULL, NULL, NULL};
    svg_state_t state = {0};
    g_autoptr(GError) error = NULL;
    g_autofree char *want_width = g_strdup_printf("%u", width);
    g_autofree char *want_height = g_strdup_printf("%u", height);
    GMarkupParseContext *context = g_markup_parse_context_new(&parser, 0, &state, NULL);
    gboolean ok = g_markup_parse_context_parse(context, data, (gssize)len, &error) &&
                  g_markup_parse_context_end_parse(context, &error);

    g_markup_parse_context_free(context);
    if (!ok) {
        fprintf(stderr, "SVG is not well-formed XML: %s\n", error->message);
    } else if (!state.root_is_svg) {
        fprintf(stderr, "the root element is not <svg>\n");
        ok = FALSE;
    } else if (g_strcmp0(state.width, want_width) != 0 ||
               g_strcmp0(state.height, want_height) != 0) {
        fprintf(stderr, "SVG is %sx%s, expected %ux%u\n", state.width, state.height, width, height);
        ok = FALSE;
    }
    g_free(state.width);
    g_free(state.height);
    return ok;
}

int main(int argc, char **argv)
{
    g_autofree char *data = NULL;
    gsize len = 0;
    g_autoptr(GError) error = NULL;
    guint64 width;
    guint64 height;
    gboolean ok;

    if (argc != 4 || !g_ascii_string_to_unsigned(argv[2], 10, 1, G_MAXUINT32, &width, NULL) ||
        !g_ascii_string_to_unsigned(argv[3], 10, 1, G_MAXUINT32, &height, NULL)) {
        fprintf(stderr, "usage: check_image FILE WIDTH HEIGHT\n");
        return 2;
    }
    if (!g_file_get_contents(argv[1], &data, &len, &error)) {
        fprintf(stderr, "%s\n", error->message);
        return 1;
    }
    if (len < MIN_BYTES || len > MAX_BYTES) {
        fprintf(stderr, "%s: %zu bytes, expected %d to %d for a plot\n", argv[1], (size_t)len,
                MIN_BYTES, MAX_BYTES);
        return 1;
    }
    if (g_str_has_suffix(argv[1], ".png")) {
        ok = check_png((const guchar *)data, len, (guint32)width, (guint32)height);
    } else if (g_str_has_suffix(argv[1], ".svg")) {
        ok = check_svg(data, len, (guint32)width, (guint32)height);
    } else {
        fprintf(stderr, "%s: expected a .png or .svg file name\n", argv[1]);
        return 2;
    }
    if (!ok) {
        fprintf(stderr, "%s: not a valid picture\n", argv[1]);
    }
    return ok ? 0 : 1;
}
