# Helpers for end-to-end CLI tests, sourced by tests/cli/test_*.sh.
# Each test script gets the bouncelab binary as $1 and a scratch directory
# as $2 (wiped first); it exits non-zero on the first failed expectation.
set -u

BOUNCELAB=${1:?usage: test_NAME.sh BOUNCELAB SCRATCH_DIR}
SCRATCH=${2:?usage: test_NAME.sh BOUNCELAB SCRATCH_DIR}
rm -rf "$SCRATCH"
mkdir -p "$SCRATCH"
OUT="$SCRATCH/.stdout"
ERR="$SCRATCH/.stderr"
failures=0

# run ARGS...: runs bouncelab, keeping stdout, stderr and the status in $status.
run() {
  "$BOUNCELAB" "$@" >"$OUT" 2>"$ERR"
  status=$?
}

fail() {
  echo "FAIL: $*" >&2
  echo "  stdout: $(head -c 2000 "$OUT")" >&2
  echo "  stderr: $(head -c 2000 "$ERR")" >&2
  failures=$((failures + 1))
}

expect_status() { [ "$status" -eq "$1" ] || fail "status $status, expected $1 ($2)"; }
expect_stdout() { grep -qE -- "$1" "$OUT" || fail "stdout lacks /$1/ ($2)"; }
expect_stderr() { grep -qE -- "$1" "$ERR" || fail "stderr lacks /$1/ ($2)"; }
expect_stdout_lines() {
  local n
  n=$(wc -l <"$OUT")
  [ "$n" -eq "$1" ] || fail "stdout has $n lines, expected $1 ($2)"
}

finish() {
  if [ "$failures" -ne 0 ]; then
    echo "$failures expectation(s) failed" >&2
    exit 1
  fi
  echo "all expectations met"
}
