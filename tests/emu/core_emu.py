#!/usr/bin/python3
"""Runs the core's Cortex-M0+ image under unicorn against the host reference.

The image (tests/cross: core_emu.elf, the same libdebounce_core.a as the
footprint check, linked -nostdlib at the RP2040's flash address) holds
emu_run(), the replay loop that emu_reference ran on the host. This script
maps the image and RAM for the records, the button and the stack, calls
emu_run per the AAPCS with LR at a hooked return address, and compares every
output record with the host's: the event, the deadline flag and value,
is_pressed and the state bytes.

Guard: flash and the input records are read-only and everything unmapped
faults; a write hook fails the run on any write outside the button's state,
*when and the stack, except the replay loop's own (its outputs and the
setting it stores at an init).

With --cycles it also measures every debounce_update() by execution: a block
hook adds up the instructions and cycles (m0plus_cycles.py) of each basic
block the update runs, from the dispatcher's entry to its return, plus the
caller's BL; a code hook counts instruction by instruction over the first
updates as a check on the block sums.

usage: core_emu.py ELF INPUTS EXPECTED [--min-updates N] [--cycles]
                   [--budget CSV] [--table OUT]
"""
import argparse
import struct
import subprocess
import sys
import time

from unicorn import (UC_ARCH_ARM, UC_HOOK_BLOCK, UC_HOOK_CODE, UC_HOOK_MEM_WRITE,
                     UC_MODE_MCLASS, UC_MODE_THUMB, UC_PROT_EXEC, UC_PROT_READ, UC_PROT_ALL,
                     Uc, UcError)
from unicorn import arm_const as arm

import m0plus_cycles

ALGOS = ["none", "lockout", "defer", "eager-defer", "integrator"]  # debounce_algo_t order
IN_FMT = "<8I"   # emu_input_t
OUT_FMT = "<4B2I"  # emu_output_t: status (4 bytes), when, since
IN_SIZE = struct.calcsize(IN_FMT)
OUT_SIZE = struct.calcsize(OUT_FMT)
OP_INIT = 0
TAG_RANDOM = 0x80000000  # EMU_TAG_RANDOM: the record belongs to a random run

PAGE = 1024  # unicorn's ARM page: the guard's granularity
FLASH = 0x10000000
RET = 0x10f00000        # LR points here; emu_start stops on reaching it
STATE = 0x20000000      # one page: the setting, the button and *when, apart
CFG = STATE + 0x000
BUTTON = STATE + 0x100  # 12 bytes on the target
BUTTON_SIZE = 12
WHEN = STATE + 0x200
STACK = 0x20010000      # one page; running off it faults
STACK_TOP = STACK + PAGE
IN_BASE = 0x20100000
OUT_BASE = 0x20800000
BATCH = 8192            # records per emu_start


def load_elf(uc, path):
    """Maps every PT_LOAD segment of a 32-bit little-endian ELF, read-only and executable."""
    data = open(path, "rb").read()
    if data[:4] != b"\x7fELF" or data[4] != 1 or data[5] != 1:
        sys.exit("core_emu: %s is not a 32-bit little-endian ELF" % path)
    phoff, = struct.unpack_from("<I", data, 28)
    phentsize, phnum = struct.unpack_from("<HH", data, 42)
    for i in range(phnum):
        p_type, offset, vaddr, _, filesz, memsz, _, _ = struct.unpack_from(
            "<8I", data, phoff + i * phentsize)
        if p_type != 1 or memsz == 0:
            continue
        if filesz != memsz:
            sys.exit("core_emu: the image has writable data; the core must have none")
        base = vaddr & ~(PAGE - 1)
        size = (vaddr + memsz - base + PAGE - 1) & ~(PAGE - 1)
        uc.mem_map(base, size, UC_PROT_READ | UC_PROT_EXEC)
        uc.mem_write(vaddr, data[offset:offset + filesz])


def symbols(tools_prefix, path):
    """name -> (address, size) of the image's functions."""
    out = subprocess.run([tools_prefix + "nm", "-S", path], check=True, capture_output=True,
                         text=True).stdout
    syms = {}
    for line in out.splitlines():
        f = line.split()
        if len(f) == 4 and f[2] in "tT":
            syms[f[3]] = (int(f[0], 16), int(f[1], 16))
    return syms


