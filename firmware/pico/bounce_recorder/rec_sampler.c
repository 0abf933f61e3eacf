/* The bounce recorder's sampler (see rec_sampler.h). */
#include "rec_sampler.h"

#include "fw_hot.h"

static rec_state_t FW_HOT(state_of)(const rec_sampler_t *s)
{
    /* only the sampler writes the state, so it may read it relaxed */
    return (rec_state_t)atomic_load_explicit(&s->state, memory_order_relaxed);
}

static void FW_HOT(set_state)(rec_sampler_t *s, rec_state_t state)
{
    atomic_store_explicit(&s->state, (uint32_t)state, memory_order_release);
}

bool rec_sampler_init(rec_sampler_t *s, const rec_config_t *cfg, uint32_t *edges, uint32_t capacity,
                      bool level)
{
    bool ok = cfg->pretrigger_samples >= 1u && cfg->capture_samples > cfg->pretrigger_samples &&
              cfg->capture_samples <= REC_EDGE_INDEX_MASK;

    s->cfg = *cfg;
    s->result.initial_level = level;
    s->result.overflowed = false;
    s->result.stalled = false;
    s->result.lost = 0u;
    s->result.lost_from = 0u;
    s->level = level;
    s->quiet = 0u;
    s->pos = 0u;
    s->edges = edges;
    ok = fw_spsc_init(&s->queue, capacity) && ok;
    set_state(s, ok ? REC_ARMING : REC_DONE);
    return ok;
}

static void FW_HOT(keep_edge)(rec_sampler_t *s, uint32_t index, bool level)
{
    uint32_t slot;

    if (s->result.overflowed) {
        s->result.lost++;
        return;
    }
    if (!fw_spsc_write_slot(&s->queue, &slot)) {
        s->result.overflowed = true;
        s->result.lost = 1u;
        s->result.lost_from = index;
        return;
    }
    s->edges[slot] = index | (level ? REC_EDGE_LEVEL : 0u);
    fw_spsc_publish(&s->queue);
}

/* Index of the lowest set bit of x (x != 0), without the libgcc helper __builtin_ctz needs. */
static unsigned FW_HOT(lowest_bit)(uint32_t x)
{
    unsigned b = 0u;
    if ((x & 0xffffu) == 0u) {
        b += 16u;
        x >>= 16;
    }
    if ((x & 0xffu) == 0u) {
        b += 8u;
        x >>= 8;
    }
    if ((x & 0xfu) == 0u) {
        b += 4u;
        x >>= 4;
    }
    if ((x & 0x3u) == 0u) {
        b += 2u;
        x >>= 2;
    }
    return (x & 0x1u) == 0u ? b + 1u : b;
}

/* n samples with no edge: they lengthen the quiet stretch, or move the capture on. */
static void FW_HOT(advance)(rec_sampler_t *s, uint32_t n)
{
    if (state_of(s) == REC_ARMING) {
        uint32_t room = s->cfg.pretrigger_samples - s->quiet;
        s->quiet += n < room ? n : room;
        return;
    }
    if (n >= s->cfg.capture_samples - s->pos) {
        s->pos = s->cfg.capture_samples;
        set_state(s, REC_DONE);
        return;
    }
    s->pos += n;
}

/* The next sample differs from the one before: an edge to `level`. */
static void FW_HOT(edge)(rec_sampler_t *s, bool level)
{
    if (state_of(s) == REC_CAPTURING) {
        s->level = level;
        keep_edge(s, s->pos, level);
        s->pos++;
        if (s->pos == s->cfg.capture_samples) {
            set_state(s, REC_DONE);
        }
        return;
    }
    if (s->quiet < s->cfg.pretrigger_samples) {
        s->level = level;
        s->quiet = 1u; /* this sample starts a new quiet stretch */
        return;
    }
    /* the trigger: time 0 lies pretrigger_samples before this edge */
    s->result.initial_level = s->level;
    s->level = level;
    keep_edge(s, s->cfg.pretrigger_samples, level);
    s->pos = s->cfg.pretrigger_samples + 1u;
    set_state(s, REC_CAPTURING);
}

/*
 * Work grows with the edges, not the samples: measured on the Cortex-M0+
 * build (tests/firmware/rec_sampler_emu.py, firmware README), core 1's pass
 * over a word is 113 cycles plus about 155 an edge, against 800 at 5 MS/s.
 */
void FW_HOT(rec_sampler_push_word)(rec_sampler_t *s, uint32_t word)
{
    /* bit b set: sample b differs from the sample before it */
    uint32_t changes = word ^ ((word << 1) | (s->level ? 1u : 0u));
    uint32_t next = 0u; /* first sample of the word not yet accounted for */

    while (changes != 0u && state_of(s) != REC_DONE) {
        uint32_t b = lowest_bit(changes);
        changes &= changes - 1u;
        advance(s, b - next);
        if (state_of(s) == REC_DONE) {
            return;
        }
        edge(s, ((word >> b) & 1u) != 0u);
        next = b + 1u;
    }
    if (state_of(s) != REC_DONE) {
        advance(s, 32u - next);
    }
}

void FW_HOT(rec_sampler_samples_lost)(rec_sampler_t *s)
{
    rec_state_t state = state_of(s);

    if (state == REC_ARMING) {
        s->quiet = 0u;
    } else if (state == REC_CAPTURING) {
        if (!s->result.overflowed) {
            s->result.overflowed = true;
            s->result.lost_from = s->pos;
        }
        s->result.stalled = true;
        set_state(s, REC_DONE);
    }
}

rec_state_t FW_HOT(rec_sampler_state)(const rec_sampler_t *s)
{
    return (rec_state_t)atomic_load_explicit(&s->state, memory_order_acquire);
}

bool rec_sampler_next_edge(rec_sampler_t *s, uint32_t *record)
{
    uint32_t slot;

    if (!fw_spsc_read_slot(&s->queue, &slot)) {
        return false;
    }
    *record = s->edges[slot];
    fw_spsc_release(&s->queue);
    return true;
}
