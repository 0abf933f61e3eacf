#!/usr/bin/env bash
# CI's cluster run in small: four shards of one stress run under GNU
# parallel (Debian's `parallel`, installed by scripts/setup.sh), merged, must
# equal the unsharded run byte for byte. Skipped (77) without GNU parallel.
. "$(dirname "$0")/lib.sh"

if ! parallel --version 2>/dev/null | grep -q 'GNU parallel'; then
  echo "GNU parallel not installed (scripts/setup.sh installs it): skipped"
  exit 77
fi
grid=(worn tactile -a lockout,defer,integrator -w 5ms,30ms -m poll,irq -i 1ms -r c,mpy-soft
  --presses 6789 --seed 11 --rare)
run stress "${grid[@]}" -o "$SCRATCH/whole.csv"
expect_status 0 "the unsharded run"
parallel --halt now,fail=1 -j 4 "$BOUNCELAB" stress "${grid[@]}" --shard {}/4 -j 1 \
  -o "$SCRATCH/part{}.csv" ::: 1 2 3 4 || fail "a shard failed under GNU parallel"
run merge "$SCRATCH"/part*.csv -o "$SCRATCH/merged.csv"
expect_status 0 "merge of the four parts"
cmp "$SCRATCH/whole.csv" "$SCRATCH/merged.csv" || fail "merged shards differ from the whole run"
finish
