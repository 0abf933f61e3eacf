/* Error reporting and option parsing shared by the subcommands. */
#include "cli.h"
#include "util_duration.h"

#include <errno.h>
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

int cli_finish_stdout(int status)
{
    int err = 0;

    if (status != CLI_EXIT_OK) {
        return status; /* the command has said what went wrong */
    }
    errno = 0;
    if (fflush(stdout) != 0 || ferror(stdout)) {
        err = errno != 0 ? errno : EIO; /* an earlier flush failed: errno is gone */
    }
    if (err == 0) {
        return status;
    }
    fprintf(stderr, "bouncelab: standard output: write failed: %s\n", g_strerror(err));
    return CLI_EXIT_FAILURE;
}
