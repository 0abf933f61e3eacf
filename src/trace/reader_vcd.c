/*
 * VCD (IEEE 1364 value change dump), as written by sigrok-cli/PulseView
 * (timestamp and changes on one line, "#1234 0!", a bare "#t" at the end
 * marking the length) and by HDL simulators ("#t" on its own line, x/z
 * values, vectors, $dumpvars blocks). Any $timescale from 1 s to 1 fs.
 *
 * One 1-bit variable becomes the trace: --channel NAME (the reference name,
 * or scope.name), else the first 1-bit wire or reg (not an event or real,
 * which Icarus may list first). x and z keep the previous
 * level (a trace has two levels); before the first 0 or 1 the trace has not
 * started. Several changes of the wire at one timestamp: the last one
 * counts, as in a waveform viewer. A timestamp repeated (sigrok writes some)
 * continues the same instant; one going backwards is an error. Files written by bouncelab also
 * carry the active level, a time offset, the end and a "truth" wire, which are read back: from
 * $comment (older files) or $version (which GTKWave's vcd2fst/fst2vcd keep), and the active level
 * also from a marker wire "bouncelab_active_low" or "_high" (wire names are all sigrok keeps).
 * A "META samplerate:" line before the header (sigrok-cli prints it for some inputs) is skipped.
 * The value changes of a big file are read on several threads
 * (reader_vcd_parallel.h) as far as they are of the two common shapes.
 */
#include "reader_common.h"
#include "trace_error.h"
#include "reader_vcd_parallel.h"
#include "vcd_changes.h"

/*
 * Bytes of plain lines (or a piece, if less) after an odd one before the
 * threads get another turn: enough that a $dumpvars block's values do not
 * start a turn that stops at its $end, little next to a piece.
 */
#define RETRY_MIN_BYTES (UINT64_C(64) << 10)

static void vcd_var_clear(gpointer p)
{
    vcd_var_t *v = p;
    g_free(v->id);
    g_free(v->name);
    g_free(v->path);
    g_free(v->indexed);
}

static gboolean fail(vcd_state_t *st, const char *what, const char *detail)
{
    trace_parse_error(st->error, st->r, "%s%s%s", what, detail != NULL ? " " : "",
                      detail != NULL ? detail : "");
    return FALSE;
}

/* Same, naming a token that is not NUL-terminated. */
static gboolean fail_token(vcd_state_t *st, const char *what, const char *tok, gsize len)
{
    trace_parse_error(st->error, st->r, "%s '%.*s'", what, (int)len, tok);
    return FALSE;
}

static char *join_tokens(GPtrArray *tokens, const char *sep)
{
    g_ptr_array_add(tokens, NULL);
    char *s = g_strjoinv(sep, (char **)tokens->pdata);
    g_ptr_array_remove_index(tokens, tokens->len - 1);
    return s;
}

static gboolean parse_timescale(vcd_state_t *st)
{
    g_autofree char *text = join_tokens(st->tokens, "");
    static const struct {
        const char *unit;
        int exp_ns; /* 10^exp_ns ns per unit */
    } units[] = {{"s", 9}, {"ms", 6}, {"us", 3}, {"ns", 0}, {"ps", -3}, {"fs", -6}};
    const char *p = text;
    uint64_t num;
    int e = 0;

    if (trace_parse_uint(&p, &num) != TRACE_NUM_OK || (num != 1 && num != 10 && num != 100)) {
        return fail(st, "bad $timescale (expected 1, 10 or 100 and a unit, e.g. '1 ns'):", text);
    }
    e = num == 1 ? 0 : (num == 10 ? 1 : 2);
    for (gsize i = 0; i < G_N_ELEMENTS(units); i++) {
        if (strcmp(p, units[i].unit) == 0) {
            int k = e + units[i].exp_ns;
            int64_t f = 1;
            for (int j = 0; j < (k < 0 ? -k : k); j++) {
                f *= 10;
            }
            st->ts_mult = k >= 0 ? f : 1;
            st->ts_div = k >= 0 ? 1 : f;
            st->have_timescale = TRUE;
            return TRUE;
        }
    }
    return fail(st, "bad $timescale unit (expected s, ms, us, ns, ps or fs):", text);
}

