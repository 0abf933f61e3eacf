/* The recorder's CSV lines, against writer_csv.c's format, by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "rec_csv.h"

static void header(void **state)
{
    char buf[REC_CSV_HEADER_MAX];
    size_t len;
    (void)state;
    len = rec_csv_header(buf, sizeof buf, true, 2500000000u);
    assert_int_equal(len, strlen(buf));
    assert_string_equal(buf,
                        "# bouncelab trace v1\n# active: low\n# end_ns: 2500000000\nt_ns,level\n");
    rec_csv_header(buf, sizeof buf, false, 0u);
    assert_string_equal(buf, "# bouncelab trace v1\n# active: high\n# end_ns: 0\nt_ns,level\n");
}

static void rows(void **state)
{
    char buf[REC_CSV_LINE_MAX];
    (void)state;
    rec_csv_row(buf, sizeof buf, 0u, true);
    assert_string_equal(buf, "0,1\n");
    rec_csv_row(buf, sizeof buf, 1000000u, false);
    assert_string_equal(buf, "1000000,0\n");
    /* largest index (2^31 - 1) at 200 ns: 429496729400 */
    rec_csv_edge_row(buf, sizeof buf, REC_EDGE_INDEX_MASK | REC_EDGE_LEVEL, 200u);
    assert_string_equal(buf, "429496729400,1\n");
    rec_csv_edge_row(buf, sizeof buf, 500000u, 200u);
    assert_string_equal(buf, "100000000,0\n");
}

static void overflow_lines(void **state)
{
    char buf[REC_CSV_LINE_MAX];
    rec_sampler_result_t r = {.overflowed = false};
    (void)state;
    assert_int_equal(rec_csv_overflow(buf, sizeof buf, &r, 200u), 0);
    assert_string_equal(buf, "");
    r = (rec_sampler_result_t){.overflowed = true, .lost = 8u, .lost_from = 500018u};
    rec_csv_overflow(buf, sizeof buf, &r, 200u);
    assert_string_equal(buf, "# overflow: 8 edges lost from t_ns 100003600\n");
    r.lost = 1u;
    rec_csv_overflow(buf, sizeof buf, &r, 200u);
    assert_string_equal(buf, "# overflow: 1 edge lost from t_ns 100003600\n");
    r.stalled = true;
    rec_csv_overflow(buf, sizeof buf, &r, 200u);
    assert_string_equal(buf, "# overflow: edges lost from t_ns 100003600 (the sampler stalled)\n");
    assert_int_equal(strncmp(buf, REC_CSV_OVERFLOW_PREFIX, strlen(REC_CSV_OVERFLOW_PREFIX)), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(header),
        cmocka_unit_test(rows),
        cmocka_unit_test(overflow_lines),
    };
    return cmocka_run_group_tests_name("recorder csv", tests, NULL, NULL);
}
