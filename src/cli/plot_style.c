/* Colours and point types per algorithm, by its place in the core's registry. */
#include "plot_style.h"

#include "debounce/debounce.h"

/*
 * Colour-blind-safe ColorBrewer Dark2 colours, none in grey as the baseline;
 * a new algorithm takes the next entry. Point types are gnuplot's filled
 * shapes, whose open twin is the type before (errors-vs-window marks with it).
 */
static const char *const colors[] = {"#7f7f7f", "#d95f02", "#1b9e77", "#7570b3",
                                     "#e7298a", "#66a61e", "#e6ab02", "#a6761d"};
static const int points[] = {1, 7, 5, 9, 11, 13, 15};

void plot_style_init(plot_style_t *style)
{
    GString *algos = g_string_new(NULL);
    GString *cols = g_string_new(NULL);
    GString *pts = g_string_new(NULL);

    for (int a = 0; a < DEBOUNCE_ALGO_COUNT; a++) {
        const char *sep = a > 0 ? " " : "";
        g_string_append_printf(algos, "%s%s", sep, debounce_algo_name((debounce_algo_t)a));
        g_string_append_printf(cols, "%s%s", sep, colors[(gsize)a % G_N_ELEMENTS(colors)]);
        g_string_append_printf(pts, "%s%d", sep, points[(gsize)a % G_N_ELEMENTS(points)]);
    }
    style->algos = g_string_free(algos, FALSE);
    style->colors = g_string_free(cols, FALSE);
    style->points = g_string_free(pts, FALSE);
}

void plot_style_clear(plot_style_t *style)
{
    g_clear_pointer(&style->algos, g_free);
    g_clear_pointer(&style->colors, g_free);
    g_clear_pointer(&style->points, g_free);
}

char *plot_style_gnuplot(void)
{
    plot_style_t style;
    char *text;

    plot_style_init(&style);
    text = g_strdup_printf("algos='%s'; algo_colors='%s'; algo_points='%s'", style.algos,
                           style.colors, style.points);
    plot_style_clear(&style);
    return text;
}
