/* The native CSV's plain-row fast path (see native_rows.h). */
#include "native_rows.h"

const char *trace_native_rows(trace_builder_t *b, const char *s, const char *end, guint64 *lines)
{
    guint64 n = 0;

    while (s < end) {
        const char *p = s;
        uint64_t t;
        int digits = trace_parse_digits_fast(&p, &t);
        char level;

        if (G_UNLIKELY(digits == 0 || digits > TRACE_SAFE_DIGITS || p[0] != ',')) {
            break;
        }
        level = p[1];
        if (G_UNLIKELY(level != '0' && level != '1')) {
            break;
        }
        p += 2;
        if (*p == '\r') {
            p++;
        }
        if (G_UNLIKELY(*p != '\n' || (b->started && (int64_t)t <= b->last_ns))) {
            break;
        }
        trace_builder_level(b, (int64_t)t, level == '1');
        s = p + 1;
        n++;
    }
    *lines = n;
    return s;
}
