#!/usr/bin/env bash
# `bouncelab plot` end to end: pictures per trace, formats and fallbacks,
# missing gnuplot, bad input, failed gnuplot runs that leave no half file.
# usage: test_cli_plot.sh BOUNCELAB SCRATCH_DIR DATA_DIR CHECK_IMAGE SCRIPTS_DIR
. "$(dirname "$0")/../cli/lib.sh"
DATA=${3:?usage: test_cli_plot.sh BOUNCELAB SCRATCH_DIR DATA_DIR CHECK_IMAGE SCRIPTS_DIR}
CHECK_IMAGE=${4:?usage: test_cli_plot.sh BOUNCELAB SCRATCH_DIR DATA_DIR CHECK_IMAGE SCRIPTS_DIR}
SCRIPTS=${5:?usage: test_cli_plot.sh BOUNCELAB SCRATCH_DIR DATA_DIR CHECK_IMAGE SCRIPTS_DIR}
GNUPLOT=$(command -v gnuplot) || { echo "SKIP: gnuplot is not installed"; exit 77; }
small=$DATA/small.csv
# bouncelab keeps its per-trace data for gnuplot in a temporary directory:
# every run, failed or not, must remove it
export TMPDIR="$SCRATCH/tmp"
mkdir -p "$TMPDIR"
PLOTS="latency-vs-window errors-vs-window polling-interval tradeoff"

# size_of PLOT: the picture size its script sets
size_of() {
  case $1 in
  latency-vs-window) echo "1200 560" ;;
  errors-vs-window) echo "1200 820" ;;
  polling-interval) echo "1200 720" ;;
  tradeoff) echo "1000 720" ;;
  esac
}

# expect_pictures DIR EXT STEM...: DIR holds exactly STEM-PLOT.EXT for every
# stem and plot, each a whole picture; stdout lists them, one per line.
expect_pictures() {
  local dir=$1 ext=$2 stem plot n=0
  shift 2
  for stem in "$@"; do
    for plot in $PLOTS; do
      n=$((n + 1))
      "$CHECK_IMAGE" "$dir/$stem-$plot.$ext" $(size_of $plot) || fail "$dir/$stem-$plot.$ext"
      grep -qxF "$dir/$stem-$plot.$ext" "$OUT" || fail "stdout does not list $stem-$plot.$ext"
    done
  done
  [ "$(ls -A "$dir" | wc -l)" -eq "$n" ] || fail "$dir holds $(ls -A "$dir"), expected $n pictures"
  expect_stdout_lines "$n" "one line per picture"
}

# fake_gnuplot NAME PATTERN: a gnuplot that fails like a build without a
# terminal when its command line matches PATTERN, else runs the real one.
fake_gnuplot() {
  mkdir -p "$SCRATCH/$1"
  cat >"$SCRATCH/$1/gnuplot" <<FAKE
#!/bin/sh
case "\$*" in
*"$2"*) echo "line 0: unknown or ambiguous terminal type; type just 'set terminal' for a list" >&2
  exit 1 ;;
esac
exec "$GNUPLOT" "\$@"
FAKE
  chmod +x "$SCRATCH/$1/gnuplot"
}

# --- pictures ---------------------------------------------------------------
run plot "$small" -o "$SCRATCH/all"
expect_status 0 "plot every trace"
[ -s "$ERR" ] && fail "plot wrote on stderr"
expect_pictures "$SCRATCH/all" png bench other

mkdir -p "$SCRATCH/here"
cp "$small" "$SCRATCH/here/sweep.csv"
run plot "$SCRATCH/here/sweep.csv"
expect_status 0 "plot without -o"
rm "$SCRATCH/here/sweep.csv"
expect_pictures "$SCRATCH/here" png bench other

run plot "$small" -o "$SCRATCH/svg" --image-format svg --only other
expect_status 0 "--image-format svg --only other"
[ -s "$ERR" ] && fail "--image-format svg wrote on stderr"
expect_pictures "$SCRATCH/svg" svg other

# the picture format's old spelling still works, with a note naming the new one
run plot "$small" -o "$SCRATCH/svg-old" --format svg --only other
expect_status 0 "--format svg (old spelling)"
expect_stderr "note: plot --format svg is now --image-format svg" "the old spelling gets a note"
expect_pictures "$SCRATCH/svg-old" svg other

# output formats only gain: columns a later sweep adds, at the end and in the
# middle, leave the pictures as they were (small.csv has no quoted cell)
awk -F, -v OFS=, '{ $3 = (NR == 1 ? "bounce_class,mode" : "worn," $3)
  $(NF + 1) = (NR == 1 ? "energy_uj" : NR) } 1' "$small" >"$SCRATCH/wider.csv"
