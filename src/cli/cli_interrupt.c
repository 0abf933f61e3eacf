/* SIGINT/SIGTERM noted by polling the blocked, pending signals. */
#define _POSIX_C_SOURCE 200809L

#include "cli_interrupt.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <time.h>

struct cli_interrupt {
    sigset_t signals;
    sigset_t old_mask;
    int caught; /* the first signal taken, or 0 */
};

/* Takes every pending watched signal, keeping the first one's number. */
static void take_pending(cli_interrupt_t *w)
{
    const struct timespec now = {0, 0};
    int sig;

    while ((sig = sigtimedwait(&w->signals, NULL, &now)) > 0 || (sig < 0 && errno == EINTR)) {
        if (sig > 0 && w->caught == 0) {
            w->caught = sig;
        }
    }
}

cli_interrupt_t *cli_interrupt_watch(void)
{
    cli_interrupt_t *w = g_new0(cli_interrupt_t, 1);

    sigemptyset(&w->signals);
    sigaddset(&w->signals, SIGINT);
    sigaddset(&w->signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &w->signals, &w->old_mask);
    return w;
}

int cli_interrupt_caught(cli_interrupt_t *w)
{
    take_pending(w);
    return w->caught;
}

void cli_interrupt_unwatch(cli_interrupt_t *w)
{
    if (w == NULL) {
        return;
    }
    take_pending(w);
    pthread_sigmask(SIG_SETMASK, &w->old_mask, NULL);
    g_free(w);
}
