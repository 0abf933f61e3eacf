/* The bounce recorder's sampler (see rec_sampler.h). */
#include "rec_sampler.h"

static rec_state_t state_of(const rec_sampler_t *s)
{
    /* only the sampler writes the state, so it may read it relaxed */
    return (rec_state_t)atomic_load_explicit(&s->state, memory_order_relaxed);
}

static void set_state(rec_sampler_t *s, rec_state_t state)
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

static void keep_edge(rec_sampler_t *s, uint32_t index, bool level)
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

/* One sample while armed: count the quiet stretch, trigger on an edge after it. */
static void arming_sample(rec_sampler_t *s, bool level)
{
    if (level == s->level) {
        if (s->quiet < s->cfg.pretrigger_samples) {
            s->quiet++;
        }
        return;
    }
    if (s->quiet < s->cfg.pretrigger_samples) {
        s->level = level;
        s->quiet = 1u; /* this sample starts a new quiet stretch */
        return;
    }
    /* time 0 lies pretrigger_samples before this edge */
    s->result.initial_level = s->level;
    s->level = level;
    keep_edge(s, s->cfg.pretrigger_samples, level);
    s->pos = s->cfg.pretrigger_samples + 1u;
    set_state(s, REC_CAPTURING);
}

void rec_sampler_push_word(rec_sampler_t *s, uint32_t word)
{
    uint32_t steady = s->level ? 0xffffffffu : 0u;

    if (state_of(s) == REC_DONE) {
        return;
    }
    if (word == steady) {
        /* the common case, no edge: skip the word in one step */
        if (state_of(s) == REC_ARMING) {
            uint32_t room = s->cfg.pretrigger_samples - s->quiet;
            s->quiet += room < 32u ? room : 32u;
        } else {
            uint32_t room = s->cfg.capture_samples - s->pos;
            s->pos += room < 32u ? room : 32u;
            if (s->pos == s->cfg.capture_samples) {
                set_state(s, REC_DONE);
            }
        }
        return;
    }
    for (unsigned bit = 0u; bit < 32u; bit++) {
        bool level = ((word >> bit) & 1u) != 0u;
        if (state_of(s) == REC_ARMING) {
            arming_sample(s, level);
            continue;
        }
        if (s->pos == s->cfg.capture_samples) {
            set_state(s, REC_DONE);
            return;
        }
        if (level != s->level) {
            s->level = level;
            keep_edge(s, s->pos, level);
        }
        s->pos++;
    }
    if (state_of(s) == REC_CAPTURING && s->pos == s->cfg.capture_samples) {
        set_state(s, REC_DONE);
    }
}

void rec_sampler_samples_lost(rec_sampler_t *s)
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

rec_state_t rec_sampler_state(const rec_sampler_t *s)
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
