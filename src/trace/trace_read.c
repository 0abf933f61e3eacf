/* trace_read(): options, format names, detection by content, and the dispatch to a reader. */
#include "reader_common.h"
#include "trace_error.h"

typedef struct {
    const char *name;
    const char *description;
    trace_format_t format;
    gboolean one_channel; /* holds one pin: --channel names nothing in it */
} format_info_t;

static const format_info_t formats[] = {
    {"auto", "detected by content", TRACE_FORMAT_AUTO, FALSE},
    {"native", "native CSV", TRACE_FORMAT_NATIVE, TRUE},
    {"vcd", "VCD", TRACE_FORMAT_VCD, FALSE},
    {"sigrok", "sigrok CSV", TRACE_FORMAT_SIGROK, FALSE},
    {"saleae", "Saleae Logic 2 CSV", TRACE_FORMAT_SALEAE, FALSE},
    {"analog", "analog scope CSV", TRACE_FORMAT_ANALOG, FALSE},
    {"bbb", "Big Bouncy Button Benchmark log", TRACE_FORMAT_BBB, TRUE},
};

/* How many lines of the head detection looks at for data rows. */
#define DETECT_MAX_LINES 64

void trace_read_options_init(trace_read_options_t *opts)
{
    opts->format = TRACE_FORMAT_AUTO;
    opts->channel = NULL;
    opts->vil_v = TRACE_READ_VIL_V_DEFAULT;
    opts->vih_v = TRACE_READ_VIH_V_DEFAULT;
    opts->gap_ns = TRACE_READ_GAP_NS_DEFAULT;
    opts->active = TRACE_ACTIVE_AUTO;
    opts->bbb_include_invalid = FALSE;
    opts->bbb_skipped_out = NULL;
}

const char *trace_format_name(trace_format_t format)
{
    for (gsize i = 0; i < G_N_ELEMENTS(formats); i++) {
        if (formats[i].format == format) {
            return formats[i].name;
        }
    }
    return "unknown";
}

const char *trace_format_description(trace_format_t format)
{
    for (gsize i = 0; i < G_N_ELEMENTS(formats); i++) {
        if (formats[i].format == format) {
            return formats[i].description;
        }
    }
    return "unknown";
}

const char *trace_file_description(const trace_t *trace, trace_format_t format)
{
    return trace->flavour != NULL ? trace->flavour : trace_format_description(format);
}

gboolean trace_format_one_channel(trace_format_t format)
{
    for (gsize i = 0; i < G_N_ELEMENTS(formats); i++) {
        if (formats[i].format == format) {
            return formats[i].one_channel;
        }
    }
    return FALSE;
}

char *trace_format_names(const char *last_sep)
{
    GString *text = g_string_new(NULL);

    for (gsize i = 1; i < G_N_ELEMENTS(formats); i++) { /* 0 is auto, not a format */
        if (i > 1) {
            g_string_append(text, i + 1 == G_N_ELEMENTS(formats) ? last_sep : ", ");
        }
        g_string_append(text, formats[i].name);
    }
    return g_string_free(text, FALSE);
}

gboolean trace_format_from_name(const char *name, trace_format_t *format)
{
    for (gsize i = 0; i < G_N_ELEMENTS(formats); i++) {
        if (g_ascii_strcasecmp(name, formats[i].name) == 0) {
            *format = formats[i].format;
            return TRUE;
        }
    }
    return FALSE;
}

/* ---- detection ---- */

typedef enum { FIELD_EMPTY, FIELD_BIT, FIELD_INT, FIELD_DECIMAL, FIELD_X, FIELD_TEXT } field_kind_t;

static field_kind_t field_kind(const char *f)
{
    const char *p = f;
    trace_decimal_t d;

    if (*f == '\0') {
        return FIELD_EMPTY;
    }
    if ((f[0] == '0' || f[0] == '1') && f[1] == '\0') {
        return FIELD_BIT;
    }
    if ((f[0] == 'X' || f[0] == 'x') && f[1] == '\0') {
        return FIELD_X;
    }
    if (trace_parse_decimal_raw(&p, &d) != TRACE_NUM_OK || *p != '\0') {
        return FIELD_TEXT;
    }
    return strpbrk(f, ".eE") == NULL ? FIELD_INT : FIELD_DECIMAL;
}

/*
 * Splits TEXT in place at its line ends into LINES (at most MAX, the last
 * unsplit), NULL-terminated: g_strsplit(TEXT, "\n", MAX) without an
 * allocation per line (detection runs on every input a fuzzer tries).
 */
