/*
 * Stopping long work cleanly on SIGINT or SIGTERM: the signals are blocked
 * in every thread and a watcher thread waits for them, so the work can check
 * a flag between steps, finish what is in flight, and leave no partial
 * output. No signal handler, so no global state.
 */
#ifndef CLI_INTERRUPT_H
#define CLI_INTERRUPT_H

#include <glib.h>

typedef struct cli_interrupt cli_interrupt_t;

/**
 * Starts watching for SIGINT and SIGTERM; when one arrives, *flag is set
 * (atomically) to its number. Call before creating worker threads, which
 * inherit the blocked signals.
 */
cli_interrupt_t *cli_interrupt_watch(gint *flag);

/** Stops watching and restores the signal mask; a signal that arrived stays recorded. */
void cli_interrupt_unwatch(cli_interrupt_t *watch);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(cli_interrupt_t, cli_interrupt_unwatch)

#endif
