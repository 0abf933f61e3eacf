/* `bouncelab algorithms`: what each debounce algorithm does and what its windows mean. */
#include "cli.h"
#include "debounce/debounce.h"

#include <stdio.h>

int cmd_algorithms(int argc, char **argv)
{
    g_autoptr(GOptionContext) context = g_option_context_new("- list the debounce algorithms");

    g_option_context_set_summary(context,
                                 "Lists every debounce algorithm of the core with its policy and "
                                 "the meaning of its window options.");
    if (!cli_parse_options(context, &argc, &argv)) {
        return CLI_EXIT_USAGE;
    }
    if (argc > 1) {
        fprintf(stderr, "bouncelab: algorithms takes no arguments (got '%s')\n", argv[1]);
        return CLI_EXIT_USAGE;
    }
    for (int a = 0; a < DEBOUNCE_ALGO_COUNT; a++) {
        printf("%-12s %s\n", debounce_algo_name((debounce_algo_t)a),
               debounce_algo_summary((debounce_algo_t)a));
        printf("%-12s parameters: %s\n", "", debounce_algo_parameters((debounce_algo_t)a));
    }
    return CLI_EXIT_OK;
}