static int split_lines(char *text, char **lines, int max)
{
    int n = 0;

    while (*text != '\0' && n < max) {
        char *nl = n + 1 < max ? strchr(text, '\n') : NULL;
        lines[n++] = text;
        if (nl == NULL) {
            break;
        }
        *nl = '\0';
        text = nl + 1;
        if (*text == '\0' && n < max) {
            lines[n++] = text; /* a last line end leaves an empty line, as g_strsplit's */
        }
    }
    lines[n] = NULL;
    return n;
}

/* What the data rows of a CSV head look like. */
typedef struct {
    int rows;              /* lines whose fields are all numbers (or X / empty) */
    gboolean values_bits;  /* every value column is 0, 1 or X */
    gboolean time_integer; /* the first column is always an integer */
    int first_data_line;   /* index of the first data row, -1 if none */
} csv_shape_t;

static csv_shape_t csv_shape(char **lines, int n)
{
    csv_shape_t shape = {0, TRUE, TRUE, -1};
    gsize longest = 0;
    g_autofree char *scratch = NULL;

    for (int i = 0; i < n; i++) {
        longest = MAX(longest, strlen(lines[i]));
    }
    /* one copy of a line at a time, cut into its fields in place: the fields
     * as trace_csv_fields() gives them, without an allocation per field */
    scratch = g_malloc(longest + 1);
    for (int i = 0; i < n; i++) {
        gboolean numeric = TRUE, bits = TRUE, time_int = TRUE;
        int nf = 0;
        char *next = scratch;

        if (lines[i][0] == '\0') {
            continue;
        }
        memcpy(scratch, lines[i], strlen(lines[i]) + 1);
        for (int k = 0; next != NULL; k++, nf++) {
            char *f = next;
            char *comma = strchr(f, ',');
            field_kind_t kind;
            gsize len;

            if (comma != NULL) {
                *comma = '\0';
            }
            next = comma != NULL ? comma + 1 : NULL;
            g_strstrip(f);
            len = strlen(f);
            if (len >= 2 && f[0] == '"' && f[len - 1] == '"') {
                f[len - 1] = '\0';
                f++;
            }
            kind = field_kind(f);
            if (kind == FIELD_TEXT) {
                numeric = FALSE;
                break;
            }
            if (k == 0) {
                time_int = kind == FIELD_INT || kind == FIELD_BIT;
                numeric = kind != FIELD_X && kind != FIELD_EMPTY;
            } else if (kind != FIELD_BIT && kind != FIELD_X && kind != FIELD_EMPTY) {
                bits = FALSE;
            }
        }
        if (!numeric || nf < 2) {
            continue;
        }
        if (shape.first_data_line < 0) {
            shape.first_data_line = i;
        }
        shape.rows++;
        shape.values_bits = shape.values_bits && bits;
        shape.time_integer = shape.time_integer && time_int;
    }
    return shape;
}

static gboolean is_sigrok_time_label(const char *f)
{
    static const char *const labels[] = {"time",         "samples",     "milliseconds",
                                         "microseconds", "nanoseconds", "picoseconds"};
    for (gsize i = 0; i < G_N_ELEMENTS(labels); i++) {
        if (g_ascii_strcasecmp(f, labels[i]) == 0) {
            return TRUE;
        }
    }
    return FALSE;
}

/*
 * Whether a header names a time column first, as every scope export does
 * ("Time", "Time (ms)", "TIME[s]", "Second", "t", "X", "x-axis"): without
 * it a CSV of numbers is anything, and reading it as volts would give a
 * trace of nothing instead of an error.
 */
static gboolean is_time_header(const char *line)
{
    g_auto(GStrv) fields = trace_csv_fields(line);
    g_autofree char *f = NULL;
    char *unit;

    if (fields[0] == NULL || fields[1] == NULL) {
        return FALSE;
    }
    f = g_ascii_strdown(g_strstrip(fields[0]), -1);
    if (strstr(f, "time") != NULL || strstr(f, "sec") != NULL || g_str_has_prefix(f, "x-axis")) {
        return TRUE;
    }
    unit = strpbrk(f, " ([");
    if (unit != NULL) {
        *unit = '\0';
    }
    return strcmp(f, "t") == 0 || strcmp(f, "x") == 0 || strcmp(f, "s") == 0;
}

/* The header of a CSV head: the last non-empty line before the first data row. */
static const char *header_before(char **lines, int first_data_line)
{
    for (int i = first_data_line - 1; i >= 0; i--) {
        if (lines[i][0] != '\0') {
            return lines[i];
        }
    }
    return NULL;
}

