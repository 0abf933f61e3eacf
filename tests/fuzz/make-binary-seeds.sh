#!/usr/bin/env bash
# Writes the hand-made seeds of the two differential harnesses (binary
# inputs, so they are spelled out here byte by byte; the layout is in the
# comment at the top of each harness). usage: tests/fuzz/make-binary-seeds.sh
set -euo pipefail
cd "$(dirname "$0")/corpus"

# core_equivalence: head (algo | 0x80 active-low | 0x40 initial high), press
# window, release window (2 bytes each, ticks), start tick (4 bytes), then
# 2-byte records: delay (low 12 bits) + 0x8000 for an extra update.
# defer 1000/1500 starting 4096 ticks before the wrap: a press with three
# bounces, an extra update, a release with one bounce
printf '\xC2\x03\xE8\x05\xDC\xFF\xFF\xF0\x00\x00\x64\x00\x32\x00\x1E\x80\x0A\x07\xD0\x00\x28\x0B\xB8' \
  >core_equivalence/defer-wrap.bin
# lockout 5/5 (shorter than the bounces) straddling 2^31
printf '\x01\x00\x05\x00\x05\x7F\xFF\xFF\x00\x00\x03\x00\x02\x00\x09\x00\x04\x00\x64\x00\x01' \
  >core_equivalence/lockout-2p31.bin
# eager-defer 300/2000 from tick 0, active-low: bounces on both sides, extra updates at the lock end
printf '\xC3\x01\x2C\x07\xD0\x00\x00\x00\x00\x00\x0A\x00\x05\x81\x2C\x00\x64\x00\x07\x0F\xA0\x00\x14\x83\xE8' \
  >core_equivalence/eager-defer.bin
# none, windows 0
printf '\x00\x00\x00\x00\x00\x00\x00\x10\x00\x00\x01\x00\x01\x80\x00\x00\x02' \
  >core_equivalence/none.bin

# sim_equivalence: head (algo % 5 | 0x08 active-low | 0x10 initial high |
# 0x20 count levels | 0x40 main loop), press and release window (x 100 ns),
# interval (x 40 ns + 1), phase, jitter, main loop (x 10 us), hold-off
# (x 100 us), 2 bytes each; trace start (signed ns), start tick, seed, 4 bytes
# each; tail (x 1 us, 2 bytes); 2-byte edges: 0x8000 + us, or ns - 1.
# defer 2 ms, polling every 1 ms (25000 x 40 + 1 ns) at phase 256 ns, a press
# at 5 ms with bounces of ~0.5 us, a release 40 ms later
printf '\x1A\x4E\x20\x4E\x20\x61\xA8\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\xFF\xFF\xFF\x00\x12\x34\x56\x78\x4E\x20\x93\x88\x02\x00\x01\xF4\x03\x00\x9C\x40\x00\xFF' \
  >sim_equivalence/defer-1ms.bin
# integrator 1 ms at 100 us +- jitter, counting levels with a 10 ms hold-off, trace starting at -1 ms
printf '\x24\x27\x10\x27\x10\x09\xC4\x00\x10\x03\x00\x00\x00\x00\x64\xFF\xF0\xBD\xC0\x00\x00\x00\x00\x00\x00\x00\x07\x13\x88\x83\xE8\x00\x20\x00\x30\x80\x64\xA7\x10\x00\x10' \
  >sim_equivalence/integrator-level.bin
# lockout 500 us, 50 us polling with jitter, events through a 3 ms main loop
printf '\x49\x13\x88\x13\x88\x04\xE2\x00\x05\x01\x00\x01\x2C\x00\x00\x00\x00\x00\x00\x80\x00\x00\x00\x00\x00\xAB\xCD\x03\xE8\x81\xF4\x00\x10\x00\x08\x88\xB8\x80\x03' \
  >sim_equivalence/lockout-mainloop.bin
# the first seed's trace placed at the upper time limit (bit 7, start >= 0),
# and at the lower one (start < 0)
printf '\x9A\x4E\x20\x4E\x20\x61\xA8\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\xFF\xFF\xFF\x00\x12\x34\x56\x78\x4E\x20\x93\x88\x02\x00\x01\xF4\x03\x00\x9C\x40\x00\xFF' \
  >sim_equivalence/defer-1ms-upper-limit.bin
printf '\x9A\x4E\x20\x4E\x20\x61\xA8\x01\x00\x00\x00\x00\x00\x00\x00\x80\x00\x00\x00\xFF\xFF\xFF\x00\x12\x34\x56\x78\x4E\x20\x93\x88\x02\x00\x01\xF4\x03\x00\x9C\x40\x00\xFF' \
  >sim_equivalence/defer-1ms-lower-limit.bin

# irq_equivalence: head (algo % 4 | trigger % 5 << 2 | 0x20 active-low |
# 0x40 initial high | 0x80 count entries or levels), flags (0x01 entries,
# 0x02 ns steps, 0x04 hold-off, 0x08 main loop); 2 bytes each (x step):
# press and release window, GPIO latency, jitter, tail, alarm latency,
# jitter, tail, handler; 1 byte each: GPIO and alarm tail probability
# (x 1/255); 4 bytes each: start tick, seed; 2 bytes: tail; 2-byte edges.
mkdir -p irq_equivalence
# defer 5 ms on both edges, 1 us steps, latencies of a few us, near the wrap
printf '\x6A\x00\x13\x88\x13\x88\x00\x02\x00\x01\x00\x00\x00\x01\x00\x00\x00\x00\x00\x03\x00\x00\xFF\xFF\xF0\x00\x12\x34\x56\x78\x27\x10\x03\xE8\x00\xC8\x00\x32\x00\x32\x27\x10\x00\x10' \
  >irq_equivalence/defer-both.bin
# lockout on a low level, ns steps, tails half the time, a hold-off
printf '\x6D\x06\x0B\xB8\x0B\xB8\x00\x64\x00\x32\x03\xE8\x00\x00\x00\x0A\x00\x64\x00\xC8\x80\x40\x7F\xFF\xFF\x00\x00\x00\x00\x07\x10\x00\x01\x00\x00\x05\x00\x05\x03\x00\x00\x01\x00\x01' \
  >irq_equivalence/lockout-level.bin
# eager-defer on falling edges counting entries, a main loop
printf '\xE3\x09\x07\xD0\x07\xD0\x00\x32\x00\x0A\x00\x00\x00\x32\x00\x00\x00\x00\x00\x1E\x00\x00\x00\x00\x00\x00\xAB\xCD\xEF\x01\x13\x88\x01\xF4\x00\x01\x00\x02\x00\x01\x4E\x20\x00\x03\x00\x01' \
  >irq_equivalence/eager-defer-entries.bin
