#!/usr/bin/env bash
# Turns the benchmark results (bench/results/*.csv, as scripts/bench.sh writes
# them) into the Markdown of the README's bench section, with each target
# marked met or missed and by how much. Nothing in it is typed by hand.
# usage: scripts/bench-table.sh [RESULTS_DIR]   (default bench/results)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-bench/results}

files=()
for suite in core readers sim sweep stress pico; do
  [ -f "$dir/$suite.csv" ] && files+=("$dir/$suite.csv")
done
[ ${#files[@]} -gt 0 ] || { echo "bench-table: no results in $dir (run scripts/bench.sh)" >&2; exit 1; }

awk -F, '
FNR == 1 { next }
{
  key = $1 SUBSEP $2 SUBSEP $3
  V[key] = $4; R[key] = $6
  have[$1] = 1
  # the algorithms, in the order the suites wrote them (the order of the core registry)
  if ($1 == "core" && $3 == "ns_per_update" && !(("core", $2) in listed)) { listed["core", $2] = 1; core_algos[++n_core] = $2 }
  if ($1 == "pico" && $3 == "update_code" && !(("pico", $2) in listed)) { listed["pico", $2] = 1; pico_algos[++n_pico] = $2 }
  # the stress suite is often run alone (--only stress): it keeps its own date and commit
  if ($1 == "stress") {
    stress_date = $9; stress_commit = $10
    if ($3 == "peak_rss") { sub(/^memory-/, "", $2); mem_n[++n_mem] = $2 + 0; mem_kb[n_mem] = $4 + 0 }
    if ($2 ~ /^gen\+sweep-/) { old_n = substr($2, 11) + 0 }
    next
  }
  date = $9; commit = $10; nproc = $11; cpu = $12; build = $13
}
function has(s, c, m) { return (s SUBSEP c SUBSEP m) in V }
function v(s, c, m) { return V[s SUBSEP c SUBSEP m] + 0 }
function runs(s, c, m) { return R[s SUBSEP c SUBSEP m] }
# 3 significant digits, no exponent below a million
function f3(x) {
  if (x >= 1e6 || x <= -1e6) return sprintf("%.3g", x)
  if (x >= 100 || x <= -100) return sprintf("%.0f", x)
  if (x >= 10 || x <= -10) return sprintf("%.1f", x)
  return sprintf("%.3g", x)
}
function count(x) { return x >= 1e6 ? sprintf("%.3g", x) : sprintf("%d", x) }
# the load average around a suite, and how long it took
function load(s) {
  if (!has(s, "machine", "duration")) return ""
  return sprintf(", %d s, load average %s before and %s after", v(s, "machine", "duration"), V[s SUBSEP "machine" SUBSEP "load_start"], V[s SUBSEP "machine" SUBSEP "load_end"])
}
function opt(s, c, m, scale) { return has(s, c, m) ? f3(v(s, c, m) * scale) : "n/a" }
# "met" or "missed by ..." for value < limit (or > limit when higher is better)
function below(x, limit, unit) {
  return x < limit ? "met" : sprintf("missed by %s %s", f3(x - limit), unit)
}
function above(x, limit, unit) {
  return x >= limit ? "met" : sprintf("missed by %s%s, %s%s wanted", f3(limit - x), unit, f3(limit), unit)
}
END {
  printf "Measured on %s at commit `%s` on %s (nproc %s), %s build. ", date, commit, cpu, nproc, build
  printf "Each timed figure is the median of the runs shown; `scripts/bench.sh` wrote "
  printf "`bench/results/*.csv` and this section (`scripts/bench-table.sh`). "
  printf "How each figure is made: [bench/README.md](bench/README.md)."
  printf " Other work on the machine slows the timed figures, not the counted ones: each part gives the load average before and after it.\n"

  if (have["core"]) {
    n = v("core", "input", "calls")
    printf "\n**Core on the host** (`bench_core`%s): %d calls of `debounce_update` on a seeded bouncy input ", load("core"), n
    printf "(a read every %d us, %.1f %% of the reads see a change; %d ms windows); ", v("core", "input", "poll_interval"), 100 * v("core", "input", "level_changes") / n, v("core", "input", "window") / 1000
    printf "time per update net of the loop, median of %s rounds; instructions counted by callgrind, loop subtracted.\n\n", runs("core", "lockout", "ns_per_update")
    print "| algorithm | ns / update | instructions / update | target (lockout, defer: < 5 ns and < 30 instructions) |"
    print "|---|---:|---:|---|"
    for (i = 1; i <= n_core; i++) {
      a = core_algos[i]
      t = ""
      if (a == "lockout" || a == "defer") {
        t = "time " below(v("core", a, "ns_per_update"), 5, "ns")
        t = t ", instructions " (has("core", a, "instructions_per_update") ? below(v("core", a, "instructions_per_update"), 30, "") : "not counted (no valgrind)")
      }
      printf "| %s | %s | %s | %s |\n", a, opt("core", a, "ns_per_update", 1), opt("core", a, "instructions_per_update", 1), t
    }
  }

  if (have["readers"]) {
    printf "\n**Trace readers** (`bench_readers`%s): one seeded tactile trace of %s M edges written in each format, ", load("readers"), f3(v("readers", "native", "edges") / 1e6)
    printf "read by `trace_read` and by `wc -l`, alternately, %s times each, from a warm page cache.\n\n", runs("readers", "native", "time_vs_wc")
    print "| format | file (MB) | MB/s | M edges/s | time / `wc -l` time | `wc -l` MB/s | peak memory (B/edge) | target (native, VCD: within 3x of `wc -l`; all: < 24 B/edge) |"
    print "|---|---:|---:|---:|---:|---:|---:|---|"
    split("native vcd sigrok saleae", fmts, " ")
    split("native CSV|VCD|sigrok CSV|Saleae CSV", names, "|")
    for (i = 1; i <= 4; i++) {
      c = fmts[i]
      if (!has("readers", c, "read_speed")) continue
      ratio = v("readers", c, "time_vs_wc")
      t = ""
      if (c == "native" || c == "vcd") t = (ratio <= 3 ? "met" : sprintf("missed: %sx, %s times the limit", f3(ratio), f3(ratio / 3))) "; "
      t = t below(v("readers", c, "peak_bytes_per_edge"), 24, "B/edge")
      printf "| %s | %s | %s | %s | %sx | %s | %s | %s |\n", names[i], f3(v("readers", c, "file_size")), f3(v("readers", c, "read_speed")), f3(v("readers", c, "edge_rate") / 1e6), f3(ratio), f3(v("readers", c, "wc_speed")), f3(v("readers", c, "peak_bytes_per_edge")), t
    }
  }

  if (have["sim"]) {
    printf "\n**Simulation cost** (`bench_sim`%s): defer with %d ms windows, polling, over one tactile trace of %d edges ", load("sim"), v("sim", "trace", "window"), v("sim", "trace", "edges")
    printf "stretched to 1x, 10x and 100x its %s s (same edges, 10x and 100x the reads); time per `sim_run`, median of %s rounds. Target: flat (100x / 1x under 1.5, for 100 times the reads).\n\n", f3(v("sim", "10us-1x", "duration")), runs("sim", "10us-1x", "run_time")
    print "| interval | 1x | 10x | 100x | 100x / 1x | reads at 100x | core updates at 100x |"
    print "|---|---:|---:|---:|---:|---:|---:|"
    split("10us 10ms", ivs, " ")
    split("10 us|10 ms", ivn, "|")
    for (i = 1; i <= 2; i++) {
      c = ivs[i]
      r = v("sim", c, "time_100x_vs_1x")
      printf "| %s | %s ms | %s ms | %s ms | %s (%s) | %s | %s |\n", ivn[i], f3(v("sim", c "-1x", "run_time")), f3(v("sim", c "-10x", "run_time")), f3(v("sim", c "-100x", "run_time")), f3(r), (r < 1.5 ? "flat: met" : "grows: missed"), count(v("sim", c "-100x", "reads")), count(v("sim", c "-100x", "updates"))
    }
    printf "\nJumping from edge to edge against stepping through every read (`sim_poll_run`, `step_every_read`), 10 us, 1x trace, side by side: "
    printf "%s ms against %s ms (%s core updates against %s), **%sx faster**.\n", f3(v("sim", "10us-jump", "run_time")), f3(v("sim", "10us-step", "run_time")), count(v("sim", "10us-jump", "updates")), count(v("sim", "10us-step", "updates")), f3(v("sim", "10us", "jump_speedup"))
  }

  if (have["sweep"]) {
    printf "\n**Sweep** (`bench_sweep`%s, the real `bouncelab sweep`, wall time from start to exit): the default grid over the bundled traces with %d windows instead of 18, ", load("sweep"), v("sweep", "scaling", "windows")
    printf "%d configurations, %s configurations x edges; -j 1 and -j 2 alternately, %s rounds.\n\n", v("sweep", "scaling", "rows"), count(v("sweep", "scaling", "configs_x_edges")), runs("sweep", "scaling", "speedup_j2_vs_j1")
    print "| threads | wall (s) | CPU, user + system (s) | configurations x edges / s |"
    print "|---|---:|---:|---:|"
    for (j = 1; j <= 2; j++) {
      c = "scaling-j" j
      printf "| -j %d | %s | %s | %s |\n", j, f3(v("sweep", c, "wall")), f3(v("sweep", c, "cpu")), f3(v("sweep", c, "configs_x_edges_per_s"))
    }
    s = v("sweep", "scaling", "speedup_j2_vs_j1")
    printf "\nSpeed-up of -j 2 over -j 1: **%sx** (target >= 1.8x: %s). ", f3(s), above(s, 1.8, "x")
    if (has("sweep", "scaling", "ceiling_two_processes")) {
      printf "The ceiling, in the same rounds: two independent -j 1 sweeps at once took %s s against %s s for one alone, ", f3(v("sweep", "scaling-pair-j1", "wall")), f3(v("sweep", "scaling-j1", "wall"))
      printf "so no two threads can gain more than %sx on this machine. ", f3(v("sweep", "scaling", "ceiling_two_processes"))
    }
    printf "The default sweep (`bouncelab sweep -o X.csv`, what `scripts/demo.sh` runs: %d configurations, -j %d): **%s s** (%s configurations x edges / s).\n", v("sweep", "default", "rows"), v("sweep", "default", "threads"), f3(v("sweep", "default", "wall")), f3(v("sweep", "default", "configs_x_edges_per_s"))
  }

  if (have["stress"]) {
    c = "tactile-1ms-20cfg"
    n = v("stress", c, "presses")
    printf "\n**Monte-Carlo** (`bench/stress.sh`, measured on %s at commit `%s`%s): `bouncelab stress` on the tactile model polled every 1 ms, ", stress_date, stress_commit, load("stress")
    printf "20 configurations (4 algorithms x 5 windows), -j 2, generation included. The wall figures are the share of the 2 cores that other work on the machine left; "
    printf "the CPU-second ones do not depend on it, and twice the CPU-second rate is what 2 free cores give at perfect scaling (-j 2 scales 1.9x in the sweep benchmark).\n\n"
    print "| figure | measured | target |"
    print "|---|---:|---|"
    r = v("stress", c, "replay_rate")
    printf "| press-replays per wall second, -j 2 on the shared 2 cores (%s presses x 20) | %s million | %s |\n", count(n), f3(r / 1e6), ">= 5 million: " above(r / 1e6, 5, " million")
    r2 = v("stress", c, "replay_rate_2_free_cores")
    printf "| press-replays per CPU second | %s million | |\n", f3(v("stress", c, "replay_rate_per_cpu_second") / 1e6)
    printf "| press-replays per second on 2 free cores (twice that) | %s million | >= 5 million: %s (estimate) |\n", f3(r2 / 1e6), above(r2 / 1e6, 5, " million")
    if (n == 1e8) {
      printf "| 10^8 presses x 20 configurations, a full run | %s s wall (%s min), %s s CPU | < 10 minutes: %s |\n", f3(v("stress", c, "duration")), f3(v("stress", c, "duration") / 60), f3(v("stress", c, "cpu_time")), below(v("stress", c, "duration"), 600, "s")
      printf "| the same on 2 free cores (its CPU seconds / 2) | about %s s | < 10 minutes: %s (estimate) |\n", f3(v("stress", c, "cpu_time") / 2), below(v("stress", c, "cpu_time") / 2, 600, "s")
    } else {
      printf "| 10^8 presses x 20 configurations, scaled from %s presses (linear: fixed batches) | about %s s wall | < 10 minutes: %s (estimate, not a full run) |\n", count(n), f3(v("stress", "1e8x20-estimated", "duration")), below(v("stress", "1e8x20-estimated", "duration"), 600, "s")
    }
    # peak memory, by press count
    for (i = 1; i <= n_mem; i++) for (j = i + 1; j <= n_mem; j++) if (mem_n[j] < mem_n[i]) {
      t = mem_n[i]; mem_n[i] = mem_n[j]; mem_n[j] = t; t = mem_kb[i]; mem_kb[i] = mem_kb[j]; mem_kb[j] = t
    }
    lo = hi = mem_kb[1]; ns = ""; mbs = ""
    for (i = 1; i <= n_mem; i++) {
      lo = mem_kb[i] < lo ? mem_kb[i] : lo; hi = mem_kb[i] > hi ? mem_kb[i] : hi
      k = int(log(mem_n[i]) / log(10) + 0.5)
      ns = ns (i > 1 ? ", " : "") (10 ^ k == mem_n[i] ? sprintf("10^%d", k) : count(mem_n[i]))
      mbs = mbs (i > 1 ? ", " : "") sprintf("%.1f", mem_kb[i] / 1024)
    }
    printf "| peak memory at %s presses | %s MB | flat (largest / smallest < 1.5): %s |\n", ns, mbs, hi / lo < 1.5 ? "met" : sprintf("missed: %.2fx", hi / lo)
    printf "| stress against `gen` a %s-press trace + `sweep` it, same 20 configurations, CPU seconds | %s against %s million replays per CPU second: **%sx** | |\n", count(old_n), f3(v("stress", "stress-" old_n, "replay_rate_per_cpu_second") / 1e6), f3(v("stress", "gen+sweep-" old_n, "replay_rate_per_cpu_second") / 1e6), V["stress" SUBSEP "stress-vs-gen+sweep" SUBSEP "ratio"]
  }

  if (have["pico"]) {
    printf "\n**On the Pico** (Cortex-M0+): footprint from `tests/cross/check_footprint.sh` (arm-none-eabi-gcc, -Os); "
    printf "instructions and cycles of every `debounce_update` of the emulator test'"'"'s replay (%d per algorithm, %d of lockout'"'"'s from traces polled at 1 ms and 100 us, the rest random inputs; longest and shortest over all, mean over the traces), ", v("pico", "lockout", "measured_updates"), v("pico", "lockout", "traced_updates")
    printf "from the caller'"'"'s BL through the dispatcher and the algorithm back, measured by running the cross build under unicorn (`tests/emu/core_emu.py`), "
    printf "costed with the Cortex-M0+ TRM'"'"'s cycle counts at zero wait states (code in SRAM or a warm XIP cache; `tests/emu/m0plus_cycles.py`), in ns at %d MHz.\n\n", v("pico", "clock", "frequency")
    print "| algorithm | update code (B) | deadline code (B) | update stack (B) | state (B) | longest: instructions | cycles | ns | mean over traces: instructions | cycles | ns | shortest: cycles |"
    print "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    for (i = 1; i <= n_pico; i++) {
      a = pico_algos[i]
      printf "| %s | %d | %d | %d | %d | %d | %d | %d | %.1f | %.1f | %d | %d |\n", a, v("pico", a, "update_code"), v("pico", a, "deadline_code"), v("pico", a, "update_stack"), v("pico", a, "state"), v("pico", a, "longest_path_instructions"), v("pico", a, "longest_path_cycles"), v("pico", a, "longest_path_ns"), v("pico", a, "mean_instructions"), v("pico", a, "mean_cycles"), v("pico", a, "mean_ns"), v("pico", a, "shortest_path_cycles")
    }
    printf "\nThe dispatcher `debounce_update` (%d B of code, %d B of stack) is in the stack and cycle columns, not in the code column.\n", v("pico", "dispatcher", "code"), v("pico", "dispatcher", "stack")
  }
}
' "${files[@]}"
