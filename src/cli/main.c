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
    {"advise", "the setting to build for traces and constraints, with evidence; --emit its code",
     cmd_advise},
    {"record", "record a trace from the Pico bounce_recorder's serial port", cmd_record},
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

/*
 * "-w5ms" and "-j2" as "-w 5ms" and "-j 2": GOptionContext would read "-w5ms"
 * as unknown and take the NEXT argument as -j's value. Every short option of
 * a command takes a value (-h, the one flag, shows help anyway), so a letter
 * after one dash with text attached is split, up to a "--". The vector and
 * the split-off values live in the arrays, freed by the caller.
 */
static char **split_attached(int argc, char **argv, GPtrArray *args, GPtrArray *values)
{
    gboolean options = TRUE;

    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0) {
            options = FALSE;
        }
        if (options && i > 0 && a[0] == '-' && g_ascii_isalpha(a[1]) && a[2] != '\0') {
            char *flag = g_strndup(a, 2);
            char *value = g_strdup(a + 2);
            g_ptr_array_add(values, flag);
            g_ptr_array_add(values, value);
            g_ptr_array_add(args, flag);
            g_ptr_array_add(args, value);
            continue;
        }
        g_ptr_array_add(args, argv[i]);
    }
    g_ptr_array_add(args, NULL);
    return (char **)args->pdata;
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
            g_autoptr(GPtrArray) args = g_ptr_array_new();
            g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func(g_free);
            char **split = split_attached(argc - 1, argv + 1, args, values);
            g_set_prgname(prgname); /* GOptionContext's "Usage:" line names the subcommand */
            return cli_finish_stdout(commands[i].run((int)args->len - 1, split));
        }
    }
    return cli_usage("unknown command '%s' (see 'bouncelab --help')", argv[1]);
}