def disassembly(tools_prefix, path):
    """address -> (mnemonic, operands, length in bytes) of every instruction."""
    out = subprocess.run([tools_prefix + "objdump", "-d", "--no-show-raw-insn", path],
                         check=True, capture_output=True, text=True).stdout
    insns = {}
    prev = None
    for line in out.splitlines():
        f = line.split("\t")
        if len(f) < 2 or not f[0].strip().endswith(":"):
            prev = None
            continue
        addr = int(f[0].strip()[:-1], 16)
        mnemonic = f[1].strip()
        operands = f[2].split("@")[0].strip() if len(f) > 2 else ""
        if prev is not None:
            insns[prev] = (insns[prev][0], insns[prev][1], addr - prev)
        insns[addr] = (mnemonic, operands, 2)
        prev = addr if not mnemonic.startswith(".") else None
    return insns


class Guard:
    """Fails the run on a write outside the button, *when and the stack."""

    def __init__(self, driver):
        self.driver = driver  # (start, end) of emu_run: its own writes are allowed
        self.fault = None

    def _driver_only(self, uc, access, addr, size, value, what):
        pc = uc.reg_read(arm.UC_ARM_REG_PC)
        if not self.driver[0] <= pc < self.driver[1]:
            self._fail(uc, addr, size, pc, what)

    def _fail(self, uc, addr, size, pc, what):
        if self.fault is None:
            self.fault = "a %d-byte write to 0x%08x (%s) from pc 0x%08x" % (size, addr, what, pc)
        uc.emu_stop()

    def install(self, uc):
        uc.hook_add(UC_HOOK_MEM_WRITE,
                    lambda uc, a, addr, s, v, u: self._driver_only(uc, a, addr, s, v, "the setting"),
                    begin=CFG, end=BUTTON - 1)
        for begin, end in ((BUTTON + BUTTON_SIZE, WHEN - 1), (WHEN + 4, STATE + PAGE - 1)):
            uc.hook_add(UC_HOOK_MEM_WRITE,
                        lambda uc, a, addr, s, v, u: self._fail(
                            uc, addr, s, uc.reg_read(arm.UC_ARM_REG_PC),
                            "beside the button and *when"),
                        begin=begin, end=end)
        uc.hook_add(UC_HOOK_MEM_WRITE,
                    lambda uc, a, addr, s, v, u: self._driver_only(uc, a, addr, s, v, "the outputs"),
                    begin=OUT_BASE, end=OUT_BASE + BATCH * OUT_SIZE - 1)


class Cycles:
    """Instructions and cycles of each debounce_update(), by execution."""

    def __init__(self, syms, insns):
        self.insns = insns
        self.entry = syms["debounce_update"][0]
        # the update's functions: the dispatcher, each algorithm's update and
        # anything they call by BL
        names = ["debounce_update"] + [a.replace("-", "_") + "_update" for a in ALGOS]
        ranges = {n: syms[n] for n in names}
        todo = list(names)
        while todo:
            start, size = syms[todo.pop()]
            for addr in range(start, start + size, 2):
                if addr in insns and insns[addr][0] == "bl":
                    target = insns[addr][1].split()[0]
                    callee = next((n for n, (s, _) in syms.items() if s == int(target, 16)), None)
                    if callee is None:
                        raise m0plus_cycles.CycleError("a call to 0x%s" % target)
                    if callee not in ranges:
                        ranges[callee] = syms[callee]
                        todo.append(callee)
        self.ranges = list(ranges.values())
        self.block_cost = {}
        self.samples = []       # (instructions, cycles) per update, in order
        self.current = None     # [instructions, cycles] of the update running
        self.pending = None     # (fallthrough address, extra cycles if taken) of a cond branch
        self.step_counts = []   # instruction-by-instruction counts of a checked batch
        self.checked = 0

    def _block(self, addr, size):
        if addr not in self.block_cost:
            n = cycles = 0
            a = addr
            last = None
            while a < addr + size:
                if a not in self.insns:
                    raise m0plus_cycles.CycleError("no instruction at 0x%08x" % a)
                mnemonic, operands, length = self.insns[a]
                c, _ = m0plus_cycles.cost(mnemonic, operands)
                n += 1
                cycles += c
                last = (a, mnemonic, length)
                a += length
            cond = (last[0] + last[2]) if m0plus_cycles.is_cond_branch(last[1]) else None
            self.block_cost[addr] = (n, cycles, cond)
        return self.block_cost[addr]

    def on_block(self, uc, addr, size, user):
        if addr == self.entry:
            self._close()
            self.current = [1, 3]  # the caller's BL into debounce_update
        elif self.pending is not None and addr != self.pending:
            self.current[1] += 1   # the branch was taken: 2 cycles, not 1
        n, cycles, cond = self._block(addr, size)
        self.current[0] += n
        self.current[1] += cycles
        self.pending = cond

    def on_code(self, uc, addr, size, user):
        if addr == self.entry:
            self.step_counts.append(1)  # the caller's BL
        self.step_counts[-1] += 1

    def _close(self):
        if self.current is not None:
            self.samples.append(tuple(self.current))
        self.current = None
        self.pending = None

    def finish(self):
        self._close()


