/*
 * The stress CSV reader (what `merge`, `verdict` and `plot` read): any bytes
 * give rows or an error, and a row read back from what the writer made of a
 * row is written the same again (format, parse and format agree), so merge
 * cannot change a run's numbers by re-reading them.
 */
#include "fuzz_util.h"
#include "stress_csv.h"

#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    g_autoptr(GError) error = NULL;
    g_autoptr(GArray) rows = stress_csv_read(fuzz_input_path(data, size), &error);

    if (rows == NULL) {
        if (error == NULL) {
            fuzz_fail("stress_csv_read failed without an error");
        }
        return 0;
    }
    for (guint i = 0; i < rows->len; i++) {
        g_autofree char *first = stress_csv_format(&g_array_index(rows, stress_row_t, i));
        g_autofree char *second = NULL;
        stress_row_t again = {0};
        g_autoptr(GError) parse_error = NULL;

        first[strlen(first) - 1] = '\0'; /* the parser takes a line without its newline */
        if (!stress_csv_parse(first, &again, &parse_error)) {
            fuzz_fail("row %u as written does not read back: %s", i, parse_error->message);
        }
        second = stress_csv_format(&again);
        second[strlen(second) - 1] = '\0';
        if (strcmp(first, second) != 0) {
            fuzz_fail("row %u changes when read back:\n%s\n%s", i, first, second);
        }
        stress_row_clear(&again);
    }
    return 0;
}
