/* bouncelab: finds the subcommand and hands it the rest of the command line. */
#include "cli.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    const char *name;
    const char *summary;
    int (*run)(int argc, char **argv);
} command_t;

static const command_t commands[] = {
    {"algorithms", "list the debounce algorithms and their parameters", cmd_algorithms},
    {"gen", "generate a synthetic bouncy trace with its truth", cmd_gen},
    {"info", "describe a trace: format, edges, presses, bounce durations", cmd_info},
    {"convert", "convert a trace to native CSV or VCD", cmd_convert},
    {"run", "replay a trace through one configuration and score it", cmd_run},
    {"sweep", "run the cross product of settings over traces into a CSV", cmd_sweep},
    {"stress", "Monte-Carlo over presses: failure rates per million with 95 % bounds", cmd_stress},
    {"merge", "add the shards of a stress run together", cmd_merge},
    {"fit", "fit a switch model to traces, for gen --model and stress", cmd_fit},
    {"plot", "draw the pictures of a sweep or stress CSV, or a waveform, with gnuplot", cmd_plot},
    {"verdict",
     "the smallest error-free window (sweep CSV) or one meeting a failure rate (stress CSV)",
     cmd_verdict},
};

static void print_usage(FILE *out)
{
    fprintf(out, "Usage: bouncelab [--help | --version] COMMAND [OPTIONS...]\n\n"
                 "Replays bouncy push-button waveforms through the debounce core that runs on\n"
                 "the Raspberry Pi Pico, and measures latency, missed and false presses.\n\n"
                 "Commands:\n");
    for (size_t i = 0; i < G_N_ELEMENTS(commands); i++) {
        fprintf(out, "  %-12s %s\n", commands[i].name, commands[i].summary);
    }
    fprintf(out, "\n'bouncelab COMMAND --help' shows a command's options.\n"
                 "Exit status: 0 success, 1 the work failed, 2 bad options or bad input.\n");
}

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
    if (argc < 2) {
        print_usage(stderr);
        return CLI_EXIT_USAGE;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        print_usage(stdout);
        return cli_finish_stdout(CLI_EXIT_OK);
    }
    if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
        printf("bouncelab %s\n", BOUNCELAB_VERSION);
        return cli_finish_stdout(CLI_EXIT_OK);
    }
    for (size_t i = 0; i < G_N_ELEMENTS(commands); i++) {
        if (strcmp(argv[1], commands[i].name) == 0) {
            g_autofree char *prgname = g_strdup_printf("bouncelab %s", commands[i].name);
            g_set_prgname(prgname); /* GOptionContext's "Usage:" line names the subcommand */
            return cli_finish_stdout(commands[i].run(argc - 1, argv + 1));
        }
    }
    fprintf(stderr, "bouncelab: unknown command '%s' (see 'bouncelab --help')\n", argv[1]);
    return CLI_EXIT_USAGE;
}
