/*
 * Reading and writing traces. Readers stream (a file is never read whole into
 * memory) and report malformed input as TRACE_ERROR_PARSE with a message
 * "FILE:LINE: what is wrong". Writers go through util_atomic_file, so an
 * output appears whole or not at all.
 */
#ifndef TRACE_IO_H
#define TRACE_IO_H

#include "trace.h"

/** The file formats bouncelab reads. */
typedef enum {
    TRACE_FORMAT_AUTO,   /**< tell by content (then by extension) */
    TRACE_FORMAT_NATIVE, /**< bouncelab's CSV ("t_ns,level"), with NAME.truth.csv beside it */
    TRACE_FORMAT_VCD,    /**< Value Change Dump: sigrok/PulseView or an HDL simulator */
    TRACE_FORMAT_SIGROK, /**< sigrok-cli -O csv, with or without dedup */
    TRACE_FORMAT_SALEAE, /**< Saleae Logic 2 digital CSV export ("Time [s],Channel 0") */
    TRACE_FORMAT_ANALOG, /**< scope CSV (time, volts; Rigol's X,CH1,Start,Increment too) */
    TRACE_FORMAT_BBB,    /**< the Big Bouncy Button Benchmark logger's text log */
} trace_format_t;

/** Which level means pressed. */
typedef enum {
    TRACE_ACTIVE_AUTO, /**< what the file says (native header), else low */
    TRACE_ACTIVE_LOW,  /**< pressed reads 0: button to GND with a pull-up */
    TRACE_ACTIVE_HIGH, /**< pressed reads 1: button to VDD with a pull-down */
} trace_active_t;

/**
 * Schmitt trigger thresholds of the analog reader: the RP2040's GPIO input
 * levels at IOVDD = 3.3 V (RP2040 datasheet, GPIO electrical
 * characteristics: VIL max 0.8 V, VIH min 2.0 V). A level changes only when
 * the voltage crosses the far threshold.
 */
#define TRACE_READ_VIL_V_DEFAULT 0.8
#define TRACE_READ_VIH_V_DEFAULT 2.0

/** Thresholds beyond this many volts are taken for a typo. */
#define TRACE_READ_MAX_VOLTS 1000.0

/** BBB logs: quiet time laid between consecutive tests (200 ms, far above any bounce). */
#define TRACE_READ_GAP_NS_DEFAULT INT64_C(200000000)

/**
 * BBB logs: width of a pulse the logger only counted (its rising-edge
 * counter grew with no level change logged). The true width is unknown,
 * only that it was shorter than the logger's ~1.25 us sampling; 50 ns keeps
 * it invisible to polling and visible to an edge interrupt, as it was.
 */
#define TRACE_BBB_PULSE_NS INT64_C(50)

/**
 * BBB logs: the most rising edges a row may count since the one before. Real
 * logs count a handful (3 at most in a 113-test session); ten thousand
 * sub-sample pulses between two samples is no contact but a corrupt count,
 * and without a cap a 40-byte row could ask for 2^62 edges of memory.
 */
#define TRACE_BBB_MAX_RISING 10000

/** How to read a file; trace_read_options_init() gives the defaults. */
typedef struct {
    trace_format_t format;        /**< AUTO (default): by content, then extension */
    const char *channel;          /**< wire or column name; NULL: the only or first one */
    double vil_v;                 /**< analog: at or below this the input reads 0 (V) */
    double vih_v;                 /**< analog: at or above this the input reads 1 (V) */
    int64_t gap_ns;               /**< BBB: quiet time between tests (ns) */
    trace_active_t active;        /**< which level means pressed */
    gboolean bbb_include_invalid; /**< BBB: keep the tests of <invalid/> sections too */
    guint *bbb_skipped_out;       /**< BBB: if not NULL, set to the tests skipped as invalid */
} trace_read_options_t;

/** Fills `opts` with the defaults: AUTO format, first channel, RP2040 thresholds, 200 ms gap. */
void trace_read_options_init(trace_read_options_t *opts);

/**
 * Reads a trace in any known format ("-" reads standard input). The trace is
 * named after the file (base name without extension). `detected` (may be
 * NULL) receives the format used. Errors: TRACE_ERROR_IO (cannot open or
 * read), TRACE_ERROR_PARSE ("FILE:LINE: what is wrong", also for a channel
 * the file does not have), TRACE_ERROR_INVALID (bad option values, e.g.
 * --vil not below --vih; or a time beyond TRACE_TIME_LIMIT_NS). `opts` NULL
 * means the defaults. Big files are read at about 1 GB/s (a native CSV or
 * a VCD of 16 MB or more with one thread per processor, up to 8: about 2.5
 * and 1.8 GB/s on 2); memory is the trace itself, 8 bytes per edge, plus
 * about 3 MB per thread (its buffer and a piece's edges).
 */
trace_t *trace_read(const char *path, const trace_read_options_t *opts, trace_format_t *detected,
                    GError **error);

/** The format's option name: "auto", "native", "vcd", "sigrok", "saleae", "analog", "bbb". */
const char *trace_format_name(trace_format_t format);

/** A human description, e.g. "sigrok CSV". */
const char *trace_format_description(trace_format_t format);