/* Net types a button can be: the default channel is the first 1-bit one of these. */
static gboolean is_net_type(const char *type)
{
    static const char *const nets[] = {"wire",  "reg",    "logic", "bit",     "tri",
                                       "tri0",  "tri1",   "wand",  "wor",     "triand",
                                       "trior", "trireg", "uwire", "supply0", "supply1"};
    for (gsize i = 0; i < G_N_ELEMENTS(nets); i++) {
        if (strcmp(type, nets[i]) == 0) {
            return TRUE;
        }
    }
    return FALSE;
}

/* bouncelab's "key: value" notes, in a $comment or its $version. */
static void parse_bouncelab_comment(vcd_state_t *st)
{
    g_autofree char *text = join_tokens(st->tokens, " ");
    const char *s;

    if (strstr(text, "bouncelab") == NULL) {
        return;
    }
    st->by_bouncelab = TRUE;
    if ((s = strstr(text, "end_ticks: ")) != NULL) {
        uint64_t t;
        s += 11;
        if (trace_parse_uint(&s, &t) == TRACE_NUM_OK) {
            st->end_known = TRUE;
            st->end_ticks = t;
        }
    }
    if ((s = strstr(text, "active: ")) != NULL) {
        s += 8;
        if (g_str_has_prefix(s, "low") || g_str_has_prefix(s, "high")) {
            st->active_known = TRUE;
            st->active_low = g_str_has_prefix(s, "low");
        }
    }
    if ((s = strstr(text, "time_offset_ns: ")) != NULL) {
        int64_t off;
        s += 16;
        if (trace_parse_int64(&s, &off) == TRACE_NUM_OK) {
            st->offset_ns = off;
        }
    }
}

static gboolean end_keyword(vcd_state_t *st)
{
    GPtrArray *t = st->tokens;

    switch (st->keyword) {
    case KW_VAR: {
        /* $var type width id reference [index] $end */
        vcd_var_t v = {0};
        const char *p;
        uint64_t width;
        g_autofree char *scope = NULL;
        if (t->len < 4) {
            return fail(st, "truncated $var (expected type, width, id and name)", NULL);
        }
        p = g_ptr_array_index(t, 1);
        if (trace_parse_uint(&p, &width) != TRACE_NUM_OK || *p != '\0' || width == 0 ||
            width > G_MAXINT) {
            return fail(st, "bad $var width", g_ptr_array_index(t, 1));
        }
        v.width = (int)width;
        v.net = is_net_type(g_ptr_array_index(t, 0));
        v.id = g_strdup(g_ptr_array_index(t, 2));
        v.id_len = strlen(v.id);
        v.name = g_strdup(g_ptr_array_index(t, 3));
        if (t->len > 4) { /* "data [3]": the bit index, also accepted as "data[3]" */
            v.indexed = g_strconcat(v.name, g_ptr_array_index(t, 4), NULL);
        }
        g_ptr_array_add(st->scopes, NULL);
        scope = g_strjoinv(".", (char **)st->scopes->pdata);
        g_ptr_array_set_size(st->scopes, st->scopes->len - 1);
        v.path = scope[0] != '\0' ? g_strconcat(scope, ".", v.name, NULL) : g_strdup(v.name);
        g_array_append_val(st->vars, v);
        break;
    }
    case KW_SCOPE:
        if (t->len < 1) {
            return fail(st, "truncated $scope", NULL);
        }
        g_ptr_array_add(st->scopes, g_strdup(g_ptr_array_index(t, t->len - 1)));
        break;
    case KW_TIMESCALE:
        if (!parse_timescale(st)) {
            return FALSE;
        }
        break;
    case KW_COMMENT:
    case KW_VERSION:
        parse_bouncelab_comment(st);
        break;
    case KW_ENDDEFS:
    case KW_SKIP:
    case KW_NONE:
        break;
    }
    st->keyword = KW_NONE;
    g_ptr_array_set_size(st->tokens, 0);
    return TRUE;
}

/*
 * Header tokens from *cursor to the end of the line, or up to the "$end" of
 * "$enddefinitions": then *done becomes TRUE and *cursor points at the rest
 * of the line (a VCD may put everything on one line).
 */
