#!/usr/bin/env bash
# Regenerates the bundled traces (and their truth) with `bouncelab gen`.
# Each command below is the one traces/README.md quotes for its trace; the
# test cli/test_bundled_traces checks that they still give the committed bytes.
# usage: scripts/make-traces.sh [BOUNCELAB [OUTDIR]]
#   BOUNCELAB: the binary (default build/src/cli/bouncelab)
#   OUTDIR:    where to write (default traces/)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bouncelab=${1:-$root/build/src/cli/bouncelab}
out=${2:-$root/traces}

[ -x "$bouncelab" ] || { echo "make-traces: no bouncelab at $bouncelab (build first)" >&2; exit 1; }
mkdir -p "$out"

# gen NAME OPTIONS...: writes OUTDIR/NAME.csv and OUTDIR/NAME.truth.csv
gen() {
  local name=$1
  shift
  "$bouncelab" gen "$@" -o "$out/$name.csv"
}

gen clean               --profile clean      --seed 1 --presses 30
gen tactile             --profile tactile    --seed 2 --presses 30
gen worn                --profile worn       --seed 3 --presses 30
gen industrial          --profile industrial --seed 4 --presses 20
gen keyswitch           --profile keyswitch  --seed 5 --presses 50
gen noisy               --profile noisy      --seed 6 --presses 30
gen tactile-active-high --profile tactile    --seed 7 --presses 20 --active high
