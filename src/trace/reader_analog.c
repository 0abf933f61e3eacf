/*
 * Analog scope captures as CSV, turned into a digital trace by a Schmitt
 * trigger like a GPIO input's: the level goes to 1 at the first sample at or
 * above --vih and back to 0 at the first sample at or below --vil; between
 * the two it holds. The first sample sets the initial level (between the
 * thresholds: the nearer one). Edges sit at the sample that crossed, with no
 * interpolation: the scope's sample period is the resolution.
 *
 * Layouts:
 *   - a header naming the columns, then rows "time,volts[,volts...]", time in
 *     seconds (or ms/us/ns if the time column's name says so in brackets or
 *     parentheses, e.g. "Time (ms)"); key/value preamble lines before the
 *     header (Siglent) are skipped: the header is the line before the first
 *     all-numeric row;
 *   - Rigol: "X,CH1[,CH2],Start,Increment" then "Sequence,Volt,<start>,<inc>",
 *     then rows "n,volts[,volts]"; time = start + n * increment.
 *
 * --channel picks the voltage column by name; the default is the first.
 * Voltages are read exactly in microvolts.
 */
#include "reader_common.h"
#include "trace_error.h"

#define SECONDS_TO_NS_SCALE 9

typedef struct {
    int time_scale;      /* 10^scale ns per time unit: 9 for seconds */
    int column;          /* voltage column */
    gboolean rigol;      /* time = start + n * increment */
    int64_t start_ns;    /* Rigol */
    trace_decimal_t inc; /* Rigol, seconds */
    trace_schmitt_t schmitt;
} analog_t;

static gboolean is_numeric_field(const char *f)
{
    const char *p = f;
    trace_decimal_t d;
    return trace_parse_decimal_raw(&p, &d) == TRACE_NUM_OK && *p == '\0';
}

/* A data row: at least two fields, every non-empty field a number. */
static gboolean is_data_line(const char *line)
{
    g_auto(GStrv) fields = trace_csv_fields(line);
    int numbers = 0;

    for (int i = 0; fields[i] != NULL; i++) {
        if (fields[i][0] == '\0') {
            continue;
        }
        if (!is_numeric_field(fields[i])) {
            return FALSE;
        }
        numbers++;
    }
    return numbers >= 2;
}

static int time_scale_from_name(const char *name)
{
    static const struct {
        const char *unit;
        int scale;
    } units[] = {{"[ms]", 6}, {"(ms)", 6}, {"[us]", 3}, {"(us)", 3},
                 {"[ns]", 0}, {"(ns)", 0}, {"[µs]", 3}, {"(µs)", 3}};
    int exp10_ns;

    for (gsize i = 0; i < G_N_ELEMENTS(units); i++) {
        if (strstr(name, units[i].unit) != NULL) {
            return units[i].scale;
        }
    }
    /* sigrok's label=units names the time column by its unit (here without its header) */
    if (trace_sigrok_time_unit(name, &exp10_ns) && exp10_ns >= 0) {
        return exp10_ns;
    }
    return SECONDS_TO_NS_SCALE;
}

/*
 * Whether the file is sigrok-cli's CSV (its ';' header with a channel list or
 * a samplerate; a scope's own ';' comments are not): 1 yes, 0 no, -1 a read
 * error (set). The sigrok reader reads those: it knows the samplerate and
 * how sigrok counts time.
 */
static int sigrok_head(trace_line_reader_t *r, GError **error)
{
    const char *head;
    gsize len;

    if (!trace_line_reader_peek(r, &head, &len, error)) {
        return -1;
    }
    while (len > 0 && g_ascii_isspace(*head)) {
        head++;
        len--;
    }
    return len > 0 && head[0] == ';' &&
                   (g_strstr_len(head, (gssize)len, "\n; Channels (") != NULL ||
                    g_strstr_len(head, (gssize)len, "\n; Samplerate:") != NULL)
               ? 1
               : 0;
}

static gboolean pick_column(trace_line_reader_t *r, analog_t *a, char **names, int last,
                            const trace_read_options_t *opts, GError **error)
{
    a->column = 1;
    if (opts->channel != NULL) {
        int col = trace_csv_find(names, 1, opts->channel);
        if (col < 0 || col > last) {
            g_autofree char *list = NULL;
            GString *s = g_string_new(NULL);
            for (int i = 1; i <= last && names[i] != NULL; i++) {
                g_string_append_printf(s, "%s%s", i > 1 ? ", " : "", names[i]);
            }
            list = g_string_free(s, FALSE);
            trace_parse_error(error, r, "no channel '%s' (channels: %s)", opts->channel, list);
            return FALSE;
        }
        a->column = col;
    }
    return TRUE;
}