static gboolean header_line(vcd_state_t *st, char **cursor, gboolean *done)
{
    char *s = *cursor;

    for (;;) {
        char *tok;
        while (*s == ' ' || *s == '\t') {
            s++;
        }
        if (*s == '\0') {
            *cursor = s;
            return TRUE;
        }
        tok = s;
        while (*s != '\0' && *s != ' ' && *s != '\t') {
            s++;
        }
        if (*s != '\0') {
            *s++ = '\0';
        }
        if (strcmp(tok, "$end") == 0) {
            keyword_t kw = st->keyword;
            if (kw == KW_NONE) {
                return fail(st, "$end without a keyword", NULL);
            }
            if (!end_keyword(st)) {
                return FALSE;
            }
            if (kw == KW_ENDDEFS) {
                *done = TRUE;
                *cursor = s;
                return TRUE;
            }
            continue;
        }
        if (st->keyword != KW_NONE) {
            g_ptr_array_add(st->tokens, g_strdup(tok));
            continue;
        }
        if (strcmp(tok, "$var") == 0) {
            st->keyword = KW_VAR;
        } else if (strcmp(tok, "$scope") == 0) {
            st->keyword = KW_SCOPE;
        } else if (strcmp(tok, "$upscope") == 0) {
            if (st->scopes->len > 0) {
                g_ptr_array_set_size(st->scopes, st->scopes->len - 1);
            }
            st->keyword = KW_SKIP;
        } else if (strcmp(tok, "$timescale") == 0) {
            st->keyword = KW_TIMESCALE;
        } else if (strcmp(tok, "$comment") == 0) {
            st->keyword = KW_COMMENT;
        } else if (strcmp(tok, "$version") == 0) {
            st->keyword = KW_VERSION;
        } else if (strcmp(tok, "$enddefinitions") == 0) {
            st->keyword = KW_ENDDEFS;
        } else if (tok[0] == '$') {
            st->keyword = KW_SKIP; /* $date and any other section */
        } else {
            trace_parse_error(st->error, st->r,
                              "unexpected '%s' in the VCD header (missing $enddefinitions?)", tok);
            return FALSE;
        }
    }
}

static const vcd_var_t *find_var(GArray *vars, const char *name)
{
    for (guint pass = 0; pass < 2; pass++) {
        for (guint i = 0; i < vars->len; i++) {
            const vcd_var_t *v = &g_array_index(vars, vcd_var_t, i);
            const char *names[] = {v->name, v->path, v->indexed};
            for (gsize k = 0; k < G_N_ELEMENTS(names); k++) {
                if (names[k] != NULL && (pass == 0 ? strcmp(names[k], name) == 0
                                                   : g_ascii_strcasecmp(names[k], name) == 0)) {
                    return v;
                }
            }
        }
    }
    return NULL;
}

static gboolean choose_channel(vcd_state_t *st)
{
    GArray *vars = st->vars;

    if (st->opts->channel != NULL) {
        st->chan = find_var(vars, st->opts->channel);
        if (st->chan == NULL) {
            GString *names = g_string_new(NULL);
            for (guint i = 0; i < vars->len && i < TRACE_CHANNEL_LIST_MAX; i++) {
                g_string_append_printf(names, "%s%s", i > 0 ? ", " : "",
                                       g_array_index(vars, vcd_var_t, i).name);
            }
            if (vars->len > TRACE_CHANNEL_LIST_MAX) {
                g_string_append_printf(names, " ... and %u more",
                                       vars->len - TRACE_CHANNEL_LIST_MAX);
            }
            trace_parse_error(st->error, st->r, "no channel '%s' in this VCD (channels: %s)",
                              st->opts->channel, names->len > 0 ? names->str : "none");
            g_string_free(names, TRUE);
            return FALSE;
        }
        if (st->chan->width != 1) {
            trace_parse_error(st->error, st->r,
                              "channel '%s' is %d bits wide; a button trace needs a 1-bit wire",
                              st->opts->channel, st->chan->width);
            return FALSE;
        }
    } else {
        for (guint i = 0; i < vars->len && st->chan == NULL; i++) {
            const vcd_var_t *v = &g_array_index(vars, vcd_var_t, i);
            if (v->width == 1 && v->net) {
                st->chan = v;
            }
        }
        if (st->chan == NULL) {
            trace_parse_error(st->error, st->r, "no 1-bit wire in this VCD");
            return FALSE;
        }
    }
    for (gsize k = 0; k < 2; k++) {
        static const char *const markers[] = {"bouncelab_active_low", "bouncelab_active_high"};
        const vcd_var_t *m = find_var(vars, markers[k]);
        if (m != NULL && m != st->chan) {
            st->by_bouncelab = TRUE;
            st->active_known = TRUE;
            st->active_low = k == 0;
        }
    }
    if (st->by_bouncelab) {
        const vcd_var_t *truth = find_var(vars, "truth");
        if (truth != NULL && truth != st->chan && truth->width == 1 &&
            strcmp(truth->id, st->chan->id) != 0) {
            st->truth = truth;
        }
    }
    return TRUE;
}

