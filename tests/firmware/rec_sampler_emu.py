#!/usr/bin/python3
"""Cycles per FIFO word of the bounce recorder's core-1 loop, by execution.

The image (rec_sampler_emu.c and .ld, built by test_rec_sampler_emu.sh with
the firmware's flags) holds the firmware's sampler and queue and a copy of
core1_sample()'s loop. This script runs it under unicorn (Cortex-M0, Thumb)
on generated sample streams: a PIO register block mapped as MMIO hands out
one word per RXF read and reports the FIFO empty when the stream is done.

Every basic block is costed with tests/emu/m0plus_cycles.py (the Cortex-M0+
TRM table, zero wait states, as the SRAM the loop runs from has). Per word:
the loop's cycles from one state check to the next (everything core 1
does for that word: the check, the FSTAT poll, the RXF read, the call, the
RXSTALL check) and rec_sampler_push_word()'s alone (its BL included). A code
hook counts the same runs instruction by instruction as a check on the
block sums. The queued edges are checked against a sample-by-sample model
of the sampler (rec_sampler.h), so the measured runs are the real paths.
Everything a pass runs must sit in SRAM (the image's linker script puts
only the FW_HOT .time_critical sections there, as the SDK's does): a
function on the per-word path left in flash fails the test.

The budget is clk_sys / RECORDER_SAMPLE_HZ * 32 cycles per word (the rate
read from the image). The test fails when a word with at most --sustain
edges takes longer than that.

usage: rec_sampler_emu.py ELF --clk-hz HZ --sustain N [--table OUT]
"""
import argparse
import os
import random
import struct
import subprocess
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "emu"))
from unicorn import (UC_ARCH_ARM, UC_HOOK_BLOCK, UC_HOOK_CODE, UC_MODE_MCLASS, UC_MODE_THUMB,
                     UC_PROT_ALL, UC_PROT_EXEC, UC_PROT_READ, Uc, UcError)
from unicorn import arm_const as arm

import core_emu        # load_elf, disassembly (tests/emu)
import m0plus_cycles   # the cycle table (tests/emu)

PAGE = 1024
SRAM_CODE = (0x20000000, 0x20010000)  # where rec_sampler_emu.ld puts .time_critical
RET = 0x10f00000
SAMPLER = 0x20100000     # rec_sampler_t (52 bytes on the target)
CFG = SAMPLER + 0x100    # rec_config_t
LINK = SAMPLER + 0x200   # rec_emu_link_t
EDGES = 0x20200000       # the queue's records
STACK = 0x20400000
STACK_TOP = STACK + 4 * PAGE
PIO = 0x50200000         # PIO0's registers, as on the RP2040
SM = 1                   # not 0, so the bit positions are exercised
FSTAT, FDEBUG, RXF0 = 0x04, 0x08, 0x20
REC_DONE = 2
EDGE_LEVEL = 0x80000000
WORD = 32


def symbols(path):
    """name -> (address, size) of every defined symbol."""
    out = subprocess.run(["arm-none-eabi-nm", "-S", path], check=True, capture_output=True,
                         text=True).stdout
    syms = {}
    for line in out.splitlines():
        f = line.split()
        if len(f) == 4:
            syms[f[3]] = (int(f[0], 16), int(f[1], 16))
    return syms


def model(samples, level, pre, cap):
    """The sampler's edge records by rec_sampler.h's rules, sample by sample."""
    armed, quiet, t0, recs = True, 0, None, []
    for i, v in enumerate(samples):
        if armed:
            if v == level:
                quiet = min(quiet + 1, pre)
            elif quiet >= pre:
                t0, armed, level = i - pre, False, v
                recs.append(pre | (EDGE_LEVEL if v else 0))
            else:
                level, quiet = v, 1
        else:
            if i - t0 >= cap:
                break
            if v != level:
                recs.append((i - t0) | (EDGE_LEVEL if v else 0))
                level = v
    return recs, t0


class Stream:
    """Builds a sample stream word by word, each word tagged with what it holds."""

    def __init__(self, level, rng):
        self.level = level
        self.rng = rng
        self.words = []  # (word, tag, edges in it)

    def add(self, edges, tag, positions=None):
        if positions is None:
            positions = sorted(self.rng.sample(range(WORD), edges))
        word, v = 0, self.level
        for b in range(WORD):
            if b in positions:
                v ^= 1
            word |= v << b
        self.level = v
        self.words.append((word, tag, len(positions)))

    def samples(self):
        return [(w >> b) & 1 for w, _, _ in self.words for b in range(WORD)]


