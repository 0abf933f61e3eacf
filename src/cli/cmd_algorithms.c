/* `bouncelab algorithms`: what each debounce algorithm does and what its windows mean. */
#include "cli.h"
#include "sim_algos.h"

#include <stdio.h>

int cmd_algorithms(int argc, char **argv)
{
    g_autoptr(GOptionContext) context = g_option_context_new("- list the debounce algorithms");
    gsize n = 0;
    const sim_algo_info_t *algos = sim_algos(&n);

    g_option_context_set_summary(context,
                                 "Lists every debounce algorithm of the core with its policy and "
                                 "the meaning of its window options.");
    if (!cli_parse_options(context, &argc, &argv)) {
        return CLI_EXIT_USAGE;
    }
    if (argc > 1) {
        return cli_usage("algorithms takes no arguments (got '%s')", argv[1]);
    }
    for (gsize i = 0; i < n; i++) {
        printf("%-12s %s\n", algos[i].name, algos[i].summary);
        printf("%-12s parameters: %s\n", "", algos[i].parameters);
    }
    return CLI_EXIT_OK;
}
