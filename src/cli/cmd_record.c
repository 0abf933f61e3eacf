/*
 * bouncelab record: reads the Pico bounce_recorder's stream from its serial
 * device (USB CDC or a UART adapter) into a native trace file, written as
 * the rows arrive and renamed into place when the recording stops.
 */
#define _DEFAULT_SOURCE /* termios cfmakeraw, flock, O_CLOEXEC, clock_gettime */
#include "cli.h"
#include "cli_interrupt.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "parse_number.h"
#include "trace_oracle.h"
#include "trace_stats.h"
#include "trace_stream.h"
#include "util_atomic_file.h"

#define RECORD_BAUD_DEFAULT 115200
/* how often the loop looks for a signal, and redraws the progress line (ms) */
#define RECORD_POLL_MS 100
/*
 * The device's clock at a stop is known only as a lower bound: the latest
 * row's time plus the host time since it arrived. Less this margin (ns), for
 * an edge that may still be on its way (a USB frame is 1 ms, a UART row 1.2
 * ms), so the trace never claims quiet it has not seen.
 */
#define RECORD_IN_FLIGHT_NS INT64_C(10000000)
/* bytes of "# end_ns: " held for the number, filled in at the stop */
#define RECORD_END_FIELD 20

typedef struct {
    const char *port;
    int fd;
    util_atomic_file_t *out;
    long end_field_at; /* file offset of the end_ns number */
    trace_stream_t *stream;
    gboolean header_written;
    int64_t last_row_wall_ns; /* host time the latest row arrived */
    GString *line;
} recording_t;

static int64_t wall_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * INT64_C(1000000000) + ts.tv_nsec;
}

static gboolean baud_speed(int baud, speed_t *speed)
{
    static const struct {
        int baud;
        speed_t speed;
    } table[] = {
        {9600, B9600},     {19200, B19200},     {38400, B38400},     {57600, B57600},
        {115200, B115200}, {230400, B230400},   {460800, B460800},   {500000, B500000},
        {921600, B921600}, {1000000, B1000000}, {2000000, B2000000}, {3000000, B3000000},
    };
    for (gsize i = 0; i < G_N_ELEMENTS(table); i++) {
        if (table[i].baud == baud) {
            *speed = table[i].speed;
            return TRUE;
        }
    }
    return FALSE;
}

/* Opens the device for us alone, raw, at `speed`; -1 with the error (a busy or
 * failing device: CLI_ERROR_FAILURE; no such device: CLI_ERROR_USAGE). */
static int open_port(const char *port, speed_t speed, GError **error)
{
    struct termios tio;
    int fd = open(port, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);

    if (fd < 0) {
        int err = errno;
        g_set_error(error, CLI_ERROR, err == EBUSY ? CLI_ERROR_FAILURE : CLI_ERROR_USAGE,
                    "%s: %s%s", port, g_strerror(err),
                    err == EBUSY ? " (another program has it open)"
                                 : " (the recorder's serial device, e.g. /dev/ttyACM0)");
        return -1;
    }
    if (!isatty(fd)) {
        g_set_error(error, CLI_ERROR, CLI_ERROR_USAGE, "%s: not a serial device", port);
        close(fd);
        return -1;
    }
    /* one reader at a time: a second `bouncelab record`, picocom or screen on it is refused */
    if (flock(fd, LOCK_EX | LOCK_NB) != 0 || ioctl(fd, TIOCEXCL) != 0) {
        g_set_error(error, CLI_ERROR, CLI_ERROR_FAILURE,
                    "%s: busy (another program has it open and locked)", port);
        close(fd);
        return -1;
    }
    if (tcgetattr(fd, &tio) != 0) {
        g_set_error(error, CLI_ERROR, CLI_ERROR_FAILURE, "%s: %s", port, g_strerror(errno));
        close(fd);
        return -1;
    }
    /* raw: no echo, no line editing, no CR/LF translation; USB CDC ignores the speed */
    cfmakeraw(&tio);
    tio.c_cflag |= CLOCAL | CREAD;
    tio.c_cc[VMIN] = 1;
    tio.c_cc[VTIME] = 0;
    cfsetispeed(&tio, speed);
    cfsetospeed(&tio, speed);
    if (tcsetattr(fd, TCSANOW, &tio) != 0) {
        g_set_error(error, CLI_ERROR, CLI_ERROR_FAILURE, "%s: cannot set raw mode: %s", port,
                    g_strerror(errno));
        close(fd);
        return -1;
    }
    return fd;
}

