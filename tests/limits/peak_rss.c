/*
 * Runs a command and reports the most memory it held at once (its peak
 * resident set, from wait4's rusage), so the limits tests can check that a
 * hostile input is refused in bounded memory without GNU time.
 * usage: peak_rss KB_FILE COMMAND [ARGS...]
 * Writes the peak in KB to KB_FILE; exits with the command's status (128 +
 * the signal if it was killed), 127 if it could not be started.
 */
#define _DEFAULT_SOURCE /* wait4 */

#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    struct rusage usage;
    int status = 0;
    pid_t child;
    FILE *out;

    if (argc < 3) {
        fprintf(stderr, "usage: peak_rss KB_FILE COMMAND [ARGS...]\n");
        return 2;
    }
    child = fork();
    if (child < 0) {
        perror("peak_rss: fork");
        return 127;
    }
    if (child == 0) {
        execvp(argv[2], argv + 2);
        perror("peak_rss: exec");
        _exit(127);
    }
    if (wait4(child, &status, 0, &usage) != child) {
        perror("peak_rss: wait4");
        return 127;
    }
    out = fopen(argv[1], "w");
    if (out == NULL || fprintf(out, "%ld\n", usage.ru_maxrss) < 0 || fclose(out) != 0) {
        perror("peak_rss: writing the peak");
        return 127;
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}
