#!/usr/bin/env bash
# `bouncelab advise` end to end: a recommendation worked out by hand, its
# evidence checked against `bouncelab run` (a second path through the
# simulator), the platform's limits, exit 1 when nothing meets, and bad input.
. "$(dirname "$0")/lib.sh"
DATA="$(dirname "$0")/data"
TRACES="${3:?usage: test_cli_advise.sh BOUNCELAB SCRATCH SOURCE_DIR}/traces"

# press.csv (press at 1.000 ms, bounce 1.200..1.250 ms, release at 10.000 ms),
# polled every 1 ms from 0: the reads at 1 ms and 10 ms see the press and the
# release at their first edge (latency 0), and no read falls in the bounce.
# So none, lockout, eager-defer and the integrator (1 sample) are all clean
# with latency 0 at the smallest window, and none comes first in the order of
# the algorithms; defer reports a read later (1 ms). One press with no
# failure: the 95 % bound is 1 - 0.05 = 950000 per million; 1 per million
# takes the least n with 1 - 0.05^(1/n) <= 1e-6: ceil(ln 0.05 / ln(1 - 1e-6))
# = 2995731 presses.
run advise "$DATA/press.csv" --mode poll --interval 1ms
expect_status 0 "advise press.csv"
expect_stdout '^recommendation  none \(no window\), poll every 1ms  \(platform c, 1 trace\)' "none wins the tie"
expect_stdout 'false +0.0 per million \(0 in 1 recorded presses; 95 % upper bound 950000.0 per million\)' "rule of three, n = 1"
expect_stdout 'press median 0ns, p99 0ns; release median 0ns, p99 0ns' "latency 0"
expect_stdout '1000 per idle second' "1 kHz polling"
expect_stdout 'defer +at best defer 250us, poll every 1ms: p99 press latency 1ms \(vs 0ns\)' "defer loses by a read"
expect_stdout 'about 2995731 presses' "presses for 1 per million"

