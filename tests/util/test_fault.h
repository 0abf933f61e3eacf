/*
 * Faults for tests of outputs: a full disk, made without root or a small
 * file system by limiting the size a file may grow to (RLIMIT_FSIZE). A
 * write past the limit then fails with EFBIG ("File too large") just as one
 * on a full disk fails with ENOSPC; SIGXFSZ is ignored so it is an error,
 * not a kill. Needs _POSIX_C_SOURCE defined before the first include.
 */
#ifndef TEST_FAULT_H
#define TEST_FAULT_H

#include <signal.h>
#include <sys/resource.h>

/** Limits every file this process writes to `bytes`; returns the limit before. */
static inline struct rlimit test_fault_limit_file_size(rlim_t bytes)
{
    struct rlimit old, now;
    getrlimit(RLIMIT_FSIZE, &old);
    now = old;
    now.rlim_cur = bytes;
    signal(SIGXFSZ, SIG_IGN);
    setrlimit(RLIMIT_FSIZE, &now);
    return old;
}

/** Puts back the limit test_fault_limit_file_size() returned. */
static inline void test_fault_restore(struct rlimit old)
{
    setrlimit(RLIMIT_FSIZE, &old);
}

#endif
