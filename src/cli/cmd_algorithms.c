/* `bouncelab algorithms`: what each debounce algorithm does and what its windows mean. */
#include "cli.h"
#include "plot_style.h"

#include "debounce/debounce.h"

#include <stdio.h>

int cmd_algorithms(int argc, char **argv)
{
    g_autoptr(GOptionContext) context = g_option_context_new("- list the debounce algorithms");
    gboolean names = FALSE, gnuplot = FALSE;
    const GOptionEntry entries[] = {
        {"names", 0, 0, G_OPTION_ARG_NONE, &names,
         "Print only the names, one per line (for scripts)", NULL},
        {"gnuplot", 0, 0, G_OPTION_ARG_NONE, &gnuplot,
         "Print the names, colours and point types as gnuplot -e assignments for "
         "scripts/plots (algos, algo_colors, algo_points)",
         NULL},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };

    g_option_context_set_summary(context,
                                 "Lists every debounce algorithm of the core with its policy and "
                                 "the meaning of its window options.");
    g_option_context_add_main_entries(context, entries, NULL);
    if (!cli_parse_options(context, &argc, &argv)) {
        return CLI_EXIT_USAGE;
    }
    if (argc > 1) {
        return cli_usage("algorithms takes no arguments (got '%s')", argv[1]);
    }
    if (names && gnuplot) {
        return cli_usage("algorithms: --names and --gnuplot exclude each other");
    }
    if (gnuplot) {
        g_autofree char *text = plot_style_gnuplot();
        printf("%s\n", text);
        return CLI_EXIT_OK;
    }
    for (int a = 0; a < DEBOUNCE_ALGO_COUNT; a++) {
        if (names) {
            printf("%s\n", debounce_algo_name((debounce_algo_t)a));
            continue;
        }
        printf("%-12s %s\n", debounce_algo_name((debounce_algo_t)a),
               debounce_algo_summary((debounce_algo_t)a));
        printf("%-12s parameters: %s\n", "", debounce_algo_parameters((debounce_algo_t)a));
    }
    return CLI_EXIT_OK;
}
