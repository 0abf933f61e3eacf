#!/usr/bin/env bash
# `cmake --install` into a fresh prefix gives a bouncelab that finds its
# gnuplot scripts and bundled traces beside itself (PREFIX/share/bouncelab),
# not in the source or build tree, and draws a plot from there.
# usage: test_cli_install.sh BOUNCELAB SCRATCH_DIR BUILD_DIR SOURCE_DIR
. "$(dirname "$0")/lib.sh"
BUILD=${3:?usage: test_cli_install.sh BOUNCELAB SCRATCH_DIR BUILD_DIR SOURCE_DIR}
SRC=${4:?usage: test_cli_install.sh BOUNCELAB SCRATCH_DIR BUILD_DIR SOURCE_DIR}
PREFIX="$SCRATCH/prefix"

cmake --install "$BUILD" --prefix "$PREFIX" >"$SCRATCH/install.log" 2>&1 || {
  cat "$SCRATCH/install.log" >&2
  fail "cmake --install"
  finish
}
BIN="$PREFIX/bin/bouncelab"
[ -x "$BIN" ] || fail "no $BIN"
for gp in "$SRC"/scripts/plots/*.gp; do
  cmp -s "$gp" "$PREFIX/share/bouncelab/plots/$(basename "$gp")" || fail "$(basename "$gp") not installed"
done
[ -f "$PREFIX/share/bouncelab/traces/tactile.csv" ] || fail "the bundled traces are not installed"
[ -f "$PREFIX/share/bouncelab/traces/tactile.truth.csv" ] || fail "the bundled truth is not installed"

# the installed binary names the installed scripts as its default
"$BIN" plot --help >"$OUT" 2>"$ERR"
grep -qF -- "--scripts=DIR                Directory of the gnuplot scripts [default: $PREFIX/bin/../share/bouncelab/plots]" "$OUT" ||
  fail "plot --help does not name the installed scripts: $(grep -- --scripts "$OUT")"

# a copy of the prefix somewhere else still works: nothing points back at the tree
mv "$PREFIX" "$SCRATCH/moved"
BIN="$SCRATCH/moved/bin/bouncelab"
"$BIN" sweep --algo defer --mode poll --window 1ms,5ms --interval 1ms -o "$SCRATCH/bundled.csv" 2>"$ERR"
status=$?
expect_status 0 "sweep of the installed bundled traces"
grep -q '^tactile,' "$SCRATCH/bundled.csv" || fail "the installed bundled traces were not swept"
if command -v gnuplot >/dev/null; then
  "$BIN" plot --trace "$SRC/tests/cli/data/press.csv" --at 1ms -o "$SCRATCH/pic" >"$OUT" 2>"$ERR"
  status=$?
  expect_status 0 "a waveform from the installed binary"
  [ -s "$SCRATCH/pic/press-waveform-defer-5ms-poll-at-1ms.png" ] || fail "no waveform picture"
  # and it used the installed script: without it the plot fails, naming it
  rm "$SCRATCH/moved/share/bouncelab/plots/waveform.gp"
  "$BIN" plot --trace "$SRC/tests/cli/data/press.csv" --at 1ms -o "$SCRATCH/pic2" >"$OUT" 2>"$ERR"
  status=$?
  expect_status 2 "the installed script removed"
  expect_stderr "moved/bin/../share/bouncelab/plots/waveform.gp: no such plot script" "names the installed script"
else
  echo "skipped the picture: gnuplot is not installed"
fi
finish
