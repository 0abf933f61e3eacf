/* SIGINT/SIGTERM watching with sigtimedwait in a thread of its own. */
#define _POSIX_C_SOURCE 200809L

#include "cli_interrupt.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <time.h>

/* How often the watcher looks whether it should end. */
#define WATCH_POLL_NS 50000000L

struct cli_interrupt {
    gint *flag;
    gint done;
    sigset_t signals;
    sigset_t old_mask;
    GThread *thread;
};

static gpointer watch_thread(gpointer data)
{
    cli_interrupt_t *w = data;
    const struct timespec period = {0, WATCH_POLL_NS};

    while (!g_atomic_int_get(&w->done)) {
        int sig = sigtimedwait(&w->signals, NULL, &period);
        if (sig > 0) {
            g_atomic_int_set(w->flag, sig);
        }
    }
    return NULL;
}

cli_interrupt_t *cli_interrupt_watch(gint *flag)
{
    cli_interrupt_t *w = g_new0(cli_interrupt_t, 1);

    w->flag = flag;
    sigemptyset(&w->signals);
    sigaddset(&w->signals, SIGINT);
    sigaddset(&w->signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &w->signals, &w->old_mask);
    w->thread = g_thread_new("interrupt-watch", watch_thread, w);
    return w;
}

void cli_interrupt_unwatch(cli_interrupt_t *w)
{
    if (w == NULL) {
        return;
    }
    g_atomic_int_set(&w->done, 1);
    g_thread_join(w->thread);
    pthread_sigmask(SIG_SETMASK, &w->old_mask, NULL);
    g_free(w);
}
