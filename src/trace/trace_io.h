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

/**
 * Writes signals side by side as a VCD with a 1 ns timescale that GTKWave
 * and PulseView open: all initial levels at start_ns, every change at its
 * time, and a final timestamp at end_ns marking the length. `comment` (may
 * be NULL) goes into a $comment. Times before 0 are shifted (VCD times are
 * unsigned) and the shift is recorded in a comment that trace_read() undoes.
 * TRACE_ERROR_INVALID if edges are out of order or outside the span.
 */
gboolean trace_write_vcd(const char *path, const trace_vcd_signal_t *signals, gsize n_signals,
                         int64_t start_ns, int64_t end_ns, const char *comment, GError **error);

/**
 * Writes a trace as a VCD: the pin as a wire named after the trace, and when
 * the trace has truth, a wire "truth" that is 1 while truly pressed. Reading
 * it back gives the same trace (edges, start, end, active level, truth).
 */
gboolean trace_write_vcd_trace(const trace_t *trace, const char *path, GError **error);

#endif