/* The latest device time known to have passed, in the trace's ns (a lower bound). */
static int64_t device_now(const recording_t *r)
{
    int64_t last = trace_stream_last_ns(r->stream);
    int64_t since = wall_ns() - r->last_row_wall_ns - RECORD_IN_FLIGHT_NS;
    return since > 0 ? last + since : last;
}

static void write_header(recording_t *r)
{
    FILE *f = util_atomic_file_stream(r->out);
    const trace_t *t = trace_stream_trace(r->stream, 0);

    fprintf(f, "# bouncelab trace v1\n# recorded by bouncelab record from %s\n# active: %s\n",
            r->port, t->active_low ? "low" : "high");
    fputs("# end_ns: ", f);
    r->end_field_at = ftell(f);
    fprintf(f, "%*s\nt_ns,level\n", RECORD_END_FIELD, "");
    r->header_written = TRUE;
}

/* Writes end_ns into the header's place for it and renames the file into place. */
static gboolean finish_file(recording_t *r, int64_t end_ns, GError **error)
{
    FILE *f = util_atomic_file_stream(r->out);
    char field[RECORD_END_FIELD + 1];

    snprintf(field, sizeof field, "%-*" G_GINT64_FORMAT, RECORD_END_FIELD, end_ns);
    if (fflush(f) != 0 || fseek(f, r->end_field_at, SEEK_SET) != 0 ||
        fwrite(field, 1, RECORD_END_FIELD, f) != RECORD_END_FIELD) {
        int err = errno;
        g_set_error(error, G_FILE_ERROR, g_file_error_from_errno(err), "%s: write failed: %s",
                    util_atomic_file_path(r->out), g_strerror(err));
        return FALSE;
    }
    if (!util_atomic_file_commit(r->out, error)) {
        r->out = NULL;
        return FALSE;
    }
    r->out = NULL;
    return TRUE;
}

/* One complete line from the device; FALSE with the error that ends the recording. */
static gboolean take_line(recording_t *r, const char *line, gsize len, int64_t until_ns,
                          gboolean *past_until, GError **error)
{
    gboolean was_started = trace_stream_started(r->stream);
    guint64 rows = trace_stream_rows(r->stream);

    /* a row past --for ends the recording before it, at --for */
    if (was_started && until_ns > 0 && len > 0 && line[0] != '#') {
        const char *p = line;
        int64_t t_ns;
        if (trace_parse_int64(&p, &t_ns) == TRACE_NUM_OK && t_ns > until_ns) {
            *past_until = TRUE;
            return TRUE;
        }
    }
    if (!trace_stream_line(r->stream, line, len, error)) {
        return FALSE;
    }
    if (trace_stream_rows(r->stream) > rows) {
        FILE *f;
        if (!r->header_written) {
            write_header(r);
        }
        f = util_atomic_file_stream(r->out);
        fwrite(line, 1, len > 0 && line[len - 1] == '\r' ? len - 1 : len, f);
        fputc('\n', f);
        fflush(f); /* as it arrives: the temporary file holds every row taken */
        r->last_row_wall_ns = wall_ns();
    }
    return TRUE;
}

typedef struct {
    gsize presses, releases, edges;
    int64_t longest_bounce_ns;
} progress_t;

static void measure(recording_t *r, int64_t end_ns, progress_t *p)
{
    const trace_t *t = trace_stream_trace(r->stream, end_ns);
    trace_stats_t stats;

    trace_stats_compute(t, TRACE_ORACLE_SETTLE_NS_DEFAULT, &stats);
    p->presses = stats.presses;
    p->releases = stats.releases;
    p->edges = trace_n_edges(t);
    p->longest_bounce_ns = MAX(stats.make.max_ns, stats.brk.max_ns);
}