run plot "$SCRATCH/wider.csv" -o "$SCRATCH/wider" --only other
expect_status 0 "plot a sweep CSV with added columns"
expect_pictures "$SCRATCH/wider" png other
run plot "$small" -o "$SCRATCH/narrow" --only other
for f in "$SCRATCH"/narrow/*.png; do
  cmp -s "$f" "$SCRATCH/wider/${f##*/}" || fail "${f##*/} differs with the added columns"
done

# a trace named by a path with a quote and a space: its stem names the files,
# and gnuplot must receive the name intact to select its rows
sed "s|^other,|traces/o'clock 1.csv,|" "$small" >"$SCRATCH/quote.csv"
run plot "$SCRATCH/quote.csv" -o "$SCRATCH/quote" --only "o_clock_1"
expect_status 0 "--only by stem"
[ -s "$ERR" ] && fail "plot wrote on stderr"
expect_pictures "$SCRATCH/quote" png o_clock_1
run plot "$SCRATCH/quote.csv" -o "$SCRATCH/quote2" --only "traces/o'clock 1.csv"
expect_status 0 "--only as in the trace column"
expect_pictures "$SCRATCH/quote2" png o_clock_1

run plot "$small" -o "$SCRATCH/none" --only nope
expect_status 2 "--only with no such trace"
expect_stderr "has no trace 'nope' \(it has: bench, other\)" "the traces there are are named"
[ -e "$SCRATCH/none" ] && fail "an output directory was made for nothing"

# --- gnuplot missing or limited ---------------------------------------------
mkdir -p "$SCRATCH/empty-bin"
PATH="$SCRATCH/empty-bin" run plot "$small" -o "$SCRATCH/nognuplot"
expect_status 2 "no gnuplot on PATH"
expect_stderr "gnuplot is not installed" "missing gnuplot is named"
expect_stderr "apt-get install gnuplot-nox" "and how to install it"
[ -e "$SCRATCH/nognuplot" ] && fail "an output directory was made without gnuplot"

fake_gnuplot no-pngcairo "set terminal pngcairo"
PATH="$SCRATCH/no-pngcairo:$PATH" run plot "$small" -o "$SCRATCH/gd" --only bench
expect_status 0 "gnuplot without pngcairo"
expect_stderr "no pngcairo terminal" "the fallback is said"
expect_pictures "$SCRATCH/gd" png bench

fake_gnuplot no-png "set terminal png"
PATH="$SCRATCH/no-png:$PATH" run plot "$small" -o "$SCRATCH/nopng" --only bench
expect_status 0 "gnuplot without any PNG terminal"
expect_stderr "no PNG terminal .*writing SVG instead" "the fallback to SVG is said"
expect_pictures "$SCRATCH/nopng" svg bench

# --- bad input ----------------------------------------------------------------
sed '1s/,mode,/,moda,/' "$small" >"$SCRATCH/header.csv"
run plot "$SCRATCH/header.csv" -o "$SCRATCH/bad"
expect_status 2 "wrong header"
expect_stderr "^bouncelab: $SCRATCH/header.csv:1: missing column 'mode' \\(" \
  "the header error names file, line and the column it lacks"

cut -d, -f1-18 "$small" >"$SCRATCH/short.csv"
run plot "$SCRATCH/short.csv" -o "$SCRATCH/bad"
expect_status 2 "a missing column"
expect_stderr "short.csv:1: missing column 'runtime'" "the missing column is named"

sed '4s/,0,4,/,x,4,/' "$small" >"$SCRATCH/row.csv"
run plot "$SCRATCH/row.csv" -o "$SCRATCH/bad"
expect_status 2 "a bad cell"
expect_stderr "row.csv:4: column 'missed': expected a non-negative whole number, got 'x'" \
  "the bad cell is named with its line"

run plot "$SCRATCH/nowhere.csv" -o "$SCRATCH/bad"
expect_status 2 "no such file"
expect_stderr "nowhere.csv: cannot read: No such file" "an unreadable file is named"

run plot "$SCRATCH" -o "$SCRATCH/bad"
expect_status 2 "a directory"
expect_stderr "cannot read: Is a directory" "a directory is not a CSV"
[ -e "$SCRATCH/bad" ] && fail "bad input made an output directory"

# --- failures while drawing -----------------------------------------------------
touch "$SCRATCH/file"
run plot "$small" -o "$SCRATCH/file"
expect_status 1 "output directory is a file"
expect_stderr "$SCRATCH/file: cannot create the output directory" "the output directory is named"

# a script that fails: the pictures before it are written, the old picture
# it should have replaced stays as it was, no temporary file is left
cp -r "$SCRIPTS" "$SCRATCH/broken-scripts"
echo "plot no_such_function(x)" >>"$SCRATCH/broken-scripts/tradeoff.gp"
mkdir -p "$SCRATCH/partial"
echo old >"$SCRATCH/partial/bench-tradeoff.png"
run plot "$small" -o "$SCRATCH/partial" --scripts "$SCRATCH/broken-scripts"
expect_status 1 "a gnuplot script fails"
expect_stderr "gnuplot failed on $SCRATCH/broken-scripts/tradeoff.gp: .*no_such_function" \
  "the failing script and gnuplot's message are shown"
[ "$(cat "$SCRATCH/partial/bench-tradeoff.png")" = old ] || fail "the old picture was replaced"
for plot in latency-vs-window errors-vs-window polling-interval; do
  "$CHECK_IMAGE" "$SCRATCH/partial/bench-$plot.png" $(size_of $plot) || fail "bench-$plot.png"
done
[ "$(ls -A "$SCRATCH/partial" | wc -l)" -eq 4 ] || fail "leftovers: $(ls -A "$SCRATCH/partial")"

run plot "$small" -o "$SCRATCH/bad" --scripts "$SCRATCH/no-scripts"
expect_status 2 "--scripts without the scripts"
expect_stderr "no-scripts/latency-vs-window.gp: no such plot script" "the missing script is named"

# --- usage ------------------------------------------------------------------------
run plot "$small" --image-format gif
expect_status 2 "unknown format"
expect_stderr "--image-format: expected png or svg, got 'gif'" "the format error says what is expected"
run plot "$small" --format gif
expect_status 2 "unknown format, old spelling"
expect_stderr "--format: expected png or svg, got 'gif'" "the error names the option as typed"
run plot
expect_status 2 "no results CSV"
run plot "$small" "$small"
expect_status 2 "two results CSVs"
run plot --help
expect_status 0 "plot --help"
for plot in $PLOTS; do
  expect_stdout "^  $plot " "--help describes $plot"
done
run --help
expect_stdout '^  plot ' "bouncelab --help lists plot"

[ -z "$(ls -A "$TMPDIR")" ] ||
  fail "temporary files left behind: $(ls -A "$TMPDIR")"

finish