class Meter:
    """Instructions and cycles of every block run, summed; marked at each pass of the loop."""

    def __init__(self, insns, push_ranges):
        self.insns = insns
        self.push_ranges = push_ranges
        self.block_cost = {}
        self.total = [0, 0]      # instructions, cycles since the start
        self.push = [0, 0]       # of those, in rec_sampler_push_word and its callees
        self.steps = 0           # instructions counted one by one
        self.pending = None      # fallthrough of the previous block's cond branch
        self.pending_push = False
        self.marks = []          # (total, push, steps) at each state check of the loop
        self.entry = push_ranges[0][0]
        self.in_flash = None     # a block the loop ran from flash

    def _block(self, addr, size):
        if addr not in self.block_cost:
            n = cycles = 0
            a, last = addr, None
            while a < addr + size:
                mnemonic, operands, length = self.insns[a]
                cycles += m0plus_cycles.cost(mnemonic, operands)[0]
                n += 1
                last = (a, mnemonic, length)
                a += length
            cond = last[0] + last[2] if m0plus_cycles.is_cond_branch(last[1]) else None
            self.block_cost[addr] = (n, cycles, cond)
        return self.block_cost[addr]

    def on_block(self, uc, addr, size, user):
        if self.marks and not SRAM_CODE[0] <= addr < SRAM_CODE[1] and self.in_flash is None:
            self.in_flash = addr
        if self.pending is not None and addr != self.pending:
            self.total[1] += 1  # the branch was taken: 2 cycles, not 1
            if self.pending_push:
                self.push[1] += 1
        n, cycles, cond = self._block(addr, size)
        in_push = any(s <= addr < s + z for s, z in self.push_ranges)
        if addr == self.entry:
            self.push[0] += 1   # the loop's BL into it
            self.push[1] += 3
        self.total[0] += n
        self.total[1] += cycles
        if in_push:
            self.push[0] += n
            self.push[1] += cycles
        self.pending = cond
        self.pending_push = in_push

    def on_code(self, uc, addr, size, user):
        self.steps += 1

    def mark(self):
        self.marks.append((tuple(self.total), tuple(self.push), self.steps))


