# Cortex-M0+ cycles of one debounce_update() call, from the disassembly.
#
# Input: `arm-none-eabi-objdump -d --no-show-raw-insn` of the cross-built
# core image. For the algorithm whose update function is `callee` (e.g.
# -v callee=lockout_update), it follows every path from the caller's BL
# into debounce_update, through the dispatcher's indirect BLX into the
# algorithm, back to the caller, and prints
#   <longest cycles> <its instructions> <shortest cycles> <its instructions>
# The configuration is taken as valid, so the dispatcher's one conditional
# branch (its range check of cfg->algo) is never taken; a second one stops
# the script. Within the algorithm the longest path is an upper bound: it may
# combine branch outcomes that no input produces together.
#
# Cycle counts: ARM Cortex-M0+ Technical Reference Manual (DDI 0484), the
# instruction set summary, for zero-wait-state memory: 1 cycle for data
# processing; 2 for LDR/STR of any width (1 only on the RP2040's single-cycle
# IO port, not used here); LDM/STM/PUSH 1+N; POP 1+N, 3+N with PC; B 2,
# B<cond> 2 taken and 1 not taken; BL 3; BX and BLX 2; MOV/ADD to PC 2;
# MULS 1 (the RP2040 has the fast multiplier). An instruction missing from
# this table stops the script rather than being guessed.
function die(msg) {
    print "pico_cycles: " msg > "/dev/stderr"
    failed = 1
    exit 1
}