/* The largest timestamp that converts to int64 ns (with the offset), worked out once. */
static void set_time_limit(vcd_state_t *st)
{
    uint64_t room = (uint64_t)INT64_MAX - (st->offset_ns > 0 ? (uint64_t)st->offset_ns : 0u);
    st->max_ticks = st->ts_div == 1 ? room / (uint64_t)st->ts_mult : room;
}

/* Applies the changes pending at the current timestamp. */
static gboolean commit(vcd_state_t *st, trace_builder_t *b)
{
    int64_t t_ns;

    if (st->pending < 0 && st->truth_pending < 0) {
        return TRUE;
    }
    if (!trace_vcd_ticks_to_ns(st, st->time, &t_ns)) {
        return fail(st, "numbers out of range (time too large for int64 ns)", NULL);
    }
    if (st->pending >= 0) {
        if (b->started && t_ns <= b->last_ns) {
            trace_parse_error(st->error, st->r,
                              "two changes within 1 ns (at %" G_GINT64_FORMAT
                              " ns); the timescale is finer than bouncelab's",
                              t_ns);
            return FALSE;
        }
        trace_builder_level(b, t_ns, st->pending == 1);
        st->pending = -1;
    }
    if (st->truth_pending >= 0) {
        trace_vcd_commit_truth(st, b, t_ns);
    }
    return TRUE;
}

/* A scalar or vector value for identifier `id`: 0/1 set the level, x/z keep it. */
static inline void set_value(vcd_state_t *st, char value, const char *id, gsize id_len)
{
    int v = value == '0' ? 0 : (value == '1' ? 1 : -1);

    if (v < 0) {
        return;
    }
    if (trace_vcd_is_id(id, id_len, st->chan)) {
        st->pending = v;
    } else if (trace_vcd_is_id(id, id_len, st->truth)) {
        st->truth_pending = v;
    }
}

/* One line of the value change section. */
static gboolean data_line(vcd_state_t *st, trace_builder_t *b, char *line)
{
    char *s = line;

    for (;;) {
        char *tok;
        gsize len;
        while (*s == ' ' || *s == '\t') {
            s++;
        }
        if (*s == '\0') {
            return TRUE;
        }
        tok = s;
        while (*s != '\0' && *s != ' ' && *s != '\t') {
            s++;
        }
        len = (gsize)(s - tok);
        if (st->in_comment) {
            if (len == 4 && memcmp(tok, "$end", 4) == 0) {
                st->in_comment = FALSE;
            }
            continue;
        }
        switch (tok[0]) {
        case '#': {
            const char *p = tok + 1;
            uint64_t t;
            int64_t t_ns;
            trace_num_result_t res = trace_parse_uint(&p, &t);
            if (res != TRACE_NUM_OK || p != s) {
                return fail_token(
                    st, res == TRACE_NUM_RANGE ? "numbers out of range:" : "bad timestamp", tok,
                    len);
            }
            if (st->have_time && t <= st->time) {
                if (t == st->time) {
                    break; /* repeated, as sigrok writes sometimes: the same instant goes on */
                }
                trace_parse_error(st->error, st->r,
                                  "time goes backwards (#%" G_GUINT64_FORMAT
                                  " after #%" G_GUINT64_FORMAT ")",
                                  t, st->time);
                return FALSE;
            }
            if (!commit(st, b)) {
                return FALSE;
            }
            if (!trace_vcd_ticks_to_ns(st, t, &t_ns)) {
                return fail_token(st, "numbers out of range (time too large for int64 ns):", tok,
                                  len);
            }
            st->time = t;
            st->have_time = TRUE;
            break;
        }
        case '0':
        case '1':
        case 'x':
        case 'X':
        case 'z':
        case 'Z':
            if (len < 2) {
                return fail_token(st, "value change without an identifier:", tok, len);
            }
            set_value(st, tok[0], tok + 1, len - 1);
            break;
        case 'b':
        case 'B':
        case 'r':
        case 'R':
        case 's':
        case 'S': {
            /* "b0101 id": the identifier is the next token */
            char last = tok[len - 1];
            char *id;
            gboolean vector = tok[0] == 'b' || tok[0] == 'B';
            while (*s == ' ' || *s == '\t') {
                s++;
            }
            if (*s == '\0') {
                return fail_token(st, "truncated line: no identifier after", tok, len);
            }
            id = s;
            while (*s != '\0' && *s != ' ' && *s != '\t') {
                s++;
            }
            if (vector && len >= 2) {
                set_value(st, last, id, (gsize)(s - id)); /* a 1-bit wire dumped as a vector */
            }
            break;
        }
        case '$':
            if (len == 8 && memcmp(tok, "$comment", 8) == 0) {
                st->in_comment = TRUE;
            }
            /* $dumpvars, $dumpall, $dumpon, $dumpoff and their $end: the values inside count */
            break;
        default:
            return fail_token(st, "unknown level or token", tok, len);
        }
    }
}

