/* The firmware's shared portable helpers: text building and the SPSC queue. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "fw_spsc.h"
#include "fw_text.h"

static void text_numbers(void **state)
{
    /* every digit count edge, and the largest uint64_t */
    static const struct {
        uint64_t v;
        const char *text;
    } cases[] = {
        {0u, "0"},
        {7u, "7"},
        {10u, "10"},
        {99u, "99"},
        {100u, "100"},
        {4294967295u, "4294967295"},
        {4294967296u, "4294967296"},
        {10000000000000000000u, "10000000000000000000"},
        {18446744073709551615u, "18446744073709551615"},
    };
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char buf[32];
        fw_text_t t;
        fw_text_init(&t, buf, sizeof buf);
        fw_text_u64(&t, cases[i].v);
        assert_string_equal(buf, cases[i].text);
        assert_int_equal(t.len, strlen(cases[i].text));
        assert_false(t.truncated);
    }
}

static void text_truncates_whole_numbers(void **state)
{
    char buf[6]; /* 5 characters and the NUL */
    fw_text_t t;
    (void)state;
    fw_text_init(&t, buf, sizeof buf);
    fw_text_str(&t, "ab");
    fw_text_u64(&t, 1234u); /* 2 + 4 > 5: dropped whole, never half a number */
    assert_string_equal(buf, "ab");
    assert_true(t.truncated);
    fw_text_u64(&t, 123u);
    assert_string_equal(buf, "ab123");
    fw_text_char(&t, 'x');
    assert_string_equal(buf, "ab123");
    assert_int_equal(t.len, 5);
}

static void spsc_capacity_must_be_a_power_of_two(void **state)
{
    fw_spsc_t q;
    uint32_t slot;
    (void)state;
    assert_false(fw_spsc_init(&q, 0u));
    assert_false(fw_spsc_init(&q, 3u));
    assert_false(fw_spsc_init(&q, 0x80000000u + 0x80000000u / 2u));
    /* a refused queue still holds one record, never more */
    assert_true(fw_spsc_write_slot(&q, &slot));
    fw_spsc_publish(&q);
    assert_false(fw_spsc_write_slot(&q, &slot));
    assert_true(fw_spsc_init(&q, 1u));
    assert_true(fw_spsc_init(&q, 0x80000000u));
}

static void spsc_fills_and_drains_in_order(void **state)
{
    fw_spsc_t q;
    uint32_t store[4];
    uint32_t slot;
    (void)state;
    assert_true(fw_spsc_init(&q, 4u));
    assert_false(fw_spsc_read_slot(&q, &slot));
    for (uint32_t v = 0; v < 4; v++) {
        assert_true(fw_spsc_write_slot(&q, &slot));
        store[slot] = 100u + v;
        fw_spsc_publish(&q);
    }
    assert_false(fw_spsc_write_slot(&q, &slot)); /* full at 4 */
    for (uint32_t v = 0; v < 4; v++) {
        assert_true(fw_spsc_read_slot(&q, &slot));
        assert_int_equal(store[slot], 100u + v);
        fw_spsc_release(&q);
    }
    assert_false(fw_spsc_read_slot(&q, &slot));
}

/* the counts wrap at 2^32: start them 2 short of it and pass through */
static void spsc_counts_wrap(void **state)
{
    fw_spsc_t q;
    uint32_t store[4];
    uint32_t slot;
    uint32_t next = 0;
    (void)state;
    assert_true(fw_spsc_init(&q, 4u));
    atomic_store(&q.head, UINT32_MAX - 1u);
    atomic_store(&q.tail, UINT32_MAX - 1u);
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < 4; i++) {
            assert_true(fw_spsc_write_slot(&q, &slot));
            store[slot] = next++;
            fw_spsc_publish(&q);
        }
        assert_false(fw_spsc_write_slot(&q, &slot));
        for (uint32_t i = 0; i < 4; i++) {
            assert_true(fw_spsc_read_slot(&q, &slot));
            assert_int_equal(store[slot], next - 4u + i);
            fw_spsc_release(&q);
        }
        assert_false(fw_spsc_read_slot(&q, &slot));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(text_numbers),
        cmocka_unit_test(text_truncates_whole_numbers),
        cmocka_unit_test(spsc_capacity_must_be_a_power_of_two),
        cmocka_unit_test(spsc_fills_and_drains_in_order),
        cmocka_unit_test(spsc_counts_wrap),
    };
    return cmocka_run_group_tests_name("firmware common", tests, NULL, NULL);
}