/** What a read trace's file was: its flavour (e.g. "Saleae Logic 1.x CSV"), else the format's
 * description. */
const char *trace_file_description(const trace_t *trace, trace_format_t format);

/** Parses an option name (as trace_format_name() gives it); FALSE if unknown. */
/** TRUE for a format that holds one pin (native CSV, BBB log): no --channel to pick. */
gboolean trace_format_one_channel(trace_format_t format);

/** The format names, comma-separated, LAST_SEP (", " or " or ") before the last; g_free it. */
char *trace_format_names(const char *last_sep);

gboolean trace_format_from_name(const char *name, trace_format_t *format);

/**
 * The format of a file from its first bytes `head` (and, when they do not
 * tell, the extension of `path`); TRACE_FORMAT_AUTO if unknown.
 */
trace_format_t trace_detect_format(const char *path, const char *head, gsize len);

/** TRUE when a file's head is a truth file ("press_ns,release_ns"), not a trace. */
gboolean trace_looks_like_truth(const char *head, gsize len);

/** Path of the truth file beside a native trace: "x.csv" -> "x.truth.csv". */
char *trace_truth_path(const char *trace_path);

/**
 * Writes a trace in bouncelab's native CSV (header, then "t_ns,level" rows,
 * the first row giving the initial level) and, when the trace has truth,
 * its truth beside it (trace_truth_path(), "press_ns,release_ns" rows, an
 * empty release_ns for a press still held at the end). Both are written out
 * before either replaces an existing file, so a write error (a full disk)
 * leaves the old pair as it was. Written to "-" or a device, the truth is
 * left out: there is no folder to put it beside.
 */
gboolean trace_write_csv(const trace_t *trace, const char *path, GError **error);

/**
 * One 1-bit signal for the VCD writer: a level and the times it flips. An
 * event marker is a signal that toggles at each event (initial level 0, one
 * edge per event), so every event shows as one transition in GTKWave and
 * PulseView.
 */
typedef struct {
    const char *name;        /**< wire name; blanks become '_' */
    gboolean initial_level;  /**< level at start_ns */
    const int64_t *edges_ns; /**< strictly increasing, within [start_ns, end_ns] (ns) */
    gsize n_edges;
} trace_vcd_signal_t;

/** Finest and coarsest VCD timescale the writer uses: 1 ns and 1 s. */
#define TRACE_VCD_TIMESCALE_MIN_NS INT64_C(1)
#define TRACE_VCD_TIMESCALE_MAX_NS INT64_C(1000000000)

/** How trace_write_vcd() lays a file out. */
typedef struct {
    int64_t start_ns, end_ns; /**< the span the file covers (ns) */
    const char *comment;      /**< a $comment for people, or NULL */
    trace_active_t active;    /**< LOW/HIGH: recorded; AUTO: not recorded */
    int64_t timescale_ns;     /**< 0: the coarsest exact one; else a power of ten, 1 ns .. 1 s */
} trace_vcd_layout_t;

/**
 * Writes signals side by side as a VCD that GTKWave, PulseView and
 * sigrok-cli open: all initial levels at start_ns, every change at its time,
 * and a last bare timestamp after the last change marking the length (at
 * end_ns, or one tick after it when a change falls on end_ns: sigrok-cli
 * drops a change at the file's last timestamp). The timescale is the
 * coarsest power of ten (1 ns to 1 s) that keeps every time exact, or the
 * one given, to which times are rounded (a pulse shorter than a tick then
 * vanishes). Its $version records what trace_read() reads back (end, time
 * offset, active level), which GTKWave's vcd2fst/fst2vcd keep; the active
 * level is also a wire "bouncelab_active_low" (or "_high"), constant 1, as
 * sigrok keeps only wires. Times before 0 are shifted (VCD times are
 * unsigned), the shift recorded. TRACE_ERROR_INVALID if edges are out of
 * order or outside the span, or the timescale is not a power of ten in range.
 */
gboolean trace_write_vcd(const char *path, const trace_vcd_signal_t *signals, gsize n_signals,
                         const trace_vcd_layout_t *layout, GError **error);

/** A timescale for trace_vcd_layout_t: TRUE if `ns` is a power of ten from 1 ns to 1 s. */
gboolean trace_vcd_timescale_ok(int64_t ns);

/**
 * Writes a trace as a VCD (trace_write_vcd_trace_at() with the coarsest
 * exact timescale): the pin as a wire named after the trace, the active
 * level's marker wire, and when the trace has truth, a wire "truth" that is
 * 1 while truly pressed. Reading it back gives the same trace (edges,
 * start, end, active level, truth), also after vcd2fst/fst2vcd, and after
 * sigrok-cli (edges, truth, active level).
 */
gboolean trace_write_vcd_trace(const trace_t *trace, const char *path, GError **error);

/** Same with a timescale (ns; 0: the coarsest exact one), as trace_vcd_layout_t takes it. */
gboolean trace_write_vcd_trace_at(const trace_t *trace, const char *path, int64_t timescale_ns,
                                  GError **error);

/** The truth of `trace` as the edges of a wire that is 1 while truly pressed; *initial its level at
 * start. */
GArray *trace_truth_edges(const trace_t *trace, gboolean *initial);

#endif
