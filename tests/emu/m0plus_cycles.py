"""Cortex-M0+ cycle counts of the Thumb instructions the core compiles to.

Source: ARM Cortex-M0+ Technical Reference Manual (ARM DDI 0484C), section 3.3
"Instruction set summary", Table 3-1, for a system with zero wait states
(code in SRAM, or in flash behind a warm XIP cache on the RP2040):
  data processing, MOVS, CMP, shifts, extends, ADR      1
  MULS (the RP2040 has the single-cycle multiplier)     1
  LDR/STR of any width, any addressing mode             2
  LDM/STM, PUSH                                         1 + N
  POP                                                   1 + N, 3 + N with PC
  B                                                     2
  B<cond>                                               2 taken, 1 not taken
  BL                                                    3
  BX, BLX                                               2
  DMB, DSB, ISB (barriers; the recorder's queue uses DMB) 3
The Cortex-M0+'s two-stage pipeline is why a taken branch costs 2 here
against 3 on the Cortex-M0 (DDI 0432C Table 3-1). Loads from the RP2040's
single-cycle IO port take 1, but the core never touches it. An instruction
missing from this table is an error, not a guess.
"""

COND_BRANCH = {"b" + c for c in ("eq", "ne", "cs", "hs", "cc", "lo", "mi", "pl", "vs", "vc",
                                 "hi", "ls", "ge", "lt", "gt", "le")}
ONE_CYCLE = {"mov", "movs", "add", "adds", "adcs", "sub", "subs", "sbcs", "rsbs", "negs", "muls",
             "cmp", "cmn", "ands", "eors", "orrs", "bics", "mvns", "tst", "lsls", "lsrs", "asrs",
             "rors", "rev", "rev16", "revsh", "sxtb", "sxth", "uxtb", "uxth", "nop", "adr"}


class CycleError(Exception):
    """An instruction the model has no figure for."""


def reg_count(operands):
    """Registers in a {r4, r5-r7, lr} list."""
    inner = operands[operands.index("{") + 1:operands.index("}")]
    n = 0
    for part in (p.strip() for p in inner.split(",")):
        if "-" in part:
            lo, hi = (int(x.strip().lstrip("r")) for x in part.split("-"))
            n += hi - lo + 1
        elif part:
            n += 1
    return n


def cost(mnemonic, operands):
    """(cycles, cycles when a conditional branch is taken) of one instruction."""
    m = mnemonic.split(".")[0]
    if m in COND_BRANCH:
        return 1, 2
    if m == "push" or m in ("ldmia", "stmia", "ldm", "stm"):
        c = 1 + reg_count(operands)
    elif m == "pop":
        c = (3 if "pc" in operands else 1) + reg_count(operands)
    elif m.startswith("ldr") or m.startswith("str"):
        c = 2
    elif m == "b":
        c = 2
    elif m == "bl":
        c = 3
    elif m in ("bx", "blx"):
        c = 2
    elif m in ("dmb", "dsb", "isb"):
        c = 3
    elif m in ("mov", "add") and operands.replace(" ", "").startswith("pc,"):
        raise CycleError("a computed jump: %s %s" % (mnemonic, operands))
    elif m in ONE_CYCLE:
        c = 1
    else:
        raise CycleError("no cycle count for '%s %s'" % (mnemonic, operands))
    return c, c


def is_cond_branch(mnemonic):
    return mnemonic.split(".")[0] in COND_BRANCH
