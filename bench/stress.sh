#!/usr/bin/env bash
# Benchmark of `bouncelab stress` (issue 13): press-replays per second (presses
# times configurations, generation included) on the tactile model polled at
# 1 ms over 20 configurations (4 algorithms x 5 windows); the time of 10^8
# presses x 20 configurations (a full run; STRESS_BENCH_PRESSES=10000000 runs
# 10^7 and scales, linear in presses: batches of 1000, nothing kept per
# press); peak memory from 10^5 presses to the timed run's (flat: one batch per
# thread); and the same replays done the old way, `gen` a trace file then
# `sweep` it, as a ratio.
# Prints CSV rows: suite,case,metric,value,unit,runs,min,max. The rates are
# given per wall second and per CPU second (user + system): on a machine
# shared with other work the wall figure is that share's, and twice the CPU
# figure is what 2 free cores would give at perfect scaling (the sweep
# benchmark measures 1.9x for -j 2 here).
#
# usage: bench/stress.sh [--quick] BOUNCELAB
set -euo pipefail
quick=0
[ "${1:-}" = --quick ] && { quick=1; shift; }
exe=${1:?usage: bench/stress.sh [--quick] BOUNCELAB}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

grid=(tactile -a lockout,defer,eager-defer,integrator -w 2ms,3ms,5ms,8ms,10ms -m poll -i 1ms -j 2)
configs=20
big=${STRESS_BENCH_PRESSES:-100000000} # presses of the timed run (its memory is measured too)
mem_sizes=${STRESS_BENCH_MEMORY:-"100000 1000000 10000000"}
old=300000 # presses of the gen + sweep comparison (gen caps a trace at 5e7 edges)
if [ $quick = 1 ]; then
  big=20000
  mem_sizes="2000 20000"
  old=2000
fi

# timed COMMAND...: wall seconds, peak RSS (kB) and CPU seconds of one run, as "S KB CPU"
timed() {
  /usr/bin/time -f "%e %M %U %S" -o "$work/time" "$@" >/dev/null
  awk '{ print $1, $2, $3 + $4 }' "$work/time"
}

echo "suite,case,metric,value,unit,runs,min,max"
echo "stress,machine,load_before,$(cut -d' ' -f1 /proc/loadavg),processes,1,,"
read -r secs big_kb cpu < <(timed "$exe" stress "${grid[@]}" --presses "$big" -o "$work/big.csv")
rate=$(awk -v n="$big" -v c=$configs -v s="$secs" 'BEGIN { printf "%.0f", n * c / s }')
cpu_rate=$(awk -v n="$big" -v c=$configs -v s="$cpu" 'BEGIN { printf "%.0f", n * c / s }')
echo "stress,tactile-1ms-20cfg,presses,$big,count,1,,"
echo "stress,tactile-1ms-20cfg,duration,$secs,s,1,,"
echo "stress,tactile-1ms-20cfg,cpu_time,$cpu,s,1,,"
echo "stress,tactile-1ms-20cfg,replay_rate,$rate,replays/s,1,,"
echo "stress,tactile-1ms-20cfg,replay_rate_per_cpu_second,$cpu_rate,replays/s,1,,"
echo "stress,tactile-1ms-20cfg,replay_rate_2_free_cores,$((2 * cpu_rate)),replays/s,1,,"
if [ "$big" != 100000000 ]; then
  echo "stress,1e8x20-estimated,duration,$(awk -v r="$rate" -v c=$configs 'BEGIN { printf "%.0f", 1e8 * c / r }'),s,1,,"
  echo "stress,1e8x20-estimated-2-free-cores,duration,$(awk -v r="$cpu_rate" -v c=$configs 'BEGIN { printf "%.0f", 1e8 * c / (2 * r) }'),s,1,,"
fi
echo "stress,memory-$big,peak_rss,$big_kb,kB,1,,"
for n in $mem_sizes; do
  [ "$n" = "$big" ] && continue
  read -r _ kb _ < <(timed "$exe" stress "${grid[@]}" --presses "$n" -o "$work/m.csv")
  echo "stress,memory-$n,peak_rss,$kb,kB,1,,"
done

# the old way: a trace file of the same presses' kind, then a sweep of it
# (compared in CPU seconds, which the other work on the machine does not inflate)
read -r _ _ gen_s < <(timed "$exe" gen --profile tactile --presses "$old" --seed 1 -o "$work/t.csv")
read -r _ _ sweep_s < <(timed "$exe" sweep "$work/t.csv" "${grid[@]:1}" -o "$work/sweep.csv")
old_rate=$(awk -v n="$old" -v c=$configs -v a="$gen_s" -v b="$sweep_s" 'BEGIN { printf "%.0f", n * c / (a + b) }')
read -r _ _ new_s < <(timed "$exe" stress "${grid[@]}" --presses "$old" -o "$work/new.csv")
new_rate=$(awk -v n="$old" -v c=$configs -v s="$new_s" 'BEGIN { printf "%.0f", n * c / s }')
echo "stress,gen+sweep-$old,cpu_time,$(awk -v a="$gen_s" -v b="$sweep_s" 'BEGIN { print a + b }'),s,1,,"
echo "stress,gen+sweep-$old,replay_rate_per_cpu_second,$old_rate,replays/s,1,,"
echo "stress,stress-$old,replay_rate_per_cpu_second,$new_rate,replays/s,1,,"
echo "stress,stress-vs-gen+sweep,ratio,$(awk -v a="$new_rate" -v b="$old_rate" 'BEGIN { printf "%.2f", a / b }'),x,1,,"
echo "stress,machine,load_after,$(cut -d' ' -f1 /proc/loadavg),processes,1,,"
