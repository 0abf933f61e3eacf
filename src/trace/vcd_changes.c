/* The VCD value-change fast path (see vcd_changes.h). */
#include "vcd_changes.h"

void trace_vcd_commit_truth(vcd_state_t *st, trace_builder_t *b, int64_t t_ns)
{
    if (st->truth_level < 0) {
        st->truth_first = st->truth_pending;
        st->truth_first_ns = t_ns;
    }
    if (st->truth_pending != st->truth_level) {
        if (st->truth_pending == 1) {
            st->press_ns = t_ns;
        } else if (st->truth_level == 1) {
            trace_add_truth(b->trace, st->press_ns, t_ns);
        }
        st->truth_level = st->truth_pending;
    }
    st->truth_pending = -1;
}

const char *trace_vcd_fast_lines(vcd_state_t *st, trace_builder_t *b, const char *s,
                                 const char *end, guint64 *lines)
{
    guint64 n = 0;

    while (s < end) {
        const char *p = s;
        gboolean has_time = FALSE;
        uint64_t t = 0;
        int chan = -1, truth = -1;
        int64_t new_ns; /* only checked: commit() converts again */

        if (*p == '#') {
            int digits;
            p++;
            digits = trace_parse_digits_fast(&p, &t);
            if (G_UNLIKELY(digits == 0 || digits > TRACE_SAFE_DIGITS ||
                           (st->have_time && t <= st->time) ||
                           !trace_vcd_ticks_to_ns(st, t, &new_ns))) {
                break;
            }
            has_time = TRUE;
        }
        for (;;) {
            const char *id;
            char v;
            while (*p == ' ' || *p == '\t') {
                p++;
            }
            if (*p == '\n' || (*p == '\r' && p[1] == '\n')) {
                break;
            }
            v = *p;
            if (G_UNLIKELY(v != '0' && v != '1' && v != 'x' && v != 'X' && v != 'z' && v != 'Z')) {
                goto stop; /* anything else is data_line()'s */
            }
            id = ++p;
            while (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') {
                p++;
            }
            if (G_UNLIKELY(p == id)) {
                goto stop;
            }
            if (trace_vcd_is_id(id, (gsize)(p - id), st->chan)) {
                chan = v == '0' ? 0 : (v == '1' ? 1 : chan);
            } else if (trace_vcd_is_id(id, (gsize)(p - id), st->truth)) {
                truth = v == '0' ? 0 : (v == '1' ? 1 : truth);
            }
        }
        if (has_time) {
            if (st->pending >= 0 || st->truth_pending >= 0) {
                /* commit(), except that its errors are left to data_line() */
                int64_t t_ns;
                if (G_UNLIKELY(!trace_vcd_ticks_to_ns(st, st->time, &t_ns))) {
                    break;
                }
                if (st->pending >= 0) {
                    if (G_UNLIKELY(b->started && t_ns <= b->last_ns)) {
                        break;
                    }
                    trace_builder_level(b, t_ns, st->pending == 1);
                    st->pending = -1;
                }
                if (G_UNLIKELY(st->truth_pending >= 0)) {
                    trace_vcd_commit_truth(st, b, t_ns);
                }
            }
            st->time = t;
            st->have_time = TRUE;
        }
        if (chan >= 0) {
            st->pending = chan;
        }
        if (truth >= 0) {
            st->truth_pending = truth;
        }
        s = p + (*p == '\r' ? 2 : 1);
        n++;
    }
stop:
    *lines = n;
    return s;
}
