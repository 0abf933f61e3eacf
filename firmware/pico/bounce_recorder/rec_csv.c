/* The bounce recorder's native trace CSV lines (see rec_csv.h). */
#include "rec_csv.h"

#include "fw_text.h"

size_t rec_csv_header(char *buf, size_t size, bool active_low, uint64_t end_ns)
{
    fw_text_t t;

    fw_text_init(&t, buf, size);
    fw_text_str(&t, "# bouncelab trace v1\n# active: ");
    fw_text_str(&t, active_low ? "low" : "high");
    fw_text_str(&t, "\n# end_ns: ");
    fw_text_u64(&t, end_ns);
    fw_text_str(&t, "\nt_ns,level\n");
    return t.len;
}

size_t rec_csv_row(char *buf, size_t size, uint64_t t_ns, bool level)
{
    fw_text_t t;

    fw_text_init(&t, buf, size);
    fw_text_u64(&t, t_ns);
    fw_text_str(&t, level ? ",1\n" : ",0\n");
    return t.len;
}

size_t rec_csv_edge_row(char *buf, size_t size, uint32_t record, uint32_t ns_per_sample)
{
    uint64_t t_ns = (uint64_t)(record & REC_EDGE_INDEX_MASK) * ns_per_sample;
    return rec_csv_row(buf, size, t_ns, (record & REC_EDGE_LEVEL) != 0u);
}

size_t rec_csv_overflow(char *buf, size_t size, const rec_sampler_result_t *result,
                        uint32_t ns_per_sample)
{
    fw_text_t t;

    fw_text_init(&t, buf, size);
    if (!result->overflowed) {
        return 0u;
    }
    fw_text_str(&t, REC_CSV_OVERFLOW_PREFIX " ");
    if (result->stalled) {
        fw_text_str(&t, "edges");
    } else {
        fw_text_u64(&t, result->lost);
        fw_text_str(&t, result->lost == 1u ? " edge" : " edges");
    }
    fw_text_str(&t, " lost from t_ns ");
    fw_text_u64(&t, (uint64_t)result->lost_from * ns_per_sample);
    fw_text_str(&t, result->stalled ? " (the sampler stalled)\n" : "\n");
    return t.len;
}