def run(args):
    prefix = "arm-none-eabi-"
    inputs = open(args.inputs, "rb").read()
    expected = open(args.expected, "rb").read()
    n = len(inputs) // IN_SIZE
    if n == 0 or len(inputs) != n * IN_SIZE or len(expected) != n * OUT_SIZE:
        sys.exit("core_emu: %s and %s do not hold the same number of records" %
                 (args.inputs, args.expected))
    records = list(struct.iter_unpack(IN_FMT, inputs))

    syms = symbols(prefix, args.elf)
    uc = Uc(UC_ARCH_ARM, UC_MODE_THUMB | UC_MODE_MCLASS)
    uc.ctl_set_cpu_model(arm.UC_CPU_ARM_CORTEX_M0)
    load_elf(uc, args.elf)
    uc.mem_map(RET, PAGE, UC_PROT_READ | UC_PROT_EXEC)
    uc.mem_map(STATE, PAGE, UC_PROT_ALL)
    uc.mem_map(STACK, PAGE, UC_PROT_ALL)
    uc.mem_map(IN_BASE, (BATCH * IN_SIZE + PAGE - 1) & ~(PAGE - 1), UC_PROT_READ)
    uc.mem_map(OUT_BASE, (BATCH * OUT_SIZE + PAGE - 1) & ~(PAGE - 1), UC_PROT_ALL)
    driver = syms["emu_run"]
    guard = Guard((driver[0], driver[0] + driver[1]))
    guard.install(uc)

    cycles = None
    if args.cycles:
        cycles = Cycles(syms, disassembly(prefix, args.elf))
        for start, size in cycles.ranges:
            uc.hook_add(UC_HOOK_BLOCK, cycles.on_block, begin=start, end=start + size - 1)
    checked_algos = set()

    # which algorithm each record belongs to
    algo_of = []
    algo = 0
    for r in records:
        if r[0] == OP_INIT:
            algo = r[3]
        algo_of.append(algo)

    got = bytearray()
    for first in range(0, n, BATCH):
        count = min(BATCH, n - first)
        code_hooks = []
        if cycles is not None and algo_of[first] not in checked_algos:
            # the first batch of each algorithm is also counted instruction by instruction
            checked_algos.add(algo_of[first])
            code_hooks = [uc.hook_add(UC_HOOK_CODE, cycles.on_code, begin=s, end=s + size - 1)
                          for s, size in cycles.ranges]
            uc.ctl_remove_cache(FLASH, FLASH + 0x100000)
            cycles.step_counts = []
            before = len(cycles.samples)
        uc.mem_write(IN_BASE, inputs[first * IN_SIZE:(first + count) * IN_SIZE])
        sp = STACK_TOP - 8
        uc.mem_write(sp, struct.pack("<2I", CFG, WHEN))  # emu_run's 5th and 6th arguments
        for reg, value in ((arm.UC_ARM_REG_R0, IN_BASE), (arm.UC_ARM_REG_R1, count),
                           (arm.UC_ARM_REG_R2, OUT_BASE), (arm.UC_ARM_REG_R3, BUTTON),
                           (arm.UC_ARM_REG_SP, sp), (arm.UC_ARM_REG_LR, RET | 1)):
            uc.reg_write(reg, value)
        try:
            uc.emu_start(driver[0] | 1, RET)
        except UcError as e:
            pc = uc.reg_read(arm.UC_ARM_REG_PC)
            sys.exit("FAIL: the emulator stopped at pc 0x%08x in batch at record %d: %s "
                     "(a write to read-only or unmapped memory faults)" % (pc, first, e))
        if guard.fault:
            sys.exit("FAIL: %s, in the batch from record %d" % (guard.fault, first))
        if uc.reg_read(arm.UC_ARM_REG_PC) != RET:
            sys.exit("FAIL: emu_run did not return to the hooked address")
        got += uc.mem_read(OUT_BASE, count * OUT_SIZE)
        if cycles is not None:
            cycles.finish()  # the batch's last update has returned
        if code_hooks:
            for h in code_hooks:
                uc.hook_del(h)
            uc.ctl_remove_cache(FLASH, FLASH + 0x100000)
            if [c[0] for c in cycles.samples[before:]] != cycles.step_counts:
                sys.exit("FAIL: the block sums and the instruction-by-instruction count "
                         "disagree in the batch from record %d" % first)
            cycles.checked += len(cycles.step_counts)

    if bytes(got) != expected:
        i = next(k for k in range(n) if got[k * OUT_SIZE:(k + 1) * OUT_SIZE] !=
                 expected[k * OUT_SIZE:(k + 1) * OUT_SIZE])
        names = ("event", "has_deadline", "pressed", "flags", "when", "state word")
        want = struct.unpack_from(OUT_FMT, expected, i * OUT_SIZE)
        have = struct.unpack_from(OUT_FMT, got, i * OUT_SIZE)
        r = records[i]
        print("FAIL: record %d (%s, %s run %d, %s at now=%u level=%u) differs:" %
              (i, ALGOS[algo_of[i]], "random" if r[7] & TAG_RANDOM else "trace",
               r[7] & ~TAG_RANDOM, "init" if r[0] == OP_INIT else "update", r[1], r[2]))
        for name, w, h in zip(names, want, have):
            mark = "  <--" if w != h else ""
            print("  %-12s host %-12u cortex-m0+ %-12u%s" % (name, w, h, mark))
        return 1

    updates = [0] * len(ALGOS)
    for r, a in zip(records, algo_of):
        updates[a] += r[0] != OP_INIT
    for a, name in enumerate(ALGOS):
        print("%-12s %7d updates: cortex-m0+ == host" % (name, updates[a]))
        if updates[a] < args.min_updates:
            print("FAIL: %s had %d updates, fewer than %d" % (name, updates[a], args.min_updates))
            return 1

    if cycles is not None:
        return report_cycles(args, cycles, records, algo_of)
    return 0