def run(elf, syms, insns, stream, pre, cap, capacity, level0):
    """Runs one stream; returns per-word (tag, loop instr, loop cycles, push instr, push cycles)."""
    uc = Uc(UC_ARCH_ARM, UC_MODE_THUMB | UC_MODE_MCLASS)
    uc.ctl_set_cpu_model(arm.UC_CPU_ARM_CORTEX_M0)
    core_emu.load_elf(uc, elf)
    uc.mem_map(RET, PAGE, UC_PROT_READ | UC_PROT_EXEC)
    uc.mem_map(SAMPLER, PAGE, UC_PROT_ALL)
    uc.mem_map(EDGES, max(PAGE, capacity * 4), UC_PROT_ALL)
    uc.mem_map(STACK, 4 * PAGE, UC_PROT_ALL)

    push_names = ["rec_sampler_push_word"]
    todo = list(push_names)
    while todo:  # push_word and whatever it calls by BL
        start, size = syms[todo.pop()]
        for a in range(start, start + size, 2):
            if a in insns and insns[a][0] == "bl":
                target = int(insns[a][1].split()[0], 16)
                callee = next(n for n, (s, _) in syms.items() if s == target)
                if callee not in push_names:
                    push_names.append(callee)
                    todo.append(callee)
    meter = Meter(insns, [syms[n] for n in push_names])
    words = [w for w, _, _ in stream.words]
    state = {"next": 0}

    def pio_read(uc, offset, size, user):
        if offset == FSTAT:
            if state["next"] >= len(words):
                state["starved"] = True
                uc.emu_stop()
                return 1 << (8 + SM)  # RXEMPTY: nothing more to give
            return 0
        if offset == RXF0 + 4 * SM:
            state["next"] += 1
            return words[state["next"] - 1]
        return 0

    def pio_write(uc, offset, size, value, user):
        pass

    uc.mmio_map(PIO, 0x1000, pio_read, None, pio_write, None)
    code = [(s, z) for n, (s, z) in syms.items() if z and insns.get(s)]
    for s, z in code:
        uc.hook_add(UC_HOOK_BLOCK, meter.on_block, begin=s, end=s + z - 1)
        uc.hook_add(UC_HOOK_CODE, meter.on_code, begin=s, end=s + z - 1)

    # a pass is from one state check of the loop to the next: its BL into
    # rec_sampler_state() ends a basic block, so the block sums stand there
    start, size = syms["rec_emu_run"]
    top = next(a for a in range(start, start + size) if a in insns and insns[a][0] == "bl"
               and int(insns[a][1].split()[0], 16) == syms["rec_sampler_state"][0])
    uc.hook_add(UC_HOOK_CODE, lambda uc, a, z, u: meter.mark(), begin=top, end=top)

    uc.mem_write(CFG, struct.pack("<2I", pre, cap))
    uc.mem_write(LINK, struct.pack("<2I", PIO, SM))
    sp = STACK_TOP - 8
    uc.mem_write(sp, struct.pack("<2I", level0, LINK))  # 5th and 6th arguments
    for reg, value in ((arm.UC_ARM_REG_R0, SAMPLER), (arm.UC_ARM_REG_R1, CFG),
                       (arm.UC_ARM_REG_R2, EDGES), (arm.UC_ARM_REG_R3, capacity),
                       (arm.UC_ARM_REG_SP, sp), (arm.UC_ARM_REG_LR, RET | 1)):
        uc.reg_write(reg, value)
    try:
        uc.emu_start(syms["rec_emu_run"][0] | 1, RET, count=50_000_000)
    except UcError as e:
        sys.exit("FAIL: the emulator stopped at pc 0x%08x: %s" % (uc.reg_read(arm.UC_ARM_REG_PC), e))
    if state.get("starved") or uc.reg_read(arm.UC_ARM_REG_PC) != RET:
        sys.exit("FAIL: the capture did not end with the stream's last word")

    if meter.in_flash is not None:
        name = next((n for n, (a, z) in syms.items() if a <= meter.in_flash < a + z), "?")
        sys.exit("FAIL: the per-word path runs %s (0x%08x) from flash: mark it FW_HOT" %
                 (name, meter.in_flash))

    # the run's edges against the model
    st, = struct.unpack("<I", uc.mem_read(SAMPLER, 4))
    overflowed = uc.mem_read(SAMPLER + 5, 1)[0]
    lost, lost_from = struct.unpack("<2I", uc.mem_read(SAMPLER + 8, 8))
    head, = struct.unpack("<I", uc.mem_read(SAMPLER + 36, 4))
    want, _ = model(stream.samples(), level0, pre, cap)
    kept = want[:capacity]
    got = list(struct.unpack("<%dI" % head, uc.mem_read(EDGES, 4 * head))) if head else []
    if got != kept:
        i = next((k for k in range(min(len(got), len(kept))) if got[k] != kept[k]),
                 min(len(got), len(kept)))
        sys.exit("FAIL: queued edge %d differs from the model (%d queued, %d expected)" %
                 (i, len(got), len(kept)))
    if len(want) > capacity and not (overflowed and lost == len(want) - capacity and
                                     lost_from == want[capacity] & ~EDGE_LEVEL):
        sys.exit("FAIL: the overflow's count or start differs from the model")
    if len(want) <= capacity and overflowed:
        sys.exit("FAIL: an overflow the model does not have")

    marks = meter.marks
    rows = []
    for i in range(len(marks) - 1):
        (ti, tc), (pi, pc), si = marks[i]
        (tj, tcj), (pj, pcj), sj = marks[i + 1]
        if sj - si != tj - ti:
            sys.exit("FAIL: the block sums and the instruction-by-instruction count disagree "
                     "at word %d" % i)
        rows.append(stream.words[i][1:] + (tj - ti, tcj - tc, pj - pi, pcj - pc))
    if st != REC_DONE or len(rows) != len(words):
        sys.exit("FAIL: measured %d words of %d" % (len(rows), len(words)))
    return rows


PRE = 64  # pretrigger samples of every run


def probe_stream(rng):
    """One edge a word at each position in turn: what an edge costs where it sits."""
    s = Stream(1, rng)
    for _ in range(3):
        s.add(0, "armed, quiet")
    s.add(1, "trigger", positions=[0])
    for b in range(WORD):
        s.add(1, "probe", positions=[b])
    s.add(0, "capture ends")
    return s


