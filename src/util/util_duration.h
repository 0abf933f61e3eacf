/* Durations as people write them on a command line: 250us, 5ms, 1.5ms, 2s. */
#ifndef UTIL_DURATION_H
#define UTIL_DURATION_H

#include <glib.h>
#include <stdint.h>

/**
 * Parses a non-negative duration with a unit (ns, us, ms, s; decimals allowed,
 * e.g. "1.5ms") into nanoseconds, rounded to the nearest ns. A bare number,
 * an unknown unit or a value over ~292 years fails with an error that says
 * what was expected. G_OPTION_ERROR_BAD_VALUE.
 */
gboolean util_parse_duration_ns(const char *text, int64_t *ns_out, GError **error);

/**
 * Formats nanoseconds with the largest unit that keeps it exact and short
 * ("250us", "1.5ms", "2s", "0s"); the result parses back to the same value.
 */
char *util_format_duration(int64_t ns);

#endif