def report_cycles(args, cycles, records, algo_of):
    updates = [(a, not r[7] & TAG_RANDOM) for r, a in zip(records, algo_of) if r[0] != OP_INIT]
    if len(cycles.samples) != len(updates):
        print("FAIL: measured %d updates, ran %d" % (len(cycles.samples), len(updates)))
        return 1
    checked = cycles.checked
    rows = []
    for a, name in enumerate(ALGOS):
        mine = [s for s, (x, _) in zip(cycles.samples, updates) if x == a]
        traced = [s for s, (x, t) in zip(cycles.samples, updates) if x == a and t]
        # longest and shortest over every input; the mean over the polled
        # traces (random inputs exercise odd settings more than firmware would)
        rows.append((name, len(mine), len(traced), max(s[0] for s in mine),
                     sum(s[0] for s in traced) / len(traced), min(s[0] for s in mine),
                     max(s[1] for s in mine), sum(s[1] for s in traced) / len(traced),
                     min(s[1] for s in mine), max(s[1] for s in traced)))
    lines = ["algorithm,updates,traced_updates,max_instructions,mean_instructions_traced,"
             "min_instructions,max_cycles,mean_cycles_traced,min_cycles,max_cycles_traced"]
    lines += ["%s,%d,%d,%d,%.2f,%d,%d,%.2f,%d,%d" % row for row in rows]
    print("\n".join(lines))
    print("(%d updates also counted instruction by instruction: same counts)" % checked)
    if args.table:
        with open(args.table, "w") as f:
            f.write("\n".join(lines) + "\n")
    status = 0
    if args.budget:
        budget = {}
        for line in open(args.budget):
            f = line.strip().split(",")
            if len(f) == 2 and f[1].isdigit():
                budget[f[0]] = int(f[1])
        for row in rows:
            if row[0] not in budget:
                print("FAIL: no cycle budget for %s in %s" % (row[0], args.budget))
                status = 1
            elif row[6] > budget[row[0]]:
                print("FAIL: %s's longest update takes %d cycles, over its budget of %d (%s)" %
                      (row[0], row[6], budget[row[0]], args.budget))
                status = 1
    return status


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("elf")
    p.add_argument("inputs")
    p.add_argument("expected")
    p.add_argument("--min-updates", type=int, default=0)
    p.add_argument("--cycles", action="store_true")
    p.add_argument("--budget")
    p.add_argument("--table")
    args = p.parse_args()
    t = time.monotonic()
    status = run(args)
    print("core_emu: %.1f s" % (time.monotonic() - t))
    return status


if __name__ == "__main__":
    sys.exit(main())
