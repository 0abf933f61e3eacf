# Helpers for the tests that run real tools (tests/tools/test_tool_*.sh),
# sourced after tests/cli/lib.sh. A tool that is missing skips the test
# (exit 77, ctest's SKIP_RETURN_CODE) with a message saying what to install.
TOOLS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PY=/usr/bin/python3
: >"$OUT"
: >"$ERR"

# need_tool COMMAND PACKAGE: skips the whole test when COMMAND is not on PATH.
need_tool() {
  if ! command -v "$1" >/dev/null 2>&1; then
    echo "SKIP: $1 is not installed (Debian package $2; scripts/setup.sh installs it)"
    exit 77
  fi
}

# bl_rows FILE [OPTIONS...]: the trace bouncelab reads from FILE as "end <ns>"
# and "<t_ns>,<level>" rows (the start and every edge), the form
# sigrok_reference.py prints; "ERROR <message>" if it cannot.
bl_rows() {
  local f=$1
  shift
  if ! "$BOUNCELAB" convert "$f" "$SCRATCH/.rows.csv" "$@" >/dev/null 2>"$SCRATCH/.rows.err"; then
    echo "ERROR $(cat "$SCRATCH/.rows.err")"
    return
  fi
  sed -n 's/^# end_ns: //p' "$SCRATCH/.rows.csv" | sed 's/^/end /'
  sed -n '/^t_ns,level$/,$p' "$SCRATCH/.rows.csv" | tail -n +2
}

# same_rows WHAT WANT_FILE GOT_FILE: fails (naming WHAT) unless the two agree.
checked=0
same_rows() {
  checked=$((checked + 1))
  if ! cmp -s "$2" "$3"; then
    fail "$1: bouncelab and the tool disagree: $(diff "$2" "$3" | head -n 8 | tr '\n' '|')"
  fi
}

# edges_in FILE: how many edges a rows file holds (rows less the start).
edges_in() { echo $(($(grep -c ',' "$1") - 1)); }