/* Rigol's second line: "Sequence,Volt[,Volt],<start>,<increment>". */
static gboolean read_rigol_params(trace_line_reader_t *r, analog_t *a, char **header,
                                  const char *line, GError **error)
{
    g_auto(GStrv) fields = trace_csv_fields(line);
    int start_col = trace_csv_find(header, 1, "Start");
    int inc_col = trace_csv_find(header, 1, "Increment");
    int n = (int)g_strv_length(fields);
    const char *p;
    trace_num_result_t res;

    if (start_col < 0 || inc_col < 0 || start_col >= n || inc_col >= n) {
        trace_parse_error(error, r,
                          "missing Rigol start and increment (expected "
                          "'Sequence,Volt,<start>,<increment>')");
        return FALSE;
    }
    p = fields[start_col];
    res = trace_parse_decimal(&p, SECONDS_TO_NS_SCALE, &a->start_ns);
    if (res != TRACE_NUM_OK || *p != '\0') {
        trace_parse_error(error, r, "bad start '%s': %s", fields[start_col],
                          res == TRACE_NUM_OK ? "not a number" : trace_num_problem(res));
        return FALSE;
    }
    p = fields[inc_col];
    if (trace_parse_decimal_raw(&p, &a->inc) != TRACE_NUM_OK || *p != '\0' || a->inc.neg ||
        a->inc.mant == 0) {
        trace_parse_error(error, r, "bad increment '%s' (expected a positive number of seconds)",
                          fields[inc_col]);
        return FALSE;
    }
    return TRUE;
}

/* One row: the time, then the chosen column's voltage through the Schmitt trigger. */
static inline gboolean read_row(trace_line_reader_t *r, analog_t *a, trace_builder_t *b,
                                const char *line, GError **error)
{
    const char *p = line;
    int64_t t_ns;
    trace_num_result_t res;

    if (a->rigol) {
        int64_t n, off;
        res = trace_parse_int64(&p, &n);
        if (res == TRACE_NUM_OK) {
            res = trace_decimal_times(&a->inc, n, SECONDS_TO_NS_SCALE, &off);
            if (res == TRACE_NUM_OK && ((off > 0 && a->start_ns > INT64_MAX - off) ||
                                        (off < 0 && a->start_ns < INT64_MIN - off))) {
                res = TRACE_NUM_RANGE;
            }
            t_ns = a->start_ns + off;
        }
    } else {
        res = trace_parse_decimal(&p, a->time_scale, &t_ns);
    }
    if (G_UNLIKELY(res != TRACE_NUM_OK)) {
        trace_parse_error(error, r, "%s in '%.40s'",
                          res == TRACE_NUM_RANGE ? "numbers out of range" : "no time", line);
        return FALSE;
    }
    for (int col = 0; col < a->column; col++) {
        p = strchr(p, ',');
        if (G_UNLIKELY(p == NULL)) {
            trace_parse_error(error, r, "truncated line '%.40s' (no column %d)", line,
                              a->column + 1);
            return FALSE;
        }
        p = trace_skip_blanks(p + 1);
    }
    return trace_schmitt_sample(&a->schmitt, b, r, line, p, t_ns, error);
}

trace_t *trace_read_analog(trace_line_reader_t *r, const trace_read_options_t *opts, GError **error)
{
    g_autoptr(trace_t) trace = trace_new("trace", TRUE, TRUE, 0);
    trace_builder_t builder; /* on the stack: see reader_vcd.c */
    trace_builder_t *b = &builder;
    g_auto(GStrv) header = NULL;
    analog_t a = {0};
    gboolean data = FALSE;
    trace_line_result_t res;
    char *line;
    gsize len;

    switch (sigrok_head(r, error)) {
    case -1:
        return NULL;
    case 1:
        return trace_read_sigrok_analog(r, opts, error);
    default:
        break;
    }
    trace_schmitt_init(&a.schmitt, opts);
    a.time_scale = SECONDS_TO_NS_SCALE;
    trace_builder_init(b, trace);
    while ((res = trace_line_reader_next(r, &line, &len, error)) == TRACE_LINE_OK) {
        if (G_UNLIKELY(len == 0)) {
            continue;
        }
        if (G_UNLIKELY(!data)) {
            if (header != NULL && header[0] != NULL && g_ascii_strcasecmp(header[0], "X") == 0 &&
                trace_csv_find(header, 1, "Increment") > 0 && !a.rigol) {
                a.rigol = TRUE;
                if (!read_rigol_params(r, &a, header, line, error)) {
                    return NULL;
                }
                continue;
            }
            if (!is_data_line(line)) {
                g_strfreev(header);
                header = trace_csv_fields(line);
                continue;
            }
            data = TRUE;
            if (header == NULL) {
                trace_parse_error(error, r,
                                  "missing header (expected column names, e.g. "
                                  "'Time,CH1', before the first row)");
                return NULL;
            }
            if (a.rigol) {
                int last = trace_csv_find(header, 1, "Start") - 1;
                if (!pick_column(r, &a, header, last, opts, error)) {
                    return NULL;
                }
            } else {
                if (!pick_column(r, &a, header, (int)g_strv_length(header) - 1, opts, error)) {
                    return NULL;
                }
                a.time_scale = time_scale_from_name(header[0]);
            }
        }
        if (!read_row(r, &a, b, line, error)) {
            return NULL;
        }
    }
    if (!trace_builder_check_rows(
            b, r, res, "no data rows (expected 'time,volts' rows after a header)", error)) {
        return NULL;
    }
    trace_builder_finish(b, TRACE_BUILDER_NO_END);
    return g_steal_pointer(&trace);
}