static trace_t *finish(vcd_state_t *st, trace_builder_t *b, gboolean header_done)
{
    int64_t end_ns = 0;

    if (st->r->line_no == 0) {
        fail(st, "empty file", NULL);
        return NULL;
    }
    if (!header_done) {
        fail(st, "missing header: no $enddefinitions", NULL);
        return NULL;
    }
    if (st->in_comment) {
        fail(st, "truncated file: $comment without $end", NULL);
        return NULL;
    }
    if (!commit(st, b)) {
        return NULL;
    }
    if (!b->started) {
        trace_parse_error(st->error, st->r, "channel '%s' never reads 0 or 1", st->chan->name);
        return NULL;
    }
    if (!trace_vcd_ticks_to_ns(
            st, st->end_known && st->end_ticks < st->time ? st->end_ticks : st->time, &end_ns)) {
        fail(st, "numbers out of range (time too large for int64 ns)", NULL);
        return NULL;
    }
    trace_builder_finish(b, end_ns);
    if (st->truth != NULL && st->truth_level == 1) {
        trace_add_truth(b->trace, st->press_ns, TRACE_NO_RELEASE);
    }
    if (st->active_known) {
        b->trace->active_low = st->active_low;
    }
    return b->trace;
}

/*
 * One turn of the threads from the reader's position (reader_vcd_parallel.h):
 * adds the lines they took to *lines; *paid when they read a piece's bytes
 * or more, so that another turn after the next odd line is worth starting.
 */
static gboolean threads_turn(trace_line_reader_t *r, vcd_state_t *st, trace_builder_t *b,
                             const trace_parallel_t *par, guint64 *lines, gboolean *paid,
                             GError **error)
{
    gint64 from = trace_line_reader_offset(r);
    guint64 n;

    if (!trace_vcd_changes_parallel(r, st, b, par, &n, error)) {
        return FALSE;
    }
    *lines += n;
    *paid = trace_line_reader_offset(r) - from >= (gint64)par->piece_bytes;
    return TRUE;
}

trace_t *trace_read_vcd(trace_line_reader_t *r, const trace_read_options_t *opts, GError **error)
{
    trace_parallel_t par;

    trace_parallel_init(&par);
    return trace_read_vcd_with(r, opts, &par, NULL, error);
}

