#!/usr/bin/env bash
# Option fuzz: hand-picked and random option sets at every command (names,
# values, repeats, conflicts). Whatever comes, bouncelab ends with status 0,
# 1 or 2, says "bouncelab: ..." on stderr when it is 2, and never dies of a
# signal or hangs. The options come from each command's own --help-all, so a
# new option is fuzzed without touching this file. Random sets are drawn from
# a fixed seed (FUZZ_SEED, FUZZ_CASES to change them) and every failing
# command line is printed in full, so a failure replays by hand.
# usage: test_cli_option_fuzz.sh BOUNCELAB SCRATCH_DIR SOURCE_DIR
. "$(dirname "$0")/lib.sh"
SRC=${3:?usage: test_cli_option_fuzz.sh BOUNCELAB SCRATCH_DIR SOURCE_DIR}
DATA="$SRC/tests/cli/data"
RANDOM=${FUZZ_SEED:-12}
cases=${FUZZ_CASES:-40} # random option sets per command
checked=0

printf 'hello world\nfoo,bar\n1,2\n' >"$SCRATCH/hello.csv"
cp "$DATA/press.csv" "$DATA/press.truth.csv" "$SCRATCH/"
"$BOUNCELAB" sweep "$DATA/press.csv" -m poll -w 1ms,2ms -i 1ms -o "$SCRATCH/results.csv" 2>/dev/null ||
  fail "cannot make the results CSV the fuzz reads"
mkdir -p "$SCRATCH/out"

# check ARGS...: one command line; its status must be 0, 1 or 2, with a message for 2.
check() {
  local st
  timeout 30 "$BOUNCELAB" "$@" >"$OUT" 2>"$ERR" </dev/null
  st=$?
  checked=$((checked + 1))
  case $st in
  0 | 1) ;;
  2) grep -q '^bouncelab' "$ERR" || grep -q 'bouncelab: ' "$ERR" ||
    fail "status 2 without a 'bouncelab:' message: bouncelab $(printf '%q ' "$@")" ;;
  124) fail "hung (30 s): bouncelab $(printf '%q ' "$@")" ;;
  *) fail "status $st (a signal?): bouncelab $(printf '%q ' "$@")" ;;
  esac
}

# --- hand-picked: the cases of issue 12 and their neighbours -------------------------
T="$SCRATCH/press.csv"
R="$SCRATCH/results.csv"
for cmd in run plot; do
  at=()
  [ "$cmd" = plot ] && at=(--trace "$T" --at 1ms -o "$SCRATCH/out" --scripts "$SCRATCH/none")
  [ "$cmd" = run ] && at=("$T")
  for extra in "--mode irq --trigger edge" "--mode irq --trigger fall" "--count foo" \
    "--mode irq --interval 2ms" "--mode irq --phase 1ms" "--mode irq --jitter 1us" \
    "--trigger both" "--runtime c" "--irq-latency 5us" "--irq-tail-prob 2%" \
    "--window 500ns" "--window 0s" "--window 1.5us" "--window 3000s" "--interval 0s" \
    "--seed -1" "--seed 4294967296" "--mode irq --irq-tail-prob 101%" "--mode irq --irq-tail-prob 2" \
    "--phase 1h" "--phase 10s" "--channel x" "--tick-start -1" "--ticks-ms-start 1073741824" \
    "-w5ms -adefer" "-w" "--window" "-j2" "--preset nope" "--preset tutorial-irq-raw --interval 1ms"; do
    # shellcheck disable=SC2086 # the extra options are words
    check "$cmd" "${at[@]}" $extra
  done
done
for extra in "--mode irq --trigger edge" "--count foo" "--mode irq --interval 2ms" \
  "--algo integrator --mode irq" "--mode poll --runtime c" "--mode poll --irq-latency 5us" \
  "--window 0s" "--window 1us:10us:500ns" "--interval 500ns" "--seed -4" "-j2" "-j" "-j -1" \
  "--shard 0/2" "--shard 3/2" "--phase 1s" "--mode poll,irq --trigger both --interval 1ms"; do
  # shellcheck disable=SC2086
  check sweep "$T" -o "$SCRATCH/out/s.csv" $extra
done
for f in "$SCRATCH/hello.csv" "$SCRATCH/press.truth.csv" "$SCRATCH" "$SCRATCH/nowhere" -; do
  check info "$f"
  check run "$f"
  check convert "$f" -