gboolean trace_looks_like_truth(const char *head, gsize len)
{
    g_autofree char *text = g_strndup(head, len);
    char *lines[DETECT_MAX_LINES + 2];

    split_lines(text, lines, DETECT_MAX_LINES + 1);

    for (int i = 0; i < DETECT_MAX_LINES && lines[i] != NULL; i++) {
        const char *l = trace_skip_blanks(g_strchomp(lines[i]));
        if (l[0] == '\0' || l[0] == '#') {
            continue;
        }
        return strcmp(l, "press_ns,release_ns") == 0;
    }
    return FALSE;
}

trace_format_t trace_detect_format(const char *path, const char *head, gsize len)
{
    g_autofree char *text = g_strndup(head, len);
    char *lines[DETECT_MAX_LINES + 2];
    char *body = text;
    int n = 0, first = -1;
    gboolean vcd_keywords;

    if (g_str_has_prefix(body, "\xEF\xBB\xBF")) {
        body += 3; /* UTF-8 byte order mark, as some Windows tools write */
    }
    /* the whole head, before split_lines() cuts it */
    if (strstr(body, "<test>") != NULL || strstr(body, "Bouncy Button Benchmark") != NULL ||
        g_str_has_prefix(body, "pin: ") || strstr(body, "\npin: ") != NULL) {
        return TRACE_FORMAT_BBB;
    }
    vcd_keywords = strstr(body, "$enddefinitions") != NULL || strstr(body, "$var ") != NULL;
    split_lines(body, lines, DETECT_MAX_LINES + 1);
    for (n = 0; n < DETECT_MAX_LINES && lines[n] != NULL; n++) {
        g_strchomp(lines[n]);
        if (first < 0 && lines[n][0] != '\0') {
            first = n;
        }
    }
    if (first >= 0) {
        const char *l = trace_skip_blanks(lines[first]);
        if (g_str_has_prefix(l, "# bouncelab") || strcmp(l, "t_ns,level") == 0) {
            return TRACE_FORMAT_NATIVE;
        }
        if (l[0] == '#') {
            for (int i = first; i < n; i++) {
                if (lines[i][0] != '#' && lines[i][0] != '\0') {
                    if (strcmp(lines[i], "t_ns,level") == 0) {
                        return TRACE_FORMAT_NATIVE;
                    }
                    break;
                }
            }
        }
        if (l[0] == '$') {
            return TRACE_FORMAT_VCD;
        }
        if (l[0] == ';') {
            return TRACE_FORMAT_SIGROK;
        }
    }
    if (vcd_keywords) {
        return TRACE_FORMAT_VCD;
    }
    if (first >= 0) {
        g_auto(GStrv) header = trace_csv_fields(lines[first]);
        csv_shape_t shape = csv_shape(lines + first, n - first);
        const char *f0 = header[0] != NULL ? header[0] : "";

        if (g_ascii_strcasecmp(f0, "X") == 0 && trace_csv_find(header, 1, "Increment") > 0) {
            return TRACE_FORMAT_ANALOG; /* Rigol */
        }
        if (shape.rows > 0) {
            gboolean headerless = shape.first_data_line == 0;
            if (g_ascii_strncasecmp(f0, "Time [s]", 8) == 0 ||
                g_ascii_strncasecmp(f0, "Time[s]", 7) == 0) {
                return shape.values_bits ? TRACE_FORMAT_SALEAE : TRACE_FORMAT_ANALOG;
            }
            if ((is_sigrok_time_label(f0) || headerless) && shape.values_bits &&
                shape.time_integer) {
                return TRACE_FORMAT_SIGROK;
            }
            if (!shape.values_bits && (headerless || is_time_header(header_before(
                                                         lines + first, shape.first_data_line)))) {
                return TRACE_FORMAT_ANALOG; /* headerless: the reader says the header is missing */
            }
        }
    }
    if (g_str_has_suffix(path, ".vcd") || g_str_has_suffix(path, ".VCD")) {
        return TRACE_FORMAT_VCD;
    }
    if (g_str_has_suffix(path, ".log")) {
        return TRACE_FORMAT_BBB;
    }
    return TRACE_FORMAT_AUTO;
}

/* ---- reading ---- */

static char *name_from_path(const char *path)
{
    g_autofree char *base = NULL;
    char *dot;

    if (strcmp(path, "-") == 0) {
        return g_strdup("stdin");
    }
    base = g_path_get_basename(path);
    dot = strrchr(base, '.');
    if (dot != NULL && dot != base) {
        *dot = '\0';
    }
    return g_steal_pointer(&base);
}