static void show_progress(const progress_t *p, gboolean started)
{
    if (!started) {
        /* \033[K: erase what a longer line before left */
        fprintf(stderr, "\rwaiting for the recorder: reset it, then press the button\033[K");
    } else {
        fprintf(stderr,
                "\rpresses %" G_GSIZE_FORMAT ", edges %" G_GSIZE_FORMAT
                ", longest bounce %.1f us   ",
                p->presses, p->edges, (double)p->longest_bounce_ns / 1000.0);
    }
    fflush(stderr);
}

typedef enum { STOP_NONE, STOP_COUNT, STOP_TIME, STOP_SIGNAL, STOP_CAPTURE_END } stop_t;

int cmd_record(int argc, char **argv)
{
    g_autoptr(GOptionContext) context = g_option_context_new("PORT - record a trace from a Pico");
    g_autofree char *output = NULL;
    g_autofree char *for_text = NULL;
    int baud = RECORD_BAUD_DEFAULT;
    int presses = 0;
    g_autofree char *baud_help =
        g_strdup_printf("UART speed; USB ignores it [default: %d]", RECORD_BAUD_DEFAULT);
    const GOptionEntry entries[] = {
        {"output", 'o', 0, G_OPTION_ARG_FILENAME, &output, "The trace to write (required)", "FILE"},
        {"baud", 0, 0, G_OPTION_ARG_INT, &baud, baud_help, "N"},
        {"presses", 0, 0, G_OPTION_ARG_INT, &presses,
         "Stop once N presses have been made and released [default: at the capture's end]", "N"},
        {"for", 0, 0, G_OPTION_ARG_STRING, &for_text,
         "Stop at this time of the trace, e.g. 5s [default: at the capture's end]", "DURATION"},
        {NULL, 0, 0, 0, NULL, NULL, NULL},
    };
    int64_t until_ns = 0;
    speed_t speed;
    int status = CLI_EXIT_OK;
    g_autoptr(GError) error = NULL;
    g_autoptr(GError) finish_error = NULL;
    g_autoptr(cli_interrupt_t) watch = NULL;
    recording_t r = {0};
    stop_t stop = STOP_NONE;
    gboolean tty = isatty(STDERR_FILENO);
    int64_t next_draw = 0, end_ns;
    progress_t progress = {0};
    char buf[4096];

    g_option_context_set_summary(
        context,
        "Records the Pico bounce_recorder's capture from its serial device (USB: /dev/ttyACM0;\n"
        "a UART adapter: /dev/ttyUSB0) into a native trace, written as the rows arrive and\n"
        "put in place when the recording stops: at the capture's end, after --presses, at\n"
        "--for, or on Ctrl-C, each with a complete trace ending there. A recorder that lost\n"
        "edges (# overflow:) ends it with an error; the trace is kept up to that instant.\n"
        "Exit status: 0 recorded, 1 the device failed or went away, or the recorder lost\n"
        "edges (the trace up to then is kept), 2 bad options, device or stream.");
    g_option_context_add_main_entries(context, entries, NULL);
    if (!cli_parse_options(context, &argc, &argv)) {
        return CLI_EXIT_USAGE;
    }
    if (argc != 2 || output == NULL || strcmp(output, "-") == 0) {
        return cli_usage("record takes one PORT and -o FILE (see 'bouncelab record --help')");
    }
    if (presses < 0 || (presses > 0 && for_text != NULL)) {
        return cli_usage("--presses takes a count above 0, and not with --for");
    }
    if (for_text != NULL) {
        if (!cli_duration("--for", for_text, &until_ns, &error)) {
            return cli_fail(error);
        }
        if (until_ns <= 0) {
            return cli_usage("--for: must be above 0");
        }
    }
    if (!baud_speed(baud, &speed)) {
        return cli_usage("--baud: %d is not a serial speed (115200, 230400, 921600 ...)", baud);
    }
    r.port = argv[1];
    r.fd = open_port(r.port, speed, &error);
    if (r.fd < 0) {
        return cli_fail(error);
    }
    r.out = util_atomic_file_open(output, &error);
    if (r.out == NULL) {
        close(r.fd);
        return cli_fail(error);
    }
    r.stream = trace_stream_new(r.port);
    r.line = g_string_new(NULL);
    watch = cli_interrupt_watch();

    while (stop == STOP_NONE && error == NULL) {
        struct pollfd pfd = {r.fd, POLLIN, 0};
        int n = poll(&pfd, 1, RECORD_POLL_MS);
        gboolean started;

        if (cli_interrupt_caught(watch) != 0) {
            stop = STOP_SIGNAL;
            break;
        }
        if (n > 0 && (pfd.revents & POLLIN)) {
            ssize_t got = read(r.fd, buf, sizeof buf);
            if (got > 0) {
                gboolean past_until = FALSE;
                for (ssize_t i = 0; i < got && error == NULL && !past_until; i++) {
                    if (buf[i] != '\n') {
                        g_string_append_c(r.line, buf[i]);
                        continue;
                    }
                    take_line(&r, r.line->str, r.line->len, until_ns, &past_until, &error);
                    g_string_truncate(r.line, 0);
                }
                if (past_until) {
                    stop = STOP_TIME;
                }
                continue;
            }
            if (got < 0 && (errno == EAGAIN || errno == EINTR)) {
                continue;
            }
        }
        if (n > 0 && (pfd.revents & (POLLHUP | POLLERR | POLLIN))) {
            g_set_error(&error, G_FILE_ERROR, G_FILE_ERROR_IO,
                        "%s: the device went away (unplugged?)", r.port);
            break;
        }
        started = trace_stream_started(r.stream);
        if (started) {
            int64_t now = device_now(&r);
            if (until_ns > 0 && now >= until_ns) {
                stop = STOP_TIME;
            } else if (now >= trace_stream_planned_end_ns(r.stream)) {
                stop = STOP_CAPTURE_END;
            } else if (presses > 0 || tty) {
                measure(&r, now, &progress);
                if (presses > 0 && progress.presses >= (gsize)presses &&
                    progress.releases >= (gsize)presses) {
                    stop = STOP_COUNT;
                }
            }
        }
        if (tty && stop == STOP_NONE && wall_ns() >= next_draw) {
            show_progress(&progress, started);
            next_draw = wall_ns() + INT64_C(200000000);
        }
    }
    if (tty) {
        fputc('\n', stderr);
    }
    close(r.fd);

    /* where the trace ends: the stop, or the last instant known when it broke off */
    if (!trace_stream_started(r.stream)) {
        util_atomic_file_abort(r.out);
        trace_stream_free(r.stream);
        g_string_free(r.line, TRUE);
        if (error == NULL) {
            g_set_error(&error, CLI_ERROR, CLI_ERROR_FAILURE,
                        "%s: stopped before the recorder sent a capture; nothing written", r.port);
        } else if (error->domain != G_FILE_ERROR) {
            cli_error_as_usage(error); /* the stream was not a recorder's */
        }
        return cli_fail(error);
    }
    if (stop == STOP_TIME) {
        end_ns = until_ns;
    } else if (stop == STOP_CAPTURE_END) {
        end_ns = trace_stream_planned_end_ns(r.stream);
    } else if (stop != STOP_NONE) {
        end_ns = MIN(device_now(&r), trace_stream_planned_end_ns(r.stream));
    } else if (trace_stream_overflow_ns(r.stream) >= 0) {
        end_ns = trace_stream_overflow_ns(r.stream);
    } else {
        end_ns = trace_stream_last_ns(r.stream);
    }
    end_ns = MAX(end_ns, trace_stream_last_ns(r.stream));
    if (error != NULL) {
        /* lost edges or a lost device: the work failed; else the stream was bad */
        if (error->domain == G_FILE_ERROR || trace_stream_overflow_ns(r.stream) >= 0) {
            error->domain = CLI_ERROR;
            error->code = CLI_ERROR_FAILURE;
        } else {
            cli_error_as_usage(error);
        }
        status = cli_fail(error);
    }
    if (!finish_file(&r, end_ns, &finish_error)) {
        status = cli_fail(finish_error); /* a file error: 1 */
    } else {
        progress_t p;
        measure(&r, end_ns, &p);
        fprintf(stderr,
                "bouncelab: %s: %s%" G_GSIZE_FORMAT " presses, %" G_GSIZE_FORMAT
                " edges, %" G_GINT64_FORMAT " ns\n",
                output, error != NULL ? "kept what came before the error: " : "", p.presses,
                p.edges, end_ns);
    }
    trace_stream_free(r.stream);
    g_string_free(r.line, TRUE);
    return status;
}