def scenarios(rng, costly):
    """(stream, pretrigger, queue capacity, initial level) of each run. Each
    run's capture ends in its last word, 5 samples before the word's end.
    `costly`: bit positions, the dearest edge first."""
    out = []
    pre = PRE
    # bouncing while armed, the quiet stretch, the trigger, then k edges a word
    s = Stream(1, rng)
    for _ in range(3):
        s.add(3, "armed, bouncing")
    for _ in range(3):
        s.add(0, "armed, quiet")
    s.add(1, "trigger")
    # where the edges sit changes the path through lowest_bit() a little:
    # each count at the dearest positions, the bottom and the top of the
    # word, then at random
    for k in (0, 1, 2, 3, 4, 5, 6, 7, 8, 12, 16, 24, 32):
        s.add(k, "capturing", positions=sorted(costly[:k]))
        s.add(k, "capturing", positions=list(range(k)))
        s.add(k, "capturing", positions=list(range(WORD - k, WORD)))
        for _ in range(61):
            s.add(k, "capturing")
    s.add(32, "capture ends")
    out.append((s, pre, 32768, 1))
    s = Stream(1, rng)
    for _ in range(3):
        s.add(0, "armed, quiet")
    s.add(1, "trigger", positions=[0])
    s.add(0, "capture ends")
    out.append((s, pre, 32768, 1))
    # the trigger and more edges in its word
    for k in (2, 3, 4, 5, 8, 32):
        s = Stream(1, rng)
        for _ in range(3):
            s.add(0, "armed, quiet")
        s.add(k, "trigger", positions=sorted(costly[:k]))
        s.add(0, "capture ends")
        out.append((s, pre, 32768, 1))
    # a full queue: the first edges fill it, the rest are counted as lost
    s = Stream(0, rng)
    for _ in range(3):
        s.add(0, "armed, quiet")
    s.add(1, "trigger")
    for _ in range(16):
        s.add(32, "capturing, queue full")
    s.add(32, "capture ends, queue full")
    out.append((s, pre, 8, 0))
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("elf")
    p.add_argument("--clk-hz", type=int, required=True)
    p.add_argument("--sustain", type=int, required=True)
    p.add_argument("--table")
    args = p.parse_args()

    syms = symbols(args.elf)
    insns = core_emu.disassembly("arm-none-eabi-", args.elf)
    # the sample rate, from the image's rodata (rec_emu_sample_hz)
    rate_addr, _ = syms["rec_emu_sample_hz"]
    fifo_addr, _ = syms["rec_emu_fifo_words"]
    image = Uc(UC_ARCH_ARM, UC_MODE_THUMB | UC_MODE_MCLASS)
    core_emu.load_elf(image, args.elf)
    rate, = struct.unpack("<I", image.mem_read(rate_addr, 4))
    fifo, = struct.unpack("<I", image.mem_read(fifo_addr, 4))
    if args.clk_hz % rate:
        sys.exit("FAIL: clk_sys %d Hz is not a whole multiple of the sample rate %d" %
                 (args.clk_hz, rate))
    budget = args.clk_hz // rate * WORD

    def measure(stream, capacity, level0):
        samples = stream.samples()
        cap = len(samples) - 5 - model(samples, level0, PRE, len(samples))[1]
        return run(args.elf, syms, insns, stream, PRE, cap, capacity, level0)

    rng = random.Random(17)
    probe = [r for r in measure(probe_stream(rng), 32768, 1) if r[0] == "probe"]
    costly = sorted(range(WORD), key=lambda b: (-probe[b][3], b))
    measured = []
    for stream, _, capacity, level0 in scenarios(rng, costly):
        measured += measure(stream, capacity, level0)
    return report(args, measured, budget, rate, fifo)


def report(args, measured, budget, rate, fifo):
    lines = ["word,edges,words,max_loop_instructions,max_loop_cycles,mean_loop_cycles,"
             "max_push_word_cycles"]
    table = {}
    for tag, edges, li, lc, pi, pc in measured:
        table.setdefault((tag, edges), []).append((li, lc, pi, pc))
    worst = {}
    for (tag, edges), rows in sorted(table.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        lines.append('"%s",%d,%d,%d,%d,%.1f,%d' % (
            tag, edges, len(rows), max(r[0] for r in rows), max(r[1] for r in rows),
            sum(r[1] for r in rows) / len(rows), max(r[3] for r in rows)))
        worst[edges] = max(worst.get(edges, 0), max(r[1] for r in rows))
    print("\n".join(lines))
    if args.table:
        with open(args.table, "w") as f:
            f.write("\n".join(lines) + "\n")
    per_edge = (worst[32] - worst[0]) / 32
    sustained = max(k for k in worst if all(worst[j] <= budget for j in worst if j <= k))
    print("budget: %d cycles a word (clk_sys %d Hz / %d samples/s * 32)" %
          (budget, args.clk_hz, rate))
    print("longest pass: %d cycles with no edge, %d with 32 (%.1f a further edge)" %
          (worst[0], worst[32], per_edge))
    print("every word with up to %d edges fits the budget" % sustained)
    # k edges in every word: core 1 falls behind by (worst - budget) cycles a
    # word, and the FIFO's words of slack (fifo * budget cycles) are used up
    # after the burst below; quiet words then catch up
    for k, c in sorted(worst.items()):
        if c > budget:
            print("%2d edges a word: up to %d such words in a row, within the FIFO's %d" %
                  (k, fifo * budget // (c - budget), fifo))
    bad = [(k, c) for k, c in sorted(worst.items()) if k <= args.sustain and c > budget]
    if bad:
        for k, c in bad:
            print("FAIL: a word with %d edges takes %d cycles, over the budget of %d" %
                  (k, c, budget))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