static gboolean check_options(const trace_read_options_t *opts, GError **error)
{
    if (!(opts->vil_v < opts->vih_v) || opts->vil_v < -TRACE_READ_MAX_VOLTS ||
        opts->vih_v > TRACE_READ_MAX_VOLTS) {
        g_set_error(error, TRACE_ERROR, TRACE_ERROR_INVALID,
                    "--vil (%g V) must be below --vih (%g V), both within +-%g V", opts->vil_v,
                    opts->vih_v, TRACE_READ_MAX_VOLTS);
        return FALSE;
    }
    if (opts->gap_ns <= 0 || opts->gap_ns > TRACE_TIME_LIMIT_NS) {
        g_set_error(error, TRACE_ERROR, TRACE_ERROR_INVALID,
                    "--gap must be longer than 0 and at most %" G_GINT64_FORMAT " ns (2^61)",
                    TRACE_TIME_LIMIT_NS);
        return FALSE;
    }
    return TRUE;
}

trace_t *trace_read(const char *path, const trace_read_options_t *opts, trace_format_t *detected,
                    GError **error)
{
    trace_read_options_t defaults;
    g_autoptr(trace_line_reader_t) reader = NULL;
    trace_format_t format;
    trace_t *trace = NULL;

    if (opts == NULL) {
        trace_read_options_init(&defaults);
        opts = &defaults;
    }
    if (!check_options(opts, error)) {
        return NULL;
    }
    reader = trace_line_reader_open(path, error);
    if (reader == NULL) {
        return NULL;
    }
    format = opts->format;
    if (format == TRACE_FORMAT_AUTO || format == TRACE_FORMAT_NATIVE) {
        const char *head;
        gsize len;
        if (!trace_line_reader_peek(reader, &head, &len, error)) {
            return NULL;
        }
        if (len == 0 && format == TRACE_FORMAT_AUTO) {
            trace_parse_error_at(error, path, 1, "empty file");
            return NULL;
        }
        if (trace_looks_like_truth(head, len)) {
            g_autofree char *stem = g_str_has_suffix(path, ".truth.csv")
                                        ? g_strndup(path, strlen(path) - strlen(".truth.csv"))
                                        : NULL;
            g_autofree char *trace_path = stem ? g_strconcat(stem, ".csv", NULL) : NULL;
            trace_parse_error_at(error, path, 1,
                                 "this looks like a truth file (press_ns,release_ns); give its "
                                 "trace%s%s%s",
                                 trace_path ? " (" : "", trace_path ? trace_path : "",
                                 trace_path ? ")" : "");
            return NULL;
        }
    }
    if (format == TRACE_FORMAT_AUTO) {
        const char *head;
        gsize len;
        if (!trace_line_reader_peek(reader, &head, &len, error)) {
            return NULL;
        }
        format = trace_detect_format(path, head, len);
        if (format == TRACE_FORMAT_AUTO) {
            trace_parse_error_at(error, path, 1,
                                 "not a trace format bouncelab knows (native CSV, VCD, sigrok CSV, "
                                 "Saleae CSV, analog CSV, BBB log); try --format");
            return NULL;
        }
    }
    switch (format) {
    case TRACE_FORMAT_NATIVE:
        trace = trace_read_native(reader, opts, error);
        break;
    case TRACE_FORMAT_VCD:
        trace = trace_read_vcd(reader, opts, error);
        break;
    case TRACE_FORMAT_SIGROK:
        trace = trace_read_sigrok(reader, opts, error);
        break;
    case TRACE_FORMAT_SALEAE:
        trace = trace_read_saleae(reader, opts, error);
        break;
    case TRACE_FORMAT_ANALOG:
        trace = trace_read_analog(reader, opts, error);
        break;
    case TRACE_FORMAT_BBB:
        trace = trace_read_bbb(reader, opts, error);
        break;
    case TRACE_FORMAT_AUTO:
    default:
        g_set_error(error, TRACE_ERROR, TRACE_ERROR_INVALID, "no format given");
        break;
    }
    if (trace == NULL) {
        return NULL;
    }
    if (!trace_check_time_limit(trace, error)) {
        g_prefix_error(error, "%s: ", path);
        trace_free(trace);
        return NULL;
    }
    g_free(trace->name);
    trace->name = name_from_path(path);
    if (opts->active != TRACE_ACTIVE_AUTO) {
        trace->active_low = opts->active == TRACE_ACTIVE_LOW;
    }
    if (detected != NULL) {
        *detected = format;
    }
    return trace;
}