done
check info --presses "$T"
check info --press-table "$T"
check info --channel x "$T"
check verdict -
check verdict "$T"
check plot "$R" --format gif --scripts "$SCRATCH/none"
check plot "$R" --image-format svg --format svg --scripts "$SCRATCH/none"

# --- random: every command's own options, with values from a pool ------------------
values=(1ms 250us 5ms 0s 0 -1ms 1.5us 500ns 1h 3000s 99999999999s 1e3ms abc "" 10us:1ms:10us
  1ms:1us:1ms defer lockout integrator eager-defer none poll irq poll,irq both falling edge c
  mpy-soft custom events level entries plain ticks-diff 0.02 2% 200% -1 2 4294967296
  99999999999999999999 1e309 nan low high native vcd bbb analog png svg 1/2 0/0 ,, -)
paths=("$T" "$SCRATCH/hello.csv" "$SCRATCH/press.truth.csv" "$SCRATCH/nowhere" "$SCRATCH" -)

# options CMD: the long options of CMD, "--name=" for those taking a value.
options() {
  "$BOUNCELAB" "$1" --help-all 2>/dev/null | sed -nE 's/^ +(-[a-zA-Z], )?(--[a-z0-9-]+)(=)?.*/\2\3/p' |
    grep -vE '^--help'
}

pick() { local a=("$@"); printf '%s' "${a[RANDOM % ${#a[@]}]}"; }

# every command 'bouncelab --help' lists, so a new one is fuzzed too
mapfile -t commands < <("$BOUNCELAB" --help | sed -nE '/^Commands:/,/^$/s/^  ([a-z]+) .*/\1/p')
[ "${#commands[@]}" -ge 8 ] || fail "found only ${#commands[@]} commands in 'bouncelab --help'"
for cmd in "${commands[@]}"; do
  mapfile -t opts < <(options "$cmd")
  [ "$cmd" = algorithms ] || [ "${#opts[@]}" -gt 0 ] || fail "no options found in '$cmd --help-all'"
  for ((c = 0; c < cases; c++)); do
    args=()
    n=$((RANDOM % 5))
    for ((k = 0; k < n; k++)); do
      if [ "${#opts[@]}" -eq 0 ] || [ $((RANDOM % 12)) -eq 0 ]; then
        args+=("$(pick --bogus -Z -- --window= -w5ms -j2 --help-nothing)")
        continue
      fi
      o=$(pick "${opts[@]}")
      case $o in
      --output= | --events= | --vcd= | --data=) args+=("${o%=}" "$SCRATCH/out/f$((RANDOM % 3)).csv") ;;
      --scripts=) args+=(--scripts "$SCRATCH/none") ;;
      --trace=) args+=(--trace "$(pick "${paths[@]}")") ;;
      --jobs=) args+=(--jobs "$(pick 1 2 0 -1 2000 x)") ;;
      *=) if [ $((RANDOM % 2)) -eq 0 ]; then args+=("$o$(pick "${values[@]}")"); else args+=("${o%=}" "$(pick "${values[@]}")"); fi ;;
      *) args+=("$o") ;;
      esac
      # a repeat now and then: the last one wins, or it is refused
      [ $((RANDOM % 8)) -eq 0 ] && args+=("${args[@]: -1}")
    done
    case $cmd in
    gen) [ $((RANDOM % 4)) -ne 0 ] && args+=(-o "$SCRATCH/out/gen.csv") ;;
    info | run) args+=("$(pick "${paths[@]}" "$T" "$T")") ;;
    convert) args+=("$(pick "${paths[@]}" "$T")" "$(pick - "$SCRATCH/out/c.csv" "$SCRATCH/out/c.vcd" "$SCRATCH/out/c.txt")") ;;
    sweep) args+=("$T" -j 1) ;;
    plot)
      if [ $((RANDOM % 2)) -eq 0 ]; then args+=("$R"); else args+=(--trace "$T" --at "$(pick 1ms 5ms 0s 1h x)"); fi
      args+=(--scripts "$SCRATCH/none")
      ;;
    verdict) args+=("$(pick "$R" "$T" - "$SCRATCH/nowhere")") ;;
    esac
    check "$cmd" "${args[@]}"
  done
done

echo "option fuzz: $checked command lines"
finish
