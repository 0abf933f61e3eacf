/*
 * Stopping long work cleanly on SIGINT or SIGTERM: the signals are blocked
 * in every thread, so they stay pending, and the work asks between steps
 * whether one has arrived (sigtimedwait with no wait). Asking takes the
 * signal itself rather than a flag a watcher thread sets later, so a signal
 * sent before a step is always seen at that step. No signal handler, no
 * thread, no global state.
 */
#ifndef CLI_INTERRUPT_H
#define CLI_INTERRUPT_H

#include <glib.h>

typedef struct cli_interrupt cli_interrupt_t;

/**
 * Blocks SIGINT and SIGTERM in the calling thread and starts noting them.
 * Call before creating worker threads, which inherit the blocked signals.
 */
cli_interrupt_t *cli_interrupt_watch(void);

/**
 * The number of the first SIGINT or SIGTERM that arrived since the watch
 * began, or 0; never blocks. Call from the thread that started the watch.
 */
int cli_interrupt_caught(cli_interrupt_t *watch);

/**
 * Stops watching and restores the signal mask. A signal still pending is
 * taken first and dropped, so it cannot kill the process with a temporary
 * file left behind; check cli_interrupt_caught() before this.
 */
void cli_interrupt_unwatch(cli_interrupt_t *watch);
G_DEFINE_AUTOPTR_CLEANUP_FUNC(cli_interrupt_t, cli_interrupt_unwatch)

#endif