# tactile: the setting advised for C is clean in `bouncelab run`, and the
# window below it has the errors advise says.
run advise "$TRACES/tactile.csv"
expect_status 0 "advise tactile"
cp "$OUT" "$SCRATCH/tactile.txt"
read -ra check < <(sed -n 's/^  check *bouncelab run TRACE //p' "$SCRATCH/tactile.txt")
[ ${#check[@]} -ge 8 ] || fail "no check line"
run run "$TRACES/tactile.csv" "${check[@]}"
expect_stdout 'missed +0 +0' "the advised setting misses nothing in run"
expect_stdout 'false +0 +0' "the advised setting has no false event in run"
smaller=$(sed -n 's/.*the next window down, \([0-9a-z.]*\), has \([0-9]*\) errors.*/\1 \2/p' "$SCRATCH/tactile.txt")
if [ -n "$smaller" ]; then
  read -r window errors <<<"$smaller"
  args=("${check[@]}")
  args[3]=$window # --algo X --window W ...
  run run "$TRACES/tactile.csv" "${args[@]}"
  got=$(awk '/^  (missed|false) / { n += $2 + $3 } END { print n + 0 }' "$OUT")
  [ "$got" = "$errors" ] || fail "run at $window has $got errors, advise said $errors"
fi

# --presses: the setting judged on simulated press cycles (bouncelab stress).
# 2000 clean cycles bound the rate by 1 - 0.05^(1/2000) = 1496.7 per million:
# enough for --target 5000, never for 1 per million (exit 1).
run advise "$TRACES/tactile.csv" --presses 2000 --target 5000 --seed 3
expect_status 0 "advise --presses"
expect_stdout 'false +0.0 per million \(0 in 2000 simulated press cycles; 95 % upper bound 1496.7 per million\)' "bound of 2000 clean cycles"
expect_stdout 'evidence +2000 simulated press cycles per input \(bouncelab stress, seed 3\)' "says where the rates come from"
cp "$OUT" "$SCRATCH/stress1.txt"
run advise "$TRACES/tactile.csv" --presses 2000 --target 5000 --seed 3
cmp -s "$OUT" "$SCRATCH/stress1.txt" || fail "the same seed gave another answer"
run advise "$TRACES/tactile.csv" --presses 2000 --target 1
expect_status 1 "2000 presses cannot support 1 per million"
expect_stdout 'breaks +.*95 % upper bound, 1496.7 per million, is above --target 1' "the bound breaks the target"
run advise "$TRACES/tactile.csv" --presses 0
expect_status 0 "--presses 0: the recordings only"
expect_stdout 'evidence is thin: 30 recorded presses' "--presses 0 is the default"
run advise "$DATA/press.csv" --presses 1000
expect_status 2 "one press cannot be fitted"
expect_stderr 'press.csv: .*--presses needs a model of it' "says why"
# a gen profile stands for its model
run advise tactile --presses 1000 --target 10000
expect_status 0 "advise a profile"
expect_stdout '^recommendation ' "a recommendation for the profile"
run advise no-such-profile
expect_status 2 "neither a file nor a profile"
expect_stderr 'no such file, and no gen profile' "says what it looked for"

# MicroPython: polling no faster than 1 ms, the integrator never in irq mode
run advise "$TRACES/tactile.csv" "$TRACES/worn.csv" --platform micropython --mode poll
expect_status 0 "advise micropython poll"
grep -q 'poll every 100us' "$OUT" && fail "MicroPython polled every 100us"
expect_stdout '^recommendation .*poll every [0-9]+ms  \(platform micropython, 2 traces\)' "a ms interval"
run advise "$TRACES/tactile.csv" --platform micropython
grep -qE 'integrator .*irq' "$OUT" && fail "the integrator with interrupts"
expect_stdout 'irq \(mpy-(hard|soft)\)|poll every' "a MicroPython runtime"
# no CPU while idle: only interrupts qualify
run advise "$TRACES/tactile.csv" --max-cpu 0
expect_stdout '^recommendation  .*irq \(c\)' "--max-cpu 0 asks for interrupts"

# nothing meets: polled MicroPython cannot answer within 100 us at p99;
# exit 1 with the closest setting, and --emit writes nothing
mkdir -p "$SCRATCH/out"
run advise "$TRACES/tactile.csv" --platform micropython --mode poll --max-latency 100us \
  --emit micropython "$SCRATCH/out/main.py"
expect_status 1 "nothing meets"
expect_stdout '^no setting meets every constraint' "says so"
expect_stdout 'closest +.*poll every 1ms' "the closest setting"
expect_stdout 'breaks +p99 press latency .* above --max-latency 100us' "the broken constraint"
[ -z "$(ls -A "$SCRATCH/out")" ] || fail "--emit left files behind: $(ls "$SCRATCH/out")"

# bad input: exit 2, a clear message, nothing written
for args in "--platform arduino|unknown platform 'arduino'" \
            "--max-latency 500ns|below the fastest runtime's entry latency \\(1us\\)" \
            "--platform micropython --max-latency 10us|below the fastest runtime's entry latency \\(20us\\)" \
            "--platform micropython --interval 500us|MicroPython polls no faster than every 1ms" \
            "--platform c --runtime mpy-hard|does not run on platform c" \
            "--mode sometimes|unknown mode 'sometimes'" \
            "--algo integrator --mode irq|the integrator counts samples, so it needs --mode poll" \
            "--algo lockout,bounce|--algo: unknown algorithm 'bounce'" \
            "--target -1|--target" \
            "--emit c $SCRATCH/no/such/dir/main.c|--emit: .*no/such/dir" \
            "--emit java main.java|unknown language 'java'" \
            "--platform c --emit micropython $SCRATCH/out/x.py|does not run on --platform c" \
            "--emit c|--emit takes a language and a file"; do
  opts=${args%%|*}
  # shellcheck disable=SC2086
  run advise "$TRACES/tactile.csv" $opts
  expect_status 2 "$opts"
  expect_stderr "${args#*|}" "$opts"
done
[ -z "$(ls -A "$SCRATCH/out")" ] || fail "bad input left files behind: $(ls "$SCRATCH/out")"
run advise
expect_status 2 "no trace"
printf '# bouncelab trace v1\n# end_ns: 1000000\nt_ns,level\n0,1\n' >"$SCRATCH/flat.csv"
run advise "$SCRATCH/flat.csv" --emit c "$SCRATCH/out/flat.c"
expect_status 2 "a trace without presses"
expect_stderr 'no presses in the inputs' "says so"
[ -z "$(ls -A "$SCRATCH/out")" ] || fail "no presses, yet a file: $(ls "$SCRATCH/out")"

finish
