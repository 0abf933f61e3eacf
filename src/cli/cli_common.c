/* Error reporting and option parsing shared by the subcommands. */
#include "cli.h"
#include "util_duration.h"

#include <stdio.h>

void cli_print_error(const GError *error)
{
    fprintf(stderr, "bouncelab: %s\n", error->message);
}

gboolean cli_parse_options(GOptionContext *context, int *argc, char ***argv)
{
    g_autoptr(GError) error = NULL;

    if (g_option_context_parse(context, argc, argv, &error)) {
        return TRUE;
    }
    fprintf(stderr, "bouncelab: %s (see 'bouncelab %s --help')\n", error->message, (*argv)[0]);
    return FALSE;
}

gboolean cli_duration(const char *option, const char *text, int64_t *ns_out)
{
    g_autoptr(GError) error = NULL;

    if (util_parse_duration_ns(text, ns_out, &error)) {
        return TRUE;
    }
    fprintf(stderr, "bouncelab: %s: %s\n", option, error->message);
    return FALSE;
}