function reg_count(ops,    list, n, i, parts, k, r) {
    list = ops
    sub(/^[^{]*\{/, "", list)
    sub(/\}.*$/, "", list)
    n = split(list, parts, /, */)
    k = 0
    for (i = 1; i <= n; i++) {
        if (parts[i] ~ /^r[0-9]+-r[0-9]+$/) {
            split(parts[i], r, /-r|r/)
            k += r[3] - r[2] + 1
        } else if (parts[i] != "") {
            k++
        }
    }
    return k
}

function target_of(ops,    t) {
    t = ops
    sub(/^[ \t]*/, "", t)
    sub(/[ \t].*$/, "", t)
    return t
}

function is_cond_branch(m) {
    return m ~ /^b(eq|ne|cs|hs|cc|lo|mi|pl|vs|vc|hi|ls|ge|lt|gt|le)(\.n|\.w)?$/
}

function is_one_cycle(m) {
    return m ~ /^(movs?|adds?|adcs|subs?|sbcs|rsbs|negs|muls|cmp|cmn|ands|eors|orrs|bics|mvns|tst|lsls|lsrs|asrs|rors|rev|rev16|revsh|sxtb|sxth|uxtb|uxth|nop|adr)$/
}

# Best (mode "max" or "min") cycles from the instruction at `a` to the
# return from debounce_update; the instruction count of that path goes in
# cnt[mode, a].
function walk(a, mode,    m, o, c, n, t, c1, n1, c2, n2, k) {
    if (!(a in mn)) {
        die("no instruction at " a)
    }
    if ((mode, a) in best) {
        return best[mode, a]
    }
    if (onstack[mode, a]) {
        die("a loop through " a ": the path length is unbounded")
    }
    onstack[mode, a] = 1
    m = mn[a]
    o = op[a]
    if (m == ".word" || m == ".short") {
        die("execution runs into data at " a)
    }
    if (m ~ /^push/) {
        c = 1 + reg_count(o) + walk(nxt[a], mode); n = 1 + cnt[mode, nxt[a]]
    } else if (m ~ /^pop/) {
        k = reg_count(o)
        if (o ~ /pc/) {
            c = 3 + k; n = 1
        } else {
            c = 1 + k + walk(nxt[a], mode); n = 1 + cnt[mode, nxt[a]]
        }
    } else if (m ~ /^bx/) {
        if (o !~ /^lr/) {
            die("indirect jump at " a ": " m " " o)
        }
        c = 2; n = 1
    } else if (m ~ /^blx/) {
        if (!(callee in entry)) {
            die("no function " callee)
        }
        c1 = walk(entry[callee], mode)
        c = 2 + c1 + walk(nxt[a], mode)
        n = 1 + cnt[mode, entry[callee]] + cnt[mode, nxt[a]]
    } else if (m ~ /^bl$/) {
        t = op_name[a]
        if (!(t in entry)) {
            die("call to unknown " t " at " a)
        }
        c1 = walk(entry[t], mode)
        c = 3 + c1 + walk(nxt[a], mode)
        n = 1 + cnt[mode, entry[t]] + cnt[mode, nxt[a]]
    } else if (m ~ /^b(\.n|\.w)?$/) {
        t = target_of(o)
        c = 2 + walk(t, mode); n = 1 + cnt[mode, t]
    } else if (is_cond_branch(m) && fn_of[a] == "debounce_update") {
        c = 1 + walk(nxt[a], mode); n = 1 + cnt[mode, nxt[a]]
    } else if (is_cond_branch(m)) {
        t = target_of(o)
        c1 = 2 + walk(t, mode); n1 = 1 + cnt[mode, t]
        c2 = 1 + walk(nxt[a], mode); n2 = 1 + cnt[mode, nxt[a]]
        if ((mode == "max" && c1 >= c2) || (mode == "min" && c1 <= c2)) {
            c = c1; n = n1
        } else {
            c = c2; n = n2
        }
    } else if (m ~ /^(ldm|stm)/) {
        c = 1 + reg_count(o) + walk(nxt[a], mode); n = 1 + cnt[mode, nxt[a]]
    } else if (m ~ /^(ldr|str)/) {
        c = 2 + walk(nxt[a], mode); n = 1 + cnt[mode, nxt[a]]
    } else if ((m == "mov" || m == "add") && o ~ /^pc,/) {
        die("computed jump at " a)
    } else if (is_one_cycle(m)) {
        c = 1 + walk(nxt[a], mode); n = 1 + cnt[mode, nxt[a]]
    } else {
        die("no cycle count for '" m "' at " a)
    }
    onstack[mode, a] = 0
    best[mode, a] = c
    cnt[mode, a] = n
    return c
}

# "100000b8 <debounce_update>:" starts a function
/^[0-9a-f]+ <[^>]+>:$/ {
    fn = $2
    gsub(/[<>:]/, "", fn)
    entry[fn] = $1
    sub(/^0+/, "", entry[fn])
    prev = ""
    next
}

# "100000ba:\tldr\tr5, [r0, #0]" an instruction (or .word data) of the current function
/^ *[0-9a-f]+:\t/ {
    if (fn == "") {
        next
    }
    split($0, f, "\t")
    addr = f[1]
    sub(/^ */, "", addr)
    sub(/:$/, "", addr)
    sub(/^0+/, "", addr)
    mn[addr] = f[2]
    op[addr] = f[3]
    fn_of[addr] = fn
    if (fn == "debounce_update" && is_cond_branch(f[2]) && ++dispatcher_branches > 1) {
        die("the dispatcher has more than its one range check: say which way its branches go")
    }
    if (f[3] ~ /<[^>]+>/) {
        name = f[3]
        sub(/^[^<]*</, "", name)
        sub(/>.*$/, "", name)
        op_name[addr] = name
    }
    if (prev != "") {
        nxt[prev] = addr
    }
    prev = addr
    next
}

/^$/ { fn = ""; prev = "" }

END {
    if (failed) {
        exit 1
    }
    if (!("debounce_update" in entry)) {
        die("no debounce_update in the listing")
    }
    # the caller's BL into debounce_update: 3 cycles, one instruction
    hi = 3 + walk(entry["debounce_update"], "max")
    lo = 3 + walk(entry["debounce_update"], "min")
    print hi, 1 + cnt["max", entry["debounce_update"]], lo, 1 + cnt["min", entry["debounce_update"]]
}