trace_t *trace_read_vcd_with(trace_line_reader_t *r, const trace_read_options_t *opts,
                             const trace_parallel_t *par, guint64 *parallel_lines, GError **error)
{
    g_autoptr(trace_t) trace = trace_new("trace", TRUE, TRUE, 0);
    /* on the stack: a 32 KiB allocation per file dominated a fuzzer's inputs
     * (fresh pages every time under ASan's quarantine) */
    trace_builder_t builder;
    trace_builder_t *b = &builder;
    g_autoptr(GArray) vars = g_array_new(FALSE, TRUE, sizeof(vcd_var_t));
    g_autoptr(GPtrArray) scopes = g_ptr_array_new_with_free_func(g_free);
    g_autoptr(GPtrArray) tokens = g_ptr_array_new_with_free_func(g_free);
    vcd_state_t st = {0};
    gboolean header_done = FALSE;
    guint64 unused = 0, *threads_lines = parallel_lines != NULL ? parallel_lines : &unused;
    gboolean odd = FALSE, more_turns = FALSE;
    guint64 retry_bytes = MIN(par->piece_bytes, RETRY_MIN_BYTES);
    trace_line_result_t res;
    char *line;
    gsize len;

    g_array_set_clear_func(vars, vcd_var_clear);
    *threads_lines = 0;
    st.r = r;
    st.opts = opts;
    st.error = error;
    st.vars = vars;
    st.scopes = scopes;
    st.tokens = tokens;
    st.pending = st.truth_pending = -1;
    st.truth_level = 0;
    trace_builder_init(b, trace);

    /* the header, up to $enddefinitions, one line at a time */
    while (!header_done && (res = trace_line_reader_next(r, &line, &len, error)) == TRACE_LINE_OK) {
        char *rest = line;
        if (st.keyword == KW_NONE && st.vars->len == 0 && g_str_has_prefix(line, "META ")) {
            continue; /* sigrok-cli's print of a samplerate, before the header */
        }
        if (!header_line(&st, &rest, &header_done)) {
            return NULL;
        }
        if (header_done) {
            if (!st.have_timescale) {
                fail(&st, "missing $timescale (bouncelab cannot guess the time unit)", NULL);
                return NULL;
            }
            set_time_limit(&st);
            if (!choose_channel(&st) || !data_line(&st, b, rest)) {
                return NULL;
            }
        }
    }
    /* each change takes at least 4 bytes ("#1 0!" has one, "#1\n0!\n" too, with a time) */
    if (header_done && r->size > 0) {
        trace_builder_reserve(b, (guint64)r->size / 4u);
    }
    /* value changes: as many as can be read on several threads, then on one */
    if (header_done && !st.in_comment &&
        !threads_turn(r, &st, b, par, threads_lines, &more_turns, error)) {
        return NULL;
    }
    more_turns = TRUE;
    /* value changes: the fast path over whole buffers, data_line() where it stops */
    while (header_done) {
        const char *s, *end, *upto, *stop;
        guint64 n;
        res = trace_line_reader_window(r, &s, &end, error);
        if (res != TRACE_LINE_OK) {
            break;
        }
        upto = end;
        if (odd && more_turns && (guint64)(end - s) > retry_bytes) {
            /* after odd lines, a stretch of plain ones gives the threads another turn */
            const char *nl = memchr(s + retry_bytes, '\n', (gsize)(end - s) - retry_bytes);
            upto = nl != NULL ? nl + 1 : end;
        }
        if (st.in_comment) {
            stop = s; /* a $comment spans lines: data_line() skips it */
            n = 0;
        } else {
            stop = trace_vcd_fast_lines(&st, b, s, upto, &n);
        }
        trace_line_reader_consume(r, stop, n);
        if (stop < upto) {
            res = trace_line_reader_next(r, &line, &len, error);
            if (res != TRACE_LINE_OK || !data_line(&st, b, line)) {
                return NULL;
            }
            odd = TRUE;
        } else if (odd && more_turns && !st.in_comment && (guint64)(upto - s) >= retry_bytes) {
            /* plain lines again after odd ones (a $dumpvars block at the start, a repeated
             * timestamp): the threads again, once, and again while each turn pays */
            odd = FALSE;
            if (!threads_turn(r, &st, b, par, threads_lines, &more_turns, error)) {
                return NULL;
            }
        }
    }
    if (header_done && res != TRACE_LINE_ERROR) {
        /* a last line without a newline */
        while ((res = trace_line_reader_next(r, &line, &len, error)) == TRACE_LINE_OK) {
            if (!data_line(&st, b, line)) {
                return NULL;
            }
        }
    }
    if (res == TRACE_LINE_ERROR) {
        return NULL;
    }
    if (finish(&st, b, header_done) == NULL) {
        return NULL;
    }
    return g_steal_pointer(&trace);
}
